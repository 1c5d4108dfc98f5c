import Foundation
import Store

/// What the digest needs besides the store's figures: all from the configuration, none from
/// a message.
public struct DigestOptions: Sendable, Equatable {
    /// How many categories, rules and topics the digest lists (`digest.top`).
    public var top: Int
    /// The guidelines page the advice links point to (`replies.guidelines_url.en`).
    public var guidelinesURL: String
    /// The social-media team's address (`replies.from`), the digest's sender.
    public var teamAddress: String
    /// One line per rule id saying what it catches and why (the rule files' `explain`); rules
    /// without one are listed by id alone.
    public var ruleExplanations: [String: String]

    public init(top: Int, guidelinesURL: String, teamAddress: String, ruleExplanations: [String: String] = [:]) {
        self.top = top
        self.guidelinesURL = guidelinesURL
        self.teamAddress = teamAddress
        self.ruleExplanations = ruleExplanations
    }
}

/// The digest as its templates see it: every figure already counted, compared, formatted and
/// made safe to show, so the templates only lay it out. Built by `DigestView(data:options:)`.
///
/// Privacy contract: nothing here comes from a message except the examples, which went
/// through `DigestRedaction`; the only addresses are the watched lists (as configured) and the
/// team's address.
///
/// Property names are the templates' value names (Templates/digest/README.md lists them).
public struct DigestView: Sendable, Equatable {
    /// "2026-11-16 00:00 – 2026-11-23 00:00 UTC".
    public var period: String
    /// The period before, of the same length, that changes are measured against.
    public var previousPeriod: String
    /// "7 days".
    public var length: String
    /// "heed digest: 2026-11-16 – 2026-11-23". The end day is the day the period ends on
    /// (exclusive bound), as a weekly run reads it.
    public var subject: String
    /// Nothing happened in the period: the templates say "No messages were screened in this
    /// period." instead of showing empty tables.
    public var isEmpty: Bool
    public var hasData: Bool
    /// Nothing happened in the previous period either (changes then say "new").
    public var previousIsEmpty: Bool

    /// Findings in the period and in the previous one (a message may have several).
    public var findingTotal: Int
    public var previousFindingTotal: Int
    /// The headline figures: messages screened, findings, questions, replies sent, replies
    /// suppressed; each with its change.
    public var summary: [Figure]
    /// Messages per verdict (accept, advise, hold, reject; only those that occurred).
    public var verdicts: [Bar]
    /// Messages per watched list, with a column per verdict.
    public var lists: [ListRow]
    public var categories: [FindingRow]
    public var rules: [FindingRow]
    public var topics: [Bar]
    /// Suppressed replies per reason.
    public var suppressions: [Bar]
    // Stored, not computed: Mustache reads values by reflection, which sees stored
    // properties only.
    public var hasVerdicts: Bool
    public var hasLists: Bool
    public var hasCategories: Bool
    public var hasRules: Bool
    public var hasTopics: Bool
    public var hasSuppressions: Bool
    /// The plain-text width of the list column, for `ListRow.textList`.
    public var textListHeader: String

    public var guidelinesURL: String
    public var teamAddress: String

    /// A headline number.
    public struct Figure: Sendable, Equatable {
        public var label: String
        public var value: Int
        public var previous: Int
        /// "+3 (+25 %)", "−2 (−50 %)", "+4 (new)", "±0".
        public var change: String
        /// The label padded for plain-text columns.
        public var textLabel: String
        public var textValue: String
    }

