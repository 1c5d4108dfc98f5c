import Foundation
import Synchronization
import Testing

@testable import Store

@Suite struct OverpostingTests {
    let list = "physics-announce@cern.ch"

    @Test func rollingWindowCounts() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let window = days(7)
            // Announcements on days 0, 2, 4, 8 and 12; each call reports the count in the
            // 7 days before it, itself included: day 8 sees days 2, 4 and 8; day 12 sees 8 and 12.
            var reported: [Int] = []
            for day in [0.0, 2, 4, 8, 12] {
                let at = t0 + days(day)
                reported.append(
                    try store.recordAnnouncement(sender: jane, list: list, at: at, countingSince: at - window))
            }
            #expect(reported == [1, 2, 3, 3, 2])
            #expect(try store.announcementCount(sender: jane, list: list, since: t0) == 5)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(3)) == 3)
            // The window's start is inclusive.
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(8)) == 2)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(8) + 0.001) == 1)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 + days(13)) == 0)
        }
    }

    /// A caller that compares with a maximum gets a count that stops at its limit: a flood from
    /// one sender costs a bounded count per message.
    @Test func aCountStopsAtItsLimit() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            var reported: [Int] = []
            for minute in 0..<6 {
                let at = t0 + Double(minute) * 60
                reported.append(try store.recordAnnouncement(sender: jane, list: list, at: at, countingSince: t0, upTo: 3))
            }
            #expect(reported == [1, 2, 3, 3, 3, 3])
            #expect(try store.announcementCount(sender: jane, list: list, since: t0) == 6)
        }
    }

    @Test func countedPerSenderAndList() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let john = try pseudonym("john.doe@cern.ch")
            try store.recordAnnouncement(sender: jane, list: list, at: t0, countingSince: t0)
            try store.recordAnnouncement(sender: jane, list: "it-announce@cern.ch", at: t0, countingSince: t0)
            try store.recordAnnouncement(sender: john, list: list, at: t0, countingSince: t0)
            #expect(try store.announcementCount(sender: jane, list: list, since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: john, list: list, since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: jane, list: "it-announce@cern.ch", since: t0 - days(1)) == 1)
            #expect(try store.announcementCount(sender: john, list: "it-announce@cern.ch", since: t0 - days(1)) == 0)
        }
    }

    /// Recording and counting is one step: concurrent announcements by one sender each see a
    /// different count, so a burst cannot slip under the limit together.
    @Test func concurrentAnnouncementsSeeEachOther() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let counts = Mutex<[Int]>([])
            let list = self.list
            try onThreads(4) { thread in
                for index in 0..<10 {
                    let at = t0 + Double(thread * 10 + index)
                    let count = try store.recordAnnouncement(
                        sender: jane, list: list, at: at, countingSince: t0 - days(1))
                    counts.withLock { $0.append(count) }
                }
            }
            #expect(counts.withLock { $0.sorted() } == Array(1...40))
        }
    }
}

/// The batch that `heed serve`'s record writer commits, and the times an in-memory count
/// starts from.
@Suite struct RecordBatchTests {
    let list = "physics-announce@cern.ch"

    @Test func aBatchWritesItsDecisionsAndAnnouncementsTogether() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let decisions = (1...3).map { index in
                DecisionRecord(
                    time: t0 + Double(index), list: list, mode: "announcement", verdict: "advise", sender: jane,
                    queueID: "4BATCH\(index)",
                    findings: [FindingRecord(category: "personal-data", rule: "personal-data.phone", severity: "warning",
                                             guideline: "respect.privacy", evidence: "+41 79 *** ** 12", part: "1")])
            }
            let announcements = (1...3).map { AnnouncementRecord(sender: jane, list: list, time: t0 + Double($0)) }
            let duplicate = ReplyEvent(time: t0 + 5, sender: jane, topic: "logo", outcome: .suppressed(.duplicate))
            try store.record(RecordBatch(decisions: decisions, announcements: announcements, suppressedReplies: [duplicate]))
            #expect(try store.digest(from: t0, to: t0 + 60, top: 5).current.repliesSuppressed == 1)
            for index in 1...3 {
                #expect(try store.decisions(queueID: "4BATCH\(index)").map(\.decision) == [decisions[index - 1]])
            }
            #expect(try store.announcementCount(sender: jane, list: list, since: t0) == 3)
            // An empty batch is no transaction and no error.
            try store.record(RecordBatch())
        }
    }

    @Test func aSentReplyIsRefusedInABatch() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let decision = DecisionRecord(time: t0, list: list, mode: "query", verdict: "accept", sender: jane, queueID: "4SENT")
            #expect(throws: StoreError.self) {
                try store.record(RecordBatch(
                    decisions: [decision], suppressedReplies: [ReplyEvent(time: t0, sender: jane, topic: "logo", outcome: .sent)]))
            }
            #expect(try store.decisions(queueID: "4SENT").isEmpty)
            #expect(try store.latestSentReply(to: jane, topic: "logo", since: t0 - 60) == nil)
        }
    }

    @Test func aRefusedBatchWritesNothing() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            try store.close()
            #expect(throws: StoreError.self) {
                try store.record(RecordBatch(announcements: [AnnouncementRecord(sender: jane, list: list, time: t0)]))
            }
        }
    }

    @Test func announcementTimesAreTheLatestWithinTheWindowNewestFirst() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let john = try pseudonym("john.doe@cern.ch")
            try store.record(RecordBatch(announcements: [0.0, 1, 2, 3, 4].map {
                AnnouncementRecord(sender: jane, list: list, time: t0 + days($0))
            } + [AnnouncementRecord(sender: john, list: list, time: t0 + days(4))]))
            #expect(try store.announcementTimes(sender: jane, list: list, since: t0 + days(1), limit: 10)
                == [4.0, 3, 2, 1].map { t0 + days($0) })
            #expect(try store.announcementTimes(sender: jane, list: list, since: t0, limit: 2) == [t0 + days(4), t0 + days(3)])
            #expect(try store.announcementTimes(sender: jane, list: "it-announce@cern.ch", since: t0, limit: 10).isEmpty)
        }
    }
}
