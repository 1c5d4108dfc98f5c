import Foundation

/// What the digest needs from the store: one period's figures and those of the period of the
/// same length just before it, for the "change since last time" column.
///
/// Contains no address and no pseudonym: the figures are counts, and the only text from
/// messages is one masked evidence example per category and rule (see `FindingRecord`).
public struct DigestData: Sendable, Equatable {
    public var current: DigestPeriod
    public var previous: DigestPeriod

    public init(current: DigestPeriod, previous: DigestPeriod) {
        self.current = current
        self.previous = previous
    }
}

/// The figures of one period [from, to).
///
/// Lists are sorted by count, largest first, then by name, so the same data always gives
/// the same digest; the "top" lists hold at most the number asked for.
public struct DigestPeriod: Sendable, Equatable {
    public var from: Date
    public var to: Date
    /// Messages per mode, list and verdict (every combination that occurred).
    public var messages: [MessageCount]
    public var messageTotal: Int
    /// The most frequent finding categories.
    public var categories: [FindingCount]
    /// The most frequent rules.
    public var rules: [FindingCount]
    /// The most frequent query topics.
    public var topics: [TopicCount]
    public var repliesSent: Int
    public var repliesSuppressed: Int
    /// Suppressed replies per reason.
    public var suppressions: [SuppressionCount]

    public init(
        from: Date, to: Date, messages: [MessageCount], messageTotal: Int, categories: [FindingCount],
        rules: [FindingCount], topics: [TopicCount], repliesSent: Int, repliesSuppressed: Int,
        suppressions: [SuppressionCount]
    ) {
        self.from = from
        self.to = to
        self.messages = messages
        self.messageTotal = messageTotal
        self.categories = categories
        self.rules = rules
        self.topics = topics
        self.repliesSent = repliesSent
        self.repliesSuppressed = repliesSuppressed
        self.suppressions = suppressions
    }

    /// Nothing happened in the period: the digest says so instead of showing empty tables.
    public var isEmpty: Bool { messageTotal == 0 && repliesSent == 0 && repliesSuppressed == 0 }
}

public struct MessageCount: Sendable, Equatable {
    public var mode: String
    /// nil for messages to no watched address.
    public var list: String?
    public var verdict: String
    public var count: Int

    public init(mode: String, list: String?, verdict: String, count: Int) {
        self.mode = mode
        self.list = list
        self.verdict = verdict
        self.count = count
    }
}

/// How often a category (or a rule) was found.
public struct FindingCount: Sendable, Equatable {
    /// For a category: the category id. For a rule: the rule id.
    public var id: String
    public var category: String
    /// The guideline the findings rest on (for the advice link).
    public var guideline: String
    /// Findings in the period (a message may have several).
    public var findings: Int
    /// Messages with at least one such finding.
    public var messages: Int
    /// The most recent masked evidence of the period, if any finding had evidence.
    public var example: String?

    public init(id: String, category: String, guideline: String, findings: Int, messages: Int, example: String?) {
        self.id = id
        self.category = category
        self.guideline = guideline
        self.findings = findings
        self.messages = messages
        self.example = example
    }
}

public struct TopicCount: Sendable, Equatable {
    public var topic: String
    public var count: Int

    public init(topic: String, count: Int) {
        self.topic = topic
        self.count = count
    }
}

public struct SuppressionCount: Sendable, Equatable {
    public var reason: ReplySuppression
    public var count: Int

    public init(reason: ReplySuppression, count: Int) {
        self.reason = reason
        self.count = count
    }
}
