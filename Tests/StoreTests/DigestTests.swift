import Foundation
import Testing

@testable import Store

@Suite struct DigestTests {
    static let physics = "physics-announce@cern.ch"
    static let it = "it-announce@cern.ch"
    static let queries = "social-media@cern.ch"

    static func finding(_ rule: String, _ evidence: String?) -> FindingRecord {
        let category = String(rule.prefix { $0 != "." })
        let guideline = ["personal-data": "respect.privacy", "confidential": "respect.confidential",
                         "jargon": "post.clearly"][category] ?? "?"
        return FindingRecord(
            category: category, rule: rule, severity: "warning", guideline: guideline, evidence: evidence, part: "1")
    }

    /// The current period is [t0, t0 + 7 days), the previous one [t0 - 7 days, t0).
    static func seed(_ store: SQLiteStore) throws {
        let jane = try pseudonym("jane.doe@cern.ch")
        let john = try pseudonym("john.doe@cern.ch")
        func decide(_ time: Date, _ list: String, _ mode: String, _ verdict: String, topic: String? = nil,
                    _ findings: [FindingRecord] = []) throws {
            try store.recordDecision(
                DecisionRecord(time: time, list: list, mode: mode, verdict: verdict, language: "en", topic: topic,
                               sender: jane, findings: findings))
        }
        // Current period; the first exactly at its start (included).
        try decide(t0, queries, "query", "accept", topic: "media")
        try decide(t0 + hours(1), physics, "announcement", "hold", [
            finding("personal-data.phone", "+41 79 *** ** 12"), finding("confidential.marking", nil),
        ])
        try decide(t0 + hours(2), physics, "announcement", "advise", [
            finding("personal-data.iban", "CH93 **** **** **** 7"), finding("personal-data.phone", "+41 22 *** ** 99"),
        ])
        try decide(t0 + hours(3), it, "announcement", "accept")
        try decide(t0 + hours(4), queries, "query", "advise", topic: "logo", [finding("jargon.acronym", "LHCb")])
        try decide(t0 + hours(5), queries, "query", "accept", topic: "security")
        try decide(t0 + hours(6), queries, "query", "accept", topic: "logo")
        // Exactly at the end: the next period.
        try decide(t0 + days(7), physics, "announcement", "reject", [finding("personal-data.phone", "+41 00")])

        try store.recordReply(ReplyEvent(time: t0 + hours(4), sender: jane, topic: "logo", outcome: .sent))
        try store.recordReply(ReplyEvent(time: t0 + hours(5), sender: john, topic: "security", outcome: .sent))
        try store.recordReply(
            ReplyEvent(time: t0 + hours(6), sender: jane, topic: "logo", outcome: .suppressed(.duplicate)))
        try store.recordReply(
            ReplyEvent(time: t0 + hours(7), sender: john, topic: "general", outcome: .suppressed(.listHeader)))

        // Previous period.
        try decide(t0 - days(1), physics, "announcement", "accept")
        try decide(t0 - days(2), physics, "announcement", "hold", [finding("personal-data.phone", "+41 76 *** ** 01")])
        try store.recordReply(ReplyEvent(time: t0 - days(3), sender: john, topic: "privacy", outcome: .sent))
    }

