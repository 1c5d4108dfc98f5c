import Digest
import Foundation
import Store
import Testing

/// An empty period, changes against the previous period, and the period arguments.
@Suite struct PeriodTests {
    static func record(
        _ store: SQLiteStore, at time: Date, list: String = "announcements@cern.ch", mode: String = "announcement",
        verdict: String = "advise", topic: String? = nil, findings: [(String, String)] = []
    ) throws {
        try store.recordDecision(DecisionRecord(
            time: time, list: list, mode: mode, verdict: verdict, topic: topic, sender: nil,
            findings: findings.map { category, rule in
                FindingRecord(category: category, rule: rule, severity: "warning", guideline: "respect.privacy")
            }))
    }

    // MARK: Empty

    @Test func anEmptyPeriodSaysSoInEveryFormat() throws {
        try withTemporaryDirectory { directory in
            let clock = TestClock(weekStart)
            let runtime = try openRuntime(in: directory, clock: clock)
            defer { runtime.stop() }
            try seed(runtime, clock: clock)
            // A week with nothing in it, long after the seeded ones.
            let from = weekEnd.addingTimeInterval(days(70))
            let report = try DigestReport(
                store: runtime.store, from: from, to: from.addingTimeInterval(days(7)), options: defaultOptions())
            let templates = try DigestTemplates(directory: shippedDigestTemplates)
            let text = templates.text(report.view)
            let html = templates.html(report.view)
            #expect(report.view.isEmpty)
            #expect(text.contains("No messages were screened in this period."))
            #expect(html.contains("No messages were screened in this period."))
            for heading in ["MESSAGES BY VERDICT", "MOST FREQUENT", "Messages screened"] {
                #expect(!text.contains(heading))
            }
            #expect(!html.contains("Messages by verdict"))
            #expect(report.json().contains("\"empty\" : true"))
            #expect(text.hasPrefix("heed digest\n2027-02-01 00:00 – 2027-02-08 00:00 UTC\n"))
        }
    }

