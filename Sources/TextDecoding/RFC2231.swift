/// RFC 2231 MIME parameter value combination (continuations, charsets, percent-encoding).
public enum RFC2231 {
    /// Combines MIME parameters as a parser listed them (names lowercased, values already unquoted, in order):
    /// `name*=charset'lang'%XX..`, continuations `name*0`, `name*1*`, ... (sorted by number, percent-decoding only the
    /// `*`-marked sections, charset from section 0), and plain `name=`. A plain value that contains RFC 2047 encoded words
    /// (a common violation: filename="=?utf-8?B?...?=") is decoded with EncodedWords; raw 8-bit values as in EncodedWords.
    /// When both `name` and `name*` forms exist, the RFC 2231 form wins. Output keeps first-seen order, names without the `*` suffixes.
    ///
    /// Further contract: names are lowercased again here; a repeated plain or single extended parameter keeps its
    /// first value; sections are joined in numeric order even with gaps or duplicates (first one of a number wins);
    /// a continuation set wins over a single `name*`; an extended value without the two apostrophes is
    /// percent-decoded with no charset (then decoded as undeclared); a "%" without two hex digits stays literal;
    /// section numbers above 9999 are ignored.
    public static func combine(_ params: [(name: String, value: [UInt8])]) -> [(name: String, value: String)] {
        // Nearly every parameter in real mail is a plain ASCII `name=value` with no encoded word:
        // take those as they are, without grouping (first occurrence of a name wins, as below).
        if params.allSatisfy({ p in !p.name.utf8.contains(0x2A) && isPlainASCII(p.value) }) {
            var seen: [(name: String, value: String)] = []
            seen.reserveCapacity(params.count)
            for (rawName, value) in params {
                let name = rawName.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? rawName.lowercased() : rawName
                if name.isEmpty || seen.contains(where: { $0.name == name }) { continue }
                seen.append((name, String(decoding: value, as: UTF8.self)))
            }
            return seen
        }
        var order: [String] = []
        var groups: [String: Group] = [:]
        for (rawName, value) in params {
            let key = parseName(rawName.lowercased())
            guard let key else { continue }
            if groups[key.base] == nil {
                groups[key.base] = Group()
                order.append(key.base)
            }
            groups[key.base]?.add(key, value)
        }
        return order.map { ($0, groups[$0]?.value() ?? "") }
    }

    struct Key {
        var base: String
        var section: Int?
        var extended: Bool
    }

    /// "title*1*" → (title, 1, extended); "title*" → (title, nil, extended); "title" → plain.
    /// A name whose part after the last "*" is not a number is taken as a plain name.
    /// ASCII without `=?` and without line breaks (so nothing for EncodedWords to do).
    static func isPlainASCII(_ value: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for c in value {
            if c >= 0x80 || c == 0x0D || c == 0x0A || (c == 0x3F && previous == 0x3D) { return false }
            previous = c
        }
        return true
    }

    static func parseName(_ name: String) -> Key? {
        var s = Substring(name)
        var extended = false
        if s.hasSuffix("*") {
            extended = true
            s = s.dropLast()
        }
        if let star = s.lastIndex(of: "*") {
            let digits = s[s.index(after: star)...]
            if !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let num = Int(digits) {
                return Key(base: String(s[..<star]), section: num, extended: extended)
            }
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return nil  // absurd section number: ignore the parameter
            }
        }
        if s.isEmpty { return nil }
        return Key(base: String(s), section: nil, extended: extended)
    }

    struct Group {
        var plain: [UInt8]? = nil
        var single: [UInt8]? = nil
        var sections: [Int: (extended: Bool, value: [UInt8])] = [:]

        mutating func add(_ key: Key, _ value: [UInt8]) {
            if let n = key.section {
                if sections[n] == nil { sections[n] = (key.extended, value) }
            } else if key.extended {
                if single == nil { single = value }
            } else if plain == nil {
                plain = value
            }
        }

        func value() -> String {
            if !sections.isEmpty {
                var bytes: [UInt8] = []
                var charset: String? = nil
                for n in sections.keys.sorted() {
                    guard let sec = sections[n] else { continue }
                    if sec.extended {
                        if n == 0 {
                            let (cs, rest) = RFC2231.splitCharset(sec.value)
                            charset = cs
                            bytes.append(contentsOf: RFC2231.percentDecode(rest))
                        } else {
                            bytes.append(contentsOf: RFC2231.percentDecode(sec.value[...]))
                        }
                    } else {
                        bytes.append(contentsOf: sec.value)
                    }
                }
                return RFC2231.decodeExtended(bytes, charset: charset)
            }
            if let single {
                let (cs, rest) = RFC2231.splitCharset(single)
                return RFC2231.decodeExtended(RFC2231.percentDecode(rest), charset: cs)
            }
            if let plain {
                return EncodedWords.decode(plain)
            }
            return ""
        }
    }

    /// "charset'lang'rest" → (charset, rest); without two apostrophes → (nil, whole value).
    static func splitCharset(_ v: [UInt8]) -> (String?, ArraySlice<UInt8>) {
        guard let q1 = v.firstIndex(of: 0x27) else { return (nil, v[...]) }
        guard let q2 = v[(q1 + 1)...].firstIndex(of: 0x27) else { return (nil, v[...]) }
        let cs = String(decoding: v[..<q1], as: UTF8.self)
        return (cs.isEmpty ? nil : cs, v[(q2 + 1)...])
    }

    static func percentDecode(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(v.count)
        var i = v.startIndex
        let end = v.endIndex
        while i < end {
            let c = v[i]
            if c == UInt8(ascii: "%"), i + 2 < end {
                let h = QuotedPrintable.hexValue[Int(v[i + 1])], l = QuotedPrintable.hexValue[Int(v[i + 2])]
                if h != 0xFF && l != 0xFF {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Charset-decodes an extended value. An unknown or missing charset is decoded as undeclared
    /// (UTF-8 when valid, else windows-1252) rather than dropped.
    static func decodeExtended(_ bytes: [UInt8], charset: String?) -> String {
        Charsets.decode(bytes, declared: charset).text
    }
}
