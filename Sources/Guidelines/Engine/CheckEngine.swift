import Config
import MIME

/// What a check sees: the parsed message and what heed decided about it before the checks ran.
public struct CheckInput: Sendable {
    public let message: Message
    public let mode: Mode
    /// The watched address that set the mode (nil in passthrough).
    public let list: WatchRule?
    public let language: Language
    public let config: HeedConfig
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
    public init(topic: String, contact: String?) {
        self.topic = topic
        self.contact = contact
    }
}

/// Everything heed decided about one message.
public struct CheckResult: Sendable {
    public let mode: Mode
    public let list: WatchRule?
    public let language: Language
    public let verdict: Verdict
    /// The query's route; nil outside query mode (and until topic classification exists).
    public let route: Route?
    /// In document order.
    public let findings: [Finding]
    public let scan: ScanReport
}

/// Runs the configured checks over a message and turns their findings into a verdict.
public struct CheckEngine: Sendable {
    public let config: HeedConfig
    public let checks: [any Check]

    public init(config: HeedConfig, checks: [any Check]) {
        self.config = config
        self.checks = checks
    }

    /// `recipients`: the envelope recipients when known (milter RCPT, `heed check --rcpt`);
    /// nil means "take them from To and Cc".
    public func evaluate(_ message: Message, recipients: [String]? = nil) -> CheckResult {
        let addresses = recipients ?? (message.header.to + message.header.cc).map(\.address)
        let (mode, list) = config.mode(forRecipients: addresses)
        var texts: [String] = []
        if let subject = message.subject { texts.append(subject) }
        for part in message.textParts where !part.isAttachment {
            if let text = part.text?.text { texts.append(text) }
        }
        let language = LanguageDetector.detect(texts)
        var findings: [Finding] = []
        if mode != .passthrough {
            let input = CheckInput(message: message, mode: mode, list: list, language: language, config: config)
            for check in checks {
                findings.append(contentsOf: check.run(input))
            }
            findings.sort(by: Finding.documentOrder)
        }
        let verdict = VerdictPolicy.default.verdict(mode: mode, findings: findings)
        return CheckResult(mode: mode, list: list, language: language, verdict: verdict, route: nil,
                           findings: findings, scan: message.scan)
    }

    /// The checks that exist in this version. Empty until the guideline checks land; the
    /// plumbing (categories, severities, evidence, verdicts) is in place and tested.
    public static let builtInChecks: [any Check] = []
}
