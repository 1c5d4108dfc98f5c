import Config
import NIOCore

/// What a session needs from the configuration.
public struct SessionSettings: Sendable {
    /// Decides the mode from the envelope recipients (the watch rules).
    public var config: HeedConfig
    /// Past this many bytes a watched message is not buffered further and not scanned.
    public var maxScannedSize: Int
    public var onError: MilterSettings.OnError

    public init(config: HeedConfig) {
        self.config = config
        self.maxScannedSize = config.milter.maxScannedSize
        self.onError = config.milter.onError
    }
}

/// A watched message, complete, to be parsed and checked off the event loop.
public struct ScanRequest: Sendable, Equatable {
    public let queueID: String?
    /// Envelope sender as sent (`<a@b>`, `<>`).
    public let sender: String
    public let authenticatedUser: String?
    /// Envelope recipients as sent (`<a@b>`).
    public let recipients: [String]
    public let mode: Mode
    /// The message as RFC 5322 bytes: the header fields the MTA passed on, a blank line, the body.
    public let bytes: ByteBuffer
}

/// The facts of one decision, for the one log line per decision.
public struct DecisionLogLine: Sendable, Equatable {
    public var queueID: String?
    public var mode: Mode
    public var verdict: String
    public var categories: [String]
    /// Set when heed did not scan: "size", "timeout", "unparseable: …".
    public var note: String?
    public var quarantineReason: String?
    /// The client's SASL login (`{auth_authen}` at MAIL), nil when it did not authenticate.
    /// An administrator tracing a held announcement needs the login that sent it, since the
    /// From header can say anything; Postfix logs the same login as sasl_username, so the log
    /// exposes nothing new. Sanitised: the client chose it, and no control character may reach
    /// the log (a newline would forge a log line).
    public var authenticatedUser: String?
}

/// The milter conversation of one connection, without I/O (the NIOSOCKS / Hummingbird shape):
/// the channel handler feeds it commands and performs the action it returns.
///
/// Per-message state — sender, login, recipients, message macros, buffered bytes, mode — is reset
/// by MAIL, ABORT, QUIT_NC and after the end-of-message replies; per-connection state (negotiated
/// options, connect and helo macros) lives until the connection closes (QUIT_NC keeps only the
/// negotiated options, for the next SMTP session on the same connection).
public struct MilterSession {
    public enum Phase: Sendable, Equatable {
        /// Waiting for option negotiation.
        case negotiating
        /// Negotiated; no message open (between SMTP transactions).
        case idle
        /// Inside a transaction (MAIL seen), collecting envelope, headers and body.
        case inMessage
        /// heed answered accept (passthrough at DATA, or done); ignores the rest until ABORT/MAIL.
        case skipping
        /// The message is being checked; only ABORT, QUIT and macros may come.
        case evaluating
        case closed
    }

    public enum Action: Sendable, Equatable {
        case none
        /// Write these replies and flush once (the Nagle trap: never one flush per reply).
        case reply([MilterReply])
        /// Write, flush, and log `decision`.
        case decide([MilterReply], DecisionLogLine)
        /// Parse and check off the event loop, then call `finish(_:)`.
        case evaluate(ScanRequest)
        /// The MTA said QUIT: close cleanly.
        case close
        /// A protocol error: log it and close the connection.
        case fail(MilterProtocolError)
    }

    /// What the scan came to.
    public enum Outcome: Sendable {
        case decided(Decision)
        /// Not scanned: timeout, unparseable message, internal error.
        case failed(reason: String)
    }

    /// The actions heed can use: add the X-Heed headers (and delete X-Heed headers a sender
    /// forged), add a query's contact as recipient, quarantine held mail, and choose its macros.
    /// Nothing else is asked for.
    public static let wantedActions: MilterActions = [.addHeaders, .changeHeaders, .addRecipients, .quarantine, .setSymbolList]

    /// Header names heed writes. The same names arriving with a message were written by someone
    /// else (a sender faking "X-Heed: accept" for a downstream filter or a moderator); heed
    /// deletes them from watched mail before adding its own. Lower case.
    public static let ownHeaderNames: Set<String> = [
        VerdictActions.summaryHeader.lowercased(), VerdictActions.findingHeader.lowercased(), VerdictActions.topicHeader.lowercased(),
    ]

    /// Events heed does not need (CONNECT, HELO, EOH, unknown commands), and no reply wanted
    /// where heed never decides (MAIL, RCPT, each header, each body chunk). DATA and end of
    /// message keep their replies: heed answers accept at DATA for passthrough, and decides at
    /// the end of the message. Header values arrive with their leading space, as written.
    public static let wantedProtocol: MilterProtocolFlags = [
        .noConnect, .noHelo, .noEndOfHeaders, .noUnknown,
        .noReplyConnect, .noReplyHelo, .noReplyMail, .noReplyRecipient, .noReplyHeader,
        .noReplyEndOfHeaders, .noReplyBody, .noReplyUnknown, .headerLeadingSpace,
    ]

