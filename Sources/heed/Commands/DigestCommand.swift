import ArgumentParser
import Config
import Digest
import Foundation
import Guidelines
import Serving
import Store

/// `heed digest`: the figures of a period from the store, as text, HTML or JSON, or mailed
/// to `digest.recipients` through the outbox.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Summarise a period of screened mail: verdicts, lists, categories, rules, topics and replies.",
        discussion: """
            The period ends now (or at --until) and starts --since before; every figure is compared \
            with the period of the same length just before. The digest holds counts, rule ids and \
            masked examples: no sender's address, name or personal data. --send puts it (text and \
            HTML) in the outbox for digest.recipients and prints where it went to standard error; \
            the running heed serve delivers it. With --send, the digest is printed only when \
            --format is given. Exit status: 66 when the store does not exist, 78 for a wrong \
            configuration, template or recipient list, 1 when the store cannot be read or written.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json }

    /// EX_NOINPUT (sysexits.h): the store file does not exist.
    static let noStore: Int32 = 66

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Length of the period: a number and m, h, d or w (7d, 24h, 2w).", valueName: "length"))
    var since: String = "7d"

    @Option(help: ArgumentHelp(
        "End of the period (not included): 2026-11-23 (midnight UTC) or 2026-11-23T06:00:00Z. Default: now.",
        valueName: "time"))
    var until: String?

    @Option(help: "Output format (default text).")
    var format: Format?

    @Flag(help: "Queue the digest in the outbox for digest.recipients (heed serve delivers it).")
    var send = false

    @Option(help: ArgumentHelp("The store to read instead of store.path of the configuration.", valueName: "file"))
    var store: String?

    func validate() throws {
        if DigestWindow.length(since) == nil {
            throw ValidationError(
                "--since: expected a number above 0 and m, h, d or w (such as 7d), at most 3650d; got \"\(since)\"")
        }
        if let until, DigestWindow.instant(until) == nil {
            throw ValidationError("--until: expected 2026-11-23 or 2026-11-23T06:00:00Z; got \"\(until)\"")
        }
    }

    func run() throws {
        let config = loadConfig(options.config)
        let end = until.flatMap(DigestWindow.instant) ?? Date()
        let start = end.addingTimeInterval(-(DigestWindow.length(since) ?? 7 * 86_400))

        // Everything that can be wrong in the configuration fails before the store is read.
        let explanations: [String: String]
        let templates: DigestTemplates
        do {
            explanations = Dictionary(
                try RuleBook.load(config).rules.map { ($0.id, $0.explain) }, uniquingKeysWith: { first, _ in first })
            templates = try DigestTemplates(directory: try ServingRuntime.templatesDirectory(config) + "/digest")
        } catch {
            printError("heed digest: \(error)")
            throw ExitCode(ExitStatus.configError)
        }
        if send && config.digest.recipients.isEmpty {
            printError("heed digest: --send: digest.recipients in \(config.source) is empty")
            throw ExitCode(ExitStatus.configError)
        }

        // Opening would create a missing store, and an empty new store would give a digest
        // that says nothing happened: a wrong path must say so instead.
        let path = store ?? config.resolve(config.store.path)
        guard FileManager.default.fileExists(atPath: path) else {
            let origin = store == nil ? "store.path of \(config.source)" : "--store"
            printError("heed digest: no store at \(path) (\(origin)); heed serve creates it when it starts")
            throw ExitCode(Self.noStore)
        }
        let options = DigestOptions(
            top: config.digest.top, guidelinesURL: config.replies.guidelinesURL["en"] ?? "",
            teamAddress: config.replies.from, ruleExplanations: explanations)
        let report: DigestReport
        let database: SQLiteStore
        do {
            database = try SQLiteStore(path: path)
            report = try DigestReport(store: database, from: start, to: end, options: options)
        } catch {
            printError("heed digest: \(error)")
            throw ExitCode(ExitStatus.inputError)
        }

        if send {
            do {
                var random = SystemRandomNumberGenerator()
                let mail = try DigestMail.build(
                    subject: report.view.subject, text: templates.text(report.view), html: templates.html(report.view),
                    from: config.replies.from, recipients: config.digest.recipients, date: Date(), random: &random)
                let id = try database.enqueue(mail, now: Date())
                printError(
                    "heed digest: \(report.view.period) queued for \(mail.recipients.joined(separator: ", "))"
                        + " (outbox item \(id)); heed serve delivers it")
            } catch let failure as DigestMail.Failure {
                printError("heed digest: --send: \(failure)")
                throw ExitCode(ExitStatus.configError)
            } catch {
                printError("heed digest: --send: \(error)")
                throw ExitCode(ExitStatus.inputError)
            }
            guard format != nil else { return }
        }
        switch format ?? .text {
        case .text: print(templates.text(report.view), terminator: "")
        case .html: print(templates.html(report.view), terminator: "")
        case .json: print(report.json(), terminator: "")
        }
    }
}
