import Config
import MIME
import Topics

/// What a check sees: the parsed message and what heed decided about it before the checks ran.
public struct CheckInput: Sendable {
    public let message: Message
    public let mode: Mode
    /// The watched address that set the mode (nil in passthrough).
    public let list: WatchRule?
    public let language: Language
    public let config: HeedConfig
    /// The message as the rule checks read it (texts to check, drafts, layout), built once per
    /// message by the engine.
    public let analysis: MessageAnalysis
    /// Rules and categories switched off for this message's list (`checks.disable` and the
    /// list's own): they are not run at all.
    let disabled: Set<String>

    func isDisabled(_ rule: RuleDefinition) -> Bool {
        !disabled.isEmpty && (disabled.contains(rule.id) || disabled.contains(rule.category.rawValue))
    }
}

/// One guideline check. Checks are pure: no I/O, no state between messages (the stateful
/// `overposting` check lives with the store). Contract: a check never throws and never crashes on
/// odd input; it returns findings whose evidence is already masked.
public protocol Check: Sendable {
    /// Stable id, e.g. "personal-data".
    var id: String { get }
    func run(_ input: CheckInput) -> [Finding]
}

/// The route of a query: its topic and the contact who can act on it.
public struct Route: Sendable, Equatable {
    public let topic: String
    public let contact: String?
    /// The cues that decided the topic, for logs ("media: 'journalist' (body, 3.0)").
    public let cues: [String]
    public init(topic: String, contact: String?, cues: [String] = []) {
        self.topic = topic
        self.contact = contact
        self.cues = cues
    }

    /// The route of a question: its topic from the shipped classifier (subject and the first
    /// text part that is not an attachment; quoted replies and signatures are ignored there),
    /// its contact from the configuration (none for `general`).
    ///
    /// What the checks found informs the topic. A question that carries the logo (the logo
    /// check matched one of its images) goes to the visual identity contact whatever its words:
    /// whoever sends the logo asks, in effect, whether that use of it is right ("is it fine to use
    /// this picture?"). A finding whose category is a topic's subject in the spec (personal data:
    /// privacy; offensive: conduct; intellectual property; official communication) counts as a
    /// cue of `findingWeight` for that topic: enough to decide when the question's own words are
    /// few or point elsewhere weakly ("Anything to remove?"), not against clear ones (a journalist
    /// asking for an interview stays with the press office).
    static func classify(_ message: Message, contacts: TopicContacts, findings: [Finding] = []) -> Route {
        let body = message.textParts.first { !$0.isAttachment }?.text?.text ?? ""
        let hints = Set(findings.map(\.category)).sorted { $0.rawValue < $1.rawValue }.compactMap { category -> TopicClassifier.Hint? in
            guard let topic = findingTopics[category] else { return nil }
            return TopicClassifier.Hint(topic: topic, weight: findingWeight, reason: "the draft has \(category.rawValue)")
        }
        let decision = TopicClassifier.shipped.classify(subject: message.subject, body: body, hints: hints)
        let logoShown = findings.contains { $0.category == .logo }
        var topic = decision.topic.rawValue
        var cues = decision.cues
        if logoShown, decision.topic != .logo {
            topic = Topic.logo.rawValue
            cues.insert("logo: an attached image is the logo (overrides \(decision.topic.rawValue))", at: 0)
        }
        return Route(topic: topic, contact: contacts.contact(for: topic), cues: cues)
    }

    /// Twice the classifier's minimum score.
    static let findingWeight = 6.0
    static let findingTopics: [Category: Topic] = [
        .personalData: .privacy, .offensive: .conduct, .intellectualProperty: .intellectualProperty,
        .officialCommunication: .official,
    ]
}

/// Everything heed decided about one message.
public struct CheckResult: Sendable {
    public let mode: Mode
    public let list: WatchRule?
    public let language: Language
    public let verdict: Verdict
    /// The query's route; nil outside query mode.
    public let route: Route?
    /// In document order, after the configuration's disable and severity overrides.
    public let findings: [Finding]
    public let scan: ScanReport
    /// The list's policy that turned the findings into the verdict (`observe`: record and add
    /// headers only, no advice mail).
    public let policy: VerdictPolicy
}

