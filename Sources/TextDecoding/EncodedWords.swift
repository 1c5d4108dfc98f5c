/// RFC 2047 encoded-word decoding of header values, as lenient as mail in the wild requires.
public enum EncodedWords {
    /// Decodes a raw, already-unfolded header value: RFC 2047 encoded words (B and Q, any charset via Charsets),
    /// whitespace between adjacent encoded words dropped, consecutive words in the same charset concatenated as bytes
    /// before charset decoding (multi-byte characters split across words), encoded words inside quoted strings and
    /// glued to text (common in the wild) decoded too, a malformed or unknown-charset word left as it is.
    /// Raw 8-bit bytes outside encoded words: UTF-8 if valid (RFC 6532), else windows-1252.
    ///
    /// Further contract: CR and LF bytes outside encoded words are dropped (finishing any unfolding the caller
    /// left); an encoded word may not contain blanks; a B word with bytes outside the base64 alphabet is malformed;
    /// in a Q word "_" is a space and an "=" without two hex digits is kept. Linear in the input length.
    public static func decode(_ raw: UnsafeRawBufferPointer) -> String {
        let n = raw.count
        if n == 0 { return "" }
        if !containsWordStart(raw) {
            if !raw.contains(0x0D) && !raw.contains(0x0A) {
                return Charsets.decode(raw, declared: nil).text
            }
        }
        var d = Decoder(raw: raw)
        d.run()
        return String(decoding: d.out, as: UTF8.self)
    }

    public static func decode(_ raw: [UInt8]) -> String {
        raw.withUnsafeBytes { decode($0) }
    }

