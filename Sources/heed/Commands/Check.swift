import ArgumentParser
import Config
import Guidelines
import MIME

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check stored messages as the milter would, and print what heed decides.",
        discussion: """
            The mode comes from the --rcpt addresses when given (as the milter sees the envelope), \
            else from To and Cc. JSON output is one object per message (JSON Lines). A file that \
            cannot be read or parsed gives an object with "error"; the others are still checked, \
            and the exit status is 1.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("rcpt"), help: ArgumentHelp("An envelope recipient (repeat for several).", valueName: "address"))
    var recipients: [String] = []

    @Argument(help: ArgumentHelp("Message files (RFC 5322), or - for standard input.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one message file, or - for standard input") }
    }

    func run() throws {
        let config = loadConfig(options.config)
        // The rules (shipped, and the configuration's rule directories) are read once, before any
        // message: a wrong rule file stops heed like a wrong configuration does.
        let engine: CheckEngine
        do {
            engine = try CheckEngine(config: config)
        } catch {
            printError("\(error)")
            throw ExitCode(ExitStatus.configError)
        }
        let limits = MIMELimits(config.limits)
        var failed = false
        for file in files {
            let report: CheckReport
            do {
                let bytes = try readInput(file)
                let message = try MIMEParser.parse(bytes, limits: limits)
                let result = engine.evaluate(message, recipients: recipients.isEmpty ? nil : recipients)
                report = .checked(file: file, message: message, result: result)
            } catch {
                failed = true
                report = .failed(file: file, error: "\(error)")
            }
            switch format {
            case .json: print(report.json())
            case .text: print(report.text())
            }
        }
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}

extension MIMELimits {
    init(_ limits: Limits) {
        self.init(maxMessageSize: limits.maxMessageSize, maxDepth: limits.maxDepth,
                  maxParts: limits.maxParts, maxHeaderBytes: limits.maxHeaderBytes)
    }
}