    /// The macros heed reads at each stage (SMFIR_SETSYMLIST). Postfix sends a macro frame
    /// before every event anyway; an empty list keeps it empty.
    public static let wantedMacros: [OptionNegotiation.MacroList] = [
        .init(stage: .connect, names: ""),
        .init(stage: .helo, names: ""),
        .init(stage: .mail, names: "i {mail_addr} {auth_authen}"),
        .init(stage: .recipient, names: "i {rcpt_addr}"),
        .init(stage: .data, names: "i"),
        .init(stage: .endOfHeaders, names: ""),
        .init(stage: .endOfMessage, names: "i"),
    ]

    public private(set) var settings: SessionSettings
    public private(set) var phase: Phase = .negotiating
    /// What option negotiation agreed on (what the MTA offered ∩ what heed wants).
    public private(set) var actions: MilterActions = []
    public private(set) var protocolFlags: MilterProtocolFlags = []

    private var connectionMacros: [String: String] = [:]
    private var messageMacros: [String: String] = [:]
    public private(set) var sender: String = ""
    /// The client's SASL login, from the `{auth_authen}` macro that came with this message's
    /// MAIL (Postfix sends it there when the client authenticated, and heed asks for it only
    /// there); nil without one. Kept apart from the macros so that no later frame changes it.
    public private(set) var authenticatedUser: String?
    public private(set) var recipients: [String] = []
    /// Decided at DATA (or at the first content event if the MTA sends no DATA).
    public private(set) var mode: Mode?
    private var buffer = ByteBuffer()
    private var headerClosed = false
    /// Bytes of the message seen, including those past `maxScannedSize`.
    public private(set) var messageSize = 0
    /// How many fields of each of `ownHeaderNames` arrived with the message, by lower-case name.
    private var forgedHeaders: [String: Int] = [:]

    public init(settings: SessionSettings) {
        self.settings = settings
    }

    /// Takes new settings (a reloaded configuration) for the next message. Refused (false) while
    /// a message is under way, so one message is never judged by two configurations.
    public mutating func adopt(_ settings: SessionSettings) -> Bool {
        guard phase == .idle || phase == .negotiating else { return false }
        self.settings = settings
        return true
    }

    /// The value of a macro: message macros first, then connection macros.
    public func macro(_ name: String) -> String? {
        messageMacros[name] ?? connectionMacros[name]
    }

    /// The queue id (`i`): absent at MAIL and the first RCPT in Postfix, there from DATA on.
    public var queueID: String? { macro("i") }

    /// Whether the connection may be closed now without cutting a message short (shutdown).
    public var isBetweenMessages: Bool {
        switch phase {
        case .negotiating, .idle, .skipping, .closed: true
        case .inMessage, .evaluating: false
        }
    }