    static func containsWordStart(_ raw: UnsafeRawBufferPointer) -> Bool {
        let n = raw.count
        var i = 0
        while i + 1 < n {
            if raw[i] == UInt8(ascii: "=") && raw[i + 1] == UInt8(ascii: "?") { return true }
            i += 1
        }
        return false
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    struct Word {
        var target: Charsets.Target
        var charset: String
        var bytes: [UInt8]
        /// Index just past the closing "?=".
        var end: Int
    }

    struct Decoder {
        let raw: UnsafeRawBufferPointer
        var out: [UInt8] = []
        /// Bytes of the current run of adjacent encoded words in one charset, not yet charset-decoded.
        var pending: [UInt8] = []
        var pendingCharset: String? = nil
        var pendingTarget: Charsets.Target = .undeclared
        /// A scan for "?=" that started at `failFrom` met a blank or the end at `failUntil` with no "?=":
        /// any scan starting inside that range fails the same way. Keeps hostile "=?a?q?x=?a?q?x..." linear.
        var failFrom = Int.max
        var failUntil = Int.min
        /// Last charset-name lookup, so a header with many words opens iconv once.
        var lastCharsetName: [UInt8] = []
        var lastCharset: (name: String, target: Charsets.Target, known: Bool)? = nil

        init(raw: UnsafeRawBufferPointer) {
            self.raw = raw
            out.reserveCapacity(raw.count + 16)
        }

        mutating func run() {
            let n = raw.count
            var textStart = 0
            var i = 0
            while i + 1 < n {
                if raw[i] == UInt8(ascii: "="), raw[i + 1] == UInt8(ascii: "?"), let w = parseWord(at: i) {
                    var onlyBlanks = true
                    for k in textStart..<i where !EncodedWords.isBlank(raw[k]) {
                        onlyBlanks = false
                        break
                    }
                    if !(pendingCharset != nil && onlyBlanks) {
                        flushPending()
                        emitRaw(textStart, i)
                    }
                    // Same decoder, not same spelling: "utf-8" and "UTF8" words still join.
                    if pendingCharset != nil && pendingTarget == w.target {
                        pending.append(contentsOf: w.bytes)
                    } else {
                        flushPending()
                        pendingCharset = w.charset
                        pendingTarget = w.target
                        pending = w.bytes
                    }
                    i = w.end
                    textStart = i
                    continue
                }
                i += 1
            }
            flushPending()
            emitRaw(textStart, n)
        }

        mutating func flushPending() {
            guard let cs = pendingCharset else { return }
            let text = Charsets.decode(pending, declared: cs).text
            out.append(contentsOf: text.utf8)
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        /// Raw header text: UTF-8 when valid, else windows-1252; CR and LF dropped.
        mutating func emitRaw(_ from: Int, _ to: Int) {
            guard from < to else { return }
            let seg = UnsafeRawBufferPointer(rebasing: raw[from..<to])
            if Charsets.scanUTF8(seg, stopAtError: true).valid {
                for b in seg where b != 0x0D && b != 0x0A { out.append(b) }
            } else {
                var tmp = [UInt8]()
                tmp.reserveCapacity(seg.count)
                for b in seg where b != 0x0D && b != 0x0A { tmp.append(b) }
                tmp.withUnsafeBytes { Charsets.appendWindows1252($0, to: &out) }
            }
        }

        /// Parses "=?charset?E?text?=" at `i`; nil when malformed or the charset is unknown.
        mutating func parseWord(at i: Int) -> Word? {
            let n = raw.count
            var j = i + 2
            let csStart = j
            while j < n {
                let c = raw[j]
                if c == UInt8(ascii: "?") { break }
                if c == UInt8(ascii: "=") || c <= 0x20 || c >= 0x7F { return nil }
                j += 1
                if j - csStart > 75 { return nil }
            }
            guard j < n, j > csStart, j + 2 < n, raw[j + 2] == UInt8(ascii: "?") else { return nil }
            let enc = raw[j + 1] | 0x20
            guard enc == UInt8(ascii: "b") || enc == UInt8(ascii: "q") else { return nil }
            let textStart = j + 3
            if textStart >= failFrom && textStart < failUntil { return nil }
            var k = textStart
            var textEnd = -1
            while k < n {
                let c = raw[k]
                if EncodedWords.isBlank(c) { break }
                if c == UInt8(ascii: "?") && k + 1 < n && raw[k + 1] == UInt8(ascii: "=") {
                    textEnd = k
                    break
                }
                k += 1
            }
            if textEnd < 0 {
                failFrom = textStart
                failUntil = k
                return nil
            }
            guard let cs = charset(csStart, j), cs.known else { return nil }
            let text = UnsafeRawBufferPointer(rebasing: raw[textStart..<textEnd])
            let bytes: [UInt8]
            if enc == UInt8(ascii: "b") {
                for c in text {
                    let v = Base64.table[Int(c)]
                    if v >= 64 && v != Base64.pad { return nil }
                }
                bytes = Base64.decode(text).bytes
            } else {
                bytes = EncodedWords.decodeQ(text)
            }
            return Word(target: cs.target, charset: cs.name, bytes: bytes, end: textEnd + 2)
        }

        mutating func charset(_ from: Int, _ to: Int) -> (name: String, target: Charsets.Target, known: Bool)? {
            let nameBytes = UnsafeRawBufferPointer(rebasing: raw[from..<to])
            if let last = lastCharset, lastCharsetName.elementsEqual(nameBytes) { return last }
            let declared = String(decoding: nameBytes, as: UTF8.self)
            guard let name = Charsets.normalize(declared) else { return nil }
            let target = Charsets.resolve(name)
            let known: Bool
            switch target {
            case .unknown, .undeclared: known = false
            default: known = true
            }
            let r = (name, target, known)
            lastCharsetName = Array(nameBytes)
            lastCharset = r
            return r
        }
    }

    /// Q encoding (RFC 2047 4.2): "_" is 0x20, "=XX" a byte, anything else itself.
    static func decodeQ(_ text: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        let n = text.count
        var i = 0
        while i < n {
            let c = text[i]
            if c == UInt8(ascii: "_") {
                out.append(0x20)
            } else if c == UInt8(ascii: "="), i + 2 < n,
                case let h = QuotedPrintable.hexValue[Int(text[i + 1])],
                case let l = QuotedPrintable.hexValue[Int(text[i + 2])], h != 0xFF, l != 0xFF
            {
                out.append(h << 4 | l)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
