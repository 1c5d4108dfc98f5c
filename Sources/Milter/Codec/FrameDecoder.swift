import NIOCore

/// Splits the byte stream into frames and reads each one with `parse`.
///
/// Contract (after Postfix's milter8.c): the 4-byte length is checked before anything else is
/// buffered or allocated. Zero, or more than `maximumFrameSize`, throws at once, so a peer
/// announcing a 4 GiB frame costs nothing; the frame is only sliced (no copy) once all of it
/// has arrived. A truncated field inside a complete frame throws too. The channel handler turns
/// every error into a logged, clean close.
public struct MilterFrameDecoder<Output: Sendable>: ByteToMessageDecoder {
    public typealias InboundOut = Output

    public let maximumFrameSize: Int
    let parse: @Sendable (UInt8, ByteBuffer) throws(MilterProtocolError) -> Output

    public init(maximumFrameSize: Int, parse: @escaping @Sendable (UInt8, ByteBuffer) throws(MilterProtocolError) -> Output) {
        self.maximumFrameSize = maximumFrameSize
        self.parse = parse
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length >= 1 else { throw MilterProtocolError.emptyFrame }
        guard UInt64(length) <= UInt64(maximumFrameSize) else {
            throw MilterProtocolError.frameTooLarge(length: length, maximum: maximumFrameSize)
        }
        guard buffer.readableBytes >= MilterProtocol.lengthBytes + Int(length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: MilterProtocol.lengthBytes)
        guard let code = buffer.readInteger(as: UInt8.self),
              let payload = buffer.readSlice(length: Int(length) - 1)
        else { return .needMoreData }  // unreachable: the length was checked above
        context.fireChannelRead(wrapInboundOut(try parse(code, payload)))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            let count = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: count)
            throw MilterProtocolError.truncatedFrame(bufferedBytes: count)
        }
        return .needMoreData
    }
}

extension MilterFrameDecoder where Output == MilterCommand {
    /// The milter side: reads MTA commands.
    public init(maximumFrameSize: Int) {
        self.init(maximumFrameSize: maximumFrameSize) { code, payload throws(MilterProtocolError) in
            try MilterCommand.parse(code: code, payload: payload)
        }
    }
}

extension MilterFrameDecoder where Output == MilterReply {
    /// The MTA side: reads milter replies (load generator, tests).
    public init(replyFrameSize: Int) {
        self.init(maximumFrameSize: replyFrameSize) { code, payload throws(MilterProtocolError) in
            try MilterReply.parse(code: code, payload: payload)
        }
    }
}

/// Writes replies as frames. Several replies written before one flush leave in one write.
public struct MilterReplyEncoder: MessageToByteEncoder {
    public typealias OutboundIn = MilterReply
    public init() {}
    public func encode(data: MilterReply, out: inout ByteBuffer) throws {
        data.write(into: &out)
    }
}

/// Writes commands as frames (the MTA side).
public struct MilterCommandEncoder: MessageToByteEncoder {
    public typealias OutboundIn = MilterCommand
    public init() {}
    public func encode(data: MilterCommand, out: inout ByteBuffer) throws {
        data.write(into: &out)
    }
}
