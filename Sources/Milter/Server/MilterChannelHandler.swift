import Config
import Logging
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sent down a connection's pipeline at shutdown: close as soon as no message is in flight.
struct DrainEvent: Sendable {}

/// What every connection shares: how to scan, where to log, the timeouts. One value per
/// configuration: a reload makes a new one with the next `version`.
struct ConnectionServices: Sendable {
    let version: Int
    let scanner: MessageScanner
    let threadPool: NIOThreadPool
    let adviceSink: any AdviceSink
    let settings: SessionSettings
    let negotiationTimeout: TimeAmount
    let commandTimeout: TimeAmount
    let evaluationTimeout: TimeAmount
    let logger: Logger
}

/// Performs what the session state machine returns: writes replies (all of a step's replies in
/// one flush), runs scans on the thread pool, keeps the per-stage timeouts, logs decisions.
final class MilterChannelHandler: ChannelInboundHandler {
    typealias InboundIn = MilterCommand
    typealias OutboundOut = MilterReply

    private var session: MilterSession
    /// The configuration this connection's next message is judged by: taken from `source`
    /// between messages, so a reload reaches connections the MTA keeps open.
    private var services: ConnectionServices
    private let source: ServicesSource
    private var logger: Logger

    /// The one timer of the connection, at `deadline`. Commands only move `deadline`; the timer
    /// re-arms itself when it fires early, so a busy connection schedules almost nothing.
    private var timer: Scheduled<Void>?
    private var deadline: NIODeadline = .distantFuture
    private var evaluationTimer: Scheduled<Void>?
    /// Bumped when a scan starts, ends or is abandoned: a late result for an old one is dropped.
    private var generation = 0
    private var evaluationStarted: NIODeadline = .now()
    private var draining = false

    init(source: ServicesSource, peer: String) {
        let services = source.current
        self.source = source
        self.services = services
        self.session = MilterSession(settings: services.settings)
        var logger = services.logger
        logger[metadataKey: "peer"] = .string(peer)
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        moveDeadline(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        evaluationTimer?.cancel()
        generation += 1
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let command = unwrapInboundIn(data)
        let started = NIODeadline.now()
        if case .mail = command { adoptLatestServices() }
        if case .abort = command, session.phase == .evaluating {
            // The MTA gave up on this message (its own timeout, or the client went away).
            abandonEvaluation()
        }
        perform(session.receive(command), started: started, context: context)
    }

    /// At the start of a message (MAIL): the latest configuration, if a reload made one. One
    /// uncontended lock per message.
    private func adoptLatestServices() {
        let latest = source.current
        guard latest.version != services.version, session.adopt(latest.settings) else { return }
        services = latest
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is DrainEvent else { return context.fireUserInboundEventTriggered(event) }
        draining = true
        closeIfDrained(context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let error = error as? MilterProtocolError {
            logger.warning("milter protocol error; closing the connection", metadata: ["error": "\(error)"])
        } else if let error = error as? IOError, error.errnoCode == ECONNRESET {
            logger.debug("connection reset by the MTA")
        } else {
            logger.warning("connection error; closing the connection", metadata: ["error": "\(error)"])
        }
        context.close(promise: nil)
    }

    // MARK: - Actions

    private func perform(_ action: MilterSession.Action, started: NIODeadline, context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .reply(let replies):
            write(replies, context: context)
        case .decide(let replies, let record):
            write(replies, context: context)
            log(record, since: started)
        case .evaluate(let request):
            startEvaluation(request, context: context)
        case .close:
            context.close(promise: nil)
            return
        case .fail(let error):
            logger.warning("milter protocol error; closing the connection", metadata: ["error": "\(error)"])
            context.close(promise: nil)
            return
        }
        moveDeadline(context: context)
        closeIfDrained(context: context)
    }

    /// All replies of one step leave in one flush: with TCP_NODELAY they are one segment, and
    /// without a flush per reply there is no Nagle / delayed-ACK stall (milter-notes).
    private func write(_ replies: [MilterReply], context: ChannelHandlerContext) {
        guard !replies.isEmpty else { return }
        for reply in replies {
            context.write(wrapOutboundOut(reply), promise: nil)
        }
        context.flush()
    }

    private func startEvaluation(_ request: ScanRequest, context: ChannelHandlerContext) {
        generation += 1
        let current = generation
        evaluationStarted = .now()
        let scanner = services.scanner
        let loop = context.eventLoop.assumeIsolated()
        evaluationTimer = loop.scheduleTask(in: services.evaluationTimeout) {
            self.completeEvaluation(current, MessageScanner.Result(outcome: .failed(reason: "timeout"), message: nil),
                                    request: request, context: context)
        }
        services.threadPool.runIfActive(eventLoop: context.eventLoop) {
            scanner.scan(request)
        }.assumeIsolated().whenComplete { result in
            let scanned: MessageScanner.Result
            switch result {
            case .success(let value): scanned = value
            case .failure(let error): scanned = MessageScanner.Result(outcome: .failed(reason: "internal error: \(error)"), message: nil)
            }
            self.completeEvaluation(current, scanned, request: request, context: context)
        }
    }

    private func completeEvaluation(_ token: Int, _ result: MessageScanner.Result, request: ScanRequest, context: ChannelHandlerContext) {
        guard token == generation, context.channel.isActive else { return }
        generation += 1
        evaluationTimer?.cancel()
        evaluationTimer = nil
        let action = session.finish(result.outcome)
        if case .decided(let decision) = result.outcome, let message = result.message,
           decision.verdict != .accept || decision.mode == .query {
            // Contract of AdviceSink: returns at once; the milter never waits on SMTP submission.
            services.adviceSink.submit(AdviceRequest(
                queueID: request.queueID, sender: Self.bare(request.sender), authenticatedUser: request.authenticatedUser,
                recipients: request.recipients.map(Self.bare), decision: decision, message: message))
        }
        perform(action, started: evaluationStarted, context: context)
    }

    private func abandonEvaluation() {
        generation += 1
        evaluationTimer?.cancel()
        evaluationTimer = nil
        logger.info("message aborted by the MTA while heed was checking it", metadata: ["queue_id": .string(session.queueID ?? "-")])
    }

    // MARK: - Timeouts and shutdown

    private func moveDeadline(context: ChannelHandlerContext) {
        let timeout: TimeAmount
        switch session.phase {
        case .negotiating: timeout = services.negotiationTimeout
        case .evaluating, .closed:
            deadline = .distantFuture
            return
        case .idle, .inMessage, .skipping: timeout = services.commandTimeout
        }
        deadline = .now() + timeout
        if timer == nil { armTimer(context: context) }
    }

    private func armTimer(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timer = nil
            guard context.channel.isActive else { return }
            if self.deadline == .distantFuture { return }
            if self.deadline > .now() {
                self.armTimer(context: context)
                return
            }
            self.logger.warning("milter timeout; closing the connection", metadata: ["phase": "\(self.session.phase)"])
            context.close(promise: nil)
        }
    }

