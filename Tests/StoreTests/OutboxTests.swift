import Foundation
import Synchronization
import Testing

@testable import Store

@Suite struct OutboxTests {
    let lease = Duration.seconds(300)

    @Test func enqueueAndClaim() throws {
        try withStore { store, _ in
            let outgoing = OutgoingMail(
                envelopeFrom: "heed@cern.ch", recipients: ["a@cern.ch", "b@cern.ch"],
                message: Array("Subject: x\r\n\r\n\u{00e9}t\u{00e9}\r\n".utf8) + [0x00, 0xff])
            let id = try store.enqueue(outgoing, now: t0)
            #expect(try store.outboxCounts(now: t0) == OutboxCounts(pending: 1, due: 1, failed: 0, sent: 0))

            let claimed = try store.claimDueMail(now: t0, limit: 10, lease: lease)
            #expect(claimed.count == 1)
            let item = try #require(claimed.first)
            #expect(item.claim.id == id)
            #expect(item.mail == outgoing)
            #expect(item.created == t0)
            #expect(item.attempts == 0)
            #expect(item.lastError == nil)
            #expect(item.claimedUntil == t0 + 300)
            // Claimed: still pending (the outbox depth), no longer due.
            #expect(try store.outboxCounts(now: t0) == OutboxCounts(pending: 1, due: 0, failed: 0, sent: 0))
        }
    }

