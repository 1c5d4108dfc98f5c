import Yams

/// The `checks:` section: which rule files the guideline checks use, what an administrator has
/// switched off or weighted differently, and what is never a finding.
///
/// Rule and category names are only checked for their shape here; the Guidelines module knows
/// the rule book and refuses names it does not have (with the line kept in `lines`).
public struct ChecksSettings: Sendable, Equatable {
    /// Directories of rule files (`*.yaml`) laid over the shipped rules: a file with the same name
    /// as a shipped one replaces it, another name adds rules. A relative path is taken from the
    /// configuration file's directory.
    public var ruleDirectories: [String]
    /// Rules (`personal-data.phone`) or whole categories (`jargon`) switched off on every list.
    public var disable: [String]
    /// Severity changes on every list: rule or category → `info`, `warning` or `block`.
    public var severity: [String: String]
    /// Senders allowed to speak officially for the organisation (exact addresses or `*`
    /// patterns in the local part, lower case): `official-communication` is not reported for them.
    public var authorisedSenders: [String]
    /// Phone numbers that are never personal data (public service numbers, switchboards): digits
    /// with an optional leading `+`, `*` standing for any run of digits, spaces ignored.
    public var allowNumbers: [String]
    /// Senders whose messages are never checked (exact addresses or `*` patterns, lower case).
    public var allowSenders: [String]
    /// Values that are never reported, compared without spaces and case (an IBAN a charity
    /// publishes, a public reference number).
    public var allowValues: [String]
    /// Whether the logo reference shipped inside heed is used.
    public var shippedLogoReference: Bool
    /// More logo reference images (PNG, JPEG or GIF). A relative path is taken from the
    /// configuration file's directory.
    public var logoReferences: [String]
    /// Line of each entry as written (`checks.disable[1]` → 12), for errors found later, when the
    /// rules are loaded. Not part of equality.
    public var lines: [String: Int]

    public init(
        ruleDirectories: [String] = [], disable: [String] = [], severity: [String: String] = [:],
        authorisedSenders: [String] = [], allowNumbers: [String] = [], allowSenders: [String] = [],
        allowValues: [String] = [], shippedLogoReference: Bool = true, logoReferences: [String] = []
    ) {
        self.ruleDirectories = ruleDirectories
        self.disable = disable
        self.severity = severity
        self.authorisedSenders = authorisedSenders
        self.allowNumbers = allowNumbers
        self.allowSenders = allowSenders
        self.allowValues = allowValues
        self.shippedLogoReference = shippedLogoReference
        self.logoReferences = logoReferences
        self.lines = [:]
    }

    /// The values of the embedded default (EmbeddedDefault.swift, Deploy/heed.yaml).
    public static let `default` = ChecksSettings(
        authorisedSenders: ["press.office@cern.ch", "communications@cern.ch"],
        allowNumbers: ["+412276*"])

    public static func == (lhs: ChecksSettings, rhs: ChecksSettings) -> Bool {
        lhs.ruleDirectories == rhs.ruleDirectories && lhs.disable == rhs.disable && lhs.severity == rhs.severity
            && lhs.authorisedSenders == rhs.authorisedSenders && lhs.allowNumbers == rhs.allowNumbers
            && lhs.allowSenders == rhs.allowSenders && lhs.allowValues == rhs.allowValues
            && lhs.shippedLogoReference == rhs.shippedLogoReference && lhs.logoReferences == rhs.logoReferences
    }

    /// The severities a rule may be given.
    public static let severities = ["info", "warning", "block"]
}

/// What a list does with findings (the `policies:` section).
public struct ListPolicy: Sendable, Equatable {
    public enum OnBlock: String, Sendable, CaseIterable { case hold, reject }

    /// The watched address or pattern this policy is for, lower case, exactly as under `watch`.
    public var list: String
    /// What a `block` finding does to an announcement.
    public var onBlock: OnBlock
    /// Record and add headers only: never hold, reject or send advice.
    public var observe: Bool
    /// Rules or categories switched off on this list only.
    public var disable: [String]
    /// Severity changes on this list only (rule or category → severity); they win over
    /// `checks.severity`.
    public var severity: [String: String]
    /// How many announcements one sender may send to this list in a rolling window; nil for
    /// `policies.default`'s limit (`PolicySettings.overposting(for:)` resolves it).
    public var overposting: OverpostingLimit?

