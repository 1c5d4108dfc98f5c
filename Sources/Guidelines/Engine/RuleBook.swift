import Config

/// The rules heed checks with, read from rule files (YAML): the shipped ones embedded in heed
/// (Sources/Guidelines/Rules/) and an administrator's directories laid over them.
///
/// A rule file:
///
/// ```yaml
/// category: confidential        # the category of the file's rules (a rule may set its own)
/// lists:                        # named word lists, usable as {name} in any file's patterns
///   org: [CERN, the Organization]
/// rules:
///   - id: confidential.marking  # <category>.<name>, unique over all files
///     explain: One line that says what is wrong and why (the advice templates use it).
///     severity: block           # info | warning | block
///     guideline: respect.confidential   # optional: the category's guideline by default
///     match: {en: [...], fr: [...]}      # phrase patterns (see Phrases.swift), or a plain list
///     detector: phone           # instead of match: a pattern detector written in Swift
///     params: {...}             # the detector's settings (word lists, prefixes, numbers)
///     signals: [...]            # instead of match: weighted cues summed over a text
///     threshold: 0.5            # confidence (or signal weight) needed to report
///     confidence: 0.8           # confidence of a bare match
///     context: [...]            # words or features near a match that change confidence
///     position: {signature: veto, quoted: -0.3}
///     where: [subject, body, attachment-name, draft, post]
///     modes: [announcement, query]
///     audience: wide            # only lists with a wide audience (and query drafts)
///     mask: none                # none | all | {first: 4, last: 2}
/// ```
///
/// Loading is strict: an unknown key, a bad pattern or an id outside its category stops heed at
/// start with the file, line and key, like a bad configuration does.
public struct RuleBook: Sendable {
    public let rules: [RuleDefinition]
    let lists: [String: [String]]
    /// The vocabulary of message layout and drafts (from the `layout:` section of the files).
    let vocabulary: Vocabulary
    /// Every word of every pattern, numbered: texts are read with it.
    let lexicon: Lexicon
    /// The detector of each detector rule, by rule id, built from its params.
    let detectors: [String: any Detector]

    /// The rules shipped inside heed.
    public static let shipped: RuleBook = {
        do {
            return try RuleBook(files: ShippedRules.files, directories: [])
        } catch {
            // Tests load every shipped file; a broken one is a programming error caught before release.
            fatalError("heed's shipped rule files are invalid: \(error)")
        }
    }()

    /// The shipped rules with the configuration's rule directories laid over them.
    public static func load(_ config: HeedConfig) throws(ConfigError) -> RuleBook {
        let directories = config.checks.ruleDirectories.map { Paths.resolve($0, against: config.source) }
        let book = directories.isEmpty ? shipped : try RuleBook(files: ShippedRules.files, directories: directories)
        try book.validate(config)
        return book
    }

