import NIOCore

/// What the MTA offers or the milter asks for in option negotiation (SMFIC_OPTNEG both ways).
public struct OptionNegotiation: Sendable, Equatable {
    public var version: UInt32
    public var actions: MilterActions
    public var protocolFlags: MilterProtocolFlags
    /// Only in the milter's reply, with SMFIF_SETSYMLIST: the macros wanted at each stage
    /// (space-separated names, e.g. "i {auth_authen}"). Order as written.
    public var macroLists: [MacroList]

    public init(version: UInt32, actions: MilterActions, protocolFlags: MilterProtocolFlags, macroLists: [MacroList] = []) {
        self.version = version
        self.actions = actions
        self.protocolFlags = protocolFlags
        self.macroLists = macroLists
    }

    public struct MacroList: Sendable, Equatable {
        public var stage: MacroStage
        public var names: String
        public init(stage: MacroStage, names: String) {
            self.stage = stage
            self.names = names
        }
    }
}

/// One macro definition: `i` = `4XyZ1`, `{auth_authen}` = `jdoe`.
public struct Macro: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The SMTP client as CONNECT describes it.
public enum ClientAddress: Sendable, Equatable {
    case unknown
    case inet(address: String, port: UInt16)
    case inet6(address: String, port: UInt16)
    case unix(path: String)
}

/// A command from the MTA, read off one frame.
public enum MilterCommand: Sendable, Equatable {
    case optionNegotiation(OptionNegotiation)
    /// Macros for the event whose command byte is `command` (the next frame, usually).
    case macro(command: UInt8, macros: [Macro])
    case connect(hostname: String, address: ClientAddress)
    case helo(String)
    /// `sender` keeps its angle brackets as Postfix sends them (`<a@b>`, `<>` for the null sender).
    case mail(sender: String, arguments: [String])
    case recipient(String, arguments: [String])
    case data
    /// `value` is the raw bytes (8-bit headers stay as sent); folded lines are joined with LF.
    case header(name: String, value: ByteBuffer)
    case endOfHeaders
    case body(ByteBuffer)
    /// End of message, with a last body chunk when the MTA sends one (usually empty).
    case endOfMessage(ByteBuffer)
    case abort
    case quit
    case quitNewConnection
    case unknown(String)

    public var code: MilterCommandCode {
        switch self {
        case .optionNegotiation: .optionNegotiation
        case .macro: .macro
        case .connect: .connect
        case .helo: .helo
        case .mail: .mail
        case .recipient: .recipient
        case .data: .data
        case .header: .header
        case .endOfHeaders: .endOfHeaders
        case .body: .body
        case .endOfMessage: .endOfMessage
        case .abort: .abort
        case .quit: .quit
        case .quitNewConnection: .quitNewConnection
        case .unknown: .unknown
        }
    }
}

