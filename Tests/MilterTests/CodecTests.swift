import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@testable import Milter

/// Every MTA command as bytes, and what the decoder must make of it.
let commandTable: [(ByteBuffer, [MilterCommand])] = [
    (frame("O", be32(6) + be32(0x1FF) + be32(0x1F_FFFF)), [.optionNegotiation(postfixOffer)]),
    (frame("D", [UInt8(ascii: "R")] + fields("i", "4XyZ1", "{rcpt_addr}", "a@cern.ch")),
     [.macro(command: UInt8(ascii: "R"), macros: [Macro("i", "4XyZ1"), Macro("{rcpt_addr}", "a@cern.ch")])]),
    (frame("D", [UInt8(ascii: "C")]), [.macro(command: UInt8(ascii: "C"), macros: [])]),
    (frame("C", fields("mx.example.org") + [UInt8(ascii: "4"), 0x1F, 0x90] + fields("192.0.2.1")),
     [.connect(hostname: "mx.example.org", address: .inet(address: "192.0.2.1", port: 8080))]),
    (frame("C", fields("v6.example.org") + [UInt8(ascii: "6"), 0, 25] + fields("2001:db8::1")),
     [.connect(hostname: "v6.example.org", address: .inet6(address: "2001:db8::1", port: 25))]),
    (frame("C", fields("localhost") + [UInt8(ascii: "L"), 0, 0] + fields("/run/smtp.sock")),
     [.connect(hostname: "localhost", address: .unix(path: "/run/smtp.sock"))]),
    (frame("C", fields("unknown") + [UInt8(ascii: "U")]), [.connect(hostname: "unknown", address: .unknown)]),
    (frame("H", fields("client.example.org")), [.helo("client.example.org")]),
    (frame("M", fields("<jdoe@cern.ch>", "SIZE=1024", "BODY=8BITMIME")),
     [.mail(sender: "<jdoe@cern.ch>", arguments: ["SIZE=1024", "BODY=8BITMIME"])]),
    (frame("M", fields("<>")), [.mail(sender: "<>", arguments: [])]),
    (frame("R", fields("<users-announce@cern.ch>")), [.recipient("<users-announce@cern.ch>", arguments: [])]),
    (frame("T"), [.data]),
    (frame("L", fields("Subject", " Hello\n\tworld")), [.header(name: "Subject", value: ByteBuffer(string: " Hello\n\tworld"))]),
    (frame("L", fields("X-Latin", "")), [.header(name: "X-Latin", value: ByteBuffer())]),
    (frame("L", fields("X-8bit") + [0xE9, 0]), [.header(name: "X-8bit", value: ByteBuffer(bytes: [0xE9]))]),
    (frame("N"), [.endOfHeaders]),
    (frame("B", Array("line one\r\nline two\r\n".utf8)), [.body(ByteBuffer(string: "line one\r\nline two\r\n"))]),
    (frame("B", [0, 1, 2, 0]), [.body(ByteBuffer(bytes: [0, 1, 2, 0]))]),
    (frame("E"), [.endOfMessage(ByteBuffer())]),
    (frame("E", Array("tail".utf8)), [.endOfMessage(ByteBuffer(string: "tail"))]),
    (frame("A"), [.abort]),
    (frame("Q"), [.quit]),
    (frame("K"), [.quitNewConnection]),
    (frame("U", fields("XYZZY arg")), [.unknown("XYZZY arg")]),
]

