import Dispatch
import Foundation
import Store
import Testing

@testable import Serving

/// The batched record writer and the in-memory overposting counts, on a real SQLite store.
@Suite struct RecordWriterTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    func pseudonym(_ address: String) throws -> SenderPseudonym {
        let key = try PseudonymKey(bytes: [UInt8](repeating: 7, count: 32))
        return try #require(SenderPseudonymizer(key: key).pseudonym(for: address))
    }

    func decision(_ index: Int) -> DecisionRecord {
        DecisionRecord(
            time: Self.start + Double(index), list: "users-announce@cern.ch", mode: "announcement", verdict: "accept",
            sender: nil, queueID: "4W\(index)")
    }

    @Test func everythingSubmittedFromManyThreadsIsWrittenOnceInOrderPerThread() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            // A tiny capacity: submitters wait for room instead of anything being dropped.
            let writer = RecordWriter(store: store, capacity: 3)
            DispatchQueue.concurrentPerform(iterations: 8) { thread in
                for index in 0..<50 { writer.submit(decision(thread * 1000 + index)) }
            }
            writer.flush()
            #expect(writer.backlog == 0 && writer.failures == 0)
            for thread in 0..<8 {
                let ids = try (0..<50).map { index in
                    try #require(store.decisions(queueID: "4W\(thread * 1000 + index)").first).id
                }
                #expect(ids.count == 50 && ids == ids.sorted(), "thread \(thread)'s records out of order")
            }
            let all = try store.digest(from: Self.start, to: Self.start + 100_000, top: 5)
            #expect(all.current.messageTotal == 400)
        }
    }

    @Test func recordsThatArriveWithinTheLingerShareOneTransactionAndFlushCutsItShort() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            // A linger far longer than the test: only flush() can end it.
            let writer = RecordWriter(store: store, linger: .seconds(600), batchSize: 1000)
            for index in 0..<20 { writer.submit(decision(index)) }
            #expect(writer.backlog == 20 && writer.batches == 0)
            writer.flush()
            #expect(writer.backlog == 0 && writer.batches == 1)
            #expect(try store.decisions(queueID: "4W19").count == 1)
        }
    }

    @Test func aFullBatchIsWrittenWithoutWaitingOutTheLinger() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            let writer = RecordWriter(store: store, linger: .seconds(600), batchSize: 4)
            for index in 0..<4 { writer.submit(decision(index)) }
            // No flush: the fourth record wakes the writer. Polled, with a generous bound.
            let deadline = Date() + 30
            while writer.backlog > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            #expect(writer.backlog == 0 && writer.batches == 1)
        }
    }

    @Test func aFailedBatchIsLoggedAndTheWriterGoesOn() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            let logs = LogCapture()
            let writer = RecordWriter(store: store, logger: logs.logger)
            try store.close()
            writer.submit(decision(1))
            writer.submit(AnnouncementRecord(sender: try pseudonym("ana.ruiz@cern.ch"), list: "it-announce@cern.ch", time: Self.start))
            writer.flush()
            #expect(writer.failures >= 1 && writer.backlog == 0)
            let lines = logs.messages("cannot record decisions; the messages were handled all the same")
            #expect(lines.count == writer.failures)
            #expect(lines.map { Int($0.metadata["decisions"] ?? "") ?? 0 }.reduce(0, +) == 1)
            #expect(lines.map { Int($0.metadata["announcements"] ?? "") ?? 0 }.reduce(0, +) == 1)
        }
    }

    @Test func countsStartFromTheStoreAndStayWithinTheWindowAndLimit() throws {
        let counter = AnnouncementCounter()
        let ana = try pseudonym("ana.ruiz@cern.ch")
        let list = "it-announce@cern.ch"
        var seeds = 0
        func count(_ hours: Double, stored: [Date] = []) -> Int {
            let now = Self.start + hours * 3600
            return counter.count(sender: ana, list: list, at: now, windowStart: now - 86_400, limit: 3) {
                seeds += 1
                return stored
            }
        }
        // Two from an earlier run (newest first), then counting in memory.
        #expect(count(0, stored: [Self.start - 60, Self.start - 7200]) == 3)
        #expect(count(1) == 3)  // bounded by the limit
        #expect(seeds == 1)
        // A day and a half later only the last two are within the window.
        #expect(count(25) == 2)
        #expect(counter.pairs == 1)
    }

    @Test func finishedPairsAreDroppedAndForgettingMakesTheNextSeedFlush() throws {
        let counter = AnnouncementCounter(maximumPairs: 4)
        let list = "it-announce@cern.ch"
        for index in 0..<5 {
            let sender = try pseudonym("sender\(index)@cern.ch")
            _ = counter.count(sender: sender, list: list, at: Self.start, windowStart: Self.start - 3600, limit: 2) { [] }
        }
        #expect(counter.isOverCapacity)
        // An hour and a minute later every window has passed: all dropped, nothing to forget.
        #expect(!counter.dropFinished(now: Self.start + 3660))
        #expect(counter.pairs == 0 && !counter.needsFlushBeforeSeed)

        for index in 0..<5 {
            let sender = try pseudonym("sender\(index)@cern.ch")
            _ = counter.count(sender: sender, list: list, at: Self.start, windowStart: Self.start - 3600, limit: 2) { [] }
        }
        // Still within their windows: more than half remain, so the caller forgets them all.
        #expect(counter.dropFinished(now: Self.start + 60))
        counter.forgetAll()
        #expect(counter.pairs == 0 && counter.needsFlushBeforeSeed)
    }
}