    @Test func currentPeriod() throws {
        try withStore { store, _ in
            try Self.seed(store)
            let digest = try store.digest(from: t0, to: t0 + days(7), top: 10)
            let current = digest.current
            #expect(current.from == t0)
            #expect(current.to == t0 + days(7))
            #expect(current.messages == [
                MessageCount(mode: "query", list: Self.queries, verdict: "accept", count: 3),
                MessageCount(mode: "announcement", list: Self.it, verdict: "accept", count: 1),
                MessageCount(mode: "announcement", list: Self.physics, verdict: "advise", count: 1),
                MessageCount(mode: "announcement", list: Self.physics, verdict: "hold", count: 1),
                MessageCount(mode: "query", list: Self.queries, verdict: "advise", count: 1),
            ])
            #expect(current.messageTotal == 7)
            #expect(current.categories == [
                FindingCount(id: "personal-data", category: "personal-data", guideline: "respect.privacy",
                             findings: 3, messages: 2, example: "+41 22 *** ** 99"),
                FindingCount(id: "confidential", category: "confidential", guideline: "respect.confidential",
                             findings: 1, messages: 1, example: nil),
                FindingCount(id: "jargon", category: "jargon", guideline: "post.clearly",
                             findings: 1, messages: 1, example: "LHCb"),
            ])
            #expect(current.rules == [
                FindingCount(id: "personal-data.phone", category: "personal-data", guideline: "respect.privacy",
                             findings: 2, messages: 2, example: "+41 22 *** ** 99"),
                FindingCount(id: "confidential.marking", category: "confidential", guideline: "respect.confidential",
                             findings: 1, messages: 1, example: nil),
                FindingCount(id: "jargon.acronym", category: "jargon", guideline: "post.clearly",
                             findings: 1, messages: 1, example: "LHCb"),
                FindingCount(id: "personal-data.iban", category: "personal-data", guideline: "respect.privacy",
                             findings: 1, messages: 1, example: "CH93 **** **** **** 7"),
            ])
            #expect(current.topics == [
                TopicCount(topic: "logo", count: 2), TopicCount(topic: "media", count: 1),
                TopicCount(topic: "security", count: 1),
            ])
            #expect(current.repliesSent == 2)
            #expect(current.repliesSuppressed == 2)
            #expect(current.suppressions == [
                SuppressionCount(reason: .duplicate, count: 1), SuppressionCount(reason: .listHeader, count: 1),
            ])
            #expect(!current.isEmpty)
        }
    }

    @Test func previousPeriod() throws {
        try withStore { store, _ in
            try Self.seed(store)
            let previous = try store.digest(from: t0, to: t0 + days(7), top: 10).previous
            #expect(previous.from == t0 - days(7))
            #expect(previous.to == t0)
            #expect(previous.messages == [
                MessageCount(mode: "announcement", list: Self.physics, verdict: "accept", count: 1),
                MessageCount(mode: "announcement", list: Self.physics, verdict: "hold", count: 1),
            ])
            #expect(previous.messageTotal == 2)
            #expect(previous.categories.map(\.id) == ["personal-data"])
            #expect(previous.categories.first?.example == "+41 76 *** ** 01")
            #expect(previous.topics.isEmpty)
            #expect(previous.repliesSent == 1)
            #expect(previous.repliesSuppressed == 0)
        }
    }

    @Test func topBoundsTheLists() throws {
        try withStore { store, _ in
            try Self.seed(store)
            let current = try store.digest(from: t0, to: t0 + days(7), top: 1).current
            #expect(current.categories.map(\.id) == ["personal-data"])
            #expect(current.rules.map(\.id) == ["personal-data.phone"])
            #expect(current.topics.map(\.topic) == ["logo"])
            // Not a "top" list: every combination stays.
            #expect(current.messages.count == 5)
        }
    }

    @Test func emptyPeriodSaysSo() throws {
        try withStore { store, _ in
            try Self.seed(store)
            let digest = try store.digest(from: t0 + days(30), to: t0 + days(37), top: 10)
            for period in [digest.current, digest.previous] {
                #expect(period.isEmpty)
                #expect(period.messages.isEmpty)
                #expect(period.messageTotal == 0)
                #expect(period.categories.isEmpty)
                #expect(period.rules.isEmpty)
                #expect(period.topics.isEmpty)
                #expect(period.repliesSent == 0)
                #expect(period.suppressions.isEmpty)
            }
        }
    }

    @Test func emptyStoreGivesAnEmptyDigest() throws {
        let store = try SQLiteStore.inMemory()
        let digest = try store.digest(from: t0, to: t0 + days(7), top: 10)
        #expect(digest.current.isEmpty)
        #expect(digest.previous.isEmpty)
    }

    /// The digest data holds counts, ids and masked examples: no sender, in any form.
    @Test func holdsNoSender() throws {
        try withStore { store, _ in
            try Self.seed(store)
            let text = String(describing: try store.digest(from: t0 - days(7), to: t0 + days(8), top: 50))
            for sender in ["jane.doe@cern.ch", "john.doe@cern.ch"] {
                #expect(!text.contains(sender))
                #expect(!text.contains(try pseudonym(sender).hex))
            }
        }
    }

    @Test func invalidPeriodIsRefused() throws {
        let store = try SQLiteStore.inMemory()
        #expect(throws: StoreError.self) { try store.digest(from: t0, to: t0, top: 10) }
        #expect(throws: StoreError.self) { try store.digest(from: t0 + 1, to: t0, top: 10) }
        #expect(throws: StoreError.self) { try store.digest(from: t0, to: t0 + 1, top: 0) }
    }
}
