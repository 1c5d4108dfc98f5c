import ArgumentParser
import Config
import Foundation
import MIME

struct MIMEOutline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mime",
        abstract: "Show how heed reads a message: headers, part tree, decoded text (for admins and bug reports).")

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Print each text part's decoded text in full.")
    var text = false

    @Option(help: ArgumentHelp("Write the decoded body of the part with this IMAP section (e.g. 2.1) to standard output, nothing else.", valueName: "section"))
    var part: String?

    @Argument(help: ArgumentHelp("Message files, or - for standard input.", valueName: "file"))
    var files: [String]

    func run() throws {
        let config = loadConfig(options.config)
        var failed = false
        for file in files {
            do {
                let message = try MIMEParser.parse(try readInput(file), limits: MIMELimits(config.limits))
                if let section = part {
                    guard let found = message.part(section: section), found.kind == .leaf else {
                        printError("\(file): no leaf part \(section); sections: \(message.parts.filter { $0.kind == .leaf }.map(\.section).joined(separator: " "))")
                        failed = true
                        continue
                    }
                    FileHandle.standardOutput.write(Data(found.decodedBody()))
                    continue
                }
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
