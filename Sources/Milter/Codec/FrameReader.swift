import NIOCore

/// Reads the fields of one frame's payload. Every read checks the remaining length first, so a
/// malformed payload becomes a `MilterProtocolError`, never a crash or an over-read.
struct FrameReader {
    var payload: ByteBuffer
    let code: UInt8

    /// A NUL-terminated field, without its NUL.
    mutating func bytes(_ field: String) throws(MilterProtocolError) -> ByteBuffer {
        guard let nul = payload.readableBytesView.firstIndex(of: 0) else {
            throw .truncatedField(code: code, field: field)
        }
        let length = nul - payload.readerIndex
        guard let value = payload.readSlice(length: length) else {
            throw .truncatedField(code: code, field: field)
        }
        payload.moveReaderIndex(forwardBy: 1)
        return value
    }

    /// A NUL-terminated field as text. Invalid UTF-8 becomes U+FFFD: these strings are
    /// addresses, names and macro values, compared and logged, never written back byte for byte.
    mutating func string(_ field: String) throws(MilterProtocolError) -> String {
        var value = try bytes(field)
        return value.readString(length: value.readableBytes) ?? ""
    }

    mutating func uint32(_ field: String) throws(MilterProtocolError) -> UInt32 {
        guard let value = payload.readInteger(as: UInt32.self) else {
            throw .truncatedField(code: code, field: field)
        }
        return value
    }

    mutating func uint16(_ field: String) throws(MilterProtocolError) -> UInt16 {
        guard let value = payload.readInteger(as: UInt16.self) else {
            throw .truncatedField(code: code, field: field)
        }
        return value
    }

    mutating func byte(_ field: String) throws(MilterProtocolError) -> UInt8 {
        guard let value = payload.readInteger(as: UInt8.self) else {
            throw .truncatedField(code: code, field: field)
        }
        return value
    }

    /// Every remaining NUL-terminated field (MAIL and RCPT arguments, macro pairs).
    mutating func strings(_ field: String) throws(MilterProtocolError) -> [String] {
        var values: [String] = []
        while payload.readableBytes > 0 { values.append(try string(field)) }
        return values
    }

    /// The unread bytes, consumed.
    mutating func rest() -> ByteBuffer {
        payload.readSlice(length: payload.readableBytes) ?? ByteBuffer()
    }

    /// Ends a fixed-layout payload: anything left over is an error.
    func finish() throws(MilterProtocolError) {
        guard payload.readableBytes == 0 else { throw .trailingBytes(code: code, count: payload.readableBytes) }
    }
}

extension ByteBuffer {
    /// Writes `text` followed by a NUL. A NUL inside `text` would end the field early on the
    /// other side and shift every later field, so it is written as a space instead.
    mutating func writeMilterString(_ text: String) {
        if text.utf8.contains(0) {
            writeBytes(text.utf8.map { $0 == 0 ? 0x20 : $0 })
        } else {
            writeString(text)
        }
        writeInteger(UInt8(0))
    }

    /// Writes one frame: the length prefix (command byte plus payload), the code, the payload.
    mutating func writeMilterFrame(code: UInt8, _ payload: (inout ByteBuffer) -> Void) {
        let lengthIndex = writerIndex
        writeInteger(UInt32(0))
        writeInteger(code)
        payload(&self)
        let length = writerIndex - lengthIndex - MilterProtocol.lengthBytes
        setInteger(UInt32(truncatingIfNeeded: length), at: lengthIndex)
    }
}
