import NIOCore

/// A reply from the milter to the MTA: the replies heed sends, and the few others an MTA-side
/// reader must understand (the load generator reads libmilter's replies with the same type).
public enum MilterReply: Sendable, Equatable {
    case optionNegotiation(OptionNegotiation)
    case accept
    case `continue`
    case reject
    case tempfail
    case discard
    case skip
    case progress
    /// 421: close the SMTP session.
    case shutdown
    /// A complete SMTP reply, e.g. `550 5.7.1 text`. `%` must already be written `%%`
    /// (Postfix and Sendmail expand `%` sequences); see `VerdictActions.replyText`.
    case replyCode(String)
    /// `value` uses LF between folded lines, never CRLF (the MTA adds its own line ends).
    case addHeader(name: String, value: String)
    case insertHeader(index: UInt32, name: String, value: String)
    /// The `index`-th (1-based) field named `name`; an empty value deletes it.
    case changeHeader(index: UInt32, name: String, value: String)
    case addRecipient(String)
    case addRecipientWithParameters(String, parameters: String)
    case deleteRecipient(String)
    case quarantine(reason: String)

    public var code: MilterReplyCode {
        switch self {
        case .optionNegotiation: .optionNegotiation
        case .accept: .accept
        case .continue: .continue
        case .reject: .reject
        case .tempfail: .tempfail
        case .discard: .discard
        case .skip: .skip
        case .progress: .progress
        case .shutdown: .shutdown
        case .replyCode: .replyCode
        case .addHeader: .addHeader
        case .insertHeader: .insertHeader
        case .changeHeader: .changeHeader
        case .addRecipient: .addRecipient
        case .addRecipientWithParameters: .addRecipientWithParameters
        case .deleteRecipient: .deleteRecipient
        case .quarantine: .quarantine
        }
    }

    /// Whether this reply ends the MTA's wait for an answer to a command (as opposed to a
    /// modification, which only comes before the final reply at end of message).
    public var isFinal: Bool {
        switch self {
        case .accept, .continue, .reject, .tempfail, .discard, .skip, .shutdown, .replyCode, .optionNegotiation:
            true
        case .progress, .addHeader, .insertHeader, .changeHeader, .addRecipient, .addRecipientWithParameters,
             .deleteRecipient, .quarantine:
            false
        }
    }

    /// Writes the reply as one frame.
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeMilterFrame(code: code.rawValue) { out in
            switch self {
            case .optionNegotiation(let options):
                out.writeInteger(options.version)
                out.writeInteger(options.actions.rawValue)
                out.writeInteger(options.protocolFlags.rawValue)
                for list in options.macroLists {
                    out.writeInteger(list.stage.rawValue)
                    out.writeMilterString(list.names)
                }
            case .accept, .continue, .reject, .tempfail, .discard, .skip, .progress, .shutdown:
                break
            case .replyCode(let text):
                out.writeMilterString(text)
            case .addHeader(let name, let value):
                out.writeMilterString(name)
                out.writeMilterString(value)
            case .insertHeader(let index, let name, let value), .changeHeader(let index, let name, let value):
                out.writeInteger(index)
                out.writeMilterString(name)
                out.writeMilterString(value)
            case .addRecipient(let address), .deleteRecipient(let address):
                out.writeMilterString(address)
            case .addRecipientWithParameters(let address, let parameters):
                out.writeMilterString(address)
                out.writeMilterString(parameters)
            case .quarantine(let reason):
                out.writeMilterString(reason)
            }
        }
    }

    /// Reads a reply from one frame (the MTA side: the load generator and tests).
    public static func parse(code rawCode: UInt8, payload: ByteBuffer) throws(MilterProtocolError) -> MilterReply {
        guard let code = MilterReplyCode(rawValue: rawCode) else { throw .unknownCode(rawCode) }
        var reader = FrameReader(payload: payload, code: rawCode)
        let reply: MilterReply
        switch code {
        case .optionNegotiation:
            let version = try reader.uint32("version")
            let actions = MilterActions(rawValue: try reader.uint32("actions"))
            let flags = MilterProtocolFlags(rawValue: try reader.uint32("protocol"))
            var lists: [OptionNegotiation.MacroList] = []
            while reader.payload.readableBytes > 0 {
                let rawStage = try reader.uint32("macro stage")
                guard let stage = MacroStage(rawValue: rawStage) else {
                    throw .invalidField(code: rawCode, field: "macro stage", value: String(rawStage))
                }
                lists.append(.init(stage: stage, names: try reader.string("macro list")))
            }
            reply = .optionNegotiation(OptionNegotiation(version: version, actions: actions, protocolFlags: flags, macroLists: lists))
        case .accept: reply = .accept
        case .continue: reply = .continue
        case .reject: reply = .reject
        case .tempfail: reply = .tempfail
        case .discard: reply = .discard
        case .skip: reply = .skip
        case .progress: reply = .progress
        case .shutdown: reply = .shutdown
        case .replyCode: reply = .replyCode(try reader.string("reply"))
        case .addHeader:
            let name = try reader.string("name")
            reply = .addHeader(name: name, value: try reader.string("value"))
        case .insertHeader, .changeHeader:
            let index = try reader.uint32("index")
            let name = try reader.string("name")
            let value = try reader.string("value")
            reply = code == .insertHeader
                ? .insertHeader(index: index, name: name, value: value)
                : .changeHeader(index: index, name: name, value: value)
        case .addRecipient: reply = .addRecipient(try reader.string("recipient"))
        case .deleteRecipient: reply = .deleteRecipient(try reader.string("recipient"))
        case .addRecipientWithParameters:
            let address = try reader.string("recipient")
            reply = .addRecipientWithParameters(address, parameters: try reader.string("parameters"))
        case .quarantine: reply = .quarantine(reason: try reader.string("reason"))
        case .replaceBody, .changeSender, .connectionFailure, .setSymbolList:
            // Never sent by heed, and the load generator never asks for them.
            throw .unknownCode(rawCode)
        }
        try reader.finish()
        return reply
    }
}
