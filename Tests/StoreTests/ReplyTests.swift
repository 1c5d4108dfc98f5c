import Foundation
import Synchronization
import Testing

@testable import Store

@Suite struct ReplyTests {
    @Test func sentReplyIsRememberedPerTopicAndPeriod() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let john = try pseudonym("john.doe@cern.ch")
            #expect(try !store.hasSentReply(to: jane, topic: "logo", since: t0 - days(1)))
            try store.recordReply(ReplyEvent(time: t0, sender: jane, topic: "logo", outcome: .sent))
            #expect(try store.hasSentReply(to: jane, topic: "logo", since: t0 - days(1)))
            #expect(try store.hasSentReply(to: jane, topic: "logo", since: t0))
            // The period has passed.
            #expect(try !store.hasSentReply(to: jane, topic: "logo", since: t0 + 1))
            // Another topic, another sender.
            #expect(try !store.hasSentReply(to: jane, topic: "security", since: t0 - days(1)))
            #expect(try !store.hasSentReply(to: john, topic: "logo", since: t0 - days(1)))
        }
    }

    @Test func suppressedReplyIsNotASentOne() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            try store.recordReply(
                ReplyEvent(time: t0, sender: jane, topic: "logo", outcome: .suppressed(.autoSubmitted)))
            try store.recordReply(ReplyEvent(time: t0, sender: nil, topic: nil, outcome: .suppressed(.nullSender)))
            #expect(try !store.hasSentReply(to: jane, topic: "logo", since: t0 - days(1)))
        }
    }

    @Test func atMostOneReplyPerSenderTopicAndPeriod() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let period = days(1)
            func ask(_ topic: String, at time: Date) throws -> ReplyReservation {
                try store.enqueueReplyOnce(
                    sender: jane, topic: topic, since: time - period, mail: mail(to: "jane.doe@cern.ch"), now: time)
            }
            guard case .queued(let first) = try ask("logo", at: t0) else {
                Issue.record("the first question gets a reply")
                return
            }
            #expect(try ask("logo", at: t0 + hours(2)) == .duplicate)
            #expect(try ask("logo", at: t0 + hours(23)) == .duplicate)
            // Another topic in the same period gets its own reply.
            guard case .queued = try ask("security", at: t0 + hours(3)) else {
                Issue.record("another topic gets a reply")
                return
            }
            // After the period, the same topic gets a reply again.
            guard case .queued(let later) = try ask("logo", at: t0 + hours(25)) else {
                Issue.record("the period has passed")
                return
            }
            #expect(later > first)
            #expect(try store.outboxCounts(now: t0 + hours(25)).pending == 3)

            let digest = try store.digest(from: t0, to: t0 + days(2), top: 10)
            #expect(digest.current.repliesSent == 3)
            #expect(digest.current.repliesSuppressed == 2)
            #expect(digest.current.suppressions == [SuppressionCount(reason: .duplicate, count: 2)])
        }
    }

    /// The same question arriving twice at once (two milter connections) gets one reply.
    @Test func concurrentDuplicatesGetOneReply() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let outcomes = Mutex<[ReplyReservation]>([])
            try onThreads(6) { _ in
                let outcome = try store.enqueueReplyOnce(
                    sender: jane, topic: "media", since: t0 - days(1), mail: mail(to: "jane.doe@cern.ch"), now: t0)
                outcomes.withLock { $0.append(outcome) }
            }
            let all = outcomes.withLock { $0 }
            #expect(all.filter { $0 == .duplicate }.count == 5)
            #expect(try store.outboxCounts(now: t0).pending == 1)
        }
    }

    @Test func refusedMailQueuesNothingAndRecordsNothing() throws {
        try withStore { store, _ in
            let jane = try pseudonym("jane.doe@cern.ch")
            let broken = OutgoingMail(envelopeFrom: "", recipients: [], message: [])
            #expect(throws: StoreError.self) {
                try store.enqueueReplyOnce(sender: jane, topic: "logo", since: t0 - days(1), mail: broken, now: t0)
            }
            #expect(try !store.hasSentReply(to: jane, topic: "logo", since: t0 - days(1)))
            #expect(try store.outboxCounts(now: t0).pending == 0)
        }
    }
}