    public init(list: String, onBlock: OnBlock = .hold, observe: Bool = false, disable: [String] = [],
                severity: [String: String] = [:], overposting: OverpostingLimit? = nil) {
        self.list = list
        self.onBlock = onBlock
        self.observe = observe
        self.disable = disable
        self.severity = severity
        self.overposting = overposting
    }
}

/// The `policies:` section: a default for every watched list, and lists that differ.
public struct PolicySettings: Sendable, Equatable {
    public var defaultOnBlock: ListPolicy.OnBlock
    public var defaultObserve: Bool
    public var defaultOverposting: OverpostingLimit
    public var lists: [ListPolicy]

    public init(defaultOnBlock: ListPolicy.OnBlock = .hold, defaultObserve: Bool = false,
                defaultOverposting: OverpostingLimit = .default, lists: [ListPolicy] = []) {
        self.defaultOnBlock = defaultOnBlock
        self.defaultObserve = defaultObserve
        self.defaultOverposting = defaultOverposting
        self.lists = lists
    }

    public static let `default` = PolicySettings()

    /// The policy of a watched list (by its watch rule's address); the default when none is set.
    public func policy(for list: String?) -> ListPolicy {
        if let list, let own = lists.first(where: { $0.list == list.lowercased() }) { return own }
        return ListPolicy(list: list ?? "", onBlock: defaultOnBlock, observe: defaultObserve)
    }

    /// The overposting limit of a watched list: its own, else the default's.
    public func overposting(for list: String?) -> OverpostingLimit {
        policy(for: list).overposting ?? defaultOverposting
    }
}

// MARK: - Reading the sections

