import Config
import MIME

/// Parses and checks one message. Runs on a thread-pool thread: `MIMEParser.parse` on a large
/// message takes milliseconds to seconds, and an event loop serves many connections.
public struct MessageScanner: Sendable {
    public let limits: MIMELimits
    public let evaluator: any MessageEvaluator

    public init(limits: Limits, evaluator: any MessageEvaluator) {
        self.limits = MIMELimits(maxMessageSize: limits.maxMessageSize, maxDepth: limits.maxDepth,
                                 maxParts: limits.maxParts, maxHeaderBytes: limits.maxHeaderBytes)
        self.evaluator = evaluator
    }

    public struct Result: Sendable {
        public let outcome: MilterSession.Outcome
        /// The parsed message, for the advice request; nil when parsing failed.
        public let message: Message?
    }

    public func scan(_ request: ScanRequest) -> Result {
        let bytes = Array(request.bytes.readableBytesView)
        let message: Message
        do {
            message = try MIMEParser.parse(bytes, limits: limits)
        } catch {
            return Result(outcome: .failed(reason: "unparseable: \(error.message)"), message: nil)
        }
        let envelope = Envelope(
            sender: MilterChannelHandler.bare(request.sender), recipients: request.recipients.map(MilterChannelHandler.bare),
            queueID: request.queueID, authenticatedUser: request.authenticatedUser)
        let decision = evaluator.evaluate(message, envelope: envelope)
        return Result(outcome: .decided(decision), message: message)
    }
}
