import Foundation
import Logging
import Store
import Topics

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
public struct ReplyService: Sendable {
    public let settings: RepliesSettings
    private let store: any HeedStore
    private let pseudonymizer: SenderPseudonymizer
    private let templates: ReplyTemplates
    private let rules: AutoReplyRules
    private let builder: MessageBuilder
    private let worker: OutboxWorker?
    private let logger: Logger

    public init(
        settings: RepliesSettings, store: any HeedStore, pseudonymizer: SenderPseudonymizer,
        templates: ReplyTemplates, worker: OutboxWorker? = nil,
        logger: Logger = Logger(label: "heed.replies")
    ) {
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
            try store.recordReply(
                ReplyEvent(time: now, sender: pseudonym, topic: key, outcome: .suppressed(suppression)))
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
        if try store.hasSentReply(to: pseudonym, topic: key, since: since) {
            try store.recordReply(ReplyEvent(time: now, sender: pseudonym, topic: key, outcome: .suppressed(.duplicate)))
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
            logger.info("reply queued", metadata: ["outbox_id": "\(outboxID)", "topic": "\(key)"])
            ReplyMetrics.queued()
            worker?.wake()
            return .queued(outboxID: outboxID, messageID: built.messageID)
        case .duplicate:
            return duplicate(key)
        }
    }

    /// A reply within the period went already (the store has recorded this one as suppressed).
    private func duplicate(_ key: String) -> ReplyDecision {
        logger.info("reply suppressed", metadata: ["reason": "duplicate", "topic": "\(key)"])
        ReplyMetrics.suppressed(.duplicate)
        return .suppressed(.duplicate)
    }
}