    /// One bar of a chart: a label, a count, its share and a bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var count: Int
        public var previous: Int
        /// "25 %" of the chart's total.
        public var share: String
        /// 0...100, the longest bar of the chart being 100; the HTML draws the bar as a table
        /// cell that wide (in percent) and `rest` as the empty cell beside it.
        public var width: Int
        public var rest: Int
        public var hasRest: Bool
        /// A colour for the bar (CSS hex), chosen by the view model (verdicts have their own).
        public var color: String
        /// "+3", "−2", "±0", with "(new)" when the previous period had none.
        public var change: String
        public var textLabel: String
        public var textCount: String
        public var textShare: String
        /// Padded to the chart's full width, so that what follows it lines up.
        public var textBar: String
    }

    /// One watched list (or "not watched" for decisions with no list).
    public struct ListRow: Sendable, Equatable {
        public var list: String
        public var mode: String
        public var total: Int
        public var accept: Int
        public var advise: Int
        public var hold: Int
        public var reject: Int
        public var change: String
        /// The list padded to the text table's column, and the counts right-aligned.
        public var textList: String
        public var textTotal: String
        public var textAccept: String
        public var textAdvise: String
        public var textHold: String
        public var textReject: String
    }

    /// One category or rule among the most frequent.
    public struct FindingRow: Sendable, Equatable {
        /// The category id, or the rule id.
        public var id: String
        public var category: String
        public var guideline: String
        /// "Respect → Privacy": the guideline's title as the advice templates name it.
        public var guidelineTitle: String
        /// The advice link: the guidelines page.
        public var guidelineURL: String
        /// What the rule catches (rules only; from the rule files).
        public var explanation: String?
        public var findings: Int
        public var messages: Int
        /// "in 1 message", "in 7 messages".
        public var inMessages: String
        public var previous: Int
        public var share: String
        public var width: Int
        public var rest: Int
        public var hasRest: Bool
        public var color: String
        public var change: String
        /// A masked example that cannot reveal a person (`DigestRedaction`); nil when none.
        public var example: String?
        public var textID: String
        public var textCount: String
        public var textShare: String
        public var textBar: String
    }
}

extension DigestView {
    /// The colour of bars that have no colour of their own.
    static let barColor = "#2f6fb0"
    static let verdictColors = ["accept": "#3b8f4e", "advise": "#d9a21b", "hold": "#d9661b", "reject": "#c0392b"]
    /// Verdicts in the order of the spec, mildest first.
    static let verdictOrder = ["accept", "advise", "hold", "reject"]
    /// The guidelines' titles as the advice templates (Templates/findings) write them; an id
    /// heed does not know is shown as it is.
    static let guidelineTitles = [
        "post.correctly": "Post → Correctly",
        "post.clearly": "Post → Clearly",
        "post.reasonably": "Post → Reasonably",
        "post.as-yourself": "Post → As yourself",
        "refer.links": "Refer → Links",
        "refer.external": "Refer → External sources",
        "respect.logo": "Respect → CERN's logo",
        "respect.privacy": "Respect → Privacy",
        "respect.confidential": "Respect → Confidential information",
        "respect.ip": "Respect → Intellectual property",
        "respect.well-being": "Respect → The well-being of others",
        "respect.official": "Respect → Official communications",
    ]
    /// The label of decisions that went to no watched address.
    static let unwatched = "(not a watched address)"

