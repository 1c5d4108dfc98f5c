import Foundation
import Logging
import Store
import Synchronization
import Topics

/// Where `ReplyService` records the replies it does not send, when not straight in the store:
/// `heed serve` hands them to its batched record writer, so that a flood of repeated questions
/// costs no transaction each. Returns at once; the record reaches the store shortly after.
public protocol SuppressedReplyRecorder: Sendable {
    func recordSuppressed(_ event: ReplyEvent)
}

/// What `ReplyService` decided for one message.
public enum ReplyDecision: Sendable, Equatable {
    /// The reply is in the outbox with this id; the worker delivers it.
    case queued(outboxID: Int64, messageID: String)
    /// No reply, and why (also recorded in the store for the digest).
    case suppressed(ReplySuppression)
}

/// The replies API the milter calls after a decision: checks the RFC 3834 rules, renders the
/// templates, builds the MIME message and enqueues it, de-duplicated per sender and topic.
///
/// Synchronous and blocking (store writes): call it from a thread pool, never an event loop.
/// Thread-safe. Delivery happens later on the `OutboxWorker`'s thread; pass the worker to have
/// it woken at each enqueue.
///
/// A repeated question is settled from memory when this service queued (or read) the earlier
/// reply: `SentReplies` remembers them, so that a sender who floods costs no store read per
/// message. Only a hit is trusted; a miss asks the store, which stays the authority.
public struct ReplyService: Sendable {
    public let settings: RepliesSettings
    private let store: any HeedStore
    private let pseudonymizer: SenderPseudonymizer
    private let templates: ReplyTemplates
    private let rules: AutoReplyRules
    private let builder: MessageBuilder
    private let worker: OutboxWorker?
    private let recorder: (any SuppressedReplyRecorder)?
    private let sent: SentReplies
    private let logger: Logger

    /// - Parameters:
    ///   - recorder: where suppressed replies are recorded; nil: in the store, synchronously.
    ///   - sent: the replies remembered as sent; share one between the services of successive
    ///     configurations (a reload) so that none forgets them.
    public init(
        settings: RepliesSettings, store: any HeedStore, pseudonymizer: SenderPseudonymizer,
        templates: ReplyTemplates, worker: OutboxWorker? = nil, recorder: (any SuppressedReplyRecorder)? = nil,
        sent: SentReplies = SentReplies(), logger: Logger = Logger(label: "heed.replies")
    ) {
        self.recorder = recorder
        self.sent = sent
        self.settings = settings
        self.store = store
        self.pseudonymizer = pseudonymizer
        self.templates = templates
        self.rules = AutoReplyRules(ownDomains: settings.ownDomains)
        self.builder = MessageBuilder(from: settings.teamAddress)
        self.worker = worker
        self.logger = logger
    }

    /// Answers a question to the team with the advice for `topic` (and the draft's findings,
    /// if it carried one). `subject` is the question's decoded Subject.
    public func adviseQuery(
        message: IncomingMessage, topic: Topic, language: ReplyLanguage, subject: String?,
        findings: [ReplyFinding] = [], now: Date = Date()
    ) throws -> ReplyDecision {
        let content = ReplyContent(
            kind: .query(topic), language: language, originalSubject: subject, findings: findings,
            contact: topic == .general ? nil : settings.contacts[topic.rawValue])
        return try reply(to: message, content: content, period: settings.replyPeriod, now: now)
    }

    /// Mails the sender of an announcement the advice or notice for its verdict.
    public func adviseSender(
        message: IncomingMessage, verdict: ReplyVerdict, findings: [ReplyFinding], language: ReplyLanguage,
        subject: String?, list: String?, reason: String? = nil, now: Date = Date()
    ) throws -> ReplyDecision {
        let content = ReplyContent(
            kind: .verdict(verdict), language: language, originalSubject: subject, findings: findings, list: list,
            reason: reason)
        return try reply(to: message, content: content, period: settings.noticePeriod, now: now)
    }