    public mutating func receive(_ command: MilterCommand) -> Action {
        if phase == .closed { return .none }
        switch command {
        case .optionNegotiation(let offer):
            guard phase == .negotiating else { return fail(.unexpectedCommand(code: command.code.rawValue, state: "after negotiation")) }
            return negotiate(offer)
        case .macro(let event, let macros):
            store(macros, for: event)
            return .none
        case .quit:
            phase = .closed
            return .close
        case .abort:
            // Postfix sends ABORT after every message and once more at the end of the session;
            // several in a row, or one with no message open, are normal.
            guard phase != .negotiating else { return .none }
            resetMessage()
            phase = .idle
            return .none
        default:
            break
        }
        guard phase != .negotiating else {
            return fail(.unexpectedCommand(code: command.code.rawValue, state: "before option negotiation"))
        }
        if phase == .evaluating {
            return fail(.unexpectedCommand(code: command.code.rawValue, state: "while heed is answering the end of message"))
        }
        switch command {
        case .quitNewConnection:
            resetMessage()
            connectionMacros = [:]
            phase = .idle
            return .none
        case .connect:
            return ack(.noReplyConnect)
        case .helo:
            return ack(.noReplyHelo)
        case .unknown:
            return ack(.noReplyUnknown)
        case .mail(let address, _):
            // A new transaction without ABORT first (not Postfix's way, but allowed): start afresh,
            // keeping the macros that came for this MAIL.
            let pending = messageMacros
            resetMessage()
            messageMacros = pending
            sender = address
            authenticatedUser = messageMacros["{auth_authen}"].flatMap { $0.isEmpty ? nil : $0 }
            phase = .inMessage
            return ack(.noReplyMail)
        case .recipient(let address, _):
            guard phase == .inMessage else { return fail(.unexpectedCommand(code: command.code.rawValue, state: "outside a transaction")) }
            recipients.append(address)
            return ack(.noReplyRecipient)
        case .data:
            guard phase == .inMessage else { return phase == .skipping ? .reply([.accept]) : fail(.unexpectedCommand(code: command.code.rawValue, state: "outside a transaction")) }
            if decideMode() == .passthrough {
                // The fast path: Postfix sends neither headers nor body. Never at RCPT: an accept
                // there would accept the whole message before later recipients are seen.
                phase = .skipping
                return .decide([.accept], record(verdict: "accept"))
            }
            return ack(.noReplyData)
        case .header(let name, var value):
            guard phase == .inMessage else { return skippedContent(command, .noReplyHeader) }
            if decideMode() == .passthrough { return ack(.noReplyHeader) }
            let lowered = name.lowercased()
            if Self.ownHeaderNames.contains(lowered) { forgedHeaders[lowered, default: 0] += 1 }
            var line = ByteBuffer()
            line.writeString(name)
            line.writeInteger(UInt8(ascii: ":"))
            // Without SMFIP_HDR_LEADSPC the MTA strips the space after the colon; put one back.
            if !protocolFlags.contains(.headerLeadingSpace) { line.writeInteger(UInt8(ascii: " ")) }
            line.writeBuffer(&value)
            line.writeString("\r\n")
            append(&line)
            return ack(.noReplyHeader)
        case .endOfHeaders:
            guard phase == .inMessage else { return skippedContent(command, .noReplyEndOfHeaders) }
            closeHeader()
            return ack(.noReplyEndOfHeaders)
        case .body(var chunk):
            guard phase == .inMessage else { return skippedContent(command, .noReplyBody) }
            if decideMode() != .passthrough {
                closeHeader()
                append(&chunk)
            }
            return ack(.noReplyBody)
        case .endOfMessage(var chunk):
            guard phase == .inMessage else {
                guard phase == .skipping else {
                    return fail(.unexpectedCommand(code: command.code.rawValue, state: "outside a transaction"))
                }
                resetMessage()
                phase = .idle
                return .reply([.accept])
            }
            let mode = decideMode()
            if mode == .passthrough {
                let log = record(verdict: "accept")
                resetMessage()
                phase = .idle
                return .decide([.accept], log)
            }
            closeHeader()
            append(&chunk)
            if messageSize > settings.maxScannedSize {
                let note = "size"
                let replies = endOfMessage(VerdictActions.notScanned(reason: note, onError: .accept, allowed: actions))
                var log = record(verdict: "accept")
                log.note = "not scanned (size: \(messageSize) bytes, limit \(settings.maxScannedSize))"
                resetMessage()
                phase = .idle
                return .decide(replies, log)
            }
            phase = .evaluating
            let request = ScanRequest(
                queueID: queueID, sender: sender, authenticatedUser: authenticatedUser,
                recipients: recipients, mode: mode, bytes: buffer)
            return .evaluate(request)
        case .optionNegotiation, .macro, .quit, .abort:
            return .none  // handled above
        }
    }

    /// The end-of-message replies once the scan is done (or has failed). Ignored unless the
    /// session is still waiting for it (an ABORT may have come first).
    public mutating func finish(_ outcome: Outcome) -> Action {
        guard phase == .evaluating else { return .none }
        let replies: [MilterReply]
        var log: DecisionLogLine
        switch outcome {
        case .decided(let decision):
            replies = endOfMessage(VerdictActions.replies(for: decision, recipients: recipients, allowed: actions))
            log = record(verdict: decision.verdict.rawValue)
            log.mode = decision.mode
            log.categories = decision.categories
            if decision.verdict == .hold { log.quarantineReason = VerdictActions.quarantineReason(decision) }
            if !decision.scanLimits.isEmpty { log.note = "partly scanned (\(decision.scanLimits.joined(separator: "; ")))" }
        case .failed(let reason):
            replies = endOfMessage(VerdictActions.notScanned(reason: reason, onError: settings.onError, allowed: actions))
            log = record(verdict: settings.onError == .accept ? "accept" : "tempfail")
            log.note = "not scanned (\(reason))"
        }
        resetMessage()
        phase = .idle
        return .decide(replies, log)
    }

    // MARK: - Steps

    private mutating func negotiate(_ offer: OptionNegotiation) -> Action {
        guard offer.version >= MilterProtocol.oldestVersion else {
            return fail(.negotiationFailed("the MTA speaks milter protocol \(offer.version); heed needs \(MilterProtocol.oldestVersion) or later"))
        }
        actions = offer.actions.intersection(Self.wantedActions)
        protocolFlags = offer.protocolFlags.intersection(Self.wantedProtocol)
        phase = .idle
        let lists = actions.contains(.setSymbolList) ? Self.wantedMacros : []
        let reply = OptionNegotiation(
            version: min(offer.version, MilterProtocol.version), actions: actions, protocolFlags: protocolFlags, macroLists: lists)
        return .reply([.optionNegotiation(reply)])
    }

