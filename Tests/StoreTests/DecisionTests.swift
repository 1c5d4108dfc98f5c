import Foundation
import Testing

@testable import Store

@Suite struct DecisionTests {
    @Test func roundTripWithFindings() throws {
        try withStore { store, _ in
            let decision = DecisionRecord(
                time: t0, list: "physics-announce@cern.ch", mode: "announcement", verdict: "hold", language: "fr",
                topic: nil, sender: try pseudonym("jane.doe@cern.ch"), duration: .microseconds(1234),
                queueID: "4Xy7Zq1Abc",
                findings: [
                    FindingRecord(
                        category: "personal-data", rule: "personal-data.phone", severity: "warning",
                        guideline: "respect.privacy", evidence: "+41 79 *** ** 12", part: "1"),
                    FindingRecord(
                        category: "confidential", rule: "confidential.marking", severity: "block",
                        guideline: "respect.confidential", evidence: nil, part: "2.1"),
                ])
            let id = try store.recordDecision(decision)
            let stored = try #require(try store.decision(id: id))
            #expect(stored.id == id)
            #expect(stored.decision == decision)
        }
    }

    @Test func optionalFieldsStayEmpty() throws {
        try withStore { store, _ in
            let decision = DecisionRecord(
                time: t0, list: nil, mode: "query", verdict: "accept", topic: "security", sender: nil)
            let id = try store.recordDecision(decision)
            #expect(try store.decision(id: id)?.decision == decision)
        }
    }

    @Test func timesAreKeptToTheMillisecond() throws {
        try withStore { store, _ in
            let time = t0.addingTimeInterval(0.123_456)
            let id = try store.recordDecision(
                DecisionRecord(time: time, list: nil, mode: "query", verdict: "accept", sender: nil))
            let stored = try #require(try store.decision(id: id)).decision.time
            #expect(abs(stored.timeIntervalSince(t0) - 0.123) < 0.000_001)
        }
    }

    @Test func missingDecisionIsNil() throws {
        try withStore { store, _ in
            let missing = try store.decision(id: 42)
            #expect(missing == nil)
        }
    }

    @Test func lookupByQueueID() throws {
        try withStore { store, _ in
            let first = try store.recordDecision(
                DecisionRecord(time: t0, list: nil, mode: "query", verdict: "accept", sender: nil, queueID: "ABC"))
            let second = try store.recordDecision(
                DecisionRecord(
                    time: t0 + hours(1), list: nil, mode: "query", verdict: "advise", sender: nil, queueID: "ABC"))
            try store.recordDecision(
                DecisionRecord(time: t0, list: nil, mode: "query", verdict: "accept", sender: nil, queueID: "DEF"))
            #expect(try store.decisions(queueID: "ABC").map(\.id) == [first, second])
            #expect(try store.decisions(queueID: "nope").isEmpty)
        }
    }

    /// Ids are never reused, even after retention empties the table.
    @Test func idsAreNotReused() throws {
        try withStore { store, _ in
            let first = try store.recordDecision(
                DecisionRecord(time: t0, list: nil, mode: "query", verdict: "accept", sender: nil))
            try store.prune(before: t0 + days(1))
            let second = try store.recordDecision(
                DecisionRecord(time: t0 + days(2), list: nil, mode: "query", verdict: "accept", sender: nil))
            #expect(second > first)
        }
    }
}