    /// The whole path. Throws `StoreError` (the store could not record or enqueue), or
    /// `MIMEBody.BuildFailure` if libetpan could not allocate the message.
    func reply(to message: IncomingMessage, content: ReplyContent, period: Duration, now: Date) throws
        -> ReplyDecision
    {
        let key = content.kind.deduplicationKey
        let sender = message.senderAddress
        let pseudonym = pseudonymizer.pseudonym(for: sender)
        if let suppression = rules.suppression(for: message) {
            try recordSuppressed(ReplyEvent(time: now, sender: pseudonym, topic: key, outcome: .suppressed(suppression)))
            logger.info("reply suppressed", metadata: ["reason": "\(suppression)", "topic": "\(key)"])
            ReplyMetrics.suppressed(suppression)
            return .suppressed(suppression)
        }
        // The rules passed, so the sender is not null and has a pseudonym.
        guard let pseudonym else { return .suppressed(.nullSender) }

        // A repeated question is the common case under load (a sender who writes again, or one
        // over a list's limit): settle it before rendering and building, which cost far more
        // than a read. `enqueueReplyOnce` below checks again atomically.
        let since = now.addingTimeInterval(-period.timeInterval)
        var isDuplicate = sent.contains(pseudonym, key, since: since)
        if !isDuplicate, let earlier = try store.latestSentReply(to: pseudonym, topic: key, since: since) {
            sent.remember(pseudonym, key, at: earlier)
            isDuplicate = true
        }
        if isDuplicate {
            try recordSuppressed(ReplyEvent(time: now, sender: pseudonym, topic: key, outcome: .suppressed(.duplicate)))
            return duplicate(key)
        }

        let rendered = templates.render(content)
        var random = SystemRandomNumberGenerator()
        let built = try builder.build(
            reply: rendered, to: sender, inReplyTo: message.header("Message-ID"), date: now, random: &random)
        // Null reverse path: RFC 3834 section 3.3 recommends it, and a bounce of a reply must
        // not come back to anyone.
        let mail = OutgoingMail(envelopeFrom: "", recipients: [sender], message: built.message)
        let reservation = try store.enqueueReplyOnce(
            sender: pseudonym, topic: key, since: since, mail: mail, now: now)
        switch reservation {
        case .queued(let outboxID):
            sent.remember(pseudonym, key, at: now)
            logger.info("reply queued", metadata: ["outbox_id": "\(outboxID)", "topic": "\(key)"])
            ReplyMetrics.queued()
            worker?.wake()
            return .queued(outboxID: outboxID, messageID: built.messageID)
        case .duplicate:
            return duplicate(key)
        }
    }

    private func recordSuppressed(_ event: ReplyEvent) throws {
        if let recorder {
            recorder.recordSuppressed(event)
        } else {
            try store.recordReply(event)
        }
    }

    /// A reply within the period went already (the store has recorded this one as suppressed).
    private func duplicate(_ key: String) -> ReplyDecision {
        logger.info("reply suppressed", metadata: ["reason": "duplicate", "topic": "\(key)"])
        ReplyMetrics.suppressed(.duplicate)
        return .suppressed(.duplicate)
    }
}

/// Which sender was sent a reply about which topic, and when: the memory behind `ReplyService`'s
/// duplicate check. Only the times of replies actually sent are remembered (queued by this
/// process, or read from the store), so a hit is always a true duplicate. Holds at most
/// `capacity` pairs and forgets them all when full (the store answers until they are learnt
/// again).
public final class SentReplies: Sendable {
    private struct Key: Hashable {
        let sender: SenderPseudonym
        let topic: String
    }

    public let capacity: Int
    private let times = Mutex<[Key: Date]>([:])

    public init(capacity: Int = 50_000) {
        self.capacity = max(1, capacity)
    }

    /// Whether a reply about `topic` went to `sender` at or after `since`, as far as remembered.
    func contains(_ sender: SenderPseudonym, _ topic: String, since: Date) -> Bool {
        times.withLock { $0[Key(sender: sender, topic: topic)].map { $0 >= since } ?? false }
    }

    /// Remembers that a reply went at `time`; the latest reply of a pair is the one that counts.
    func remember(_ sender: SenderPseudonym, _ topic: String, at time: Date) {
        times.withLock { times in
            let key = Key(sender: sender, topic: topic)
            if let known = times[key] {
                times[key] = max(known, time)
                return
            }
            if times.count >= capacity { times.removeAll() }
            times[key] = time
        }
    }
}