    private func closeIfDrained(context: ChannelHandlerContext) {
        guard draining, session.isBetweenMessages, context.channel.isActive else { return }
        logger.debug("closing an idle connection for shutdown")
        context.close(promise: nil)
    }

    // MARK: - Logging

    /// The one log line per decision: queue id, mode, verdict, categories, duration, and the SASL
    /// login (`auth_user`) when the client authenticated; and the same figures as metrics (no-ops
    /// unless `heed serve` bootstrapped a backend).
    private func log(_ record: DecisionLogLine, since started: NIODeadline) {
        let nanoseconds = (NIODeadline.now() - started).nanoseconds
        MilterMetrics.recordDecision(
            mode: record.mode.rawValue, verdict: record.verdict, categories: record.categories, nanoseconds: nanoseconds)
        let micros = nanoseconds / 1000
        var metadata: Logger.Metadata = [
            "queue_id": .string(record.queueID ?? "-"),
            "mode": .string(record.mode.rawValue),
            "verdict": .string(record.verdict),
            "categories": .string(record.categories.isEmpty ? "-" : record.categories.joined(separator: ",")),
            "duration_ms": .string(String(format3(micros))),
        ]
        if let note = record.note { metadata["note"] = .string(note) }
        if let reason = record.quarantineReason { metadata["quarantine"] = .string(reason) }
        if let user = record.authenticatedUser { metadata["auth_user"] = .string(user) }
        logger.info("decision", metadata: metadata)
    }

    /// Milliseconds with three decimals, without Foundation.
    private func format3(_ micros: Int64) -> String {
        let whole = micros / 1000
        let fraction = micros % 1000
        let padded = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - padded.count) + padded
    }

    static func bare(_ address: String) -> String {
        var text = Substring(address)
        if text.hasPrefix("<") { text = text.dropFirst() }
        if text.hasSuffix(">") { text = text.dropLast() }
        return String(text)
    }
}