    @Test func secondClaimGetsNothingWhileTheFirstHoldsIt() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let first = try store.claimDueMail(now: t0, limit: 10, lease: lease)
            #expect(first.count == 1)
            #expect(try store.claimDueMail(now: t0, limit: 10, lease: lease).isEmpty)
            #expect(try store.claimDueMail(now: t0 + 299, limit: 10, lease: lease).isEmpty)
        }
    }

    /// A worker that died holding an item: the lease lapses, another worker takes it, and the
    /// dead worker's claim no longer counts.
    @Test func lapsedLeaseIsClaimedAgain() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let stale = try #require(try store.claimDueMail(now: t0, limit: 1, lease: lease).first)
            let fresh = try #require(try store.claimDueMail(now: t0 + 300, limit: 1, lease: lease).first)
            #expect(fresh.claim.id == stale.claim.id)
            #expect(fresh.claim.token != stale.claim.token)
            #expect(try !store.markSent(stale.claim, now: t0 + 301))
            #expect(try store.markFailed(
                stale.claim, error: "late", permanent: false, policy: RetryPolicy(), now: t0 + 301) == .claimLost)
            #expect(try !store.releaseClaim(stale.claim))
            #expect(try store.markSent(fresh.claim, now: t0 + 302))
        }
    }

    @Test func markSentFinishesTheItem() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let item = try #require(try store.claimDueMail(now: t0, limit: 1, lease: lease).first)
            #expect(try store.markSent(item.claim, now: t0 + 1))
            #expect(try store.outboxCounts(now: t0 + days(1)) == OutboxCounts(pending: 0, due: 0, failed: 0, sent: 1))
            #expect(try store.claimDueMail(now: t0 + days(1), limit: 10, lease: lease).isEmpty)
            // Sent twice is refused: the claim ended with the first.
            #expect(try !store.markSent(item.claim, now: t0 + 2))
        }
    }

    @Test func claimsOldestDueFirstUpToTheLimit() throws {
        try withStore { store, _ in
            let ids = try (0..<5).map { try store.enqueue(mail(to: "r\($0)@cern.ch"), now: t0 + Double($0)) }
            let firstBatch = try store.claimDueMail(now: t0 + 10, limit: 2, lease: lease)
            #expect(firstBatch.map(\.claim.id) == Array(ids[0..<2]))
            let secondBatch = try store.claimDueMail(now: t0 + 10, limit: 10, lease: lease)
            #expect(secondBatch.map(\.claim.id) == Array(ids[2...]))
            // Not yet due: created in the future relative to `now`.
            try store.enqueue(mail(to: "later@cern.ch"), now: t0 + 100)
            #expect(try store.claimDueMail(now: t0 + 10, limit: 10, lease: lease).isEmpty)
        }
    }

    @Test func failureBackoffGrowsAndCaps() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let policy = RetryPolicy(initialDelay: .seconds(60), multiplier: 2, maximumDelay: .seconds(600))
            var now = t0
            var delays: [TimeInterval] = []
            for attempt in 1...7 {
                let item = try #require(try store.claimDueMail(now: now, limit: 1, lease: lease).first)
                #expect(item.attempts == attempt - 1)
                #expect(item.lastError == (attempt == 1 ? nil : "421 relay down (\(attempt - 1))"))
                let outcome = try store.markFailed(
                    item.claim, error: "421 relay down (\(attempt))", permanent: false, policy: policy, now: now)
                guard case .retry(let next) = outcome else {
                    Issue.record("a transient failure is retried, got \(outcome)")
                    return
                }
                delays.append(next.timeIntervalSince(now))
                // Not due before its time, due at it.
                #expect(try store.claimDueMail(now: next - 1, limit: 1, lease: lease).isEmpty)
                now = next
            }
            #expect(delays == [60, 120, 240, 480, 600, 600, 600])
            #expect(try store.outboxCounts(now: now).pending == 1)
        }
    }

    @Test func retryPolicyNeverOverflows() {
        let policy = RetryPolicy(initialDelay: .seconds(30), multiplier: 10, maximumDelay: .seconds(7200))
        #expect(policy.delay(afterFailures: 1) == .seconds(30))
        #expect(policy.delay(afterFailures: 2) == .seconds(300))
        #expect(policy.delay(afterFailures: 3) == .seconds(3000))
        #expect(policy.delay(afterFailures: 4) == .seconds(7200))
        #expect(policy.delay(afterFailures: 1_000_000) == .seconds(7200))
        #expect(policy.delay(afterFailures: .max) == .seconds(7200))
    }

    @Test func permanentFailureGivesUp() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "nobody@cern.ch"), now: t0)
            let item = try #require(try store.claimDueMail(now: t0, limit: 1, lease: lease).first)
            let outcome = try store.markFailed(
                item.claim, error: "550 5.1.1 no such user", permanent: true, policy: RetryPolicy(), now: t0)
            #expect(outcome == .gaveUp)
            #expect(try store.outboxCounts(now: t0 + days(30)) == OutboxCounts(pending: 0, due: 0, failed: 1, sent: 0))
            #expect(try store.claimDueMail(now: t0 + days(30), limit: 10, lease: lease).isEmpty)
        }
    }

    @Test func maximumAttemptsGivesUp() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let policy = RetryPolicy(initialDelay: .seconds(1), maximumDelay: .seconds(1), maximumAttempts: 3)
            var now = t0
            var outcomes: [OutboxFailureOutcome] = []
            for _ in 0..<3 {
                let item = try #require(try store.claimDueMail(now: now, limit: 1, lease: lease).first)
                outcomes.append(
                    try store.markFailed(item.claim, error: "421", permanent: false, policy: policy, now: now))
                now += 1
            }
            #expect(outcomes == [.retry(at: t0 + 1), .retry(at: t0 + 2), .gaveUp])
            #expect(try store.outboxCounts(now: now).failed == 1)
        }
    }

    @Test func releasedClaimIsDueAtOnceWithoutAnAttempt() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            let item = try #require(try store.claimDueMail(now: t0, limit: 1, lease: lease).first)
            #expect(try store.releaseClaim(item.claim))
            let again = try #require(try store.claimDueMail(now: t0, limit: 1, lease: lease).first)
            #expect(again.claim.id == item.claim.id)
            #expect(again.attempts == 0)
        }
    }

    /// Nothing is lost across a restart: pending mail, and mail a dead process had claimed.
    @Test func survivesClosingAndReopening() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/heed.sqlite"
            var store: SQLiteStore? = try SQLiteStore(path: path)
            let inFlight = try #require(store).enqueue(mail(to: "a@cern.ch", body: "first"), now: t0)
            let waiting = try #require(store).enqueue(mail(to: "b@cern.ch", body: "second"), now: t0 + 1)
            // The process claims the older one, then "crashes" (closes without finishing it).
            let claimed = try #require(store).claimDueMail(now: t0 + 1, limit: 1, lease: lease)
            #expect(claimed.map(\.claim.id) == [inFlight])
            try store?.close()
            store = nil

            let reopened = try SQLiteStore(path: path)
            #expect(try reopened.outboxCounts(now: t0 + 2).pending == 2)
            // The unclaimed one is due at once; the claimed one after its lease.
            #expect(try reopened.claimDueMail(now: t0 + 2, limit: 10, lease: lease).map(\.claim.id) == [waiting])
            let recovered = try reopened.claimDueMail(now: t0 + 1 + 300, limit: 10, lease: lease)
            #expect(recovered.map(\.claim.id) == [inFlight])
            #expect(recovered.first?.mail == mail(to: "a@cern.ch", body: "first"))
        }
    }

    /// Two workers on two threads, each with its own connection to the same file (as two
    /// processes would be), and two more sharing one store: every item is claimed exactly once.
    /// The workers go in rounds: each claims a batch, then all wait until every worker holds its
    /// batch before marking it sent, so in every round four claims overlap.
    @Test func concurrentClaimersNeverShareAnItem() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/heed.sqlite"
            let shared = try SQLiteStore(path: path)
            let count = 120
            let ids = try (0..<count).map { try shared.enqueue(mail(to: "r\($0)@cern.ch"), now: t0) }
            let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path), shared, shared]
            let claimedBy = Mutex<[[Int64]]>(Array(repeating: [], count: stores.count))
            let barrier = Barrier(parties: stores.count)
            // Counted here and checked on the test's own task: expectations belong there.
            let refusedMarks = Mutex(0)
            // 4 workers × 3 items use up the 120 items in 10 rounds; the 11th finds nothing.
            try onThreads(stores.count) { worker in
                let store = stores[worker]
                for _ in 0..<11 {
                    let batch = try store.claimDueMail(now: t0, limit: 3, lease: .seconds(300))
                    claimedBy.withLock { $0[worker].append(contentsOf: batch.map(\.claim.id)) }
                    barrier.wait()
                    for item in batch where try !store.markSent(item.claim, now: t0) {
                        refusedMarks.withLock { $0 += 1 }
                    }
                }
            }
            let perWorker = claimedBy.withLock { $0 }
            let all = perWorker.flatMap { $0 }
            #expect(all.count == count)
            #expect(Set(all) == Set(ids))
            #expect(perWorker.map(\.count) == [30, 30, 30, 30])
            #expect(refusedMarks.withLock { $0 } == 0)
            #expect(try shared.outboxCounts(now: t0) == OutboxCounts(pending: 0, due: 0, failed: 0, sent: count))
        }
    }

    @Test func leaseMustBePositive() throws {
        try withStore { store, _ in
            try store.enqueue(mail(to: "a@cern.ch"), now: t0)
            #expect(throws: StoreError.self) { try store.claimDueMail(now: t0, limit: 1, lease: .zero) }
            #expect(try store.claimDueMail(now: t0, limit: 0, lease: .seconds(1)).isEmpty)
            #expect(try store.claimDueMail(now: t0, limit: 1, lease: .seconds(1)).count == 1)
        }
    }

    @Test func mailThatCannotBeSubmittedIsRefused() throws {
        try withStore { store, _ in
            let noRecipient = OutgoingMail(envelopeFrom: "", recipients: [], message: [])
            let error = try #require(throws: StoreError.self) { try store.enqueue(noRecipient, now: t0) }
            #expect(error.kind == .invalidArgument)
            let injected = OutgoingMail(
                envelopeFrom: "", recipients: ["a@cern.ch>\r\nRCPT TO:<victim@example.com"], message: [])
            #expect(throws: StoreError.self) { try store.enqueue(injected, now: t0) }
            #expect(try store.outboxCounts(now: t0).pending == 0)
        }
    }
}
