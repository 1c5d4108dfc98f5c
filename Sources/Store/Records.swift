import Foundation

// The values that go in and out of a store. Modes, verdicts, categories, rules, severities,
// guidelines, languages and topics are the stable string ids of the product spec ("query",
// "hold", "personal-data", "personal-data.iban", "block", "respect.privacy", "fr", "logo");
// the store keeps them as given, so it does not depend on the checks' types and a new
// category needs no migration.
//
// Times are stored to the millisecond: a value read back is the value written, truncated to
// whole milliseconds.

/// One screened message: what heed decided, and why. Never the message's content.
public struct DecisionRecord: Sendable, Equatable {
    /// When heed decided.
    public var time: Date
    /// The watched address the message went to (an announcement list or the query address);
    /// nil when it matched none (passthrough).
    public var list: String?
    /// "query", "announcement" or "passthrough".
    public var mode: String
    /// "accept", "advise", "hold" or "reject".
    public var verdict: String
    /// The message's language ("en", "fr"), when known.
    public var language: String?
    /// The query topic ("logo", "security", ...) for a query; nil otherwise.
    public var topic: String?
    /// The sender's pseudonym; nil for the null sender.
    public var sender: SenderPseudonym?
    /// How long the decision took (from end of message to verdict), for latency figures.
    public var duration: Duration?
    /// The MTA's queue id, to find a decision from a log line or a held message.
    public var queueID: String?
    /// The findings behind the verdict, in the order the checks reported them.
    public var findings: [FindingRecord]

    public init(
        time: Date, list: String?, mode: String, verdict: String, language: String? = nil,
        topic: String? = nil, sender: SenderPseudonym?, duration: Duration? = nil, queueID: String? = nil,
        findings: [FindingRecord] = []
    ) {
        self.time = time
        self.list = list
        self.mode = mode
        self.verdict = verdict
        self.language = language
        self.topic = topic
        self.sender = sender
        self.duration = duration
        self.queueID = queueID
        self.findings = findings
    }
}

/// One finding of a decision.
///
/// Privacy contract: `evidence` is the checks' evidence *after masking* ("+41 79 *** ** 12").
/// The store never receives raw personal data: the checks mask evidence before they report
/// it, and callers pass that masked text through unchanged. The store does not (and cannot)
/// mask anything itself; it stores what it is given, and the digest shows it as an example.
public struct FindingRecord: Sendable, Equatable {
    /// The category id, e.g. "personal-data".
    public var category: String
    /// The rule id, e.g. "personal-data.iban".
    public var rule: String
    /// "info", "warning" or "block".
    public var severity: String
    /// The guideline id, e.g. "respect.privacy".
    public var guideline: String
    /// The masked evidence; nil when the check has none worth showing.
    public var evidence: String?
    /// The MIME part the evidence is in ("1", "2.1"), when known.
    public var part: String?

    public init(
        category: String, rule: String, severity: String, guideline: String, evidence: String? = nil,
        part: String? = nil
    ) {
        self.category = category
        self.rule = rule
        self.severity = severity
        self.guideline = guideline
        self.evidence = evidence
        self.part = part
    }
}

/// A decision as stored, with its id.
public struct StoredDecision: Sendable, Equatable {
    public var id: Int64
    public var decision: DecisionRecord

    public init(id: Int64, decision: DecisionRecord) {
        self.id = id
        self.decision = decision
    }
}

// MARK: - Replies

/// Why heed did not send an automatic reply. The store keeps the raw value, so callers may add
/// reasons; these are the RFC 3834 rules of the spec, and de-duplication.
public struct ReplySuppression: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A reply to this sender and topic was already sent within the configured period.
    public static let duplicate = ReplySuppression(rawValue: "duplicate")
    public static let nullSender = ReplySuppression(rawValue: "null-sender")
    public static let autoSubmitted = ReplySuppression(rawValue: "auto-submitted")
    public static let precedence = ReplySuppression(rawValue: "precedence")
    public static let listHeader = ReplySuppression(rawValue: "list-header")
    public static let mailerDaemon = ReplySuppression(rawValue: "mailer-daemon")
    public static let foreignDomain = ReplySuppression(rawValue: "foreign-domain")

    public var description: String { rawValue }
}

/// What became of one automatic reply heed considered.
public enum ReplyOutcome: Sendable, Equatable {
    /// The reply was handed to the outbox (it is "sent" from the digest's point of view; the
    /// outbox takes care of delivery).
    case sent
    case suppressed(ReplySuppression)
}

/// One reply heed sent or chose not to send.
public struct ReplyEvent: Sendable, Equatable {
    public var time: Date
    /// nil when there is no one to answer (the null sender).
    public var sender: SenderPseudonym?
    /// The query topic the reply is (or would have been) about; nil if not classified.
    public var topic: String?
    public var outcome: ReplyOutcome

    public init(time: Date, sender: SenderPseudonym?, topic: String?, outcome: ReplyOutcome) {
        self.time = time
        self.sender = sender
        self.topic = topic
        self.outcome = outcome
    }
}

/// The answer of `HeedStore.enqueueReplyOnce`.
public enum ReplyReservation: Sendable, Equatable {
    /// No reply to this sender and topic in the period: the reply is in the outbox with this id.
    case queued(outboxID: Int64)
    /// A reply to this sender and topic was already sent in the period: nothing was queued, and
    /// a suppressed (duplicate) reply was recorded for the digest.
    case duplicate
}

// MARK: - Outbox

