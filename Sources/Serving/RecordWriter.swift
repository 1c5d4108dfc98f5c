import CoreMetrics
import Dispatch
import Foundation
import Logging
import Replies
import Store

/// Writes the per-message records (decisions, counted announcements, suppressed replies) to the
/// store off the scan path, in batches.
///
/// The milter hands each record over (`submit`) and goes on; one writer drains what has
/// gathered in one transaction (`HeedStore.record(_:)`), and whatever arrives while it writes
/// becomes the next batch. Before taking a batch the writer lingers (`linger`, 20 ms by default)
/// unless `batchSize` records are already waiting, so that a busy relay pays one commit per few
/// hundred messages rather than one per message or two; no scan waits for SQLite's single writer.
///
/// Contracts:
/// - **Bounded.** At most `capacity` records wait; past it `submit` blocks its caller (a thread
///   of the milter's pool, never an event loop) until the writer has made room, which is what
///   a synchronous write cost before. Nothing is dropped to make room.
/// - **Failures lose records, never mail.** A batch the store refuses (disk full, a lock held
///   past the busy timeout) is logged with its size, counted in `heed_records_dropped_total`,
///   and dropped; the messages were decided all the same, and the writer goes on with the next
///   batch.
/// - **`flush()`** returns once everything submitted before it is written (or dropped after a
///   logged failure): for shutdown, and for readers in the same process that need the records.
///   It cuts the linger short.
/// - **A crash of heed** loses at most the records of the last `linger` and the batch being
///   written: records feed the digest and statistics, never the fate of a message.
public final class RecordWriter: SuppressedReplyRecorder, @unchecked Sendable {
    /// Records that may wait before `submit` blocks.
    public let capacity: Int
    /// How long the writer waits for more records before committing a batch.
    public let linger: Duration
    /// A batch this large is written without waiting out the linger.
    public let batchSize: Int
    private let store: any HeedStore
    private let logger: Logger
    private let queue = DispatchQueue(label: "heed.records")
    /// Made once, with the metrics backend of whoever creates the writer (the drain runs on a
    /// queue of its own, where a task-local test backend would not be seen).
    private let dropped = Counter(label: "heed_records_dropped_total")

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var pending = RecordBatch()
    /// A drain is scheduled on `queue` or running.
    private var draining = false
    /// Records submitted, and records written or dropped, since the start.
    private var submitted = 0
    private var settled = 0
    private var failedBatches = 0
    private var writtenBatches = 0
    /// `flush()` calls waiting: the writer does not linger while there is one.
    private var flushing = 0

    public init(store: any HeedStore, capacity: Int = 4096, linger: Duration = .milliseconds(20), batchSize: Int = 512,
                logger: Logger = Logger(label: "heed.serving")) {
        self.store = store
        self.capacity = max(1, capacity)
        self.linger = max(.zero, linger)
        self.batchSize = max(1, min(batchSize, self.capacity))
        self.logger = logger
    }

    /// Hands a decision over for writing.
    public func submit(_ decision: DecisionRecord) {
        enqueue { $0.decisions.append(decision) }
    }

    /// Hands a counted announcement over for writing.
    public func submit(_ announcement: AnnouncementRecord) {
        enqueue { $0.announcements.append(announcement) }
    }

    /// Hands a suppressed reply over for writing (`ReplyService`'s recorder in `heed serve`).
    public func recordSuppressed(_ event: ReplyEvent) {
        enqueue { $0.suppressedReplies.append(event) }
    }

    /// Waits until every record submitted before this call is written or, after a logged
    /// failure, dropped.
    public func flush() {
        condition.lock()
        defer { condition.unlock() }
        let target = submitted
        guard settled < target else { return }
        flushing += 1
        defer { flushing -= 1 }
        condition.broadcast()
        while settled < target { condition.wait() }
    }

    /// Records waiting or being written.
    public var backlog: Int {
        condition.lock()
        defer { condition.unlock() }
        return submitted - settled
    }

    /// Transactions committed since the start.
    public var batches: Int {
        condition.lock()
        defer { condition.unlock() }
        return writtenBatches
    }

    /// Batches the store refused since the start.
    public var failures: Int {
        condition.lock()
        defer { condition.unlock() }
        return failedBatches
    }

    private func enqueue(_ add: (inout RecordBatch) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= capacity { condition.wait() }
        add(&pending)
        submitted += 1
        if pending.count == batchSize { condition.broadcast() }
        if !draining {
            draining = true
            queue.async { self.drain() }
        }
    }

    /// Writes batches until nothing is pending.
    private func drain() {
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: linger.timeInterval)
            while flushing == 0, pending.count < batchSize, condition.wait(until: deadline) {}
            let batch = pending
            pending = RecordBatch()
            if batch.isEmpty {
                draining = false
                condition.unlock()
                return
            }
            // Room for the submitters waiting on a full queue.
            condition.broadcast()
            condition.unlock()

            var failed = false
            do {
                try store.record(batch)
            } catch {
                failed = true
                logger.error("cannot record decisions; the messages were handled all the same", metadata: [
                    "decisions": "\(batch.decisions.count)", "announcements": "\(batch.announcements.count)",
                    "error": "\(error)",
                ])
            }
            if failed { dropped.increment(by: batch.count) }
            condition.lock()
            settled += batch.count
            if failed { failedBatches += 1 } else { writtenBatches += 1 }
            condition.broadcast()
            condition.unlock()
        }
    }
}
