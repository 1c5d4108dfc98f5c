import Config
import Dispatch
import Foundation
import Guidelines
import Logging
import MIME
import Milter
import Replies
import Store
import Topics

/// The milter's `AdviceSink` in `heed serve`: hands each request to one serial background queue,
/// where `ReplyService` checks the RFC 3834 rules, renders the reply and puts it in the outbox.
///
/// - Queries get the advice for their topic (`adviseQuery`), in the question's language, with
///   the findings of the draft they carried.
/// - Announcements with the verdict advise, hold or reject get the matching notice
///   (`adviseSender`); accepted ones get nothing.
/// - Nothing at all for a list whose policy is `observe`, nor when `replies.enabled` is false.
///
/// Bounded: at most `capacity` requests wait. Past that, a request is dropped with a warning
/// (the message itself is unaffected; only its advice is lost), so a stalled store cannot make
/// heed's memory grow without limit. `submit` never blocks on the store or the network.
public final class AdviceDispatcher: AdviceSink, @unchecked Sendable {
    // @unchecked: `waiting` is only touched under `lock`; everything else is immutable and
    // Sendable.
    private let config: HeedConfig
    private let replies: ReplyService?
    private let queue: DispatchQueue
    private let clock: @Sendable () -> Date
    private let logger: Logger
    public let capacity: Int

    private let lock = NSLock()
    private var waiting = 0

    /// - Parameters:
    ///   - replies: nil when replies are off: every request is then ignored.
    ///   - queue: a serial queue; the work runs there (the store calls block).
    public init(
        config: HeedConfig, replies: ReplyService?, queue: DispatchQueue = DispatchQueue(label: "heed.advice"),
        capacity: Int = 1000, clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "heed.serving")
    ) {
        self.config = config
        self.replies = replies
        self.queue = queue
        self.capacity = capacity
        self.clock = clock
        self.logger = logger
    }

    /// Requests waiting for the queue.
    public var pending: Int {
        lock.lock()
        defer { lock.unlock() }
        return waiting
    }

    public func submit(_ request: AdviceRequest) {
        guard let replies else { return }
        let decision = request.decision
        let queueID = request.queueID ?? "-"
        if config.policies.policy(for: decision.list).observe {
            logger.info("no advice: the list is observed", metadata: [
                "queue_id": .string(queueID), "list": .string(decision.list ?? "-"),
            ])
            return
        }
        guard let work = Self.work(for: decision) else { return }
        lock.lock()
        let admitted = waiting < capacity
        if admitted { waiting += 1 }
        lock.unlock()
        guard admitted else {
            logger.warning("advice queue full; this message gets no advice", metadata: [
                "queue_id": .string(queueID), "waiting": "\(capacity)", "mode": .string(decision.mode.rawValue),
            ])
            return
        }
        queue.async { [self] in
            defer {
                lock.lock()
                waiting -= 1
                lock.unlock()
            }
            perform(work, request: request, replies: replies)
        }
    }

    /// Returns once every request submitted before has been handled (at shutdown, before the
    /// store closes; in tests, before looking at the outbox).
    public func drain() {
        queue.sync {}
    }

    /// What a decision asks for.
    enum Work: Equatable {
        case query(Topic)
        case notice(ReplyVerdict)
    }

    static func work(for decision: Decision) -> Work? {
        switch decision.mode {
        case .query:
            return .query(decision.route.flatMap { Topic(rawValue: $0.topic) } ?? .general)
        case .announcement:
            switch decision.verdict {
            case .accept: return nil
            case .advise: return .notice(.advise)
            case .hold: return .notice(.hold)
            case .reject: return .notice(.reject)
            }
        case .passthrough:
            return nil
        }
    }

    private func perform(_ work: Work, request: AdviceRequest, replies: ReplyService) {
        let decision = request.decision
        let message = Self.incoming(request)
        let language = ReplyLanguage(code: decision.language?.rawValue)
        let findings = decision.findings.map {
            ReplyFinding(
                category: $0.category.rawValue, rule: $0.rule, severity: $0.severity.rawValue,
                guideline: $0.guideline.rawValue, evidence: $0.evidence.isEmpty ? nil : $0.evidence)
        }
        var metadata: Logger.Metadata = ["queue_id": .string(request.queueID ?? "-"), "language": .string(language.rawValue)]
        do {
            let outcome: ReplyDecision
            switch work {
            case .query(let topic):
                metadata["topic"] = .string(topic.rawValue)
                outcome = try replies.adviseQuery(
                    message: message, topic: topic, language: language, subject: request.header.subject,
                    findings: findings, now: clock())
            case .notice(let verdict):
                metadata["verdict"] = .string(verdict.rawValue)
                outcome = try replies.adviseSender(
                    message: message, verdict: verdict, findings: findings, language: language,
                    subject: request.header.subject, list: listAddress(request), now: clock())
            }
            switch outcome {
            case .queued(let outboxID, _):
                metadata["outbox_id"] = "\(outboxID)"
                logger.info("advice queued", metadata: metadata)
            case .suppressed(let reason):
                metadata["reason"] = .string(reason.rawValue)
                logger.info("advice suppressed", metadata: metadata)
            }
        } catch {
            metadata["error"] = "\(error)"
            logger.error("cannot queue the advice", metadata: metadata)
        }
    }

    /// The list the announcement went to, as the sender wrote it: the recipient that matched the
    /// decision's watch rule (a pattern such as `*-announce@cern.ch` names no list).
    private func listAddress(_ request: AdviceRequest) -> String? {
        guard let rule = request.decision.list else { return nil }
        return request.recipients.first { config.watch(for: $0)?.address == rule }?.lowercased() ?? rule
    }

    /// What the RFC 3834 rules read: the envelope sender and the header fields as sent.
    static func incoming(_ request: AdviceRequest) -> IncomingMessage {
        IncomingMessage(
            envelopeSender: request.sender,
            headers: request.header.headers.fields.map { Replies.HeaderField(name: $0.name, value: $0.raw) })
    }
}