    /// `files`: (name, text) of the shipped files; files in `directories` replace those of the same
    /// name or add to them.
    init(files: [(name: String, text: String)], directories: [String]) throws(ConfigError) {
        var byName: [(name: String, source: String, text: String)] = files.map { ($0.name, "shipped rules/\($0.name)", $0.text) }
        for directory in directories {
            for path in try Paths.yamlFiles(in: directory) {
                let name = String(path.split(separator: "/").last ?? Substring(path))
                let text = try YAMLTree.readFile(path)
                if let index = byName.firstIndex(where: { $0.name == name }) {
                    byName[index] = (name, path, text)
                } else {
                    byName.append((name, path, text))
                }
            }
        }
        let lexicon = Lexicon()
        var trees: [(source: String, tree: YAMLTree)] = []
        for file in byName {
            trees.append((file.source, try YAMLTree.parse(yaml: file.text, source: file.source)))
        }
        // Lists first: a pattern in any file may use a list from any file.
        var lists: [String: [String]] = [:]
        var layout: [String: [String]] = [:]
        for (source, tree) in trees {
            let reader = RuleReader(source: source, lexicon: lexicon)
            try reader.topLevel(tree)
            for (name, entries) in try reader.namedLists(tree, key: "lists") {
                if lists[name] != nil { throw reader.error("list \"\(name)\" is defined twice", at: "lists.\(name)", node: tree) }
                lists[name] = entries
            }
            for (name, entries) in try reader.namedLists(tree, key: "layout") {
                layout[name, default: []].append(contentsOf: entries)
            }
        }
        var rules: [RuleDefinition] = []
        var seen: [String: String] = [:]
        for (source, tree) in trees {
            let reader = RuleReader(source: source, lexicon: lexicon)
            for rule in try reader.rules(tree, lists: lists) {
                if let other = seen[rule.id] {
                    throw ConfigError(file: source, keyPath: "rules", message: "rule \(rule.id) is also defined in \(other)")
                }
                seen[rule.id] = source
                rules.append(rule)
            }
        }
        var detectors: [String: any Detector] = [:]
        for rule in rules {
            if case .detector(let name) = rule.matcher { detectors[rule.id] = try Detectors.make(name, rule: rule) }
        }
        self.rules = rules
        self.lists = lists
        self.detectors = detectors
        do {
            self.vocabulary = try Vocabulary(layout, lists: lists, lexicon: lexicon)
        } catch {
            throw ConfigError(file: "rule files", keyPath: "layout", message: error.message)
        }
        self.lexicon = lexicon
    }

    /// Refuses configuration entries that name no rule or category.
    func validate(_ config: HeedConfig) throws(ConfigError) {
        let ids = Set(rules.map(\.id))
        let categories = Set(Category.allCases.map(\.rawValue))
        func check(_ name: String, _ keyPath: String) throws(ConfigError) {
            if ids.contains(name) || categories.contains(name) { return }
            var message = "\"\(name)\" is neither a rule nor a category"
            let candidates = Array(ids) + Array(categories)
            if let close = RuleReader.closest(name, among: candidates) { message += "; did you mean \"\(close)\"?" }
            throw ConfigError(file: config.source, keyPath: keyPath, line: config.checks.lines[keyPath], message: message)
        }
        for (i, name) in config.checks.disable.enumerated() { try check(name, "checks.disable[\(i)]") }
        for name in config.checks.severity.keys.sorted() { try check(name, "checks.severity.\(name)") }
        for (p, policy) in config.policies.lists.enumerated() {
            for (i, name) in policy.disable.enumerated() { try check(name, "policies.lists[\(p)].disable[\(i)]") }
            for name in policy.severity.keys.sorted() { try check(name, "policies.lists[\(p)].severity.\(name)") }
        }
    }

    public func rule(_ id: String) -> RuleDefinition? { rules.first { $0.id == id } }
}

/// Where a text to check comes from.
public enum UnitKind: String, Sendable, CaseIterable {
    case subject
    case body
    case attachmentName = "attachment-name"
    /// A draft post inside a query (the only text of a query that is checked).
    case draft
    /// A social-media post quoted inside an announcement ("here is what I'm posting").
    case post
    /// The text of a query around its draft: never checked by itself, but rules about the draft's
    /// images may read what the asker says about them ("I found this photo on Flickr").
    case question
}

/// A position of a match in its message that may change a rule's confidence.
enum PositionKind: String, Sendable, CaseIterable {
    case signature, quoted, forwarded, subject
    case lineStart = "line-start"
    case attachmentName = "attachment-name"
    case inQuotes = "in-quotes"
}

/// What a context entry or a position does to a match.
enum Effect: Sendable, Equatable {
    case adjust(Double)
    case require
    case veto
}

/// Things near a match other than words.
enum Feature: String, Sendable, CaseIterable {
    /// A URL.
    case link
    /// An amount of money (`380 kCHF`, `€ 25`, `1 400 euros`).
    case money
    /// A number.
    case number
    /// A code someone would type: three to eight digits (not a year), or letters and digits.
    case code
    /// The message carries an image (announcement) or the query's draft does.
    case image
    /// The message carries a PDF.
    case pdf
    /// The message carries any attachment.
    case attachment
    /// A separator line (`-----`, `=====`) around pasted text.
    case separator
    /// A URL on a line that names it as a source ("Source:", "Paper:", "more in"), or a URL to a
    /// publication host (arXiv, DOI, CDS): the `source_cues` and `source_hosts` lists.
    case sourceLink = "source-link"
}

