import Foundation
import Store

/// One digest: the store's figures for a period, and the view the templates and the JSON are
/// made from.
public struct DigestReport: Sendable {
    /// The `top` the store is asked for: far above any `digest.top` (at most 100), so that the
    /// lists are complete and an item's change is measured against its real count in the
    /// previous period, not against 0 because it fell out of that period's top list. A period
    /// has a few dozen distinct categories, rules and topics at most.
    public static let storeTop = 10_000

    public let data: DigestData
    public let view: DigestView

    /// Reads [from, to) and the period of the same length before it from `store`. Throws the
    /// store's `StoreError` (e.g. `invalidArgument` unless from < to).
    public init(store: any HeedStore, from: Date, to: Date, options: DigestOptions) throws {
        try self.init(data: store.digest(from: from, to: to, top: Self.storeTop), options: options)
    }

    public init(data: DigestData, options: DigestOptions) {
        self.data = data
        view = DigestView(data: data, options: options)
    }

    /// The digest as one JSON object (keys sorted, two-space indentation, UTC ISO 8601 times,
    /// a newline at the end). Keys are stable: a key that has no value is present with null.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(DigestJSON(report: self)), as: UTF8.self) + "\n"
        } catch {
            // Encoding plain structs of strings, numbers and dates cannot fail; if it ever did,
            // a JSON error object is still valid output.
            return "{\"error\": \"cannot encode the digest\"}\n"
        }
    }
}

/// `heed digest --format json`: the figures of `DigestView` without layout (no bars, padding
/// or formatted changes), for scripts. Counts of the previous period sit beside each current
/// count as `previous…`.
struct DigestJSON: Encodable {
    struct Period: Encodable {
        var from: Date
        var to: Date
    }

    struct Messages: Encodable {
        var total: Int
        var previousTotal: Int
        var byVerdict: [Count]
        var byList: [ListCount]

        enum CodingKeys: String, CodingKey {
            case total
            case previousTotal = "previous_total"
            case byVerdict = "by_verdict"
            case byList = "by_list"
        }
    }

    struct Total: Encodable {
        var total: Int
        var previousTotal: Int

        enum CodingKeys: String, CodingKey {
            case total
            case previousTotal = "previous_total"
        }
    }

    struct Count: Encodable {
        var name: String
        var count: Int
        var previous: Int
    }

    struct ListCount: Encodable {
        var list: String
        var mode: String
        var total: Int
        var accept: Int
        var advise: Int
        var hold: Int
        var reject: Int
    }

    struct Finding: Encodable {
        var id: String
        var category: String
        var guideline: String
        var guidelineTitle: String
        var guidelineURL: String
        var explanation: String?
        var findings: Int
        var messages: Int
        var previousFindings: Int
        var example: String?

        enum CodingKeys: String, CodingKey {
            case id, category, guideline, explanation, findings, messages, example
            case guidelineTitle = "guideline_title"
            case guidelineURL = "guideline_url"
            case previousFindings = "previous_findings"
        }

        // Written by hand so that absent values are null, not missing keys.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(category, forKey: .category)
            try container.encode(guideline, forKey: .guideline)
            try container.encode(guidelineTitle, forKey: .guidelineTitle)
            try container.encode(guidelineURL, forKey: .guidelineURL)
            try container.encode(explanation, forKey: .explanation)
            try container.encode(findings, forKey: .findings)
            try container.encode(messages, forKey: .messages)
            try container.encode(previousFindings, forKey: .previousFindings)
            try container.encode(example, forKey: .example)
        }
    }

    struct Replies: Encodable {
        var sent: Int
        var previousSent: Int
        var suppressed: Int
        var previousSuppressed: Int
        var suppressedByReason: [Count]

        enum CodingKeys: String, CodingKey {
            case sent, suppressed
            case previousSent = "previous_sent"
            case previousSuppressed = "previous_suppressed"
            case suppressedByReason = "suppressed_by_reason"
        }
    }

    var period: Period
    var previousPeriod: Period
    var empty: Bool
    var messages: Messages
    var findings: Total
    var categories: [Finding]
    var rules: [Finding]
    var topics: [Count]
    var replies: Replies

    enum CodingKeys: String, CodingKey {
        case period, empty, messages, findings, categories, rules, topics, replies
        case previousPeriod = "previous_period"
    }

    init(report: DigestReport) {
        let view = report.view
        let current = report.data.current
        let previous = report.data.previous
        period = Period(from: current.from, to: current.to)
        previousPeriod = Period(from: previous.from, to: previous.to)
        empty = view.isEmpty
        messages = Messages(
            total: current.messageTotal, previousTotal: previous.messageTotal,
            byVerdict: view.verdicts.map { Count(name: $0.label, count: $0.count, previous: $0.previous) },
            byList: view.lists.map {
                ListCount(
                    list: $0.list, mode: $0.mode, total: $0.total, accept: $0.accept, advise: $0.advise, hold: $0.hold,
                    reject: $0.reject)
            })
        findings = Total(total: view.findingTotal, previousTotal: view.previousFindingTotal)
        func finding(_ row: DigestView.FindingRow) -> Finding {
            Finding(
                id: row.id, category: row.category, guideline: row.guideline, guidelineTitle: row.guidelineTitle,
                guidelineURL: row.guidelineURL, explanation: row.explanation, findings: row.findings,
                messages: row.messages, previousFindings: row.previous, example: row.example)
        }
        categories = view.categories.map(finding)
        rules = view.rules.map(finding)
        topics = view.topics.map { Count(name: $0.label, count: $0.count, previous: $0.previous) }
        replies = Replies(
            sent: current.repliesSent, previousSent: previous.repliesSent, suppressed: current.repliesSuppressed,
            previousSuppressed: previous.repliesSuppressed,
            suppressedByReason: view.suppressions.map { Count(name: $0.label, count: $0.count, previous: $0.previous) })
    }
}