    /// The view of `data`. `data`'s lists should be complete (ask the store with a `top` far
    /// above `options.top`, as `DigestReport` does): the view keeps the first `options.top`
    /// items of the current period and compares each with the same item of the previous
    /// period, which counts as 0 when absent.
    public init(data: DigestData, options: DigestOptions) {
        let current = data.current
        let previous = data.previous
        let top = max(1, options.top)

        period = Self.periodText(current)
        previousPeriod = Self.periodText(previous)
        length = DigestFormat.length(current.to.timeIntervalSince(current.from))
        subject = "heed digest: \(DigestFormat.day(current.from)) – \(DigestFormat.day(current.to))"
        isEmpty = current.isEmpty
        hasData = !current.isEmpty
        previousIsEmpty = previous.isEmpty
        guidelinesURL = options.guidelinesURL
        teamAddress = options.teamAddress

        let findingsNow = current.categories.reduce(0) { $0 + $1.findings }
        let findingsBefore = previous.categories.reduce(0) { $0 + $1.findings }
        findingTotal = findingsNow
        previousFindingTotal = findingsBefore
        let queriesNow = current.messages.filter { $0.mode == "query" }.reduce(0) { $0 + $1.count }
        let queriesBefore = previous.messages.filter { $0.mode == "query" }.reduce(0) { $0 + $1.count }
        let figures: [(String, Int, Int)] = [
            ("Messages screened", current.messageTotal, previous.messageTotal),
            ("Findings", findingsNow, findingsBefore),
            ("Questions to the team", queriesNow, queriesBefore),
            ("Replies sent", current.repliesSent, previous.repliesSent),
            ("Replies suppressed", current.repliesSuppressed, previous.repliesSuppressed),
        ]
        let labelWidth = figures.map(\.0.count).max() ?? 0
        let valueWidth = figures.map { String($0.1).count }.max() ?? 0
        summary = figures.map { label, value, before in
            Figure(
                label: label, value: value, previous: before, change: DigestFormat.fullChange(value, before),
                textLabel: DigestFormat.padRight(label + ":", labelWidth + 1),
                textValue: DigestFormat.padLeft(String(value), valueWidth))
        }

        verdicts = Self.bars(
            Self.verdictOrder.compactMap { verdict in
                let count = current.messages.filter { $0.verdict == verdict }.reduce(0) { $0 + $1.count }
                guard count > 0 else { return nil }
                let before = previous.messages.filter { $0.verdict == verdict }.reduce(0) { $0 + $1.count }
                return (verdict, count, before, Self.verdictColors[verdict] ?? Self.barColor)
            }, total: current.messageTotal)

        let rows = Self.listRows(current: current, previous: previous)
        let listWidth = max("List".count, rows.map(\.list.count).max() ?? 0)
        textListHeader = DigestFormat.padRight("List", listWidth)
        lists = rows.map { row in
            var row = row
            row.textList = DigestFormat.padRight(row.list, listWidth)
            row.textTotal = DigestFormat.padLeft(String(row.total), 5)
            row.textAccept = DigestFormat.padLeft(String(row.accept), 6)
            row.textAdvise = DigestFormat.padLeft(String(row.advise), 6)
            row.textHold = DigestFormat.padLeft(String(row.hold), 4)
            row.textReject = DigestFormat.padLeft(String(row.reject), 6)
            return row
        }

        categories = Self.findingRows(
            Array(current.categories.prefix(top)), previous: previous.categories, total: findingsNow, options: options,
            isRule: false)
        rules = Self.findingRows(
            Array(current.rules.prefix(top)), previous: previous.rules, total: findingsNow, options: options,
            isRule: true)

        let topicsBefore = Dictionary(previous.topics.map { ($0.topic, $0.count) }, uniquingKeysWith: +)
        topics = Self.bars(
            current.topics.prefix(top).map { ($0.topic, $0.count, topicsBefore[$0.topic] ?? 0, Self.barColor) },
            total: current.topics.reduce(0) { $0 + $1.count })

        let suppressedBefore = Dictionary(
            previous.suppressions.map { ($0.reason.rawValue, $0.count) }, uniquingKeysWith: +)
        suppressions = Self.bars(
            current.suppressions.map {
                ($0.reason.rawValue, $0.count, suppressedBefore[$0.reason.rawValue] ?? 0, Self.barColor)
            }, total: current.repliesSuppressed)

        hasVerdicts = !verdicts.isEmpty
        hasLists = !lists.isEmpty
        hasCategories = !categories.isEmpty
        hasRules = !rules.isEmpty
        hasTopics = !topics.isEmpty
        hasSuppressions = !suppressions.isEmpty
    }

    static func periodText(_ period: DigestPeriod) -> String {
        "\(DigestFormat.minute(period.from)) – \(DigestFormat.minute(period.to)) UTC"
    }

    /// A change for an item of a list: "+3", "±0", or "+3 (new)" when it did not occur before.
    static func itemChange(_ count: Int, _ before: Int) -> String {
        let change = DigestFormat.change(count, before)
        return before == 0 && count > 0 ? change + " (new)" : change
    }