/// Where a context entry looks.
enum ContextScope: Sendable, Equatable {
    case window(before: Int, after: Int)
    case sentence, line, paragraph, text, message
}

struct ContextEntry: Sendable {
    let label: String
    let words: PhraseSet?
    let feature: Feature?
    let scope: ContextScope
    let effect: Effect
}

struct Signal: Sendable {
    let label: String
    let weight: Double
    /// Exactly one of words and feature.
    let words: PhraseSet?
    let feature: Feature?
}

enum MaskStyle: Sendable, Equatable {
    /// The matched words as written (shortened when long).
    case none
    /// Every letter and digit hidden.
    case all
    /// `Evidence.mask` keeping that many characters at each end.
    case keep(first: Int, last: Int)
}

/// One rule as read from a rule file. A class: the engine passes rules around for every text it
/// checks, and a reference costs one retain where a struct of this size costs a dozen.
public final class RuleDefinition: Sendable {
    public let id: String
    public let category: Category
    public let guideline: Guideline
    public let severity: Severity
    /// The one-line explanation the advice templates use.
    public let explain: String
    /// The file it comes from (for errors and `heed` diagnostics).
    public let source: String

    enum Matcher: Sendable {
        case phrases(PhraseSet)
        case detector(String)
        case signals([Signal])
    }

    let matcher: Matcher
    let params: RuleParams
    let confidence: Double
    let threshold: Double
    let context: [ContextEntry]
    let positions: [PositionKind: Effect]
    let units: Set<UnitKind>
    let modes: Set<Mode>
    let wideAudienceOnly: Bool
    let mask: MaskStyle
    /// `params.min_words`: texts with fewer words are not checked by this rule.
    let minimumWords: Int?
    /// `units` and `modes` as bit masks, and `positions` in the order they are weighed (by
    /// name): the engine asks these for every rule and text, where a Set or a Dictionary would
    /// hash each time.
    private let unitMask: UInt8
    private let modeMask: UInt8
    let orderedPositions: [(kind: PositionKind, effect: Effect)]

    func applies(to kind: UnitKind) -> Bool { unitMask & Self.bit(kind) != 0 }
    func applies(to mode: Mode) -> Bool { modeMask & Self.bit(mode) != 0 }

    private static func bit(_ kind: UnitKind) -> UInt8 {
        switch kind {
        case .subject: 1 << 0
        case .body: 1 << 1
        case .attachmentName: 1 << 2
        case .draft: 1 << 3
        case .post: 1 << 4
        case .question: 1 << 5
        }
    }

    private static func bit(_ mode: Mode) -> UInt8 {
        switch mode {
        case .query: 1 << 0
        case .announcement: 1 << 1
        case .passthrough: 1 << 2
        }
    }

    init(id: String, category: Category, guideline: Guideline, severity: Severity, explain: String, source: String,
         matcher: Matcher, params: RuleParams, confidence: Double, threshold: Double, context: [ContextEntry],
         positions: [PositionKind: Effect], units: Set<UnitKind>, modes: Set<Mode>, wideAudienceOnly: Bool, mask: MaskStyle) {
        self.id = id
        self.category = category
        self.guideline = guideline
        self.severity = severity
        self.explain = explain
        self.source = source
        self.matcher = matcher
        self.params = params
        self.confidence = confidence
        self.threshold = threshold
        self.context = context
        self.positions = positions
        self.units = units
        self.modes = modes
        self.wideAudienceOnly = wideAudienceOnly
        self.mask = mask
        self.minimumWords = params.has("min_words") ? (try? params.int("min_words", default: 0)) : nil
        unitMask = units.reduce(0) { $0 | Self.bit($1) }
        modeMask = modes.reduce(0) { $0 | Self.bit($1) }
        orderedPositions = positions.sorted(by: { $0.key.rawValue < $1.key.rawValue }).map { ($0.key, $0.value) }
    }
}