    @Test func aNewStoreGivesAnEmptyDigest() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            let report = try DigestReport(store: store, from: weekStart, to: weekEnd, options: defaultOptions())
            #expect(report.view.isEmpty)
            #expect(report.view.previousIsEmpty)
            #expect(report.view.summary.allSatisfy { $0.change == "±0" })
            let text = try DigestTemplates(directory: shippedDigestTemplates).text(report.view)
            #expect(text.contains("No messages were screened in this period."))
        }
    }

    /// A period with replies but no screened message is not empty: the replies are shown.
    @Test func repliesAloneAreNotAnEmptyPeriod() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            try store.recordReply(ReplyEvent(
                time: weekStart + hours(1), sender: nil, topic: "logo", outcome: .suppressed(.nullSender)))
            let view = try DigestReport(store: store, from: weekStart, to: weekEnd, options: defaultOptions()).view
            #expect(!view.isEmpty)
            #expect(view.suppressions.map(\.label) == ["null-sender"])
        }
    }

    // MARK: Changes

    @Test func changesAgainstThePreviousPeriod() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            let before = weekStart.addingTimeInterval(-days(7))
            // The week before: 5 messages, 4 phone findings and 1 jargon finding.
            for index in 0..<4 {
                try Self.record(store, at: before + hours(Double(index)), findings: [("personal-data", "personal-data.phone")])
            }
            try Self.record(store, at: before + hours(5), findings: [("jargon", "jargon.acronym")])
            // This week: 4 messages (−20 %), 1 phone finding (−3), 3 jargon (+2), 2 logo (new).
            try Self.record(store, at: weekStart + hours(1), findings: [("personal-data", "personal-data.phone")])
            try Self.record(store, at: weekStart + hours(2), findings: [("jargon", "jargon.acronym"), ("jargon", "jargon.acronym")])
            try Self.record(store, at: weekStart + hours(3), findings: [("jargon", "jargon.acronym"), ("logo", "logo.match")])
            try Self.record(store, at: weekStart + hours(4), verdict: "accept", findings: [("logo", "logo.match")])

            // top 1: the previous period's counts still come from all its items.
            let view = try DigestReport(store: store, from: weekStart, to: weekEnd, options: defaultOptions(top: 1)).view
            let screened = try #require(view.summary.first)
            #expect(screened.value == 4)
            #expect(screened.change == "\u{2212}1 (\u{2212}20 %)")
            #expect(view.summary[1].change == "+1 (+20 %)")
            #expect(view.categories.map(\.id) == ["jargon"])
            #expect(view.categories.first?.change == "+2")
            #expect(view.rules.first?.change == "+2")
            let all = try DigestReport(store: store, from: weekStart, to: weekEnd, options: defaultOptions(top: 10)).view
            #expect(all.categories.map(\.change) == ["+2", "+2 (new)", "\u{2212}3"])
            #expect(all.categories.map(\.id) == ["jargon", "logo", "personal-data"])
            #expect(all.verdicts.map(\.change) == ["+1 (new)", "\u{2212}2"])
            #expect(all.lists.first?.change == "\u{2212}1")
            #expect(all.previousPeriod == "2026-11-09 00:00 – 2026-11-16 00:00 UTC")
        }
    }

    @Test func formattedChanges() {
        #expect(DigestFormat.change(8, 5) == "+3")
        #expect(DigestFormat.change(4, 5) == "\u{2212}1")
        #expect(DigestFormat.change(5, 5) == "±0")
        #expect(DigestFormat.relativeChange(4, 5) == "\u{2212}20 %")
        #expect(DigestFormat.relativeChange(15, 10) == "+50 %")
        #expect(DigestFormat.relativeChange(3, 0) == "new")
        #expect(DigestFormat.relativeChange(0, 0) == nil)
        #expect(DigestFormat.relativeChange(1001, 1000) == "+<1 %")
        #expect(DigestFormat.fullChange(8, 5) == "+3 (+60 %)")
        #expect(DigestFormat.fullChange(2, 0) == "+2 (new)")
        #expect(DigestFormat.fullChange(0, 0) == "±0")
        #expect(DigestFormat.share(1, of: 3) == "33 %")
        #expect(DigestFormat.share(1, of: 1000) == "<1 %")
        #expect(DigestFormat.share(0, of: 0) == "0 %")
        #expect(DigestFormat.barWidth(1, maximum: 1000) == 1)
        #expect(DigestFormat.barWidth(5, maximum: 10) == 50)
        #expect(DigestFormat.barWidth(0, maximum: 10) == 0)
        #expect(DigestFormat.textBar(10, maximum: 10) == String(repeating: "█", count: 20))
        #expect(DigestFormat.textBar(1, maximum: 100) == "█")
        #expect(DigestFormat.length(days(7)) == "7 days")
        #expect(DigestFormat.length(hours(36)) == "36 hours")
        #expect(DigestFormat.length(60) == "1 minute")
    }

    // MARK: Arguments

    @Test func periodLengths() {
        #expect(DigestWindow.length("7d") == days(7))
        #expect(DigestWindow.length("24h") == hours(24))
        #expect(DigestWindow.length("2w") == days(14))
        #expect(DigestWindow.length("90m") == 5400)
        for wrong in ["", "d", "0d", "-1d", "7", "7x", "1.5d", "3651d", "99999999999999999w"] {
            #expect(DigestWindow.length(wrong) == nil, "\(wrong)")
        }
    }

    @Test func periodEnds() {
        #expect(DigestWindow.instant("2026-11-23") == weekEnd)
        #expect(DigestWindow.instant("2026-11-23T00:00:00Z") == weekEnd)
        #expect(DigestWindow.instant("2026-11-23T01:00:00+01:00") == weekEnd)
        for wrong in ["", "2026-11-23T00:00:00", "23.11.2026", "2026-11-23 00:00", "2026-13-01"] {
            #expect(DigestWindow.instant(wrong) == nil, "\(wrong)")
        }
    }

    @Test func anInvertedPeriodIsAStoreError() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            #expect(throws: StoreError.self) {
                try DigestReport(store: store, from: weekEnd, to: weekStart, options: defaultOptions())
            }
        }
    }
}