/// A message for heed to submit: RFC 5322 bytes and the SMTP envelope.
public struct OutgoingMail: Sendable, Equatable {
    /// The envelope sender (MAIL FROM); empty for the null reverse-path `<>`, which RFC 3834
    /// recommends for automatic replies.
    public var envelopeFrom: String
    /// The envelope recipients (RCPT TO); at least one.
    public var recipients: [String]
    /// The whole message, header and body, with CRLF line ends, ready for DATA.
    public var message: [UInt8]

    public init(envelopeFrom: String, recipients: [String], message: [UInt8]) {
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.message = message
    }
}

/// Proof that a worker holds an outbox item. Pass it back to `markSent`, `markFailed` or
/// `releaseClaim`; a claim that has expired and was taken by another worker is refused there.
public struct OutboxClaim: Sendable, Equatable, Hashable {
    public var id: Int64
    public var token: String

    public init(id: Int64, token: String) {
        self.id = id
        self.token = token
    }
}

/// An outbox item handed to one worker for delivery.
public struct ClaimedMail: Sendable, Equatable {
    public var claim: OutboxClaim
    public var mail: OutgoingMail
    public var created: Date
    /// Failed attempts before this one.
    public var attempts: Int
    /// The error of the last failed attempt.
    public var lastError: String?
    /// The claim lapses at this time; another worker may then take the item.
    public var claimedUntil: Date

    public init(
        claim: OutboxClaim, mail: OutgoingMail, created: Date, attempts: Int, lastError: String?, claimedUntil: Date
    ) {
        self.claim = claim
        self.mail = mail
        self.created = created
        self.attempts = attempts
        self.lastError = lastError
        self.claimedUntil = claimedUntil
    }
}

/// When to try a failed submission again: `initialDelay` after the first failure, multiplied
/// by `multiplier` after each further one, never more than `maximumDelay`. With
/// `maximumAttempts`, an item that has failed that many times is given up (status failed);
/// without it, heed retries for ever at the capped delay, so a long relay outage loses nothing.
public struct RetryPolicy: Sendable, Equatable {
    public var initialDelay: Duration
    public var multiplier: Double
    public var maximumDelay: Duration
    public var maximumAttempts: Int?

    public init(
        initialDelay: Duration = .seconds(60), multiplier: Double = 2, maximumDelay: Duration = .seconds(3600),
        maximumAttempts: Int? = nil
    ) {
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// The wait after the `failures`-th failure (1 for the first).
    public func delay(afterFailures failures: Int) -> Duration {
        let initial = initialDelay.seconds
        let cap = maximumDelay.seconds
        guard failures > 1, multiplier > 1 else { return .seconds(min(initial, cap)) }
        // Stop multiplying once past the cap, so that a huge attempt count cannot overflow.
        var delay = initial
        for _ in 1..<failures {
            delay *= multiplier
            if delay >= cap { return maximumDelay }
        }
        return .seconds(min(delay, cap))
    }
}

/// The answer of `HeedStore.markFailed`.
public enum OutboxFailureOutcome: Sendable, Equatable {
    /// The item goes back in the queue and is due again at this time.
    case retry(at: Date)
    /// The item is given up: a permanent error, or `maximumAttempts` reached.
    case gaveUp
    /// The claim was no longer held (it lapsed and another worker took the item, or the item
    /// is already done): nothing changed.
    case claimLost
}

/// How many outbox items are in each state.
public struct OutboxCounts: Sendable, Equatable {
    /// Waiting for delivery, claimed or not: the outbox depth.
    public var pending: Int
    /// Pending and due now, and not claimed by a live worker.
    public var due: Int
    /// Given up.
    public var failed: Int
    /// Delivered and not yet removed by retention.
    public var sent: Int

    public init(pending: Int, due: Int, failed: Int, sent: Int) {
        self.pending = pending
        self.due = due
        self.failed = failed
        self.sent = sent
    }
}

// MARK: - Retention

/// How many rows a prune removed, per kind.
public struct PruneCounts: Sendable, Equatable {
    public var decisions: Int
    public var findings: Int
    public var announcements: Int
    public var replies: Int
    /// Outbox items that were delivered or given up before the cutoff. Pending items are
    /// never pruned.
    public var outbox: Int

    public init(decisions: Int, findings: Int, announcements: Int, replies: Int, outbox: Int) {
        self.decisions = decisions
        self.findings = findings
        self.announcements = announcements
        self.replies = replies
        self.outbox = outbox
    }

    public var total: Int { decisions + findings + announcements + replies + outbox }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// One announcement counted towards a sender's overposting limit on a list.
public struct AnnouncementRecord: Sendable, Equatable {
    public var sender: SenderPseudonym
    /// The list address, lower case.
    public var list: String
    public var time: Date

    public init(sender: SenderPseudonym, list: String, time: Date) {
        self.sender = sender
        self.list = list
        self.time = time
    }
}

/// Per-message records written together (`HeedStore.record(_:)`).
public struct RecordBatch: Sendable, Equatable {
    public var decisions: [DecisionRecord]
    public var announcements: [AnnouncementRecord]
    /// Replies heed did not send (the digest's figures). Sent replies never come this way: they
    /// are recorded with their outbox entry, atomically (`enqueueReplyOnce`).
    public var suppressedReplies: [ReplyEvent]

    public init(
        decisions: [DecisionRecord] = [], announcements: [AnnouncementRecord] = [], suppressedReplies: [ReplyEvent] = []
    ) {
        self.decisions = decisions
        self.announcements = announcements
        self.suppressedReplies = suppressedReplies
    }

    public var isEmpty: Bool { decisions.isEmpty && announcements.isEmpty && suppressedReplies.isEmpty }
    /// Records in the batch, for logs.
    public var count: Int { decisions.count + announcements.count + suppressedReplies.count }
}