/// A rule's `params:` mapping, read by its detector when the rules are loaded.
struct RuleParams: Sendable {
    let tree: YAMLTree?
    let source: String
    let ruleKey: String
    let lists: [String: [String]]
    let lexicon: Lexicon

    private func value(_ key: String) -> YAMLTree? {
        guard case .mapping(let pairs, _, _) = tree else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    func error(_ key: String, _ message: String) -> ConfigError {
        let node = value(key) ?? tree
        return ConfigError(file: source, keyPath: "\(ruleKey).params.\(key)", line: node?.line, column: node?.column, message: message)
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func strings(_ key: String, default fallback: [String] = []) throws(ConfigError) -> [String] {
        guard let node = value(key) else { return fallback }
        return try RuleReader(source: source, lexicon: lexicon).stringList(node, at: "\(ruleKey).params.\(key)")
    }

    func phrases(_ key: String) throws(ConfigError) -> PhraseSet {
        let sources = try strings(key)
        do {
            return try PhraseSet(sources, lists: lists, lexicon: lexicon)
        } catch {
            throw self.error(key, error.message)
        }
    }

    func double(_ key: String, default fallback: Double) throws(ConfigError) -> Double {
        guard let node = value(key) else { return fallback }
        guard case .scalar(let raw, _, _) = node, let number = Double(raw) else {
            throw error(key, "expected a number")
        }
        return number
    }

    func int(_ key: String, default fallback: Int) throws(ConfigError) -> Int {
        guard let node = value(key) else { return fallback }
        guard case .scalar(let raw, _, _) = node, let number = Int(raw), number >= 0 else {
            throw error(key, "expected a whole number")
        }
        return number
    }

    /// A list of mappings (e.g. token prefixes with their lengths).
    func records(_ key: String) throws(ConfigError) -> [[String: String]] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let items, _, _) = node else { throw error(key, "expected a list of mappings") }
        var result: [[String: String]] = []
        for item in items {
            guard case .mapping(let pairs, _, _) = item else { throw error(key, "expected a list of mappings") }
            var record: [String: String] = [:]
            for (k, v) in pairs {
                guard case .scalar(let text, _, _) = v else { throw error(key, "\(k) must be a plain value") }
                record[k] = text
            }
            result.append(record)
        }
        return result
    }
}

/// Reads the nodes of one rule file, with errors that name the file, key and line.
struct RuleReader {
    let source: String
    let lexicon: Lexicon

    func error(_ message: String, at keyPath: String, node: YAMLTree?) -> ConfigError {
        ConfigError(file: source, keyPath: keyPath.isEmpty ? nil : keyPath, line: node?.line, column: node?.column, message: message)
    }

    static let topKeys = ["category", "lists", "layout", "rules"]
    static let ruleKeys = [
        "id", "explain", "severity", "guideline", "match", "detector", "params", "signals", "threshold", "confidence",
        "context", "position", "where", "modes", "audience", "mask", "category",
    ]

    func topLevel(_ tree: YAMLTree) throws(ConfigError) {
        if case .null = tree { return }
        guard case .mapping(let pairs, _, _) = tree else {
            throw error("a rule file is a mapping with \(Self.topKeys.joined(separator: ", "))", at: "", node: tree)
        }
        for (key, _) in pairs where !Self.topKeys.contains(key) {
            throw error(unknownKey(key, Self.topKeys), at: key, node: tree)
        }
    }

    func unknownKey(_ key: String, _ keys: [String]) -> String {
        if let close = Self.closest(key, among: keys) { return "unknown key \"\(key)\"; did you mean \"\(close)\"?" }
        return "unknown key \"\(key)\"; expected one of \(keys.joined(separator: ", "))"
    }