extension MilterCommand {
    /// Reads a command from one frame's code and payload (the length prefix already removed).
    public static func parse(code rawCode: UInt8, payload: ByteBuffer) throws(MilterProtocolError) -> MilterCommand {
        guard let code = MilterCommandCode(rawValue: rawCode) else { throw .unknownCode(rawCode) }
        var reader = FrameReader(payload: payload, code: rawCode)
        let command: MilterCommand
        switch code {
        case .optionNegotiation:
            let version = try reader.uint32("version")
            let actions = MilterActions(rawValue: try reader.uint32("actions"))
            let flags = MilterProtocolFlags(rawValue: try reader.uint32("protocol"))
            // Version 6 MTAs send exactly three words; a milter's reply may append macro lists,
            // which an MTA never sends. Extra bytes are tolerated as libmilter does.
            _ = reader.rest()
            command = .optionNegotiation(OptionNegotiation(version: version, actions: actions, protocolFlags: flags))
        case .macro:
            let event = try reader.byte("event")
            let fields = try reader.strings("macro")
            guard fields.count % 2 == 0 else {
                throw .invalidField(code: rawCode, field: "macros", value: "name \(fields.last ?? "") without a value")
            }
            var macros: [Macro] = []
            macros.reserveCapacity(fields.count / 2)
            var index = 0
            while index + 1 < fields.count {
                macros.append(Macro(fields[index], fields[index + 1]))
                index += 2
            }
            command = .macro(command: event, macros: macros)
        case .connect:
            let hostname = try reader.string("hostname")
            let family = try reader.byte("family")
            switch MilterAddressFamily(rawValue: family) {
            case .unknown:
                command = .connect(hostname: hostname, address: .unknown)
            case .inet:
                let port = try reader.uint16("port")
                command = .connect(hostname: hostname, address: .inet(address: try reader.string("address"), port: port))
            case .inet6:
                let port = try reader.uint16("port")
                command = .connect(hostname: hostname, address: .inet6(address: try reader.string("address"), port: port))
            case .unix:
                _ = try reader.uint16("port")
                command = .connect(hostname: hostname, address: .unix(path: try reader.string("address")))
            case nil:
                throw .invalidField(code: rawCode, field: "address family", value: MilterProtocolError.show(family))
            }
        case .helo:
            command = .helo(try reader.string("helo"))
        case .mail, .recipient:
            let fields = try reader.strings("argument")
            guard let first = fields.first else { throw .truncatedField(code: rawCode, field: "address") }
            let arguments = Array(fields.dropFirst())
            command = code == .mail ? .mail(sender: first, arguments: arguments) : .recipient(first, arguments: arguments)
        case .data:
            command = .data
        case .header:
            let name = try reader.string("name")
            let value = try reader.bytes("value")
            command = .header(name: name, value: value)
        case .endOfHeaders:
            command = .endOfHeaders
        case .body:
            command = .body(reader.rest())
        case .endOfMessage:
            command = .endOfMessage(reader.rest())
        case .abort:
            command = .abort
        case .quit:
            command = .quit
        case .quitNewConnection:
            command = .quitNewConnection
        case .unknown:
            command = .unknown(try reader.string("command"))
        }
        try reader.finish()
        return command
    }

    /// Writes the command as one frame, as an MTA does (used by the load generator and tests).
    public func write(into buffer: inout ByteBuffer) {
        buffer.writeMilterFrame(code: code.rawValue) { out in
            switch self {
            case .optionNegotiation(let options):
                out.writeInteger(options.version)
                out.writeInteger(options.actions.rawValue)
                out.writeInteger(options.protocolFlags.rawValue)
            case .macro(let command, let macros):
                out.writeInteger(command)
                for macro in macros {
                    out.writeMilterString(macro.name)
                    out.writeMilterString(macro.value)
                }
            case .connect(let hostname, let address):
                out.writeMilterString(hostname)
                switch address {
                case .unknown:
                    out.writeInteger(MilterAddressFamily.unknown.rawValue)
                case .inet(let host, let port):
                    out.writeInteger(MilterAddressFamily.inet.rawValue)
                    out.writeInteger(port)
                    out.writeMilterString(host)
                case .inet6(let host, let port):
                    out.writeInteger(MilterAddressFamily.inet6.rawValue)
                    out.writeInteger(port)
                    out.writeMilterString(host)
                case .unix(let path):
                    out.writeInteger(MilterAddressFamily.unix.rawValue)
                    out.writeInteger(UInt16(0))
                    out.writeMilterString(path)
                }
            case .helo(let name), .unknown(let name):
                out.writeMilterString(name)
            case .mail(let address, let arguments), .recipient(let address, let arguments):
                out.writeMilterString(address)
                for argument in arguments { out.writeMilterString(argument) }
            case .header(let name, var value):
                out.writeMilterString(name)
                out.writeBuffer(&value)
                out.writeInteger(UInt8(0))
            case .body(var chunk), .endOfMessage(var chunk):
                out.writeBuffer(&chunk)
            case .data, .endOfHeaders, .abort, .quit, .quitNewConnection:
                break
            }
        }
    }
}
