#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Charset decoding of mail bytes to Swift strings, with the aliases and fallbacks real mail needs.
public enum Charsets {
    public struct Decoded: Sendable, Equatable {
        public let text: String
        /// Normalised name of the decoder actually used (lowercase).
        public let charset: String
        /// True when a U+FFFD replacement happened or a fallback replaced the declared charset.
        public let lossy: Bool

        public init(text: String, charset: String, lossy: Bool) {
            self.text = text
            self.charset = charset
            self.lossy = lossy
        }
    }

    /// Bytes in a declared charset (nil or "" = undeclared) to a Swift String.
    /// - utf-8/us-ascii/iso-8859-1/windows-1252 in Swift fast paths; anything else through iconv (Glibc), any name iconv knows.
    /// - aliases the wild uses: ks_c_5601-1987→CP949, gb2312/gbk→GB18030, latin1, utf8, iso-8859-1 decoded as windows-1252 (as browsers do), unicode-1-1-utf-7→UTF-7, x-unknown/unknown/unknown-8bit/default → treated as undeclared, "cp1252" etc.
    /// - undeclared or unknown: UTF-8 if the bytes are valid UTF-8, else windows-1252.
    /// - declared UTF-8 (or ASCII) but invalid: windows-1252 fallback if the bytes are clearly 8-bit Latin, else UTF-8 with U+FFFD; `lossy` says a replacement happened or a fallback was used.
    /// - iconv failures mid-buffer (invalid sequences) skip the bad byte with U+FFFD and continue; never loop forever.
    /// `charset` is the normalised name actually used (lowercase, e.g. "utf-8", "windows-1252", "iso-2022-jp").
    ///
    /// Details of the contract:
    /// - "Clearly 8-bit Latin" means the bytes contain no valid multi-byte UTF-8 sequence at all.
    /// - Declared us-ascii with valid UTF-8 content decodes as "utf-8" and is not lossy (UTF-8 is a superset and
    ///   this mislabel loses nothing); pure ASCII declared us-ascii reports "us-ascii".
    /// - A declared charset that is unknown (not an alias here and not accepted by iconv) decodes as undeclared;
    ///   it is lossy unless the bytes are pure ASCII.
    /// - A leading UTF-8 byte order mark is dropped when decoding as UTF-8.
    /// - Declared iso-8859-1/windows-1252 (and aliases) whose bytes are valid UTF-8 with at least one multi-byte
    ///   sequence decode as "utf-8", lossy (the mislabel is common and Latin-1 text practically never looks so).
    public static func decode(_ bytes: UnsafeRawBufferPointer, declared: String?) -> Decoded {
        switch resolveName(declared) {
        case .undeclared:
            return guess(bytes, unknownDeclared: false)
        case .unknown:
            return guess(bytes, unknownDeclared: true)
        case .utf8:
            return decodeDeclaredUTF8(bytes, asciiLabel: false)
        case .ascii:
            return decodeDeclaredUTF8(bytes, asciiLabel: true)
        case .windows1252:
            // UTF-8 labelled Latin-1 is a common mislabel; bytes that are entirely valid UTF-8 with at least
            // one multi-byte sequence are practically never real Latin-1 text (it would need "Ã©"-like pairs).
            let scan = scanUTF8(bytes, stopAtError: true)
            if scan.valid && !scan.ascii {
                return Decoded(text: utf8String(bytes), charset: "utf-8", lossy: true)
            }
            return Decoded(text: windows1252String(bytes), charset: "windows-1252", lossy: false)
        case .iconv(let iconvName, let label):
            if label == "iso-2022-jp" {
                return decodeISO2022JP(bytes)
            }
            // An iconv name that iconv cannot open falls back to the undeclared guess.
            guard let r = iconvDecode(bytes, from: iconvName) else {
                return guess(bytes, unknownDeclared: true)
            }
            return Decoded(text: r.text, charset: label, lossy: r.lossy)
        }
    }

