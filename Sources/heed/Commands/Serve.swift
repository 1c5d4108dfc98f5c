import ArgumentParser
import Config

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the milter (Postfix/Sendmail mail filter protocol v6).")

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Where to listen: inet:PORT@HOST, inet:HOST:PORT or unix:PATH.", valueName: "socket"))
    var listen: String = "inet:8891@127.0.0.1"

    func run() throws {
        let config = loadConfig(options.config)
        printError("""
            heed serve: configuration loaded from \(config.source) (\(config.watch.count) watched addresses).
            The milter (protocol v6 on \(listen)) arrives in a later version; nothing is listening.
            Meanwhile, `heed check FILE...` runs the same analysis on stored messages.
            """)
        throw ExitCode(69)  // EX_UNAVAILABLE: a supervisor must not think the milter is up.
    }
}