    /// The end-of-message replies: forged heed headers deleted first (highest index first, since
    /// Postfix renumbers the fields after a delete), then heed's own, with the agreed spacing.
    /// A refusal (reply code) needs no modifications.
    private func endOfMessage(_ replies: [MilterReply]) -> [MilterReply] {
        if case .replyCode = replies.first { return replies }
        var deletions: [MilterReply] = []
        if actions.contains(.changeHeaders) {
            for name in forgedHeaders.keys.sorted() {
                for index in stride(from: forgedHeaders[name] ?? 0, through: 1, by: -1) {
                    deletions.append(.changeHeader(index: UInt32(index), name: name, value: ""))
                }
            }
        }
        return deletions + spaced(replies)
    }

    /// With SMFIP_HDR_LEADSPC agreed, the MTA writes header values as given, also those a milter
    /// adds: without the space after the colon the field would read "X-Heed:accept" (seen with
    /// Postfix 3.7). Values heed builds have no leading space, so it is added here.
    private func spaced(_ replies: [MilterReply]) -> [MilterReply] {
        guard protocolFlags.contains(.headerLeadingSpace) else { return replies }
        return replies.map { reply in
            switch reply {
            case .addHeader(let name, let value): .addHeader(name: name, value: " " + value)
            case .insertHeader(let index, let name, let value): .insertHeader(index: index, name: name, value: " " + value)
            case .changeHeader(let index, let name, let value) where !value.isEmpty:
                .changeHeader(index: index, name: name, value: " " + value)
            default: reply
            }
        }
    }

    /// Continue, unless the MTA agreed not to wait for a reply to this event.
    private func ack(_ noReply: MilterProtocolFlags) -> Action {
        protocolFlags.contains(noReply) ? .none : .reply([.continue])
    }

    /// Content after heed accepted (or outside a transaction): ignored, acknowledged if needed.
    private mutating func skippedContent(_ command: MilterCommand, _ noReply: MilterProtocolFlags) -> Action {
        guard phase == .skipping else {
            return fail(.unexpectedCommand(code: command.code.rawValue, state: "outside a transaction"))
        }
        return ack(noReply)
    }

    private mutating func decideMode() -> Mode {
        if let mode { return mode }
        let decided = settings.config.mode(forRecipients: recipients).mode
        mode = decided
        return decided
    }

    private mutating func store(_ macros: [Macro], for event: UInt8) {
        let isConnectionLevel = event == MilterCommandCode.connect.rawValue || event == MilterCommandCode.helo.rawValue
        if event == MilterCommandCode.mail.rawValue && phase != .evaluating {
            // The MAIL frame opens a new transaction's macros. Without an ABORT before it (after a
            // passthrough accepted at DATA, say) the last message's macros would still be here, and
            // an unauthenticated message would inherit the previous sender's login. While heed is
            // still answering a message, its macros stay: MAIL then is a protocol error anyway.
            messageMacros = [:]
        }
        for macro in macros {
            if isConnectionLevel {
                connectionMacros[macro.name] = macro.value
            } else {
                messageMacros[macro.name] = macro.value
            }
        }
    }

    private mutating func closeHeader() {
        guard !headerClosed else { return }
        headerClosed = true
        var blank = ByteBuffer(string: "\r\n")
        append(&blank)
    }

    /// Buffers bytes up to `maxScannedSize`; counts the rest without keeping it.
    private mutating func append(_ bytes: inout ByteBuffer) {
        let count = bytes.readableBytes
        let room = max(0, settings.maxScannedSize - buffer.readableBytes)
        if room > 0, var kept = bytes.readSlice(length: min(room, count)) {
            buffer.writeBuffer(&kept)
        }
        messageSize += count
    }

    private mutating func resetMessage() {
        messageMacros = [:]
        sender = ""
        authenticatedUser = nil
        recipients = []
        mode = nil
        buffer = ByteBuffer()
        headerClosed = false
        messageSize = 0
        forgedHeaders = [:]
    }

    private mutating func fail(_ error: MilterProtocolError) -> Action {
        phase = .closed
        return .fail(error)
    }

    private func record(verdict: String) -> DecisionLogLine {
        let user = authenticatedUser.map { HeaderText.sanitized($0, limit: 256) }
        return DecisionLogLine(queueID: queueID, mode: mode ?? .passthrough, verdict: verdict, categories: [], note: nil,
                               quarantineReason: nil, authenticatedUser: user?.isEmpty == false ? user : nil)
    }
}
