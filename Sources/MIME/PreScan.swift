#if canImport(Glibc)
import Glibc
#endif

/// The cheap pass over the raw bytes that runs before libetpan sees them.
///
/// libetpan 1.9.4 has inputs it must never get:
/// - a `boundary` parameter made of an escaped quote (`boundary="\""`) overflows the heap in
///   `mailmime_extract_boundary` (fixed upstream after 1.9.4). RFC 2046 boundaries never contain a
///   backslash, so any quoted boundary value with one is renamed (`boundary` → `xoundary`, same
///   length so offsets stay valid): libetpan then sees a multipart without a boundary.
/// - deep nesting: its parse time grows with the square of the depth and it recurses once per
///   level. Every level of nesting needs a Content-Type field, so capping the number of
///   Content-Type fields caps depth and part count; past the cap the message is cut before the
///   first field over it.
/// - huge messages: only the first `maxMessageSize` bytes are parsed.
///
/// Every cut is reported in `limits`, so the message is marked as not fully scanned.
enum PreScan {
    struct Result {
        /// The bytes to hand to libetpan (the input, possibly cut or with parameters renamed).
        var bytes: [UInt8]
        var limits: [LimitHit]
        /// How many Content-Type fields the kept bytes hold: an upper bound on part count and depth.
        var contentTypeFields: Int
        /// Bytes removed from the front (a byte order mark, an mbox `From ` line): add to offsets to get input offsets.
        var skipped: Int
    }

    static func run(_ input: [UInt8], limits: MIMELimits) -> Result {
        var bytes = input
        var hits: [LimitHit] = []
        // An mbox `From ` separator line before the header makes libetpan see no header at all.
        var skipped = 0
        // A UTF-8 byte order mark (messages saved by Windows tools) hides the first field name.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            skipped = 3
            bytes.removeSubrange(0..<3)
        }
        if bytes.count > 5, bytes[0] == 0x46, bytes[1] == 0x72, bytes[2] == 0x6F, bytes[3] == 0x6D, bytes[4] == 0x20,
           let lf = bytes.firstIndex(of: 0x0A) {
            skipped += lf + 1
            bytes.removeSubrange(0...lf)
        }
        if input.count > limits.maxMessageSize, bytes.count > limits.maxMessageSize - skipped {
            // Cut at a line end so that the last kept line is whole.
            let keep = max(1, limits.maxMessageSize - skipped)
            var cut = keep
            while cut > 0, bytes[cut - 1] != 0x0A { cut -= 1 }
            if cut == 0 { cut = keep }
            bytes.removeSubrange(cut...)
            hits.append(LimitHit(kind: .size, detail: "message is \(input.count) bytes; scanned the first \(cut + skipped) (max_message_size \(limits.maxMessageSize))"))
        }

        var unsafeAt: [Int] = []
        var doubledSemicolons: [Int] = []
        var contentTypes = 0
        var cutAt: Int? = nil
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            var lineStart = 0
            // Only Content-Type fields matter to libetpan's boundary handling and to the part
            // count; every other line is skipped with memchr.
            while lineStart < n {
                if (buf[lineStart] | 0x20) == 0x63, startsWithCI(buf, at: lineStart, "content-type") {
                    var j = lineStart + 12
                    while j < n, buf[j] == 0x20 || buf[j] == 0x09 { j += 1 }
                    if j < n, buf[j] == 0x3A {
                        contentTypes += 1
                        if contentTypes > limits.maxParts {
                            cutAt = lineStart
                            contentTypes -= 1
                            return
                        }
                        lineStart = scanContentType(buf, from: j + 1, doubled: &doubledSemicolons, unsafe: &unsafeAt)
                        continue
                    }
                }
                guard let lf = memchr(base + lineStart, 0x0A, n - lineStart) else { break }
                lineStart = base.distance(to: lf.assumingMemoryBound(to: UInt8.self)) + 1
            }
        }
        // `type/subtype;; boundary=...` makes libetpan drop the whole Content-Type; each extra
        // `;` becomes a space (same length, so offsets stay valid).
        for at in doubledSemicolons { bytes[at] = 0x20 }
        if !unsafeAt.isEmpty {
            for at in unsafeAt { bytes[at] = 0x78 }  // "x"
            hits.append(LimitHit(kind: .unsafeBoundary, detail: "\(unsafeAt.count) boundary parameter(s) with a backslash were not used (libetpan 1.9.4 overflows on them)"))
        }
        if let cutAt {
            bytes.removeSubrange(cutAt...)
            hits.append(LimitHit(kind: .parts, detail: "more than \(limits.maxParts) Content-Type fields; scanned the first \(cutAt) bytes (max_parts \(limits.maxParts))"))
        }
        return Result(bytes: bytes, limits: hits, contentTypeFields: contentTypes, skipped: skipped)
    }

    /// True when `boundary` at `nameStart` is a parameter name (after `;` and blanks) whose value
    /// is a quoted string holding a backslash, or which is followed by a lone quote.
    private static func isUnsafeBoundary(_ buf: UnsafeBufferPointer<UInt8>, nameStart: Int) -> Bool {
        var k = nameStart - 1
        while k >= 0, isSpace(buf[k]) { k -= 1 }
        guard k >= 0, buf[k] == 0x3B else { return false }  // ';'
        let n = buf.count
        var j = nameStart + 8
        while j < n, isSpace(buf[j]) { j += 1 }
        guard j < n, buf[j] == 0x3D else { return false }  // '='
        j += 1
        while j < n, isSpace(buf[j]) { j += 1 }
        guard j < n, buf[j] == 0x22 else { return false }  // a quoted string
        j += 1
        // Scan to the closing quote. Linear overall: every scan stops at the next quote, and each
        // `boundary="` that starts a scan holds one.
        while j < n {
            let c = buf[j]
            if c == 0x5C { return true }  // backslash: an escaped character
            if c == 0x22 { return false }
            if c == 0x0A, j + 1 < n, buf[j + 1] != 0x20, buf[j + 1] != 0x09 { return true }  // unterminated
            j += 1
        }
        return true
    }

    /// Reads one Content-Type field from `from` to its end (continuation lines included) and
    /// returns the offset of the next line. Records every `;` that follows another `;` with only
    /// blanks between them, and every unsafe `boundary` parameter, outside quoted strings.
    private static func scanContentType(_ buf: UnsafeBufferPointer<UInt8>, from: Int, doubled: inout [Int], unsafe: inout [Int]) -> Int {
        var j = from
        let n = buf.count
        var quoted = false
        var afterSemicolon = false
        while j < n {
            let c = buf[j]
            if c == 0x0A {
                guard j + 1 < n, buf[j + 1] == 0x20 || buf[j + 1] == 0x09 else { return j + 1 }
            } else if quoted {
                if c == 0x5C { j += 1 } else if c == 0x22 { quoted = false }
            } else if c == 0x22 {
                quoted = true
                afterSemicolon = false
            } else if c == 0x3B {
                if afterSemicolon { doubled.append(j) }
                afterSemicolon = true
            } else if !isSpace(c) {
                afterSemicolon = false
                if (c | 0x20) == 0x62, startsWithCI(buf, at: j, "boundary"), isUnsafeBoundary(buf, nameStart: j) {
                    unsafe.append(j)
                }
            }
            j += 1
        }
        return n
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    @inline(__always)
    static func startsWithCI(_ buf: UnsafeBufferPointer<UInt8>, at: Int, _ lowercase: StaticString) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard at + count <= buf.count else { return false }
        let p = lowercase.utf8Start
        for k in 0..<count where (buf[at + k] | 0x20) != p[k] {
            return false
        }
        return true
    }
}
