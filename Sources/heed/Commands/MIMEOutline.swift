import ArgumentParser
import Config
import MIME

struct MIMEOutline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mime",
        abstract: "Show how heed reads a message: headers, part tree, decoded text (for admins and bug reports).")

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print each text part's decoded text in full.")
    var text = false

    @Argument(help: ArgumentHelp("Message files, or - for standard input.", valueName: "file"))
    var files: [String]

    func run() throws {
        let config = loadConfig(options.config)
        var failed = false
        for file in files {
            do {
                let message = try MIMEParser.parse(try readInput(file), limits: MIMELimits(config.limits))
                print("== \(file)")
                print(message.outline(fullText: text), terminator: "")
            } catch {
                failed = true
                print("== \(file)\nerror: \(error)")
            }
        }
        if failed { throw ExitCode(ExitStatus.inputError) }
    }
}
