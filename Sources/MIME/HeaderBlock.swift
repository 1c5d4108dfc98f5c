#if canImport(Glibc)
import Glibc
#endif
import TextDecoding

/// Reads an RFC 5322 header block into fields, in Swift.
///
/// libetpan decides the part structure and where bodies start; heed reads the header fields
/// itself so that every field (also unknown and malformed ones) is kept in order with its raw
/// value, and so that unfolding and RFC 2047 decoding follow one rule everywhere.
///
/// Contract: stops at the first empty line, at the first line that is neither a field nor a
/// continuation (a body that starts without the empty line), at `end`, or once `maxBytes` of
/// header have been read (then `truncated` is true). Never reads outside `start..<end`.
enum HeaderBlock {
    struct Result {
        var fields: [HeaderField]
        var truncated: Bool
    }

    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, maxBytes: Int) -> Result {
        var fields: [HeaderField] = []
        var truncated = false
        let end = min(end, buffer.count)
        var pos = max(0, start)
        let limit = pos.addingReportingOverflow(maxBytes)
        let stopAt = limit.overflow ? end : min(end, limit.partialValue)

        // An mbox "From " separator line before the first field is not a header.
        if pos + 5 <= end, buffer[pos] == 0x46, buffer[pos + 1] == 0x72, buffer[pos + 2] == 0x6F,
           buffer[pos + 3] == 0x6D, buffer[pos + 4] == 0x20 {
            pos = lineEnd(buffer, from: pos, end: end).next
        }

        var name: String? = nil
        var value: [UInt8] = []

        func flush() {
            guard let n = name else { return }
            fields.append(makeField(name: n, rawValue: value))
            name = nil
            value.removeAll(keepingCapacity: true)
        }

        while pos < end {
            if pos >= stopAt {
                truncated = true
                break
            }
            let (contentEnd, next) = lineEnd(buffer, from: pos, end: end)
            if contentEnd == pos { break }  // the empty line ends the header block
            let first = buffer[pos]
            if first == 0x20 || first == 0x09 {
                // Continuation: unfolding removes only the line break (RFC 5322 2.2.3).
                if name != nil {
                    let upTo = min(contentEnd, stopAt)
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<upTo]))
                    if upTo < contentEnd { truncated = true; break }
                }
                pos = next
                continue
            }
            guard let colon = fieldNameEnd(buffer, from: pos, end: contentEnd) else { break }
            flush()
            var nameEnd = colon
            while nameEnd > pos, buffer[nameEnd - 1] == 0x20 || buffer[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            name = String(decoding: UnsafeBufferPointer(rebasing: buffer[pos..<nameEnd]), as: UTF8.self)
            let upTo = min(contentEnd, stopAt)
            if colon + 1 < upTo {
                value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(colon + 1)..<upTo]))
            }
            if upTo < contentEnd { truncated = true; break }
            pos = next
        }
        flush()
        return Result(fields: fields, truncated: truncated)
    }

    /// The end of the line's content (before CR LF or LF) and the start of the next line.
    @inline(__always)
    static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (content: Int, next: Int) {
        var i = from
        while i < end, buffer[i] != 0x0A { i += 1 }
        if i == end { return (end, end) }
        let content = (i > from && buffer[i - 1] == 0x0D) ? i - 1 : i
        return (content, i + 1)
    }

    /// The index of the colon when the line starts with a field name (printable ASCII other than
    /// ':', optionally followed by blanks, as obsolete syntax allows), else nil.
    private static func fieldNameEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            let c = buffer[i]
            if c == 0x3A { return i > from ? i : nil }
            if c == 0x20 || c == 0x09 {
                var j = i
                while j < end, buffer[j] == 0x20 || buffer[j] == 0x09 { j += 1 }
                return (j < end && buffer[j] == 0x3A && i > from) ? j : nil
            }
            if c < 33 || c > 126 { return nil }
            i += 1
        }
        return nil
    }

    static func makeField(name: String, rawValue: [UInt8]) -> HeaderField {
        var lo = 0, hi = rawValue.count
        while lo < hi, isBlank(rawValue[lo]) { lo += 1 }
        while hi > lo, isBlank(rawValue[hi - 1]) { hi -= 1 }
        let trimmed = rawValue[lo..<hi]
        return HeaderField(name: name, rawBytes: Array(trimmed))
    }

    /// True when `=?` occurs: DKIM signatures and MIME parameters are full of `=` alone.
    static func hasEncodedWordStart(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress else { return false }
        var at = 0
        while at < raw.count, let eq = memchr(base + at, 0x3D, raw.count - at) {
            let i = base.distance(to: UnsafeRawPointer(eq))
            if i + 1 < raw.count, raw[i + 1] == 0x3F { return true }
            at = i + 1
        }
        return false
    }

    @inline(__always)
    private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }
}
