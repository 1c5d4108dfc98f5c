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
/// becomes the next batch. A busy relay thus pays one commit per batch instead of one per
/// message, and no scan waits for SQLite's single writer.
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
public final class RecordWriter: SuppressedReplyRecorder, @unchecked Sendable {
    /// Records that may wait before `submit` blocks.
    public let capacity: Int
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

    public init(store: any HeedStore, capacity: Int = 4096, logger: Logger = Logger(label: "heed.serving")) {
        self.store = store
        self.capacity = max(1, capacity)
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
        while settled < target { condition.wait() }
    }

    /// Records waiting or being written.
    public var backlog: Int {
        condition.lock()
        defer { condition.unlock() }
        return submitted - settled
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
        if !draining {
            draining = true
            queue.async { self.drain() }
        }
    }

    /// Writes batches until nothing is pending.
    private func drain() {
        while true {
            condition.lock()
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
            if failed { failedBatches += 1 }
            condition.broadcast()
            condition.unlock()
        }
    }
}
