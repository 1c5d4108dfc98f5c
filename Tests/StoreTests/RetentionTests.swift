import Foundation
import Testing

@testable import Store

@Suite struct RetentionTests {
    @Test func deletesOldRowsOnly() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let now = t0 + days(100)
            let old = now - days(31)
            let recent = now - days(29)
            let finding = FindingRecord(
                category: "jargon", rule: "jargon.acronym", severity: "info", guideline: "post.clearly",
                evidence: "CMS")
            let list = "physics-announce@cern.ch"

            let oldDecision = try store.recordDecision(
                DecisionRecord(time: old, list: list, mode: "announcement", verdict: "advise", sender: jane,
                               findings: [finding, finding]))
            let recentDecision = try store.recordDecision(
                DecisionRecord(time: recent, list: list, mode: "announcement", verdict: "advise", sender: jane,
                               findings: [finding]))
            try store.recordAnnouncement(sender: jane, list: list, at: old, countingSince: old)
            try store.recordAnnouncement(sender: jane, list: list, at: recent, countingSince: recent)
            try store.recordReply(ReplyEvent(time: old, sender: jane, topic: "logo", outcome: .sent))
            try store.recordReply(ReplyEvent(time: recent, sender: jane, topic: "logo", outcome: .sent))

            // Outbox: sent long ago, given up long ago, still pending from long ago, sent recently.
            for _ in 0..<3 { try store.enqueue(mail(to: "a@cern.ch"), now: old) }
            let oldItems = try store.claimDueMail(now: old, limit: 3, lease: .seconds(60))
            #expect(oldItems.count == 3)
            try store.markSent(oldItems[0].claim, now: old)
            try store.markFailed(oldItems[1].claim, error: "550", permanent: true, policy: RetryPolicy(), now: old)
            try store.releaseClaim(oldItems[2].claim)
            let recentID = try store.enqueue(mail(to: "b@cern.ch"), now: recent)
            let recentItem = try #require(
                try store.claimDueMail(now: recent, limit: 10, lease: .seconds(60)).first { $0.claim.id == recentID })
            try store.markSent(recentItem.claim, now: recent)

            let counts = try store.prune(keepingDays: 30, now: now)
            #expect(counts == PruneCounts(decisions: 1, findings: 2, announcements: 1, replies: 1, outbox: 2))

            #expect(try store.decision(id: oldDecision) == nil)
            #expect(try store.decision(id: recentDecision)?.decision.findings == [finding])
            #expect(try store.announcementCount(sender: jane, list: list, since: .distantPast) == 1)
            #expect(try store.hasSentReply(to: jane, topic: "logo", since: old - days(1)))
            #expect(try store.hasSentReply(to: jane, topic: "logo", since: recent))
            // The old pending item stays, however old: retention must never lose mail.
            #expect(try store.outboxCounts(now: now) == OutboxCounts(pending: 1, due: 1, failed: 0, sent: 1))
            #expect(try store.claimDueMail(now: now, limit: 10, lease: .seconds(60)).map(\.claim.id)
                    == [oldItems[2].claim.id])

            // Nothing more to do the second time.
            #expect(try store.prune(keepingDays: 30, now: now).total == 0)
        }
    }

    /// The cutoff is exclusive: a row exactly at it stays.
    @Test func rowAtTheCutoffStays() throws {
        try withStore { store, _ in
            let id = try store.recordDecision(
                DecisionRecord(time: t0, list: nil, mode: "query", verdict: "accept", sender: nil))
            #expect(try store.prune(before: t0).decisions == 0)
            #expect(try store.decision(id: id) != nil)
            #expect(try store.prune(before: t0 + 0.001).decisions == 1)
        }
    }
}
