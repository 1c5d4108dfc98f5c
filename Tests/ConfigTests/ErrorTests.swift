import Foundation
import Testing

@testable import Config

/// A configuration heed must refuse, and what the error must say about it.
struct WrongConfiguration: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let keyPath: String?
    let line: Int
    let column: Int
    /// A part of the message that states the problem.
    let problem: String

    var testDescription: String { name }
}

let wrongConfigurations: [WrongConfiguration] = [
    // Unknown keys, with and without a suggestion.
    WrongConfiguration(
        name: "misspelt section", yaml: "limts:\n  max_parts: 10\n",
        keyPath: "limts", line: 1, column: 1, problem: #"unknown key "limts"; did you mean "limits"?"#),
    WrongConfiguration(
        name: "misspelt limit", yaml: "limits:\n  max_part: 10\n",
        keyPath: "limits.max_part", line: 2, column: 3, problem: #"unknown key "max_part"; did you mean "max_parts"?"#),
    WrongConfiguration(
        name: "misspelt watch key", yaml: "watch:\n  - adress: x@cern.ch\n    mode: query\n",
        keyPath: "watch[0].adress", line: 2, column: 5, problem: #"did you mean "address"?"#),
    WrongConfiguration(
        name: "unknown key, nothing close", yaml: "colour: blue\n",
        keyPath: "colour", line: 1, column: 1,
        problem: #"unknown key "colour"; expected one of own_domains, watch, limits"#),

    // Wrong types.
    WrongConfiguration(
        name: "domain instead of a list", yaml: "own_domains: cern.ch\n",
        keyPath: "own_domains", line: 1, column: 14,
        problem: #"expected a list of mail domains, such as [cern.ch], found "cern.ch""#),
    WrongConfiguration(
        name: "number instead of limits", yaml: "limits: 5\n",
        keyPath: "limits", line: 1, column: 9, problem: #"expected a mapping of limits such as {max_parts: 1000}, found "5""#),
    WrongConfiguration(
        name: "word instead of a count", yaml: "limits:\n  max_parts: lots\n",
        keyPath: "limits.max_parts", line: 2, column: 14, problem: #"expected a whole number, found "lots""#),
    WrongConfiguration(
        name: "list instead of a mode", yaml: "watch:\n  - address: x@cern.ch\n    mode: [query]\n",
        keyPath: "watch[0].mode", line: 3, column: 11,
        problem: "expected a mode: one of query, announcement, found a list"),
    WrongConfiguration(
        name: "section without a value", yaml: "watch:\n",
        keyPath: "watch", line: 1, column: 7,
        problem: "has no value; expected a list of watch rules, each with an address and a mode ([] for none) (remove the key to keep the default)"),
    WrongConfiguration(
        name: "list at the top", yaml: "- cern.ch\n",
        keyPath: nil, line: 1, column: 1,
        problem: "expected a mapping of sections (own_domains, watch, limits, milter, checks, policies, contacts, store, replies, digest, metrics), found a list"),

    // Watch rules.
    WrongConfiguration(
        name: "unknown mode",
        yaml: """
            watch:
              - {address: a@cern.ch, mode: query}
              - {address: b@cern.ch, mode: announcement}
              - address: c@cern.ch
                mode: announce
            """,
        keyPath: "watch[2].mode", line: 5, column: 11,
        problem: #"unknown mode "announce"; expected one of query, announcement"#),
    WrongConfiguration(
        name: "passthrough is not a watch mode", yaml: "watch:\n  - {address: a@cern.ch, mode: passthrough}\n",
        keyPath: "watch[0].mode", line: 2, column: 32,
        problem: #"unknown mode "passthrough"; expected one of query, announcement (addresses not watched are passthrough already)"#),
    WrongConfiguration(
        name: "unknown audience",
        yaml: "watch:\n  - address: x@cern.ch\n    mode: announcement\n    audience: everyone\n",
        keyPath: "watch[0].audience", line: 4, column: 15,
        problem: #"unknown audience "everyone"; expected one of wide, specialist"#),
    WrongConfiguration(
        name: "audience on a query rule", yaml: "watch:\n  - address: x@cern.ch\n    mode: query\n    audience: wide\n",
        keyPath: "watch[0].audience", line: 4, column: 15, problem: "applies only to announcement rules"),
    WrongConfiguration(
        name: "rule without a mode", yaml: "watch:\n  - address: x@cern.ch\n",
        keyPath: "watch[0].mode", line: 2, column: 5,
        problem: "is missing; every watch rule needs a mode: one of query, announcement"),
    WrongConfiguration(
        name: "rule without an address", yaml: "watch:\n  - mode: query\n",
        keyPath: "watch[0].address", line: 2, column: 5, problem: "is missing; every watch rule needs an address"),
    WrongConfiguration(
        name: "wildcard in the domain", yaml: "watch:\n  - {address: \"it-announce@*.cern.ch\", mode: announcement}\n",
        keyPath: "watch[0].address", line: 2, column: 15, problem: "wildcards match only in the part before the @"),
    WrongConfiguration(
        name: "address without @", yaml: "watch:\n  - {address: social-media, mode: query}\n",
        keyPath: "watch[0].address", line: 2, column: 15, problem: #""social-media" is not an address: it has no @"#),
    WrongConfiguration(
        name: "address with a display name", yaml: "watch:\n  - {address: \"Team <team@cern.ch>\", mode: query}\n",
        keyPath: "watch[0].address", line: 2, column: 15, problem: #"contains "<"; write the bare address"#),
    WrongConfiguration(
        name: "empty address", yaml: "watch:\n  - {address: \"\", mode: query}\n",
        keyPath: "watch[0].address", line: 2, column: 15,
        problem: "has no value; expected an address such as social-media@cern.ch"),
    WrongConfiguration(
        name: "address watched twice",
        yaml: "watch:\n  - {address: a@cern.ch, mode: query}\n  - {address: A@CERN.CH, mode: announcement}\n",
        keyPath: "watch[1].address", line: 3, column: 15, problem: #""a@cern.ch" is already watched by watch[0]"#),

    // Own domains.
    WrongConfiguration(
        name: "address instead of a domain", yaml: "own_domains: [user@cern.ch]\n",
        keyPath: "own_domains[0]", line: 1, column: 15, problem: "is an address, not a domain"),
    WrongConfiguration(
        name: "domain without a dot", yaml: "own_domains:\n  - cern\n",
        keyPath: "own_domains[0]", line: 2, column: 5, problem: #""cern" is not a domain name: it needs at least one dot"#),
    WrongConfiguration(
        name: "no own domain", yaml: "own_domains: []\n",
        keyPath: "own_domains", line: 1, column: 14, problem: "must list at least one domain"),

    // Limits.
    WrongConfiguration(
        name: "negative limit", yaml: "limits:\n  max_depth: -3\n",
        keyPath: "limits.max_depth", line: 2, column: 14, problem: "must be positive, not -3"),
    WrongConfiguration(
        name: "zero limit", yaml: "limits:\n  max_parts: 0\n",
        keyPath: "limits.max_parts", line: 2, column: 14, problem: "must be positive, not 0"),
    WrongConfiguration(
        name: "negative size", yaml: "limits:\n  max_message_size: -32MiB\n",
        keyPath: "limits.max_message_size", line: 2, column: 21, problem: "must be positive, not -32MiB"),
    WrongConfiguration(
        name: "depth beyond reason", yaml: "limits:\n  max_depth: 5000\n",
        keyPath: "limits.max_depth", line: 2, column: 14, problem: "5000 is more than heed accepts (256 at most"),
    WrongConfiguration(
        name: "size beyond reason", yaml: "limits:\n  max_message_size: 2GiB\n",
        keyPath: "limits.max_message_size", line: 2, column: 21,
        problem: "2 GiB is more than heed accepts (1 GiB at most"),
    WrongConfiguration(
        name: "unknown unit", yaml: "limits:\n  max_message_size: 32 potatoes\n",
        keyPath: "limits.max_message_size", line: 2, column: 21,
        problem: #"found "32 potatoes"; units are B, KB, MB, GB (powers of 1000) and KiB, MiB, GiB (powers of 1024)"#),

    // Invalid YAML: Yams' message and position, no key path.
    WrongConfiguration(
        name: "unclosed flow list", yaml: "limits:\n  max_parts: [1, 2\n",
        keyPath: nil, line: 3, column: 1, problem: "invalid YAML: did not find expected ',' or ']'"),
    WrongConfiguration(
        name: "tab indentation", yaml: "limits:\n\tmax_parts: 3\n",
        keyPath: nil, line: 2, column: 1, problem: "invalid YAML: found character that cannot start any token"),
    WrongConfiguration(
        name: "duplicate key", yaml: "limits: {max_depth: 3}\nlimits: {max_parts: 4}\n",
        keyPath: nil, line: 1, column: 1, problem: #"duplicate key "limits"; each key may appear only once"#),
    WrongConfiguration(
        name: "two documents", yaml: "limits: {max_depth: 3}\n---\nlimits: {max_parts: 4}\n",
        keyPath: nil, line: 2, column: 1, problem: "invalid YAML: a second document starts here"),
    WrongConfiguration(
        name: "undefined alias", yaml: "watch: *rules\n",
        keyPath: nil, line: 1, column: 8, problem: "invalid YAML: found undefined alias"),
]

@Suite struct ErrorTests {
    static let file = "/etc/heed/heed.yaml"

    @Test(arguments: wrongConfigurations)
    func wrongConfigurationIsExplained(_ wrong: WrongConfiguration) {
        do {
            let config = try HeedConfig.parse(yaml: wrong.yaml, source: Self.file)
            Issue.record("accepted: \(config)")
        } catch {
            #expect(error.file == Self.file)
            #expect(error.keyPath == wrong.keyPath)
            #expect(error.line == wrong.line)
            #expect(error.column == wrong.column)
            #expect(error.message.contains(wrong.problem), "message: \(error.message)")
            let position = "heed: \(Self.file):\(wrong.line):\(wrong.column): "
            #expect(error.description.hasPrefix(position + (wrong.keyPath.map { "\($0): " } ?? "")))
            #expect(!error.description.contains("\n"), "one line for the log: \(error.description)")
        }
    }

    @Test func descriptionReadsAsOneLine() {
        let yaml = """
            own_domains:
              - cern.ch
            watch:
              - address: social-media@cern.ch
                mode: query
              - address: it-announce@cern.ch
                mode: announcement
              - address: news-announce@cern.ch
                mode: announce
            """
        #expect {
            _ = try HeedConfig.parse(yaml: yaml, source: Self.file)
        } throws: { error in
            String(describing: error)
                == #"heed: /etc/heed/heed.yaml:9:11: watch[2].mode: unknown mode "announce"; expected one of query, announcement"#
        }
    }

    @Test func unquotedPatternIsReportedAsYAML() {
        // A leading * starts an alias in YAML; the error must still point at the line.
        #expect {
            _ = try HeedConfig.parse(yaml: "watch:\n  - address: *-announce@cern.ch\n    mode: announcement\n", source: Self.file)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.line == 2 && error.column == 14
                && error.message == #"invalid YAML: found undefined alias; a value that starts with * must be quoted, e.g. "*-announce@cern.ch""#
        }
    }
}

@Suite struct FileErrorTests {
    @Test func missingFileIsNamed() {
        let path = "/nonexistent/heed/heed.yaml"
        #expect {
            _ = try HeedConfig.load(path: path)
        } throws: { error in
            String(describing: error) == "heed: \(path): cannot read the configuration file: no such file"
        }
    }

    @Test func directoryIsRefused() throws {
        try withTemporaryDirectory { directory in
            #expect {
                _ = try HeedConfig.load(path: directory.path)
            } throws: { error in
                String(describing: error) == "heed: \(directory.path): cannot read the configuration file: it is a directory"
            }
        }
    }

    @Test func invalidYAMLInAFileNamesTheFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("heed.yaml").path
            try "watch:\n  - address: [\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                _ = try HeedConfig.load(path: path)
            } throws: { error in
                guard let error = error as? ConfigError else { return false }
                return error.file == path && error.description.hasPrefix("heed: \(path):")
                    && error.message.hasPrefix("invalid YAML: ") && error.line != nil
            }
        }
    }

    @Test func wrongKeyInAFileNamesFileLineAndKey() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("heed.yaml").path
            try "# site settings\nlimits:\n  max_depht: 8\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                _ = try HeedConfig.load(path: path)
            } throws: { error in
                String(describing: error)
                    == #"heed: \#(path):3:3: limits.max_depht: unknown key "max_depht"; did you mean "max_depth"?"#
            }
        }
    }

    @Test func binaryFileIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("heed.yaml").path
            try Data([0x6C, 0x69, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try HeedConfig.load(path: path)
            } throws: { error in
                String(describing: error) == "heed: \(path): cannot read the configuration file: it is not UTF-8 text"
            }
        }
    }

    @Test func hugeFileIsRefusedUnread() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("heed.yaml").path
            try Data(repeating: 0x23, count: ConfigLoader.maximumFileSize + 1).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try HeedConfig.load(path: path)
            } throws: { error in
                String(describing: error).contains("larger than 1 MiB")
            }
        }
    }
}

@Suite struct ContactsTests {
    @Test func defaultsNameEveryTopicButGeneral() {
        #expect(Set(HeedConfig.embeddedDefault.contacts.byTopic.keys) == Set(TopicContacts.topics))
        #expect(HeedConfig.embeddedDefault.contacts.contact(for: "general") == nil)
    }

    @Test func aFileOverridesOneContact() throws {
        let config = try HeedConfig.parse(yaml: "contacts:\n  media: Media-Desk@cern.ch\n", source: "test.yaml")
        #expect(config.contacts.contact(for: "media") == "media-desk@cern.ch")
        #expect(config.contacts.contact(for: "logo") == "visual-identity@cern.ch")
    }

    @Test func unknownTopicAndBadAddressAreErrors() {
        #expect(throws: ConfigError.self) { try HeedConfig.parse(yaml: "contacts:\n  weather: w@cern.ch\n", source: "t.yaml") }
        #expect(throws: ConfigError.self) { try HeedConfig.parse(yaml: "contacts:\n  media: not an address\n", source: "t.yaml") }
    }
}