extension NodeReader {
    func checksSettings(_ node: Node, at path: ConfigPath, into settings: inout ChecksSettings) throws(ConfigError) {
        let keys = ["rule_directories", "disable", "severity", "authorised_senders", "allow", "logo"]
        try mapping(
            node, at: path, expecting: "a mapping of check settings such as {disable: [jargon]}",
            keys: keys, requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "rule_directories":
                settings.ruleDirectories = try stringList(value, at: keyPath, expecting: "a list of directories", lines: &settings.lines)
            case "disable":
                settings.disable = try ruleNames(value, at: keyPath, lines: &settings.lines)
            case "severity":
                settings.severity = try severityMap(value, at: keyPath, lines: &settings.lines)
            case "authorised_senders":
                settings.authorisedSenders = try senderPatterns(value, at: keyPath)
            case "allow":
                try mapping(
                    value, at: keyPath, expecting: "a mapping such as {numbers: [\"+41227676111\"]}",
                    keys: ["numbers", "senders", "values"], requireAll: requireEveryKey
                ) { allowKey, allowValue, allowPath throws(ConfigError) in
                    switch allowKey {
                    case "numbers": settings.allowNumbers = try phonePatterns(allowValue, at: allowPath)
                    case "senders": settings.allowSenders = try senderPatterns(allowValue, at: allowPath)
                    default:
                        settings.allowValues = try stringList(
                            allowValue, at: allowPath, expecting: "a list of values", lines: &settings.lines)
                    }
                }
            default:
                try mapping(
                    value, at: keyPath, expecting: "a mapping such as {shipped_reference: true, references: []}",
                    keys: ["shipped_reference", "references"], requireAll: requireEveryKey
                ) { logoKey, logoValue, logoPath throws(ConfigError) in
                    if logoKey == "shipped_reference" {
                        settings.shippedLogoReference = try boolean(logoValue, at: logoPath)
                    } else {
                        settings.logoReferences = try stringList(
                            logoValue, at: logoPath, expecting: "a list of image files", lines: &settings.lines)
                    }
                }
            }
        }
    }

    func policySettings(_ node: Node, at path: ConfigPath, into settings: inout PolicySettings) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping with default and lists",
            keys: ["default", "lists"], requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            if key == "default" {
                try mapping(
                    value, at: keyPath, expecting: "a mapping such as {on_block: hold, observe: false}",
                    keys: ["on_block", "observe", "overposting"], requireAll: requireEveryKey
                ) { policyKey, policyValue, policyPath throws(ConfigError) in
                    switch policyKey {
                    case "on_block": settings.defaultOnBlock = try onBlock(policyValue, at: policyPath)
                    case "observe": settings.defaultObserve = try boolean(policyValue, at: policyPath)
                    default: try overpostingLimit(policyValue, at: policyPath, into: &settings.defaultOverposting)
                    }
                }
                return
            }
            var seen: [String: ConfigPath] = [:]
            var lists: [ListPolicy] = []
            for (item, itemPath) in try sequence(value, at: keyPath, expecting: "a list of list policies ([] for none)") {
                let policy = try listPolicy(item, at: itemPath)
                if let earlier = seen[policy.list] {
                    throw error("\"\(policy.list)\" already has a policy at \(earlier)", at: itemPath.appending("list"), node: item)
                }
                seen[policy.list] = itemPath
                lists.append(policy)
            }
            settings.lists = lists
        }
    }

    func listPolicy(_ node: Node, at path: ConfigPath) throws(ConfigError) -> ListPolicy {
        var policy = ListPolicy(list: "")
        var list: String?
        var ignoredLines: [String: Int] = [:]
        try mapping(
            node, at: path, expecting: "a list policy such as {list: it-announce@cern.ch, on_block: reject}",
            keys: ["list", "on_block", "observe", "disable", "severity", "overposting"]
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "overposting":
                var limit = OverpostingLimit.default
                try overpostingLimit(value, at: keyPath, into: &limit, requireAll: true)
                policy.overposting = limit
            case "list": list = try watchAddress(value, at: keyPath)
            case "on_block": policy.onBlock = try onBlock(value, at: keyPath)
            case "observe": policy.observe = try boolean(value, at: keyPath)
            case "disable": policy.disable = try ruleNames(value, at: keyPath, lines: &ignoredLines)
            default: policy.severity = try severityMap(value, at: keyPath, lines: &ignoredLines)
            }
        }
        guard let list else {
            throw error("is missing; every list policy names its list, as written under watch", at: path.appending("list"), node: node)
        }
        policy.list = list
        return policy
    }

    func onBlock(_ node: Node, at path: ConfigPath) throws(ConfigError) -> ListPolicy.OnBlock {
        let names = ListPolicy.OnBlock.allCases.map(\.rawValue).joined(separator: " or ")
        let raw = try text(node, at: path, expecting: names)
        guard let value = ListPolicy.OnBlock(rawValue: raw) else {
            throw error("expected \(names), found \"\(raw)\"", at: path, node: node)
        }
        return value
    }

    func boolean(_ node: Node, at path: ConfigPath) throws(ConfigError) -> Bool {
        let raw = try text(node, at: path, expecting: "true or false")
        switch raw.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found \"\(raw)\"", at: path, node: node)
        }
    }

    func stringList(_ node: Node, at path: ConfigPath, expecting expected: String, lines: inout [String: Int]) throws(ConfigError) -> [String] {
        var values: [String] = []
        for (item, itemPath) in try sequence(node, at: path, expecting: expected) {
            values.append(try text(item, at: itemPath, expecting: "a value"))
            if let line = item.mark?.line { lines[itemPath.description] = line }
        }
        return values
    }

    /// Rule ids (`category.name`) or category names: lower-case letters, digits, `-` and `.`.
    func ruleNames(_ node: Node, at path: ConfigPath, lines: inout [String: Int]) throws(ConfigError) -> [String] {
        var names: [String] = []
        for (item, itemPath) in try sequence(node, at: path, expecting: "a list of rules or categories, such as [jargon, personal-data.phone]") {
            let raw = try text(item, at: itemPath, expecting: "a rule or category such as personal-data.phone")
            try ruleNameShape(raw, node: item, at: itemPath)
            names.append(raw)
            if let line = item.mark?.line { lines[itemPath.description] = line }
        }
        return names
    }

    func ruleNameShape(_ raw: String, node: Node, at path: ConfigPath) throws(ConfigError) {
        let allowed = raw.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "." }
        if !allowed || raw.hasPrefix(".") || raw.hasSuffix(".") {
            throw error(
                "\"\(raw)\" is not a rule or category name; write it in lower case, such as personal-data.phone",
                at: path, node: node)
        }
    }

    func severityMap(_ node: Node, at path: ConfigPath, lines: inout [String: Int]) throws(ConfigError) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            throw wrongType(node, at: path, expected: "a mapping of rule or category to severity, such as {jargon: info}")
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw error("keys must be rule or category names", at: path, node: keyNode)
            }
            let name = keyScalar.string
            let itemPath = path.appending(name)
            try ruleNameShape(name, node: keyNode, at: itemPath)
            let severities = ChecksSettings.severities.joined(separator: ", ")
            let raw = try text(value, at: itemPath, expecting: "a severity: one of \(severities)")
            guard ChecksSettings.severities.contains(raw) else {
                throw error("unknown severity \"\(raw)\"; expected one of \(severities)", at: itemPath, node: value)
            }
            result[name] = raw
            if let line = keyNode.mark?.line { lines[itemPath.description] = line }
        }
        return result
    }

    /// Addresses or `*` patterns (validated as watch addresses are), lower case.
    func senderPatterns(_ node: Node, at path: ConfigPath) throws(ConfigError) -> [String] {
        var result: [String] = []
        for (item, itemPath) in try sequence(node, at: path, expecting: "a list of addresses such as [press.office@cern.ch]") {
            result.append(try watchAddress(item, at: itemPath))
        }
        return result
    }

    /// `+41 22 767 61 11`, `+412276*`: digits, spaces, an optional leading `+`, `*` wildcards.
    func phonePatterns(_ node: Node, at path: ConfigPath) throws(ConfigError) -> [String] {
        var result: [String] = []
        for (item, itemPath) in try sequence(node, at: path, expecting: "a list of phone numbers such as [\"+41 22 767 61 11\"]") {
            let raw = try text(item, at: itemPath, expecting: "a phone number")
            var compact = ""
            for (i, ch) in raw.enumerated() {
                if ch == " " || ch == "." || ch == "-" { continue }
                guard ch.isASCII, ch.isNumber || ch == "*" || (ch == "+" && i == 0) else {
                    throw error(
                        "\"\(raw)\" is not a phone number pattern: use digits, a leading +, spaces and * for any digits",
                        at: itemPath, node: item)
                }
                compact.append(ch)
            }
            guard compact.contains(where: \.isNumber) else {
                throw error("\"\(raw)\" has no digit", at: itemPath, node: item)
            }
            result.append(compact)
        }
        return result
    }
}

