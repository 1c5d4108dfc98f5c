import CoreMetrics
import Foundation
import Logging
import Store

/// Delivers the store's outbox: claims due items, submits each to the relay, and marks it
/// sent, or failed with the store's backoff (given up at once on a 5xx).
///
/// Runs on its own thread (`start()`), so it never blocks the milter's event loops; the store
/// and libetpan calls it makes are blocking by contract. Nothing lives only in memory: an item
/// is in the store from enqueue until delivered, a relay outage leaves items pending with a
/// later due time, and a crash mid-delivery leaves a claim whose lease lapses, after which
/// this or another worker takes the item again (at-least-once delivery).
public final class OutboxWorker: @unchecked Sendable {
    // @unchecked: `running`, `wakeRequested` and `thread` are only touched under `condition`;
    // the other properties are immutable and Sendable.
    private let store: any HeedStore
    private let submit: @Sendable (OutgoingMail) -> SubmissionResult
    private let settings: RepliesSettings
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private let batchSize = 10

    private let condition = NSCondition()
    private var running = false
    private var wakeRequested = false
    private var finished = true

    /// `submit` defaults to an `SMTPSubmitter` for `settings`' relay; `clock` to the system's.
    public init(
        store: any HeedStore, settings: RepliesSettings, logger: Logger = Logger(label: "heed.replies.outbox"),
        clock: @escaping @Sendable () -> Date = { Date() },
        submit: (@Sendable (OutgoingMail) -> SubmissionResult)? = nil
    ) {
        self.store = store
        self.settings = settings
        self.logger = logger
        self.clock = clock
        let submitter = SMTPSubmitter(host: settings.relayHost, port: settings.relayPort, timeout: settings.smtpTimeout)
        self.submit = submit ?? { submitter.submit($0) }
    }

    /// Starts the delivery thread. Does nothing if it runs already.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !running else { return }
        running = true
        finished = false
        let thread = Thread { [self] in loop() }
        thread.name = "heed-outbox"
        thread.start()
    }

    /// Stops the thread after the item it is delivering, and waits for it. Items not yet
    /// claimed stay in the store for the next start.
    public func stop() {
        condition.lock()
        running = false
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Asks the thread to look for due items now (after an enqueue) instead of at its next poll.
    public func wake() {
        condition.lock()
        wakeRequested = true
        condition.broadcast()
        condition.unlock()
    }

    /// One pass: claims up to a batch of due items at `clock()` and tries each once. Returns
    /// how many were claimed. Called by the thread; tests call it directly.
    @discardableResult
    public func runOnce() -> Int {
        let claimed: [ClaimedMail]
        do {
            claimed = try store.claimDueMail(now: clock(), limit: batchSize, lease: settings.lease)
        } catch {
            logger.error("outbox: cannot claim mail", metadata: ["error": "\(error)"])
            return 0
        }
        for item in claimed {
            deliver(item)
        }
        recordDepth()
        return claimed.count
    }

    /// `heed_outbox_depth` after each pass. Skipped, with its query, when no metrics backend is
    /// bootstrapped; a store error only leaves the gauge at its last value.
    private func recordDepth() {
        guard !(MetricsSystem.factory is NOOPMetricsHandler) else { return }
        do {
            ReplyMetrics.outboxDepth(try store.outboxCounts(now: clock()).pending)
        } catch {
            logger.debug("outbox: cannot count pending mail for the metrics", metadata: ["error": "\(error)"])
        }
    }

    private func deliver(_ item: ClaimedMail) {
        let id = "\(item.claim.id)"
        let result = submit(item.mail)
        do {
            switch result {
            case .delivered:
                try store.markSent(item.claim, now: clock())
                logger.info("outbox: delivered", metadata: ["id": "\(id)", "attempts": "\(item.attempts + 1)"])
                ReplyMetrics.sent()
            case .temporaryFailure(let reason), .permanentFailure(let reason):
                let permanent: Bool
                if case .permanentFailure = result { permanent = true } else { permanent = false }
                let outcome = try store.markFailed(
                    item.claim, error: reason, permanent: permanent, policy: settings.retryPolicy, now: clock())
                switch outcome {
                case .retry(let at):
                    logger.warning(
                        "outbox: delivery failed, will retry",
                        metadata: ["id": "\(id)", "error": "\(reason)", "retry_at": "\(at)"])
                case .gaveUp:
                    logger.error("outbox: delivery failed, given up", metadata: ["id": "\(id)", "error": "\(reason)"])
                    ReplyMetrics.failed()
                case .claimLost:
                    logger.warning("outbox: claim lapsed during delivery", metadata: ["id": "\(id)"])
                }
            }
        } catch {
            // The item keeps its claim until the lease lapses, then is tried again.
            logger.error("outbox: cannot record the result", metadata: ["id": "\(id)", "error": "\(error)"])
        }
    }

    private func loop() {
        while true {
            condition.lock()
            let keepRunning = running
            wakeRequested = false
            condition.unlock()
            guard keepRunning else { break }

            let claimed = runOnce()
            // A full batch suggests more are due: go again at once.
            if claimed >= batchSize { continue }

            condition.lock()
            let deadline = Date().addingTimeInterval(settings.pollInterval.timeInterval)
            while running && !wakeRequested {
                if !condition.wait(until: deadline) { break }
            }
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