    public static func decode(_ bytes: [UInt8], declared: String?) -> Decoded {
        bytes.withUnsafeBytes { decode($0, declared: declared) }
    }

    // MARK: - Charset names

    enum Target: Equatable {
        case undeclared
        /// Declared but not a usable charset name (syntax or no decoder).
        case unknown
        case utf8
        case ascii
        case windows1252
        /// Decoded by iconv under `iconvName`, reported as `label`.
        case iconv(iconvName: String, label: String)
    }

    /// Maps a declared name to a decoder without opening iconv; `.iconv` targets may still turn out unknown.
    static func resolveName(_ declared: String?) -> Target {
        guard let declared else { return .undeclared }
        guard let name = normalize(declared) else { return .unknown }
        if name.isEmpty { return .undeclared }
        if let t = aliases[name] { return t }
        if let t = patternAlias(name) { return t }
        return .iconv(iconvName: name.uppercased(), label: name)
    }

    /// Like `resolveName`, but a name iconv cannot open is `.unknown`.
    static func resolve(_ declared: String?) -> Target {
        let t = resolveName(declared)
        if case .iconv(let iconvName, _) = t, !iconvKnows(iconvName) { return .unknown }
        return t
    }

    /// Lowercases, trims blanks and quotes, cuts an RFC 2231 "*language" suffix. Nil when the name has bytes
    /// no charset name has; this also keeps iconv option syntax ("//TRANSLIT") out of iconv_open.
    static func normalize(_ declared: String) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(min(declared.utf8.count, 64))
        var started = false
        for c in declared.utf8 {
            if !started && (c == 0x20 || c == 0x09 || c == 0x22 || c == 0x27) { continue }
            started = true
            if c == UInt8(ascii: "*") { break }
            let l = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
            switch l {
            case 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"),
                0x20, 0x09, 0x22, 0x27:
                out.append(l)
            default:
                return nil
            }
            if out.count > 64 { return nil }
        }
        while let last = out.last, last == 0x20 || last == 0x09 || last == 0x22 || last == 0x27 {
            out.removeLast()
        }
        // Blanks or quotes inside a name make it no name at all.
        if out.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x22 || $0 == 0x27 }) { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    static let aliases: [String: Target] = {
        var t: [String: Target] = [:]
        func add(_ names: [String], _ target: Target) { for n in names { t[n] = target } }
        add(["x-unknown", "unknown", "unknown-8bit", "x-unknown-8bit", "default", "x-user-defined", "charset",
             "none", "8bit", "binary", "us-ascii-unknown"], .undeclared)
        add(["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8", "x-utf-8", "x-utf8",
             "utf-8-sig", "unicode-2-0-utf-8"], .utf8)
        add(["us-ascii", "ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "iso_646.irv:1991", "us",
             "cp367", "ibm367", "csascii", "iso-ir-6", "646", "x-ascii"], .ascii)
        add(["windows-1252", "cp1252", "cp-1252", "x-cp1252", "win-1252", "win1252", "windows1252", "ms-ansi",
             "ansi", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso8859_1", "iso_8859_1", "iso_8859-1:1987",
             "iso88591", "8859-1", "8859_1", "latin1", "latin-1", "l1", "cp819", "ibm819", "csisolatin1",
             "iso-ir-100", "x-iso-8859-1", "iso-latin-1"], .windows1252)
        add(["ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601", "ks_c_5601_1987", "ksc5601", "ksc_5601",
             "ks_c_5601-1992", "euc-kr", "euckr", "x-euc-kr", "cseuckr", "korean", "csksc56011987", "iso-ir-149",
             "windows-949", "cp949", "x-windows-949", "uhc", "ms949"], .iconv(iconvName: "CP949", label: "cp949"))
        add(["gb2312", "gbk", "gb_2312-80", "gb_2312", "gb2312-80", "x-gbk", "cp936", "ms936", "windows-936",
             "chinese", "csgb2312", "euc-cn", "euccn", "x-euc-cn", "x-gb2312", "gb18030", "iso-ir-58",
             "csiso58gb231280"], .iconv(iconvName: "GB18030", label: "gb18030"))
        add(["big5", "big-5", "big5-hkscs", "big5hkscs", "cn-big5", "x-x-big5", "csbig5", "x-big5"],
            .iconv(iconvName: "BIG5-HKSCS", label: "big5-hkscs"))
        add(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932",
             "ms932", "x-ms-cp932", "x-shift_jis"], .iconv(iconvName: "CP932", label: "cp932"))
        add(["euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "x-euc"],
            .iconv(iconvName: "EUC-JP-MS", label: "euc-jp-ms"))
        add(["iso-2022-jp", "csiso2022jp", "iso2022jp", "x-iso-2022-jp", "jis", "iso-2022-jp-1"],
            .iconv(iconvName: "ISO-2022-JP", label: "iso-2022-jp"))
        add(["iso-2022-kr", "csiso2022kr"], .iconv(iconvName: "ISO-2022-KR", label: "iso-2022-kr"))
        add(["utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "x-utf-7"],
            .iconv(iconvName: "UTF-7", label: "utf-7"))
        add(["tis-620", "tis620", "windows-874", "cp874", "iso-8859-11", "x-windows-874", "dos-874"],
            .iconv(iconvName: "CP874", label: "windows-874"))
        add(["macintosh", "mac", "x-mac-roman", "macroman", "mac-roman", "csmacintosh", "x-mac"],
            .iconv(iconvName: "MACINTOSH", label: "macintosh"))
        add(["koi8-r", "koi8r", "koi8", "cskoi8r", "koi"], .iconv(iconvName: "KOI8-R", label: "koi8-r"))
        add(["koi8-u", "koi8u", "koi8-ru"], .iconv(iconvName: "KOI8-U", label: "koi8-u"))
        add(["iso-8859-8-i", "iso-8859-8-e", "csiso88598i", "csiso88598e", "logical", "visual"],
            .iconv(iconvName: "ISO-8859-8", label: "iso-8859-8"))
        add(["iso-8859-6-i", "iso-8859-6-e", "csiso88596i", "csiso88596e"],
            .iconv(iconvName: "ISO-8859-6", label: "iso-8859-6"))
        return t
    }()

    /// Numbered families written many ways: windows-125N, cpNNN, iso-8859-N.
    static func patternAlias(_ name: String) -> Target? {
        var s = Substring(name)
        if s.hasPrefix("x-") { s = s.dropFirst(2) }
        for prefix in ["windows-", "windows", "win-", "win", "cp-", "cp", "ms-"] where s.hasPrefix(prefix) {
            let num = s.dropFirst(prefix.count)
            if num.count == 4, num.hasPrefix("125"), let last = num.last, last.isASCII, last.isNumber {
                if num == "1252" { return .windows1252 }
                return .iconv(iconvName: "WINDOWS-\(num)", label: "windows-\(num)")
            }
        }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_", "iso_8859_", "iso-8859_", "iso8859", "8859-"]
        where s.hasPrefix(prefix) {
            var num = s.dropFirst(prefix.count)
            if let colon = num.firstIndex(of: ":") { num = num[..<colon] }
            if !num.isEmpty, num.count <= 2, num.allSatisfy({ $0.isASCII && $0.isNumber }) {
                if num == "1" { return .windows1252 }
                return .iconv(iconvName: "ISO-8859-\(num)", label: "iso-8859-\(num)")
            }
        }
        return nil
    }


    static func iconvKnows(_ iconvName: String) -> Bool { IconvPool.shared.knows(iconvName) }

    // MARK: - UTF-8

    struct UTF8Scan {
        var ascii = true
        /// Valid multi-byte sequences seen.
        var multibyte = 0
        /// Invalid bytes (each ill-formed sequence counts once).
        var invalid = 0
        var valid: Bool { invalid == 0 }
    }

    /// One pass over the bytes: validity per Unicode table 3-7, plus what the fallbacks need to know.
    /// Stops counting after the first error when `stopAtError` (only validity is wanted then).
    static func scanUTF8(_ p: UnsafeRawBufferPointer, stopAtError: Bool = false) -> UTF8Scan {
        var r = UTF8Scan()
        let n = p.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n {
                let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            r.ascii = false
            var len = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: len = 0
            }
            var ok = len > 0 && i + 1 < n && p[i + 1] >= lo && p[i + 1] <= hi
            if ok && len >= 3 { ok = i + 2 < n && p[i + 2] & 0xC0 == 0x80 }
            if ok && len == 4 { ok = i + 3 < n && p[i + 3] & 0xC0 == 0x80 }
            if ok {
                r.multibyte += 1
                i += len
            } else {
                r.invalid += 1
                if stopAtError { return r }
                i += 1
            }
        }
        return r
    }

    /// String from bytes known or assumed to be UTF-8; invalid sequences become U+FFFD. Drops a leading BOM.
    static func utf8String(_ p: UnsafeRawBufferPointer) -> String {
        if p.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            return String(decoding: UnsafeRawBufferPointer(rebasing: p[3...]), as: UTF8.self)
        }
        return String(decoding: p, as: UTF8.self)
    }

    static func decodeDeclaredUTF8(_ bytes: UnsafeRawBufferPointer, asciiLabel: Bool) -> Decoded {
        let scan = scanUTF8(bytes)
        if scan.valid {
            let label = asciiLabel && scan.ascii ? "us-ascii" : "utf-8"
            return Decoded(text: utf8String(bytes), charset: label, lossy: false)
        }
        if scan.multibyte == 0 {
            return Decoded(text: windows1252String(bytes), charset: "windows-1252", lossy: true)
        }
        return Decoded(text: utf8String(bytes), charset: "utf-8", lossy: true)
    }

    static func guess(_ bytes: UnsafeRawBufferPointer, unknownDeclared: Bool) -> Decoded {
        let scan = scanUTF8(bytes, stopAtError: true)
        if scan.valid {
            return Decoded(text: utf8String(bytes), charset: "utf-8", lossy: unknownDeclared && !scan.ascii)
        }
        return Decoded(text: windows1252String(bytes), charset: "windows-1252", lossy: unknownDeclared)
    }

    // MARK: - windows-1252

    /// Unicode scalar for bytes 0x80...0x9F in windows-1252; the five unassigned bytes map to the C1
    /// control of the same value, as browsers (WHATWG) do, so decoding never fails.
    static let cp1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Appends the UTF-8 encoding of windows-1252 `p` to `out`.
    static func appendWindows1252(_ p: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + p.count * 2)
        cp1252High.withUnsafeBufferPointer { high in
            for b in p {
                if b < 0x80 {
                    out.append(b)
                } else if b >= 0xA0 {
                    out.append(0xC0 | b >> 6)
                    out.append(0x80 | b & 0x3F)
                } else {
                    appendScalar(UInt32(high[Int(b - 0x80)]), to: &out)
                }
            }
        }
    }

    static func windows1252String(_ p: UnsafeRawBufferPointer) -> String {
        var high = 0
        for b in p where b >= 0x80 { high += 1 }
        if high == 0 { return String(decoding: p, as: UTF8.self) }
        let capacity = p.count + 2 * high
        return String(unsafeUninitializedCapacity: capacity) { out in
            cp1252High.withUnsafeBufferPointer { tab in
                var o = 0
                for b in p {
                    if b < 0x80 {
                        out[o] = b
                        o += 1
                    } else if b >= 0xA0 {
                        out[o] = 0xC0 | b >> 6
                        out[o + 1] = 0x80 | b & 0x3F
                        o += 2
                    } else {
                        let u = tab[Int(b - 0x80)]
                        if u < 0x800 {
                            out[o] = UInt8(truncatingIfNeeded: 0xC0 | u >> 6)
                            out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                            o += 2
                        } else {
                            out[o] = UInt8(truncatingIfNeeded: 0xE0 | u >> 12)
                            out[o + 1] = UInt8(truncatingIfNeeded: 0x80 | (u >> 6) & 0x3F)
                            out[o + 2] = UInt8(truncatingIfNeeded: 0x80 | u & 0x3F)
                            o += 3
                        }
                    }
                }
                return o
            }
        }
    }

    /// Appends the UTF-8 encoding of a scalar; surrogates and values past U+10FFFF become U+FFFD.
    static func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
        var u = v
        if u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF) { u = 0xFFFD }
        if u < 0x80 {
            out.append(UInt8(truncatingIfNeeded: u))
        } else if u < 0x800 {
            out.append(UInt8(truncatingIfNeeded: 0xC0 | u >> 6))
            out.append(UInt8(truncatingIfNeeded: 0x80 | u & 0x3F))
        } else if u < 0x10000 {
            out.append(UInt8(truncatingIfNeeded: 0xE0 | u >> 12))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (u >> 6) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | u & 0x3F))
        } else {
            out.append(UInt8(truncatingIfNeeded: 0xF0 | u >> 18))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (u >> 12) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | (u >> 6) & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | u & 0x3F))
        }
    }

    // MARK: - iconv

    /// Decodes with iconv to UTF-8. Nil when iconv does not know `name`. Invalid sequences become one
    /// U+FFFD per skipped byte; an incomplete sequence at the end becomes one U+FFFD. Always terminates:
    /// every round either consumes input or skips a byte.
    static func iconvDecode(_ bytes: UnsafeRawBufferPointer, from name: String) -> (text: String, lossy: Bool, replacements: Int)? {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return IconvPool.shared.knows(name) ? ("", false, 0) : nil
        }
        return IconvPool.shared.withHandle(from: name) { cd in convert(cd, base: base, count: bytes.count) }
    }

    /// The conversion loop of `iconvDecode`, on a handle in its initial state.
    private static func convert(_ cd: iconv_t, base: UnsafeRawPointer, count: Int) -> (text: String, lossy: Bool, replacements: Int) {
        var out = [UInt8]()
        out.reserveCapacity(count * 2 + 16)
        var replacements = 0
        let chunk = 64 * 1024
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: chunk) { tmp in
            guard let tmpBase = tmp.baseAddress else { return }
            // iconv's prototype takes `char **` for the input but never writes through it.
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
            var inLeft = count
            func drain(_ outLeft: Int) {
                let produced = chunk - outLeft
                if produced > 0 {
                    UnsafeRawBufferPointer(start: tmpBase, count: produced).withMemoryRebound(to: UInt8.self) {
                        out.append(contentsOf: $0)
                    }
                }
            }
            while inLeft > 0 {
                var outPtr: UnsafeMutablePointer<CChar>? = tmpBase
                var outLeft = chunk
                let before = inLeft
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                let err = errno
                drain(outLeft)
                if r != -1 { continue }
                switch err {
                case E2BIG:
                    if inLeft == before && outLeft == chunk {
                        // No progress with an empty 64 KB buffer: give up on the rest rather than spin.
                        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        replacements += 1
                        inLeft = 0
                    }
                case EILSEQ where inLeft > 0:
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replacements += 1
                    inPtr = inPtr.map { $0 + 1 }
                    inLeft -= 1
                default:
                    // EINVAL: incomplete sequence at the end; anything else: stop, marking the loss.
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replacements += 1
                    inLeft = 0
                }
            }
            // Return a stateful decoder to its initial state, emitting anything it still holds.
            var outPtr: UnsafeMutablePointer<CChar>? = tmpBase
            var outLeft = chunk
            _ = iconv(cd, nil, nil, &outPtr, &outLeft)
            drain(outLeft)
        }
        let text = out.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        return (text, replacements > 0, replacements)
    }

    // MARK: - ISO-2022-JP

    /// ISO-2022-JP through iconv; when that hits sequences glibc's strict decoder rejects (the NEC and IBM
    /// extension rows Windows mailers emit, e.g. circled digits), re-decode by transcoding to EUC-JP and
    /// using glibc's Microsoft-compatible EUC-JP-MS, and keep whichever result lost less.
    static func decodeISO2022JP(_ bytes: UnsafeRawBufferPointer) -> Decoded {
        let strict = iconvDecode(bytes, from: "ISO-2022-JP")
        if let strict, !strict.lossy {
            return Decoded(text: strict.text, charset: "iso-2022-jp", lossy: false)
        }
        let euc = iso2022JPToEUCJP(bytes)
        let loose = euc.withUnsafeBytes { iconvDecode($0, from: "EUC-JP-MS") }
        switch (strict, loose) {
        case let (s?, l?):
            let best = l.replacements < s.replacements ? l : s
            return Decoded(text: best.text, charset: "iso-2022-jp", lossy: best.lossy)
        case let (s?, nil):
            return Decoded(text: s.text, charset: "iso-2022-jp", lossy: s.lossy)
        case let (nil, l?):
            return Decoded(text: l.text, charset: "iso-2022-jp", lossy: l.lossy)
        case (nil, nil):
            return guess(bytes, unknownDeclared: true)
        }
    }

    /// Rewrites ISO-2022-JP (ESC ( B, ESC ( J, ESC ( I, ESC $ @, ESC $ B, ESC $ ( D, SO/SI katakana) as EUC-JP.
    /// Unknown escapes are copied through so the EUC decoder reports them as invalid.
    static func iso2022JPToEUCJP(_ p: UnsafeRawBufferPointer) -> [UInt8] {
        enum Mode { case ascii, kanji, kanji212, katakana }
        var mode = Mode.ascii
        var shiftedOut = false
        var out = [UInt8]()
        out.reserveCapacity(p.count + p.count / 2)
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            if b == 0x1B {
                if i + 2 < n {
                    let b1 = p[i + 1], b2 = p[i + 2]
                    if b1 == UInt8(ascii: "(") && (b2 == UInt8(ascii: "B") || b2 == UInt8(ascii: "J")) {
                        mode = .ascii; i += 3; continue
                    }
                    if b1 == UInt8(ascii: "(") && b2 == UInt8(ascii: "I") { mode = .katakana; i += 3; continue }
                    if b1 == UInt8(ascii: "$") && (b2 == UInt8(ascii: "@") || b2 == UInt8(ascii: "B")) {
                        mode = .kanji; i += 3; continue
                    }
                    if b1 == UInt8(ascii: "$") && b2 == UInt8(ascii: "(") && i + 3 < n {
                        let b3 = p[i + 3]
                        if b3 == UInt8(ascii: "D") { mode = .kanji212; i += 4; continue }
                        if b3 == UInt8(ascii: "B") || b3 == UInt8(ascii: "@") { mode = .kanji; i += 4; continue }
                    }
                }
                out.append(b)
                i += 1
                continue
            }
            if b == 0x0E { shiftedOut = true; i += 1; continue }
            if b == 0x0F { shiftedOut = false; i += 1; continue }
            if b == 0x0A || b == 0x0D {
                // Line ends reset to ASCII in practice; broken mailers forget the escape back.
                out.append(b)
                i += 1
                continue
            }
            if shiftedOut || mode == .katakana {
                if b >= 0x21 && b <= 0x5F {
                    out.append(0x8E)
                    out.append(b | 0x80)
                } else {
                    out.append(b)
                }
                i += 1
                continue
            }
            switch mode {
            case .kanji, .kanji212:
                if b >= 0x21 && b <= 0x7E && i + 1 < n && p[i + 1] >= 0x21 && p[i + 1] <= 0x7E {
                    if mode == .kanji212 { out.append(0x8F) }
                    out.append(b | 0x80)
                    out.append(p[i + 1] | 0x80)
                    i += 2
                } else {
                    out.append(b)
                    i += 1
                }
            default:
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
