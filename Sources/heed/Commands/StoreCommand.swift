import ArgumentParser
import Config
import Foundation
import Store

/// `heed store`: maintenance of heed's own data.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Maintain heed's store (store.path of the configuration).",
        subcommands: [Prune.self])

    /// `heed store prune [--days N]`: what `heed serve` does daily, at once.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete stored records older than store.retention_days (or --days).",
            discussion: """
                Deletes decisions with their findings, announcement counts and reply records older \
                than the retention, and outbox mail delivered or given up before it. Mail not yet \
                delivered is never deleted. Safe while heed serve runs on the same store. Prints \
                how many rows of each kind it removed. Exit status 78 when the configuration or \
                the store cannot be opened.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: ArgumentHelp("Keep this many days instead of store.retention_days.", valueName: "n"))
        var days: Int?

        func validate() throws {
            if let days, days < 0 || days > 3650 {
                throw ValidationError("--days: expected 0 to 3650, got \(days)")
            }
        }

        func run() throws {
            let config = loadConfig(options.config)
            let keep = days ?? config.store.retentionDays
            let path = config.resolve(config.store.path)
            guard FileManager.default.fileExists(atPath: path) else {
                print("nothing to prune: \(path) does not exist")
                return
            }
            let store: SQLiteStore
            do {
                store = try SQLiteStore(path: path)
            } catch {
                printError("heed store prune: store.path: \(error)")
                throw ExitCode(ExitStatus.configError)
            }
            let counts: PruneCounts
            do {
                counts = try store.prune(keepingDays: keep, now: Date())
                try store.close()
            } catch {
                printError("heed store prune: \(error)")
                throw ExitCode(ExitStatus.inputError)
            }
            print("""
                pruned \(path), keeping \(keep) days: \(counts.decisions) decisions, \(counts.findings) findings, \
                \(counts.announcements) announcement counts, \(counts.replies) replies, \(counts.outbox) outbox items
                """)
        }
    }
}
