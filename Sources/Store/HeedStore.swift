import Foundation

/// heed's own data: decisions and findings (for the digest), announcement counters (for
/// overposting), automatic replies (for de-duplication and the digest), and the outbox of mail
/// heed submits. `SQLiteStore` is the embedded implementation; a shared PostgreSQL store for
/// several relays would implement the same protocol.
///
/// ## Privacy contract
/// Nothing here holds a message body or a sender's address. Senders are `SenderPseudonym`s
/// (which cannot be made from an address without the key), evidence is masked by the checks
/// before it reaches the store. The one exception is the outbox: mail heed itself writes
/// (replies, digests) with its recipients' addresses, kept until delivered and then until
/// retention removes it.
///
/// ## Threading contract
/// Every method is synchronous, thread-safe and blocking: it returns once the data is durable
/// (or has been read), which includes waiting for disk I/O and for other writers. Call it from
/// a thread pool or a task that may block (NIO's `NIOThreadPool`, a dedicated `DispatchQueue`),
/// never on an event loop. Reads run concurrently with each other and with a write; writes are
/// serialised, also across processes that share a database.
///
/// Every method that depends on the time takes it as a parameter (`now`, `at`, `since`), so
/// callers decide the clock and tests need not wait.
///
/// Errors: every method throws `StoreError` only.
public protocol HeedStore: Sendable {
    // MARK: Decisions

    /// Records a decision and its findings, atomically. Returns the decision's id.
    @discardableResult
    func recordDecision(_ decision: DecisionRecord) throws -> Int64

    /// The decision with this id, with its findings; nil if there is none (or retention
    /// removed it).
    func decision(id: Int64) throws -> StoredDecision?

    /// The decisions for an MTA queue id, oldest first (usually one; several if the MTA reused
    /// the id).
    func decisions(queueID: String) throws -> [StoredDecision]

    /// Writes a batch of per-message records (decisions with their findings, counted
    /// announcements, suppressed replies) in one transaction: all of them or, when it throws,
    /// none. Throws `invalidArgument` for a sent reply (those go with their outbox entry).
    /// `heed serve`'s `RecordWriter` gathers what the milter decides into such batches, so that a
    /// busy relay costs one commit per batch rather than one per message.
    func record(_ batch: RecordBatch) throws

    // MARK: Overposting

    /// Counts one announcement by `sender` to `list` at time `at`, and returns how many this
    /// sender has sent to this list since `windowStart`, this one included, counting no further
    /// than `limit` (a caller that only compares with a maximum passes maximum + 1, so that a
    /// sender who floods a list costs a bounded count, not one that grows with every message).
    /// Atomic, so two announcements processed at once both see the other.
    @discardableResult
    func recordAnnouncement(
        sender: SenderPseudonym, list: String, at: Date, countingSince windowStart: Date, upTo limit: Int
    ) throws -> Int

    /// How many announcements `sender` sent to `list` since `since` (inclusive), without
    /// recording one.
    func announcementCount(sender: SenderPseudonym, list: String, since: Date) throws -> Int

    /// The times of the latest announcements `sender` sent to `list` since `since` (inclusive),
    /// newest first, at most `limit` of them: what an in-memory count starts from.
    func announcementTimes(sender: SenderPseudonym, list: String, since: Date, limit: Int) throws -> [Date]

    // MARK: Replies

    /// When the latest reply about `topic` was sent to `sender`, if one was at or after `since`.
    func latestSentReply(to sender: SenderPseudonym, topic: String, since: Date) throws -> Date?

    /// Records a reply heed sent or suppressed, for de-duplication and the digest.
    func recordReply(_ event: ReplyEvent) throws

    /// The whole "at most one reply per sender and topic per period" rule, atomically: if no
    /// reply about `topic` went to `sender` since `since`, enqueues `mail` and records a sent
    /// reply; otherwise records a suppressed (duplicate) reply and queues nothing. Two copies
    /// of the same question processed at once get exactly one reply.
    func enqueueReplyOnce(
        sender: SenderPseudonym, topic: String, since: Date, mail: OutgoingMail, now: Date
    ) throws -> ReplyReservation

    // MARK: Outbox

    /// Adds mail to the outbox, due at once. Returns its id. Durable when this returns.
    /// Throws `invalidArgument` when there is no recipient.
    @discardableResult
    func enqueue(_ mail: OutgoingMail, now: Date) throws -> Int64

    /// Claims up to `limit` items that are due at `now` and not held by another worker, oldest
    /// due first, for `lease`. No two calls ever get the same item while its lease runs, from
    /// any thread or process; when a lease lapses (a worker died), the item is due again.
    func claimDueMail(now: Date, limit: Int, lease: Duration) throws -> [ClaimedMail]

    /// Marks a claimed item delivered. Returns false (and changes nothing) if the claim is no
    /// longer held. The message bytes are dropped at once; the item's record stays until
    /// retention.
    @discardableResult
    func markSent(_ claim: OutboxClaim, now: Date) throws -> Bool

    /// Records a failed attempt on a claimed item: with `permanent` (e.g. an SMTP 5xx) or once
    /// `policy.maximumAttempts` is reached the item is given up; otherwise it is due again
    /// after `policy`'s delay for its number of failures.
    @discardableResult
    func markFailed(_ claim: OutboxClaim, error: String, permanent: Bool, policy: RetryPolicy, now: Date)
        throws -> OutboxFailureOutcome

    /// Gives a claimed item back without counting an attempt (a worker shutting down). Returns
    /// false if the claim was no longer held.
    @discardableResult
    func releaseClaim(_ claim: OutboxClaim) throws -> Bool

    /// Outbox items per state, as of `now`.
    func outboxCounts(now: Date) throws -> OutboxCounts

    // MARK: Retention

    /// Deletes decisions (with their findings), announcement counts and replies from before
    /// `cutoff`, and outbox items delivered or given up before it. Pending outbox items are
    /// never deleted, however old.
    @discardableResult
    func prune(before cutoff: Date) throws -> PruneCounts

    // MARK: Digest

    /// The digest figures for [from, to) and for the period of the same length before it.
    /// `top` bounds the category, rule and topic lists. An empty period gives zero counts and
    /// empty lists, not an error. Throws `invalidArgument` unless from < to and top > 0.
    func digest(from: Date, to: Date, top: Int) throws -> DigestData
}

extension HeedStore {
    /// Whether a reply about `topic` was sent to `sender` at or after `since`.
    public func hasSentReply(to sender: SenderPseudonym, topic: String, since: Date) throws -> Bool {
        try latestSentReply(to: sender, topic: topic, since: since) != nil
    }

    /// `recordAnnouncement` with an exact count.
    @discardableResult
    public func recordAnnouncement(sender: SenderPseudonym, list: String, at: Date, countingSince windowStart: Date)
        throws -> Int
    {
        try recordAnnouncement(sender: sender, list: list, at: at, countingSince: windowStart, upTo: Int.max)
    }

    /// Prunes everything older than `days` days before `now` (the configured retention).
    @discardableResult
    public func prune(keepingDays days: Int, now: Date) throws -> PruneCounts {
        try prune(before: now.addingTimeInterval(-Double(days) * 86_400))
    }
}
