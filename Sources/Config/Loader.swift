import Foundation
import Yams

extension HeedConfig {
    /// The configuration heed runs with: the embedded default when `path` is nil, else the
    /// file at `path` laid over the embedded default (see `HeedConfig` for how).
    public static func load(path: String?) throws(ConfigError) -> HeedConfig {
        guard let path else { return embeddedDefault }
        let text = try ConfigLoader.readFile(path)
        return try ConfigLoader.parse(yaml: text, source: path, over: embeddedDefault)
    }

    /// Parses YAML text laid over the embedded default; `source` names it in errors and logs.
    public static func parse(yaml: String, source: String) throws(ConfigError) -> HeedConfig {
        try ConfigLoader.parse(yaml: yaml, source: source, over: embeddedDefault)
    }
}

/// Reads configuration text into a `HeedConfig`.
///
/// The loader walks the Yams node tree itself rather than decoding, so that every error can
/// carry its key path and line:column. The file is a mapping of sections; each section is
/// one entry in `sections`, so adding a section (policies, contacts, store, listen address)
/// means adding a property to `HeedConfig`, a default to `embeddedDefaultYAML` and
/// Deploy/heed.yaml, and one `Section` here.
enum ConfigLoader {
    /// A configuration file larger than this is refused unread: it cannot be a heed
    /// configuration, and a path such as /dev/zero must not make heed read forever.
    static let maximumFileSize = 1 << 20

    /// One top-level key and how to read its value into the configuration.
    struct Section {
        let key: String
        let read: (Node, ConfigPath, inout HeedConfig, NodeReader) throws(ConfigError) -> Void
    }

    static var sections: [Section] {
        [
            Section(key: "own_domains") { node, path, config, reader throws(ConfigError) in
                config.ownDomains = try reader.domains(node, at: path)
            },
            Section(key: "watch") { node, path, config, reader throws(ConfigError) in
                config.watch = try reader.watchRules(node, at: path)
            },
            Section(key: "limits") { node, path, config, reader throws(ConfigError) in
                try reader.limits(node, at: path, into: &config.limits)
            },
            Section(key: "milter") { node, path, config, reader throws(ConfigError) in
                try reader.milterSettings(node, at: path, into: &config.milter)
            },
            Section(key: "checks") { node, path, config, reader throws(ConfigError) in
                try reader.checksSettings(node, at: path, into: &config.checks)
            },
            Section(key: "policies") { node, path, config, reader throws(ConfigError) in
                try reader.policySettings(node, at: path, into: &config.policies)
            },
            Section(key: "contacts") { node, path, config, reader throws(ConfigError) in
                try reader.topicContacts(node, at: path, into: &config.contacts)
            },
            Section(key: "store") { node, path, config, reader throws(ConfigError) in
                try reader.storeSettings(node, at: path, into: &config.store)
            },
            Section(key: "replies") { node, path, config, reader throws(ConfigError) in
                try reader.replyConfig(node, at: path, into: &config.replies)
            },
            Section(key: "digest") { node, path, config, reader throws(ConfigError) in
                try reader.digestSettings(node, at: path, into: &config.digest)
            },
            Section(key: "metrics") { node, path, config, reader throws(ConfigError) in
                try reader.metricsSettings(node, at: path, into: &config.metrics)
            },
        ]
    }

