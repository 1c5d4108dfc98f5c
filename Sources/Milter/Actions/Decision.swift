import Config
import Guidelines
import MIME

/// What heed decided about one message, in the terms the milter acts on.
///
/// It mirrors `CheckResult` (which only Guidelines can build) so that a server can be given
/// another evaluator — tests inject one with a `block` finding or a reject policy without any
/// fake check in production code.
public struct Decision: Sendable, Equatable {
    public var mode: Mode
    /// The watched address that set the mode (nil in passthrough).
    public var list: String?
    public var verdict: Verdict
    public var route: Route?
    public var findings: [Finding]
    /// Why the scan is incomplete ("size: ...", "depth: ..."); empty when every part was read.
    public var scanLimits: [String]
    /// The message's language (replies are written in it); nil when no check looked.
    public var language: Language?

    public init(mode: Mode, list: String?, verdict: Verdict, route: Route?, findings: [Finding], scanLimits: [String] = [],
                language: Language? = nil) {
        self.mode = mode
        self.list = list
        self.verdict = verdict
        self.route = route
        self.findings = findings
        self.scanLimits = scanLimits
        self.language = language
    }

    public init(_ result: CheckResult) {
        self.init(mode: result.mode, list: result.list?.address, verdict: result.verdict, route: result.route,
                  findings: result.findings, scanLimits: result.scan.limits.map(\.description), language: result.language)
    }

    /// The distinct categories of the findings, in first-seen order (for logs and headers).
    public var categories: [String] {
        var seen = Set<String>()
        return findings.map(\.category.rawValue).filter { seen.insert($0).inserted }
    }
}

/// The SMTP envelope of one message, as the MTA gave it to the milter.
public struct Envelope: Sendable, Equatable {
    /// The envelope sender without angle brackets ("" for the null sender).
    public var sender: String
    /// The envelope recipients without angle brackets, in RCPT order.
    public var recipients: [String]
    /// The MTA's queue id (macro `i`); nil when the MTA did not send it.
    public var queueID: String?
    /// `{auth_authen}`: the user who logged in to send, when the client authenticated.
    public var authenticatedUser: String?

    public init(sender: String, recipients: [String], queueID: String? = nil, authenticatedUser: String? = nil) {
        self.sender = sender
        self.recipients = recipients
        self.queueID = queueID
        self.authenticatedUser = authenticatedUser
    }
}

/// Decides about a parsed message. Called on a thread-pool thread, never on an event loop, so it
/// may take its time and may block on I/O it owns (heed serve's store); never on the network.
public protocol MessageEvaluator: Sendable {
    func evaluate(_ message: Message, envelope: Envelope) -> Decision
}

/// The configured checks through `CheckEngine`, without a store (heed serve wraps it with one).
public struct EngineEvaluator: MessageEvaluator {
    public let engine: CheckEngine
    public init(engine: CheckEngine) { self.engine = engine }
    public func evaluate(_ message: Message, envelope: Envelope) -> Decision {
        Decision(engine.evaluate(message, recipients: envelope.recipients))
    }
}

/// What the server hands to the replies component after a decision that calls for mail to the
/// sender (advise, hold, reject) or for an answer to a query.
public struct AdviceRequest: Sendable {
    public let queueID: String?
    /// The envelope sender without angle brackets ("" for the null sender).
    public let sender: String
    /// `{auth_authen}`: the user who logged in to send, when the client authenticated.
    public let authenticatedUser: String?
    public let recipients: [String]
    public let decision: Decision
    /// The message's header fields, for the RFC 3834 rules and for quoting its subject and
    /// message id in the reply. Only the header: a request may wait in the advice queue, and a
    /// waiting body (an attachment of megabytes) would be memory held for nothing.
    public let header: MessageHeaders

    public init(queueID: String?, sender: String, authenticatedUser: String?, recipients: [String], decision: Decision,
                message: Message) {
        self.queueID = queueID
        self.sender = sender
        self.authenticatedUser = authenticatedUser
        self.recipients = recipients
        self.decision = decision
        self.header = message.header
    }
}

/// Where advice requests go. The server calls `submit` from a thread-pool thread right after the
/// decision and never waits for mail to be sent: an implementation queues the request and
/// returns at once (SMTP submission must not hold a milter reply).
public protocol AdviceSink: Sendable {
    func submit(_ request: AdviceRequest)
}

/// Until the replies component exists: drops every request.
public struct NoAdviceSink: AdviceSink {
    public init() {}
    public func submit(_ request: AdviceRequest) {}
}
