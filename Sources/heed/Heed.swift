import ArgumentParser

/// The `heed` executable: subcommands only; the logic lives in the library modules.
@main
struct Heed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heed",
        abstract: "A mail filter that helps people follow CERN's social-media guidelines.",
        subcommands: [Serve.self, Check.self, MIMEOutline.self, StoreCommand.self, DigestCommand.self],
        defaultSubcommand: nil)
}

/// Flags every subcommand shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (YAML). Without it, the embedded default.", valueName: "file"))
    var config: String?
}