    /// Parses `yaml` and lays it over `base`. With no base (only for the embedded default)
    /// every section and every key of a mapping section must be present, as nothing
    /// beneath would fill a gap.
    static func parse(yaml: String, source: String, over base: HeedConfig?) throws(ConfigError) -> HeedConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        } catch {
            throw ConfigError(file: source, message: "invalid YAML: \(error)")
        }

        let reader = NodeReader(source: source, requireEveryKey: base == nil)
        var config = base ?? HeedConfig(
            ownDomains: [], watch: [],
            limits: Limits(maxMessageSize: 0, maxDepth: 0, maxParts: 0, maxHeaderBytes: 0),
            source: source)
        config.source = source

        // A file holding only comments (or nothing) changes nothing.
        let document = root.flatMap { NodeReader.isNull($0) ? nil : $0 }
        guard let document else {
            if base == nil { throw ConfigError(file: source, message: "the configuration is empty") }
            return config
        }
        let sections = Self.sections
        try reader.mapping(
            document, at: ConfigPath(),
            expecting: "a mapping of sections (\(sections.map(\.key).joined(separator: ", ")))",
            keys: sections.map(\.key), requireAll: reader.requireEveryKey
        ) { key, value, path throws(ConfigError) in
            guard let section = sections.first(where: { $0.key == key }) else { return }
            try section.read(value, path, &config, reader)
        }
        return config
    }

    /// The file's text, or an error that names the file and says why it cannot be read.
    static func readFile(_ path: String) throws(ConfigError) -> String {
        func failure(_ message: String) -> ConfigError {
            ConfigError(file: path, message: "cannot read the configuration file: \(message)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file")
        }
        guard !isDirectory.boolValue else { throw failure("it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw failure("permission denied") }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw failure(error.localizedDescription)
        }
        guard data.count <= maximumFileSize else {
            throw failure("it is larger than \(ByteCount.describe(maximumFileSize)), too large for a heed configuration")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure("it is not UTF-8 text")
        }
        return text
    }

    /// Yams' own problem text and position, in heed's error format.
    static func syntaxError(_ error: YamlError, source: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            switch problem {
            case "found undefined alias":
                // The likely cause in a heed configuration is an unquoted address pattern.
                message += "; a value that starts with * must be quoted, e.g. \"*-announce@cern.ch\""
            case "but found another document":
                message = "invalid YAML: a second document starts here; a configuration file holds one"
            default:
                if let context { message += " (\(context.text) at \(context.mark))" }
            }
            return ConfigError(file: source, line: mark.line, column: mark.column, message: message)
        case let .reader(problem, offset, _, yaml):
            let position = offset.map { Self.position(ofCharacter: $0, in: yaml) }
            return ConfigError(
                file: source, line: position?.line, column: position?.column,
                message: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return ConfigError(
                file: source, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(keys); each key may appear only once in a mapping")
        default:
            return ConfigError(file: source, message: "invalid YAML: \(error)")
        }
    }

    /// 1-based line and column of the character at `offset` (Yams counts reader offsets in
    /// characters).
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// Where a node sits in the configuration, written `limits.max_parts` or `watch[2].mode`
/// (indexes count from 0).
struct ConfigPath: CustomStringConvertible {
    private(set) var description = ""
    /// Whether the path passes through a list element. Keys outside lists have a default
    /// value underneath, which error messages can point out.
    private(set) var isInsideList = false

    var isRoot: Bool { description.isEmpty }

    func appending(_ key: String) -> ConfigPath {
        var path = self
        path.description += path.description.isEmpty ? key : ".\(key)"
        return path
    }

    func appending(index: Int) -> ConfigPath {
        var path = self
        path.description += "[\(index)]"
        path.isInsideList = true
        return path
    }
}

/// Typed access to Yams nodes that turns every mismatch into a `ConfigError` carrying the
/// key path and the node's line:column.
struct NodeReader {
    let source: String
    /// Set while reading the embedded default: every key of every mapping section must be set.
    let requireEveryKey: Bool

    func error(_ message: String, at path: ConfigPath, node: Node?) -> ConfigError {
        let mark = node?.mark
        return ConfigError(
            file: source, keyPath: path.isRoot ? nil : path.description,
            line: mark?.line, column: mark?.column, message: message)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return node.tag.rawValue == Tag.Name.null.rawValue }
        return false
    }

    /// How a node looks to a person reading the file, for "expected X, found Y".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping (key: value pairs)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func wrongType(_ node: Node, at path: ConfigPath, expected: String) -> ConfigError {
        guard Self.isNull(node) else {
            return error("expected \(expected), found \(Self.describe(node))", at: path, node: node)
        }
        let hint = path.isInsideList || requireEveryKey ? "" : " (remove the key to keep the default)"
        return error("has no value; expected \(expected)\(hint)", at: path, node: node)
    }

    /// Visits each entry of a mapping whose keys must all be among `keys`; an unknown key is
    /// an error with a "did you mean" when a known key is close. With `requireAll`, a key
    /// left out is an error too.
    func mapping(
        _ node: Node, at path: ConfigPath, expecting expected: String, keys: [String], requireAll: Bool = false,
        _ visit: (String, Node, ConfigPath) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        guard case .mapping(let mapping) = node else { throw wrongType(node, at: path, expected: expected) }
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw error("keys must be plain names, found \(Self.describe(keyNode))", at: path, node: keyNode)
            }
            let key = keyScalar.string
            let keyPath = path.appending(key)
            guard keys.contains(key) else {
                let message = if let suggestion = Suggestion.closest(to: key, among: keys) {
                    "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?"
                } else {
                    "unknown key \"\(key)\"; expected one of \(keys.joined(separator: ", "))"
                }
                throw error(message, at: keyPath, node: keyNode)
            }
            seen.insert(key)
            try visit(key, value, keyPath)
        }
        if requireAll, let missing = keys.first(where: { !seen.contains($0) }) {
            throw error("is missing; this configuration must set every key", at: path.appending(missing), node: node)
        }
    }

    /// The elements of a list with their paths.
    func sequence(_ node: Node, at path: ConfigPath, expecting expected: String) throws(ConfigError) -> [(Node, ConfigPath)] {
        guard case .sequence(let sequence) = node else { throw wrongType(node, at: path, expected: expected) }
        return sequence.enumerated().map { ($0.element, path.appending(index: $0.offset)) }
    }

    /// A scalar's text as written (so `no` stays "no", not false), refusing lists, mappings
    /// and empty values, quoted or not.
    func text(_ node: Node, at path: ConfigPath, expecting expected: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            throw wrongType(node, at: path, expected: expected)
        }
        guard !Substring(scalar.string).trimmingSpaces().isEmpty else {
            throw error("has no value; expected \(expected)", at: path, node: node)
        }
        return scalar.string
    }
}

