import Dispatch
import Foundation
import Logging
import Store

/// The daily prune of `heed serve`: deletes what is older than `store.retention_days` (outbox
/// mail not yet delivered is kept, see `HeedStore.prune`). The first run comes shortly after
/// start, so a heed that restarts daily still prunes; then one run a day. Runs on the serving
/// queue, never on the milter's threads; a failed run is logged and the next day tries again.
public final class Retention: @unchecked Sendable {
    // @unchecked: `timer` is only touched under `lock`; everything else is immutable and Sendable.
    private let store: any HeedStore
    public let days: Int
    private let queue: DispatchQueue
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let firstRun: Duration
    private let interval: Duration

    private let lock = NSLock()
    private var timer: (any DispatchSourceTimer)?

    public init(
        store: any HeedStore, days: Int, queue: DispatchQueue, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "heed.serving"), firstRun: Duration = .seconds(10),
        interval: Duration = .seconds(86_400)
    ) {
        self.store = store
        self.days = days
        self.queue = queue
        self.clock = clock
        self.logger = logger
        self.firstRun = firstRun
        self.interval = interval
    }

    /// Schedules the runs. Does nothing if they are scheduled already.
    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard timer == nil else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(
            deadline: .now() + .milliseconds(Int(firstRun.timeInterval * 1000)),
            repeating: .milliseconds(Int(interval.timeInterval * 1000)), leeway: .seconds(1))
        source.setEventHandler { [weak self] in self?.runOnce() }
        source.resume()
        timer = source
    }

    /// Cancels the runs to come (a run under way finishes).
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        timer?.cancel()
        timer = nil
    }

    /// One prune at `clock()`. Returns the counts, or nil when the store failed (logged).
    @discardableResult
    public func runOnce() -> PruneCounts? {
        do {
            let counts = try store.prune(keepingDays: days, now: clock())
            logger.info("store pruned", metadata: [
                "retention_days": "\(days)", "decisions": "\(counts.decisions)", "findings": "\(counts.findings)",
                "announcements": "\(counts.announcements)", "replies": "\(counts.replies)", "outbox": "\(counts.outbox)",
            ])
            return counts
        } catch {
            logger.error("cannot prune the store; trying again in a day", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
