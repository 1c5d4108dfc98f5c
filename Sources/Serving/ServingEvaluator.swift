import Config
import Foundation
import Guidelines
import Logging
import MIME
import Milter
import Replies
import Store

/// `heed serve`'s evaluator: the checks (`CheckEngine`), then the stateful part the checks
/// cannot do, then a record of the decision in the store.
///
/// - **Overposting.** Each announcement is counted per sender (pseudonym of the envelope sender)
///   and per list (each announcement-list recipient). Above the list's `overposting.max`
///   within its window, the decision gets an `overposting.limit` finding, graded like every
///   other finding (`checks.severity`, `checks.disable`, the list's policy) and the verdict is
///   recomputed with the engine's verdict policy (so `observe` still accepts).
/// - **Record.** Every decision it makes (watched mail only: the milter never evaluates
///   passthrough) is stored with the sender's pseudonym, never an address, and the checks'
///   masked evidence.
///
/// Counts live in memory (`AnnouncementCounter`, which starts each sender and list from the
/// store) and records go to the `RecordWriter`, which writes them in batches: the scan path
/// makes no database transaction, only a read the first time a sender announces to a list.
/// Store failures never cost a message: a count that cannot be started from the store is no
/// finding, a record that cannot be written is logged, and the decision stands. Runs on the
/// milter's thread pool (`submit` may block when the writer is far behind).
public struct ServingEvaluator: MessageEvaluator {
    public let engine: CheckEngine
    private let store: any HeedStore
    private let writer: RecordWriter
    private let counter: AnnouncementCounter
    private let pseudonymizer: SenderPseudonymizer
    private let clock: @Sendable () -> Date
    private let logger: Logger

    /// The rule whose id, guideline and default severity overposting findings carry.
    public static let overpostingRule = "overposting.limit"

    public init(
        engine: CheckEngine, store: any HeedStore, writer: RecordWriter, counter: AnnouncementCounter,
        pseudonymizer: SenderPseudonymizer, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "heed.serving")
    ) {
        self.engine = engine
        self.store = store
        self.writer = writer
        self.counter = counter
        self.pseudonymizer = pseudonymizer
        self.clock = clock
        self.logger = logger
    }

    public func evaluate(_ message: Message, envelope: Envelope) -> Decision {
        let started = ContinuousClock.now
        let now = clock()
        let result = engine.evaluate(message, recipients: envelope.recipients)
        var decision = Decision(result)
        let sender = pseudonymizer.pseudonym(for: envelope.sender)
        if result.mode == .announcement, let sender, !engine.isAllowedSender(message) {
            let extra = overpostingFindings(sender: sender, recipients: envelope.recipients, now: now, queueID: envelope.queueID)
            if !extra.isEmpty {
                decision.findings = (decision.findings + extra).sorted(by: Finding.documentOrder)
                decision.verdict = result.policy.verdict(mode: result.mode, findings: decision.findings)
            }
        }
        writer.submit(DecisionRecord(
            decision, sender: sender, queueID: envelope.queueID, time: now, duration: ContinuousClock.now - started))
        return decision
    }

    /// Counts this announcement once for each announcement list among the recipients, and
    /// returns a finding for each list whose limit the sender is now above.
    func overpostingFindings(sender: SenderPseudonym, recipients: [String], now: Date, queueID: String?) -> [Finding] {
        let rule = engine.rules.rule(Self.overpostingRule)
        var counted = Set<String>()
        var findings: [Finding] = []
        for recipient in recipients {
            guard let watch = engine.config.watch(for: recipient), watch.mode == .announcement else { continue }
            let list = recipient.lowercased()
            guard counted.insert(list).inserted else { continue }
            let limit = engine.config.policies.overposting(for: watch.address)
            let windowStart = now.addingTimeInterval(-limit.window.timeInterval)
            let count: Int
            do {
                count = try counter.count(
                    sender: sender, list: list, at: now, windowStart: windowStart, limit: limit.maximum + 1
                ) {
                    if counter.needsFlushBeforeSeed { writer.flush() }
                    return try store.announcementTimes(
                        sender: sender, list: list, since: windowStart, limit: limit.maximum + 1)
                }
                writer.submit(AnnouncementRecord(sender: sender, list: list, time: now))
                // Forgetting is safe without a flush here: the next seeds flush first.
                if counter.isOverCapacity, counter.dropFinished(now: now) {
                    counter.forgetAll()
                    logger.notice("overposting counts: too many senders at once; counting again from the store",
                                  metadata: ["max_pairs": "\(counter.maximumPairs)"])
                }
            } catch {
                logger.error("cannot count the announcement; no overposting finding for it", metadata: [
                    "queue_id": .string(queueID ?? "-"), "list": .string(list), "error": "\(error)",
                ])
                continue
            }
            guard count > limit.maximum else { continue }
            let evidence = "\(count) announcements to \(list) within \(Self.text(limit.window)) (limit \(limit.maximum))"
            let raw = Finding(
                category: .overposting, rule: Self.overpostingRule, guideline: rule?.guideline,
                severity: rule?.severity ?? .warning, evidence: evidence, part: Finding.headerPart, offset: 0)
            guard let finding = engine.graded(raw, list: watch.address) else { continue }
            logger.info("overposting", metadata: [
                "queue_id": .string(queueID ?? "-"), "list": .string(list), "count": "\(count)",
                "max": "\(limit.maximum)", "window": .string(Self.text(limit.window)),
                "severity": .string(finding.severity.rawValue),
            ])
            findings.append(finding)
        }
        return findings
    }

    /// A window as the configuration writes it: 7d, 12h, 30m, 90s.
    static func text(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        for (unit, size) in [("d", Int64(86_400)), ("h", 3600), ("m", 60)] where seconds >= size && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}