// MARK: - Sections

extension NodeReader {
    func domains(_ node: Node, at path: ConfigPath) throws(ConfigError) -> [String] {
        let items = try sequence(node, at: path, expecting: "a list of mail domains, such as [cern.ch]")
        guard !items.isEmpty else {
            throw error(
                "must list at least one domain: heed only replies to senders in these domains",
                at: path, node: node)
        }
        var domains: [String] = []
        var firstSeen: [String: ConfigPath] = [:]
        for (item, itemPath) in items {
            let raw = try text(item, at: itemPath, expecting: "a domain such as cern.ch")
            let domain = raw.lowercased()
            if domain.contains("@") {
                throw error(
                    "\"\(raw)\" is an address, not a domain; write only the part after the @",
                    at: itemPath, node: item)
            }
            if let problem = Validation.domainProblem(domain) {
                throw error("\"\(raw)\" is not a domain name: \(problem)", at: itemPath, node: item)
            }
            if let earlier = firstSeen[domain] {
                throw error("\"\(raw)\" is listed twice (also at \(earlier))", at: itemPath, node: item)
            }
            firstSeen[domain] = itemPath
            domains.append(domain)
        }
        return domains
    }

    static let watchModes: [Mode] = [.query, .announcement]

    func watchRules(_ node: Node, at path: ConfigPath) throws(ConfigError) -> [WatchRule] {
        let items = try sequence(
            node, at: path, expecting: "a list of watch rules, each with an address and a mode ([] for none)")
        var rules: [WatchRule] = []
        var firstSeen: [String: ConfigPath] = [:]
        for (item, itemPath) in items {
            let (rule, addressNode) = try watchRule(item, at: itemPath)
            if let earlier = firstSeen[rule.address] {
                throw error(
                    "\"\(rule.address)\" is already watched by \(earlier); each address may appear once",
                    at: itemPath.appending("address"), node: addressNode)
            }
            firstSeen[rule.address] = itemPath
            rules.append(rule)
        }
        return rules
    }