/// The checks of one category, from the rule book.
public struct RuleCheck: Check {
    public let id: String
    let rules: [RuleDefinition]
    let runner: RuleRunner

    public func run(_ input: CheckInput) -> [Finding] {
        if id == Category.officialCommunication.rawValue,
           input.config.checks.authorisedSenders.contains(where: { CheckEngine.sender(input.analysis.sender, matches: $0) }) {
            return []
        }
        var findings: [Finding] = []
        for rule in rules where !input.isDisabled(rule) {
            findings.append(contentsOf: runner.run(rule, analysis: input.analysis, config: input.config))
        }
        return findings
    }
}

/// Runs the configured checks over a message and turns their findings into a verdict.
public struct CheckEngine: Sendable {
    public let config: HeedConfig
    public let checks: [any Check]
    /// The rule book the checks come from (its layout vocabulary reads every message).
    public let rules: RuleBook

    public init(config: HeedConfig, checks: [any Check]) {
        self.config = config
        self.checks = checks
        self.rules = .shipped
    }

    /// The engine with every built-in check, using the shipped rules and the configuration's rule
    /// directories. Throws when a rule file or a rule named in the configuration is wrong.
    public init(config: HeedConfig) throws(ConfigError) {
        let book = try RuleBook.load(config)
        self.config = config
        self.rules = book
        self.checks = Self.checks(from: book, logoReferences: try LogoCheck.references(config))
    }

    /// One check per category of the rule book, in category order: the rule checks, the jargon
    /// detector and the logo matcher (with `logoReferences`).
    public static func checks(from book: RuleBook, logoReferences: [LogoReference]) -> [any Check] {
        let runner = RuleRunner(book: book)
        var checks: [any Check] = []
        for category in Category.allCases {
            let rules = book.rules.filter { $0.category == category }
            guard !rules.isEmpty else { continue }
            switch category {
            case .jargon: checks.append(JargonCheck(rules: rules))
            case .logo: checks.append(LogoCheck(rule: rules.first, matcher: LogoMatcher(references: logoReferences)))
            // Counted per sender and list in heed serve's store, never found in a text.
            case .overposting: continue
            default: checks.append(RuleCheck(id: category.rawValue, rules: rules, runner: runner))
            }
        }
        return checks
    }

    /// The checks of this version with the shipped rules and the shipped logo reference (what
    /// `heed check` runs with the embedded default configuration).
    public static let builtInChecks: [any Check] = checks(from: .shipped, logoReferences: LogoCheck.shippedReference)

    /// `recipients`: the envelope recipients when known (milter RCPT, `heed check --rcpt`);
    /// nil means "take them from To and Cc".
    public func evaluate(_ message: Message, recipients: [String]? = nil) -> CheckResult {
        let addresses = recipients ?? (message.header.to + message.header.cc).map(\.address)
        let (mode, list) = config.mode(forRecipients: addresses)
        // The detector reads only the first few thousand UTF-8 bytes of these texts itself (it
        // never walks Characters), so they are passed whole: cutting them here with
        // `prefix(_:)` would walk Characters on every message.
        var texts: [String] = []
        if let subject = message.subject { texts.append(subject) }
        for part in message.textParts where !part.isAttachment {
            if let text = part.text?.text { texts.append(text) }
        }
        let language = LanguageDetector.detect(texts)
        let listPolicy = config.policies.policy(for: list?.address)
        let policy = VerdictPolicy(onBlock: listPolicy.onBlock == .reject ? .reject : .hold, observe: listPolicy.observe)
        var findings: [Finding] = []
        if mode != .passthrough && !isAllowedSender(message) && !checks.isEmpty {
            let analysis = MessageAnalysis(message: message, mode: mode, wideAudience: list?.audience == .wide,
                                           vocabulary: rules.vocabulary)
            let disabled = Set(config.checks.disable + listPolicy.disable)
            let input = CheckInput(message: message, mode: mode, list: list, language: language, config: config,
                                   analysis: analysis, disabled: disabled)
            for check in checks where !disabled.contains(check.id) {
                findings.append(contentsOf: check.run(input))
            }
            findings = Self.applyOverrides(findings, checks: config.checks, list: listPolicy)
            findings = Self.removeOverlaps(findings)
            findings.sort(by: Finding.documentOrder)
        }
        let verdict = policy.verdict(mode: mode, findings: findings)
        let route = mode == .query
            ? Route.classify(message, contacts: config.contacts, findings: findings)
            : nil
        return CheckResult(mode: mode, list: list, language: language, verdict: verdict, route: route,
                           findings: findings, scan: message.scan, policy: policy)
    }