@Suite struct CodecTests {
    @Test func everyCommandDecodesWholeAndByteByByte() throws {
        // The verifier feeds the table whole, all frames at once, and one byte at a time.
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: commandTable) {
            MilterFrameDecoder<MilterCommand>(maximumFrameSize: 1 << 20)
        }
    }

    @Test func tableCoversEveryCommandCode() {
        let covered = Set(commandTable.flatMap { $0.1.map(\.code) })
        #expect(covered == Set(MilterCommandCode.allCases))
    }

    @Test func everyCommandWritesTheBytesItWasReadFrom() throws {
        for (input, outputs) in commandTable {
            var written = ByteBuffer()
            for command in outputs { command.write(into: &written) }
            #expect(written == input, "\(outputs)")
        }
    }

    @Test func oneBufferWithEveryFrameDripFedStillDecodesInOrder() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterFrameDecoder<MilterCommand>(maximumFrameSize: 1 << 20)))
        var all = ByteBuffer()
        for (input, _) in commandTable { var copy = input; all.writeBuffer(&copy) }
        for byte in all.readableBytesView {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        var decoded: [MilterCommand] = []
        while let command = try channel.readInbound(as: MilterCommand.self) { decoded.append(command) }
        #expect(decoded == commandTable.flatMap(\.1))
        #expect(try channel.finish().isClean)
    }

    /// Frames the decoder must refuse: the error, and no crash or hang.
    static let malformed: [(String, ByteBuffer, MilterProtocolError)] = [
        ("zero length", ByteBuffer(bytes: [0, 0, 0, 0]), .emptyFrame),
        ("4 GiB announced, nothing sent", ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF]),
         .frameTooLarge(length: 0xFFFF_FFFF, maximum: 65_536)),
        ("one byte over the cap", ByteBuffer(bytes: be32(65_537)), .frameTooLarge(length: 65_537, maximum: 65_536)),
        ("unknown command", frame("z"), .unknownCode(UInt8(ascii: "z"))),
        ("header value without NUL", frame("L", fields("Subject") + Array("no end".utf8)),
         .truncatedField(code: UInt8(ascii: "L"), field: "value")),
        ("header name only", frame("L", Array("Subject".utf8)), .truncatedField(code: UInt8(ascii: "L"), field: "name")),
        ("short option negotiation", frame("O", be32(6) + [0, 0]), .truncatedField(code: UInt8(ascii: "O"), field: "actions")),
        ("macro without event byte", frame("D"), .truncatedField(code: UInt8(ascii: "D"), field: "event")),
        ("macro name without value", frame("D", [UInt8(ascii: "M")] + fields("i")),
         .invalidField(code: UInt8(ascii: "D"), field: "macros", value: "name i without a value")),
        ("connect with unknown family", frame("C", fields("h") + [UInt8(ascii: "X")]),
         .invalidField(code: UInt8(ascii: "C"), field: "address family", value: "'X' (0x58)")),
        ("connect with a short port", frame("C", fields("h") + [UInt8(ascii: "4"), 0]),
         .truncatedField(code: UInt8(ascii: "C"), field: "port")),
        ("mail without a sender", frame("M"), .truncatedField(code: UInt8(ascii: "M"), field: "address")),
        ("rcpt without NUL", frame("R", Array("<a@b>".utf8)), .truncatedField(code: UInt8(ascii: "R"), field: "argument")),
        ("abort with a payload", frame("A", [1, 2]), .trailingBytes(code: UInt8(ascii: "A"), count: 2)),
        ("helo with two fields", frame("H", fields("a", "b")), .trailingBytes(code: UInt8(ascii: "H"), count: 2)),
    ]

    @Test(arguments: malformed.indices)
    func malformedFrameIsAProtocolError(index: Int) throws {
        let (name, input, expected) = Self.malformed[index]
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterFrameDecoder<MilterCommand>(maximumFrameSize: 65_536)))
        #expect(throws: expected, "\(name)") { try channel.writeInbound(input) }
        _ = try? channel.finish()
    }

    @Test func connectionClosedInsideAFrameIsReported() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterFrameDecoder<MilterCommand>(maximumFrameSize: 1 << 20)))
        var partial = frame("M", fields("<a@cern.ch>"))
        partial.moveWriterIndex(to: partial.writerIndex - 3)
        try channel.writeInbound(partial)
        #expect(try channel.readInbound(as: MilterCommand.self) == nil)
        #expect(throws: MilterProtocolError.truncatedFrame(bufferedBytes: partial.readableBytes)) { try channel.finish() }
    }

    @Test func capIsCheckedBeforeTheFrameArrives() throws {
        // Only the 4 length bytes of a 64 MiB frame: refused at once, nothing waits for the rest.
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MilterFrameDecoder<MilterCommand>(maximumFrameSize: 1 << 20)))
        #expect(throws: MilterProtocolError.frameTooLarge(length: 64 << 20, maximum: 1 << 20)) {
            try channel.writeInbound(ByteBuffer(bytes: be32(64 << 20)))
        }
        _ = try? channel.finish()
    }

    @Test func repliesHaveTheirWireBytes() {
        func bytes(_ reply: MilterReply) -> [UInt8] {
            var buffer = ByteBuffer()
            reply.write(into: &buffer)
            return buffer.bytes
        }
        #expect(bytes(.accept) == [0, 0, 0, 1, UInt8(ascii: "a")])
        #expect(bytes(.continue) == [0, 0, 0, 1, UInt8(ascii: "c")])
        #expect(bytes(.addHeader(name: "X-Heed", value: "a\n\tb")) == be32(13) + [UInt8(ascii: "h")] + fields("X-Heed", "a\n\tb"))
        #expect(bytes(.replyCode("550 5.7.1 100%% sure")) == frame("y", fields("550 5.7.1 100%% sure")).bytes)
        #expect(bytes(.quarantine(reason: "held")) == frame("q", fields("held")).bytes)
        #expect(bytes(.addRecipient("<a@cern.ch>")) == frame("+", fields("<a@cern.ch>")).bytes)
        #expect(bytes(.changeHeader(index: 1, name: "X-Heed", value: "")) == frame("m", be32(1) + fields("X-Heed", "")).bytes)
        let negotiation = OptionNegotiation(
            version: 6, actions: [.addHeaders], protocolFlags: [.noConnect],
            macroLists: [.init(stage: .data, names: "i")])
        #expect(bytes(.optionNegotiation(negotiation)) == frame("O", be32(6) + be32(1) + be32(1) + be32(4) + fields("i")).bytes)
    }

    @Test func aNulInsideAFieldCannotShiftTheFieldsAfterIt() {
        var buffer = ByteBuffer()
        MilterReply.addHeader(name: "X-Heed", value: "a\u{0}b").write(into: &buffer)
        #expect(buffer.bytes == frame("h", fields("X-Heed", "a b")).bytes)
    }

    static let replies: [MilterReply] = [
        .accept, .continue, .reject, .tempfail, .discard, .skip, .progress, .shutdown,
        .replyCode("550 5.7.1 no"), .addHeader(name: "X-Heed", value: "accept"),
        .insertHeader(index: 0, name: "X-A", value: "b"), .changeHeader(index: 2, name: "X-A", value: ""),
        .addRecipient("<a@cern.ch>"), .addRecipientWithParameters("<a@cern.ch>", parameters: "NOTIFY=NEVER"),
        .deleteRecipient("<b@cern.ch>"), .quarantine(reason: "why"),
        .optionNegotiation(OptionNegotiation(version: 6, actions: MilterSession.wantedActions,
                                             protocolFlags: MilterSession.wantedProtocol, macroLists: MilterSession.wantedMacros)),
    ]

    @Test func repliesRoundTripThroughTheMTASideDecoder() throws {
        let pairs = Self.replies.map { reply -> (ByteBuffer, [MilterReply]) in
            var buffer = ByteBuffer()
            reply.write(into: &buffer)
            return (buffer, [reply])
        }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            MilterFrameDecoder<MilterReply>(replyFrameSize: 1 << 16)
        }
    }
}