    /// One `{address, mode, audience}` entry, and the address node for later errors.
    func watchRule(_ node: Node, at path: ConfigPath) throws(ConfigError) -> (WatchRule, Node) {
        let modeNames = Self.watchModes.map(\.rawValue).joined(separator: ", ")
        let audienceNames = Audience.allCases.map(\.rawValue).joined(separator: ", ")
        var address: (String, Node)?
        var mode: Mode?
        var audience: (Audience, Node, ConfigPath)?
        try mapping(
            node, at: path, expecting: "a watch rule such as {address: social-media@cern.ch, mode: query}",
            keys: ["address", "mode", "audience"]
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "address":
                address = (try watchAddress(value, at: keyPath), value)
            case "mode":
                let raw = try text(value, at: keyPath, expecting: "a mode: one of \(modeNames)")
                guard let parsed = Mode(rawValue: raw), Self.watchModes.contains(parsed) else {
                    let note = raw == Mode.passthrough.rawValue ? " (addresses not watched are passthrough already)" : ""
                    throw error("unknown mode \"\(raw)\"; expected one of \(modeNames)\(note)", at: keyPath, node: value)
                }
                mode = parsed
            default:
                let raw = try text(value, at: keyPath, expecting: "an audience: one of \(audienceNames)")
                guard let parsed = Audience(rawValue: raw) else {
                    throw error("unknown audience \"\(raw)\"; expected one of \(audienceNames)", at: keyPath, node: value)
                }
                audience = (parsed, value, keyPath)
            }
        }
        guard let address else {
            throw error("is missing; every watch rule needs an address", at: path.appending("address"), node: node)
        }
        guard let mode else {
            throw error(
                "is missing; every watch rule needs a mode: one of \(modeNames)", at: path.appending("mode"), node: node)
        }
        if mode == .query, let (_, audienceNode, audiencePath) = audience {
            throw error(
                "applies only to announcement rules; remove it from this query rule",
                at: audiencePath, node: audienceNode)
        }
        // An announcement list without an audience gets the stricter checks.
        let rule = WatchRule(address: address.0, mode: mode, audience: audience?.0 ?? .wide)
        return (rule, address.1)
    }

    func watchAddress(_ node: Node, at path: ConfigPath) throws(ConfigError) -> String {
        let raw = try text(node, at: path, expecting: "an address such as social-media@cern.ch")
        if let problem = Validation.watchAddressProblem(raw.lowercased()) {
            throw error("\"\(raw)\" \(problem)", at: path, node: node)
        }
        return raw.lowercased()
    }

    func limits(_ node: Node, at path: ConfigPath, into limits: inout Limits) throws(ConfigError) {
        let fields = LimitField.all
        try mapping(
            node, at: path, expecting: "a mapping of limits such as {max_parts: 1000}",
            keys: fields.map(\.key), requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            guard let field = fields.first(where: { $0.key == key }) else { return }
            limits[keyPath: field.property] = try limit(field, value, at: keyPath)
        }
    }

    func limit(_ field: LimitField, _ node: Node, at path: ConfigPath) throws(ConfigError) -> Int {
        let expected = field.isByteSize
            ? "a size in bytes such as 33554432, 32MiB or 512KiB"
            : "a whole number"
        let raw = try text(node, at: path, expecting: expected)
        let value: Int
        switch Quantity.parse(raw, allowingUnits: field.isByteSize) {
        case .value(let parsed):
            value = parsed
        case .negative:
            throw error("must be positive, not \(raw)", at: path, node: node)
        case .tooLarge:
            throw error(
                "\(raw) is more than heed accepts (\(field.describe(field.maximum)) at most: \(field.why))",
                at: path, node: node)
        case .malformed:
            let units = field.isByteSize ? Quantity.unitHelp : ""
            throw error("expected \(expected), found \"\(raw)\"\(units)", at: path, node: node)
        }
        guard value >= 1 else {
            throw error("must be positive, not \(raw)", at: path, node: node)
        }
        guard value <= field.maximum else {
            throw error(
                "\(field.describe(value)) is more than heed accepts (\(field.describe(field.maximum)) at most: \(field.why))",
                at: path, node: node)
        }
        return value
    }
}

/// One key of `limits`: where it goes and its sane upper bound.
struct LimitField {
    let key: String
    let property: WritableKeyPath<Limits, Int>
    /// Byte sizes accept units ("32MiB"); counts are plain whole numbers.
    let isByteSize: Bool
    let maximum: Int
    /// Why the maximum is where it is, for the error message.
    let why: String

    func describe(_ value: Int) -> String {
        isByteSize ? ByteCount.describe(value) : String(value)
    }

    static var all: [LimitField] {
        [
            LimitField(
                key: "max_message_size", property: \.maxMessageSize, isByteSize: true, maximum: 1 << 30,
                why: "heed holds a message in memory while it checks it"),
            LimitField(
                key: "max_depth", property: \.maxDepth, isByteSize: false, maximum: 256,
                why: "real mail nests a few levels; deeper nesting only serves to exhaust a parser"),
            LimitField(
                key: "max_parts", property: \.maxParts, isByteSize: false, maximum: 100_000,
                why: "real mail has at most a few hundred parts"),
            LimitField(
                key: "max_header_bytes", property: \.maxHeaderBytes, isByteSize: true, maximum: 64 << 20,
                why: "real headers take kilobytes"),
        ]
    }
}