// MARK: - Rule files

/// A YAML document as a plain tree with positions, for files that are not the configuration
/// (the guideline rule files): the Guidelines module reads their meaning, this module reads YAML
/// and reports errors in heed's format.
public indirect enum YAMLTree: Sendable {
    case scalar(String, line: Int, column: Int)
    case sequence([YAMLTree], line: Int, column: Int)
    case mapping([(key: String, value: YAMLTree)], line: Int, column: Int)
    case null(line: Int, column: Int)

    public var line: Int {
        switch self {
        case .scalar(_, let line, _), .sequence(_, let line, _), .mapping(_, let line, _), .null(let line, _): line
        }
    }

    public var column: Int {
        switch self {
        case .scalar(_, _, let column), .sequence(_, _, let column), .mapping(_, _, let column), .null(_, let column): column
        }
    }

    /// Parses one YAML document; `source` names it in errors. An empty document is `.null`.
    public static func parse(yaml: String, source: String) throws(ConfigError) -> YAMLTree {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw ConfigLoader.syntaxError(error, source: source)
        } catch {
            throw ConfigError(file: source, message: "invalid YAML: \(error)")
        }
        guard let root else { return .null(line: 1, column: 1) }
        return try convert(root, source: source)
    }

    /// Reads a text file with the configuration file's limits and errors.
    public static func readFile(_ path: String) throws(ConfigError) -> String {
        try ConfigLoader.readFile(path)
    }

    private static func convert(_ node: Node, source: String) throws(ConfigError) -> YAMLTree {
        let line = node.mark?.line ?? 0
        let column = node.mark?.column ?? 0
        switch node {
        case .scalar(let scalar):
            if NodeReader.isNull(node) { return .null(line: line, column: column) }
            return .scalar(scalar.string, line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence { items.append(try convert(item, source: source)) }
            return .sequence(items, line: line, column: column)
        case .mapping(let mapping):
            var pairs: [(key: String, value: YAMLTree)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigError(file: source, line: key.mark?.line, column: key.mark?.column, message: "keys must be plain names")
                }
                pairs.append((keyScalar.string, try convert(value, source: source)))
            }
            return .mapping(pairs, line: line, column: column)
        case .alias:
            throw ConfigError(file: source, line: line, column: column, message: "aliases are not supported in rule files")
        }
    }
}