    /// For benchmarks: the time each stage of `evaluate` takes on `message` (the analysis of its
    /// texts, then each check), in nanoseconds. Passthrough messages cost nothing.
    public func stageTimes(_ message: Message, recipients: [String]? = nil) -> [(stage: String, nanoseconds: Int)] {
        let addresses = recipients ?? (message.header.to + message.header.cc).map(\.address)
        let (mode, list) = config.mode(forRecipients: addresses)
        guard mode != .passthrough else { return [] }
        let clock = ContinuousClock()
        func nanoseconds(_ duration: Duration) -> Int {
            Int(duration.components.seconds) * 1_000_000_000 + Int(duration.components.attoseconds / 1_000_000_000)
        }
        var times: [(String, Int)] = []
        var analysis: MessageAnalysis?
        times.append(("analysis", nanoseconds(clock.measure {
            analysis = MessageAnalysis(message: message, mode: mode, wideAudience: list?.audience == .wide, vocabulary: rules.vocabulary)
        })))
        guard let analysis else { return times }
        let disabled = Set(config.checks.disable + config.policies.policy(for: list?.address).disable)
        let input = CheckInput(message: message, mode: mode, list: list, language: .en, config: config, analysis: analysis,
                               disabled: disabled)
        for check in checks where !disabled.contains(check.id) {
            times.append((check.id, nanoseconds(clock.measure { _ = check.run(input) })))
        }
        return times
    }

    /// A finding made outside the checks (the overposting count of `heed serve`), under the same
    /// configuration as theirs: nil when its rule or category is disabled (in `checks` or for
    /// `list`), else with the severity `checks.severity` and the list's policy give it.
    public func graded(_ finding: Finding, list: String?) -> Finding? {
        Self.applyOverrides([finding], checks: config.checks, list: config.policies.policy(for: list)).first
    }

    /// Drops disabled rules and categories and applies severity changes: the list's own
    /// settings win over `checks`, a rule's over its category's.
    static func applyOverrides(_ findings: [Finding], checks: ChecksSettings, list: ListPolicy) -> [Finding] {
        let disabled = Set(checks.disable + list.disable)
        return findings.compactMap { finding in
            let category = finding.category.rawValue
            if disabled.contains(finding.rule) || disabled.contains(category) { return nil }
            let override = list.severity[finding.rule] ?? list.severity[category]
                ?? checks.severity[finding.rule] ?? checks.severity[category]
            guard let override, let severity = Severity(rawValue: override), severity != finding.severity else { return finding }
            return Finding(category: finding.category, rule: finding.rule, guideline: finding.guideline, severity: severity,
                           evidence: finding.evidence, part: finding.part, offset: finding.offset, length: finding.length,
                           why: finding.why)
        }
    }

    /// Of findings of one category whose evidence overlaps in the same part (a token that is also
    /// a `token: value` line), the most severe, then the first, is kept.
    static func removeOverlaps(_ findings: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        for finding in findings {
            let end = finding.offset + max(1, finding.length)
            if let existing = kept.firstIndex(where: { other in
                other.category == finding.category && other.part == finding.part
                    && other.offset < end && finding.offset < other.offset + max(1, other.length)
            }) {
                if finding.severity > kept[existing].severity { kept[existing] = finding }
                continue
            }
            kept.append(finding)
        }
        return kept
    }

    /// An address against an exact address or a `*` pattern (as under `watch`).
    /// Whether the message's From is in `checks.allow.senders`: its mail is never checked (and
    /// `heed serve` does not count it for overposting either).
    public func isAllowedSender(_ message: Message) -> Bool {
        let sender = message.header.from.first?.address.lowercased() ?? ""
        return config.checks.allowSenders.contains { Self.sender(sender, matches: $0) }
    }

    static func sender(_ address: String, matches pattern: String) -> Bool {
        guard !address.isEmpty else { return false }
        return WatchRule(address: pattern, mode: .announcement, audience: .wide).matches(address)
    }
}
