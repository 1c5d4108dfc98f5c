/// Why a frame from the peer could not be read. Each case carries the bad value, so the log line
/// says what arrived. Any of these ends the connection: the milter protocol has no way to resync
/// after a bad frame, and the MTA applies its `milter_default_action` to that session.
public enum MilterProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A length prefix of zero: there is not even a command byte.
    case emptyFrame
    /// A length prefix over the configured cap (checked before anything is buffered or allocated).
    case frameTooLarge(length: UInt32, maximum: Int)
    /// A command (or reply) byte this side does not know.
    case unknownCode(UInt8)
    /// A field ran past the end of its frame: a string without its NUL, or a short integer.
    case truncatedField(code: UInt8, field: String)
    /// Bytes left over after the last field of a command that has a fixed layout.
    case trailingBytes(code: UInt8, count: Int)
    /// A field with a value the protocol does not allow (e.g. an unknown address family).
    case invalidField(code: UInt8, field: String, value: String)
    /// The connection closed in the middle of a frame.
    case truncatedFrame(bufferedBytes: Int)
    /// A command that is not allowed where it came, e.g. RCPT before option negotiation.
    case unexpectedCommand(code: UInt8, state: String)
    /// The MTA speaks a protocol version too old for heed, or offers what heed cannot work with.
    case negotiationFailed(String)

    public var description: String {
        switch self {
        case .emptyFrame:
            "zero-length frame"
        case .frameTooLarge(let length, let maximum):
            "frame of \(length) bytes is over the limit of \(maximum)"
        case .unknownCode(let code):
            "unknown command \(Self.show(code))"
        case .truncatedField(let code, let field):
            "\(Self.show(code)): field \(field) runs past the end of the frame"
        case .trailingBytes(let code, let count):
            "\(Self.show(code)): \(count) unexpected bytes after the last field"
        case .invalidField(let code, let field, let value):
            "\(Self.show(code)): invalid \(field) \(value)"
        case .truncatedFrame(let count):
            "connection closed inside a frame (\(count) bytes buffered)"
        case .unexpectedCommand(let code, let state):
            "command \(Self.show(code)) not allowed \(state)"
        case .negotiationFailed(let why):
            "option negotiation failed: \(why)"
        }
    }

    /// `'R' (0x52)` for printable codes, `0x07` for others.
    static func show(_ code: UInt8) -> String {
        let hex = "0x" + (code < 16 ? "0" : "") + String(code, radix: 16)
        guard code >= 0x20, code < 0x7F else { return hex }
        return "'\(Character(Unicode.Scalar(code)))' (\(hex))"
    }
}