    func member(_ tree: YAMLTree, _ key: String) -> YAMLTree? {
        guard case .mapping(let pairs, _, _) = tree else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    func scalar(_ node: YAMLTree, at keyPath: String, expecting expected: String) throws(ConfigError) -> String {
        guard case .scalar(let text, _, _) = node, !text.isEmpty else {
            throw error("expected \(expected)", at: keyPath, node: node)
        }
        return text
    }

    func stringList(_ node: YAMLTree, at keyPath: String) throws(ConfigError) -> [String] {
        switch node {
        case .null: return []
        case .scalar(let text, _, _): return [text]
        case .sequence(let items, _, _):
            var result: [String] = []
            for (i, item) in items.enumerated() {
                result.append(try scalar(item, at: "\(keyPath)[\(i)]", expecting: "a word or phrase"))
            }
            return result
        case .mapping(let pairs, _, _):
            // {en: [...], fr: [...]}: languages are for the reader; both apply to every message.
            var result: [String] = []
            for (language, value) in pairs {
                guard ["en", "fr", "any"].contains(language) else {
                    throw error("expected en, fr or any, found \"\(language)\"", at: "\(keyPath).\(language)", node: value)
                }
                result.append(contentsOf: try stringList(value, at: "\(keyPath).\(language)"))
            }
            return result
        }
    }

    func namedLists(_ tree: YAMLTree, key: String) throws(ConfigError) -> [(String, [String])] {
        guard let node = member(tree, key) else { return [] }
        guard case .mapping(let pairs, _, _) = node else {
            throw error("expected a mapping of named lists", at: key, node: node)
        }
        var result: [(String, [String])] = []
        for (name, value) in pairs {
            result.append((name, try stringList(value, at: "\(key).\(name)")))
        }
        return result
    }

    func rules(_ tree: YAMLTree, lists: [String: [String]]) throws(ConfigError) -> [RuleDefinition] {
        var fileCategory: Category?
        if let node = member(tree, "category") {
            fileCategory = try category(node, at: "category")
        }
        guard let rulesNode = member(tree, "rules") else { return [] }
        guard case .sequence(let items, _, _) = rulesNode else {
            throw error("expected a list of rules", at: "rules", node: rulesNode)
        }
        var result: [RuleDefinition] = []
        for (i, item) in items.enumerated() {
            result.append(try rule(item, at: "rules[\(i)]", fileCategory: fileCategory, lists: lists))
        }
        return result
    }

    func category(_ node: YAMLTree, at keyPath: String) throws(ConfigError) -> Category {
        let raw = try scalar(node, at: keyPath, expecting: "a category")
        guard let value = Category(rawValue: raw) else {
            let names = Category.allCases.map(\.rawValue)
            var message = "unknown category \"\(raw)\""
            if let close = Self.closest(raw, among: names) { message += "; did you mean \"\(close)\"?" }
            throw error(message, at: keyPath, node: node)
        }
        return value
    }

    func rule(_ node: YAMLTree, at keyPath: String, fileCategory: Category?, lists: [String: [String]]) throws(ConfigError) -> RuleDefinition {
        guard case .mapping(let pairs, _, _) = node else {
            throw error("expected a rule (a mapping with id, explain, severity and match or detector)", at: keyPath, node: node)
        }
        for (key, value) in pairs where !Self.ruleKeys.contains(key) {
            throw error(unknownKey(key, Self.ruleKeys), at: "\(keyPath).\(key)", node: value)
        }
        func required(_ key: String, _ expected: String) throws(ConfigError) -> (String, YAMLTree) {
            guard let value = member(node, key) else {
                throw error("is missing; every rule needs \(expected)", at: "\(keyPath).\(key)", node: node)
            }
            return (try scalar(value, at: "\(keyPath).\(key)", expecting: expected), value)
        }
        let (id, idNode) = try required("id", "an id such as personal-data.phone")
        var category = fileCategory
        if let node = member(node, "category") { category = try self.category(node, at: "\(keyPath).category") }
        guard let category else {
            throw error("has no category: set `category:` in the file or the rule", at: "\(keyPath).category", node: node)
        }
        let suffix = id.dropFirst(category.rawValue.count + 1)
        guard id.hasPrefix(category.rawValue + "."), !suffix.isEmpty,
              suffix.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
        else {
            throw error("\"\(id)\" must be \(category.rawValue).<name> in lower case", at: "\(keyPath).id", node: idNode)
        }
        let (explain, _) = try required("explain", "a one-line explanation")
        let (severityText, severityNode) = try required("severity", "a severity: info, warning or block")
        guard let severity = Severity(rawValue: severityText) else {
            throw error("unknown severity \"\(severityText)\"; expected info, warning or block", at: "\(keyPath).severity", node: severityNode)
        }
        var guideline = category.guideline
        if let node = member(node, "guideline") {
            let raw = try scalar(node, at: "\(keyPath).guideline", expecting: "a guideline id")
            guard let value = Guideline(rawValue: raw) else {
                throw error("unknown guideline \"\(raw)\"; expected one of \(Guideline.allCases.map(\.rawValue).joined(separator: ", "))",
                            at: "\(keyPath).guideline", node: node)
            }
            guideline = value
        }
        func number(_ key: String, _ fallback: Double) throws(ConfigError) -> Double {
            guard let value = member(node, key) else { return fallback }
            guard let parsed = Double(try scalar(value, at: "\(keyPath).\(key)", expecting: "a number")) else {
                throw error("expected a number", at: "\(keyPath).\(key)", node: value)
            }
            return parsed
        }
        let matchers = ["match", "detector", "signals"].filter { member(node, $0) != nil }
        guard matchers.count == 1 else {
            throw error("needs exactly one of match, detector or signals", at: keyPath, node: node)
        }
        let matcher: RuleDefinition.Matcher
        switch matchers[0] {
        case "match":
            matcher = .phrases(try phrases(member(node, "match"), at: "\(keyPath).match", lists: lists))
        case "detector":
            let name = try scalar(member(node, "detector") ?? node, at: "\(keyPath).detector", expecting: "a detector name")
            guard Detectors.names.contains(name) else {
                var message = "unknown detector \"\(name)\""
                if let close = Self.closest(name, among: Detectors.names) { message += "; did you mean \"\(close)\"?" }
                throw error(message, at: "\(keyPath).detector", node: member(node, "detector"))
            }
            matcher = .detector(name)
        default:
            matcher = .signals(try signals(member(node, "signals"), at: "\(keyPath).signals", lists: lists))
        }
        var context: [ContextEntry] = []
        if let contextNode = member(node, "context") {
            guard case .sequence(let items, _, _) = contextNode else {
                throw error("expected a list of context entries", at: "\(keyPath).context", node: contextNode)
            }
            for (i, item) in items.enumerated() {
                context.append(try contextEntry(item, at: "\(keyPath).context[\(i)]", lists: lists))
            }
        }
        var positions: [PositionKind: Effect] = [:]
        if let positionNode = member(node, "position") {
            guard case .mapping(let entries, _, _) = positionNode else {
                throw error("expected a mapping of positions to effects", at: "\(keyPath).position", node: positionNode)
            }
            for (name, value) in entries {
                guard let kind = PositionKind(rawValue: name) else {
                    throw error(unknownKey(name, PositionKind.allCases.map(\.rawValue)), at: "\(keyPath).position.\(name)", node: value)
                }
                positions[kind] = try effect(value, at: "\(keyPath).position.\(name)")
            }
        }
        var units = Set<UnitKind>([.subject, .body, .attachmentName, .draft])
        if let whereNode = member(node, "where") {
            units = []
            for name in try stringList(whereNode, at: "\(keyPath).where") {
                guard let kind = UnitKind(rawValue: name) else {
                    throw error(unknownKey(name, UnitKind.allCases.map(\.rawValue)), at: "\(keyPath).where", node: whereNode)
                }
                units.insert(kind)
            }
        }
        var modes = Set<Mode>([.announcement, .query])
        if let modesNode = member(node, "modes") {
            modes = []
            for name in try stringList(modesNode, at: "\(keyPath).modes") {
                guard let mode = Mode(rawValue: name), mode != .passthrough else {
                    throw error("unknown mode \"\(name)\"; expected announcement or query", at: "\(keyPath).modes", node: modesNode)
                }
                modes.insert(mode)
            }
        }
        var wideOnly = false
        if let audienceNode = member(node, "audience") {
            let raw = try scalar(audienceNode, at: "\(keyPath).audience", expecting: "wide or any")
            guard raw == "wide" || raw == "any" else {
                throw error("expected wide or any, found \"\(raw)\"", at: "\(keyPath).audience", node: audienceNode)
            }
            wideOnly = raw == "wide"
        }
        var mask = MaskStyle.none
        if let maskNode = member(node, "mask") {
            switch maskNode {
            case .scalar("none", _, _): mask = .none
            case .scalar("all", _, _): mask = .all
            case .mapping:
                let first = Int(try scalar(member(maskNode, "first") ?? maskNode, at: "\(keyPath).mask.first", expecting: "a number")) ?? 0
                let last = Int(try scalar(member(maskNode, "last") ?? maskNode, at: "\(keyPath).mask.last", expecting: "a number")) ?? 0
                mask = .keep(first: first, last: last)
            default:
                throw error("expected none, all or {first: N, last: N}", at: "\(keyPath).mask", node: maskNode)
            }
        }
        let definition = RuleDefinition(
            id: id, category: category, guideline: guideline, severity: severity, explain: explain, source: source,
            matcher: matcher,
            params: RuleParams(tree: member(node, "params"), source: source, ruleKey: keyPath, lists: lists, lexicon: lexicon),
            confidence: try number("confidence", 0.8), threshold: try number("threshold", 0.5),
            context: context, positions: positions, units: units, modes: modes, wideAudienceOnly: wideOnly, mask: mask)
        return definition
    }

    func phrases(_ node: YAMLTree?, at keyPath: String, lists: [String: [String]]) throws(ConfigError) -> PhraseSet {
        guard let node else { return PhraseSet() }
        let sources = try stringList(node, at: keyPath)
        do {
            return try PhraseSet(sources, lists: lists, lexicon: lexicon)
        } catch {
            throw self.error(error.message, at: keyPath, node: node)
        }
    }

    func signals(_ node: YAMLTree?, at keyPath: String, lists: [String: [String]]) throws(ConfigError) -> [Signal] {
        guard let node, case .sequence(let items, _, _) = node else {
            throw error("expected a list of signals, each with label, weight and match", at: keyPath, node: node)
        }
        var result: [Signal] = []
        for (i, item) in items.enumerated() {
            let path = "\(keyPath)[\(i)]"
            guard case .mapping(let pairs, _, _) = item else { throw error("expected a signal", at: path, node: item) }
            let keys = ["label", "weight", "match", "feature"]
            for (key, value) in pairs where !keys.contains(key) {
                throw error(unknownKey(key, keys), at: "\(path).\(key)", node: value)
            }
            let label = try scalar(member(item, "label") ?? item, at: "\(path).label", expecting: "a label")
            let weightText = try scalar(member(item, "weight") ?? item, at: "\(path).weight", expecting: "a number")
            guard let weight = Double(weightText) else { throw error("expected a number", at: "\(path).weight", node: item) }
            var feature: Feature?
            if let featureNode = member(item, "feature") {
                let raw = try scalar(featureNode, at: "\(path).feature", expecting: "a feature")
                guard let value = Feature(rawValue: raw) else {
                    throw error(unknownKey(raw, Feature.allCases.map(\.rawValue)), at: "\(path).feature", node: featureNode)
                }
                feature = value
            }
            let words = member(item, "match") == nil ? nil : try phrases(member(item, "match"), at: "\(path).match", lists: lists)
            guard (words == nil) != (feature == nil) else {
                throw error("needs exactly one of match or feature", at: path, node: item)
            }
            result.append(Signal(label: label, weight: weight, words: words, feature: feature))
        }
        return result
    }

    static let contextKeys = ["label", "words", "feature", "window", "before", "after", "within", "effect"]

    func contextEntry(_ node: YAMLTree, at keyPath: String, lists: [String: [String]]) throws(ConfigError) -> ContextEntry {
        guard case .mapping(let pairs, _, _) = node else {
            throw error("expected a context entry with label, words or feature, and effect", at: keyPath, node: node)
        }
        for (key, value) in pairs where !Self.contextKeys.contains(key) {
            throw error(unknownKey(key, Self.contextKeys), at: "\(keyPath).\(key)", node: value)
        }
        let label = try scalar(member(node, "label") ?? node, at: "\(keyPath).label", expecting: "a label")
        var words: PhraseSet?
        var feature: Feature?
        if let wordsNode = member(node, "words") { words = try phrases(wordsNode, at: "\(keyPath).words", lists: lists) }
        if let featureNode = member(node, "feature") {
            let raw = try scalar(featureNode, at: "\(keyPath).feature", expecting: "a feature")
            guard let value = Feature(rawValue: raw) else {
                throw error(unknownKey(raw, Feature.allCases.map(\.rawValue)), at: "\(keyPath).feature", node: featureNode)
            }
            feature = value
        }
        guard (words == nil) != (feature == nil) else {
            throw error("needs exactly one of words or feature", at: keyPath, node: node)
        }
        func count(_ key: String) throws(ConfigError) -> Int? {
            guard let value = member(node, key) else { return nil }
            guard let n = Int(try scalar(value, at: "\(keyPath).\(key)", expecting: "a number of words")), n >= 0, n <= 200 else {
                throw error("expected a number of words from 0 to 200", at: "\(keyPath).\(key)", node: value)
            }
            return n
        }
        var scope = ContextScope.window(before: 6, after: 6)
        if let window = try count("window") { scope = .window(before: window, after: window) }
        if let before = try count("before") { scope = .window(before: before, after: try count("after") ?? 0) }
        else if let after = try count("after") { scope = .window(before: 0, after: after) }
        if let withinNode = member(node, "within") {
            switch try scalar(withinNode, at: "\(keyPath).within", expecting: "sentence, line, paragraph, text or message") {
            case "sentence": scope = .sentence
            case "line": scope = .line
            case "paragraph": scope = .paragraph
            case "text": scope = .text
            case "message": scope = .message
            case let other:
                throw error("expected sentence, line, paragraph, text or message, found \"\(other)\"", at: "\(keyPath).within", node: withinNode)
            }
        }
        let effectNode = member(node, "effect") ?? node
        return ContextEntry(label: label, words: words, feature: feature, scope: scope,
                            effect: try effect(effectNode, at: "\(keyPath).effect"))
    }

    func effect(_ node: YAMLTree, at keyPath: String) throws(ConfigError) -> Effect {
        let raw = try scalar(node, at: keyPath, expecting: "require, veto or a number such as +0.3")
        switch raw {
        case "require": return .require
        case "veto": return .veto
        default:
            guard let value = Double(raw.hasPrefix("+") ? String(raw.dropFirst()) : raw), abs(value) <= 10 else {
                throw error("expected require, veto or a number such as +0.3, found \"\(raw)\"", at: keyPath, node: node)
            }
            return .adjust(value)
        }
    }

    /// The candidate closest to `word` when it is a likely typo.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        let limit = max(1, min(3, word.count / 3))
        for candidate in candidates {
            let d = distance(Array(word), Array(candidate))
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// File paths of the configuration's rule directories and logo references.
enum Paths {
    /// `path` as given when absolute or when the configuration is the embedded default; else taken
    /// from the configuration file's directory.
    static func resolve(_ path: String, against configSource: String) -> String {
        if path.hasPrefix("/") || configSource == HeedConfig.embeddedSource { return path }
        guard let slash = configSource.lastIndex(of: "/") else { return path }
        return String(configSource[..<slash]) + "/" + path
    }

    /// The `*.yaml` and `*.yml` files of a directory, sorted by name.
    static func yamlFiles(in directory: String) throws(ConfigError) -> [String] {
        let names: [String]
        do {
            names = try FileSystem.contentsOfDirectory(directory)
        } catch {
            throw ConfigError(file: directory, message: "cannot read the rule directory: \(error)")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { directory + "/" + $0 }
    }
}