    /// Bars for (label, count, previous count, colour), scaled to the longest.
    static func bars(_ items: [(String, Int, Int, String)], total: Int) -> [Bar] {
        let maximum = items.map(\.1).max() ?? 0
        let labelWidth = items.map(\.0.count).max() ?? 0
        let countWidth = items.map { String($0.1).count }.max() ?? 0
        return items.map { label, count, before, color in
            let width = DigestFormat.barWidth(count, maximum: maximum)
            return Bar(
                label: label, count: count, previous: before, share: DigestFormat.share(count, of: total), width: width,
                rest: 100 - width, hasRest: width < 100, color: color, change: itemChange(count, before),
                textLabel: DigestFormat.padRight(label, labelWidth),
                textCount: DigestFormat.padLeft(String(count), countWidth),
                textShare: DigestFormat.padLeft(DigestFormat.share(count, of: total), 5),
                textBar: DigestFormat.padRight(
                    DigestFormat.textBar(count, maximum: maximum), DigestFormat.textBarCells))
        }
    }

    /// One row per (list, mode), largest first, then by list; the text fields are filled by
    /// the caller, which knows the column widths.
    static func listRows(current: DigestPeriod, previous: DigestPeriod) -> [ListRow] {
        struct Key: Hashable {
            var list: String
            var mode: String
        }
        func key(_ count: MessageCount) -> Key { Key(list: count.list ?? unwatched, mode: count.mode) }
        var rows: [Key: ListRow] = [:]
        for count in current.messages {
            var row = rows[key(count)] ?? ListRow(
                list: key(count).list, mode: count.mode, total: 0, accept: 0, advise: 0, hold: 0, reject: 0, change: "",
                textList: "", textTotal: "", textAccept: "", textAdvise: "", textHold: "", textReject: "")
            row.total += count.count
            switch count.verdict {
            case "accept": row.accept += count.count
            case "advise": row.advise += count.count
            case "hold": row.hold += count.count
            case "reject": row.reject += count.count
            default: break
            }
            rows[key(count)] = row
        }
        var before: [Key: Int] = [:]
        for count in previous.messages { before[key(count), default: 0] += count.count }
        return rows.map { key, row in
            var row = row
            row.change = itemChange(row.total, before[key] ?? 0)
            return row
        }.sorted { ($0.total, $1.list, $1.mode) > ($1.total, $0.list, $0.mode) }
    }

    static func findingRows(
        _ items: [FindingCount], previous: [FindingCount], total: Int, options: DigestOptions, isRule: Bool
    ) -> [FindingRow] {
        let before = Dictionary(previous.map { ($0.id, $0.findings) }, uniquingKeysWith: +)
        let maximum = items.map(\.findings).max() ?? 0
        let idWidth = items.map(\.id.count).max() ?? 0
        let countWidth = items.map { String($0.findings).count }.max() ?? 0
        return items.map { item in
            let width = DigestFormat.barWidth(item.findings, maximum: maximum)
            let previousCount = before[item.id] ?? 0
            return FindingRow(
                id: item.id, category: item.category, guideline: item.guideline,
                guidelineTitle: guidelineTitles[item.guideline] ?? item.guideline, guidelineURL: options.guidelinesURL,
                explanation: isRule ? options.ruleExplanations[item.id] : nil, findings: item.findings,
                messages: item.messages, inMessages: "in \(item.messages) message\(item.messages == 1 ? "" : "s")",
                previous: previousCount, share: DigestFormat.share(item.findings, of: total),
                width: width, rest: 100 - width, hasRest: width < 100, color: barColor,
                change: itemChange(item.findings, previousCount),
                example: item.example.flatMap { DigestRedaction.example($0, category: item.category) },
                textID: DigestFormat.padRight(item.id, idWidth),
                textCount: DigestFormat.padLeft(String(item.findings), countWidth),
                textShare: DigestFormat.padLeft(DigestFormat.share(item.findings, of: total), 5),
                textBar: DigestFormat.padRight(
                    DigestFormat.textBar(item.findings, maximum: maximum), DigestFormat.textBarCells))
        }
    }
}
