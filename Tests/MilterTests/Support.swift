import Config
import Guidelines
import Logging
import MIME
import NIOConcurrencyHelpers
import NIOCore

@testable import Milter
// Log capture, the test clock and temporary directories, for every file of this target.
@_exported import HeedTestSupport

/// A frame as an MTA or milter writes it: length (code + payload), code, payload.
func frame(_ code: Character, _ payload: [UInt8] = []) -> ByteBuffer {
    var buffer = ByteBuffer()
    buffer.writeInteger(UInt32(payload.count + 1))
    buffer.writeInteger(code.asciiValue ?? 0)
    buffer.writeBytes(payload)
    return buffer
}

/// NUL-terminated fields.
func fields(_ values: String...) -> [UInt8] {
    values.flatMap { Array($0.utf8) + [0] }
}

func be32(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
}

extension ByteBuffer {
    var bytes: [UInt8] { Array(readableBytesView) }
}

/// What Postfix 3.7 offers (milter-notes): version 6, every action, every protocol flag it knows.
let postfixOffer = OptionNegotiation(
    version: 6, actions: MilterActions(rawValue: 0x1FF), protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF))

/// An evaluator that answers what the test says, whatever the message (no fake check in heed).
struct FixedEvaluator: MessageEvaluator {
    let decide: @Sendable (Message, [String]) -> Decision
    init(_ decide: @escaping @Sendable (Message, [String]) -> Decision) { self.decide = decide }
    func evaluate(_ message: Message, envelope: Envelope) -> Decision { decide(message, envelope.recipients) }
}

func finding(_ category: Guidelines.Category, _ rule: String, _ severity: Severity, evidence: String = "x", part: String = "1", offset: Int = 0) -> Finding {
    Finding(category: category, rule: rule, severity: severity, evidence: evidence, part: part, offset: offset)
}

