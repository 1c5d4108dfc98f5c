import TextDecoding

/// Undoes Content-Transfer-Encoding. Lenient: a damaged body gives what could be decoded plus a
/// defect, never an error.
enum TransferDecoding {
    static func decode(_ body: UnsafeRawBufferPointer, encoding: TransferEncoding) -> (bytes: [UInt8], defect: String?) {
        switch encoding {
        case .base64:
            let result = Base64.decode(body)
            return (result.bytes, result.malformed ? "invalid base64 (undecodable bytes skipped)" : nil)
        case .quotedPrintable:
            return (QuotedPrintable.decode(body), nil)
        case .uuencode:
            let blocks = UUEncode.decodeBlocks(body)
            if let first = blocks.first { return (first.bytes, nil) }
            return (Array(body), "x-uuencode body without a begin line (kept as it is)")
        case .sevenBit, .eightBit, .binary, .other:
            return (Array(body), nil)
        }
    }
}
