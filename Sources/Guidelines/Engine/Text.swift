/// Words and lines of a text, with where each stands: the common ground of every check.
///
/// Contract: everything here is linear in the text (one pass over the UTF-8 bytes, no
/// backtracking, no recursion), so that a 10 MB body of one repeated character costs what a
/// 10 MB letter does. Offsets are UTF-8 byte offsets in the text given.

/// One word, number or symbol of a text.
///
/// A plain value (no String inside): the checks copy tokens by the thousand, and a String would
/// cost a retain and a release each time. The folded form (`norm(in:)`) is rebuilt from the text
/// on the rare paths that need it; what the hot paths ask of it (its length, its ASCII digits,
/// whether it is a currency, a year, `http`) is worked out once, while tokenizing.
struct Token: Sendable {
    // Stored in 32 bits (a text heed checks is at most 1 GiB): half the memory for a text of
    // millions of words.
    private let _start: Int32, _end: Int32, _line: Int32, _sentence: Int32, _paragraph: Int32
    /// UTF-8 range in the unit's text.
    var start: Int { Int(_start) }
    var end: Int { Int(_end) }
    /// The number of the folded form in the rule book's lexicon; -1 when no pattern uses the word.
    let word: Int32
    private let _normLength: Int32
    let flags: Flags
    private let _asciiDigits: UInt8
    /// Index of the line, sentence and paragraph the token is in.
    var line: Int { Int(_line) }
    var sentence: Int { Int(_sentence) }
    var paragraph: Int { Int(_paragraph) }
    /// UTF-8 bytes of the folded form.
    var normLength: Int { Int(_normLength) }
    /// ASCII digits in the token (those of its folded form too), at most 255.
    var asciiDigits: Int { Int(_asciiDigits) }

    init(start: Int, end: Int, word: Int32, normLength: Int, asciiDigits: Int, flags: Flags, line: Int, sentence: Int,
         paragraph: Int) {
        _start = Int32(truncatingIfNeeded: start)
        _end = Int32(truncatingIfNeeded: end)
        _line = Int32(truncatingIfNeeded: line)
        _sentence = Int32(truncatingIfNeeded: sentence)
        _paragraph = Int32(truncatingIfNeeded: paragraph)
        _normLength = Int32(truncatingIfNeeded: normLength)
        _asciiDigits = UInt8(min(255, asciiDigits))
        self.word = word
        self.flags = flags
    }

    /// Lower case with accents folded (`Crétins` → `cretins`, `Œuvre` → `oeuvre`): what phrases
    /// are compared with. `text` is the text the token was read from.
    func norm(in text: [UInt8]) -> String {
        String(decoding: normBytes(in: text), as: UTF8.self)
    }

    /// The folded form's UTF-8 bytes.
    func normBytes(in text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(normLength)
        if flags.contains(.ascii) {
            for k in start..<end { out.append(Fold.lower(text[k])) }
            return out
        }
        var k = start
        while k < end {
            let (scalar, length) = TextLayout.decode(text, k, end)
            if flags.contains(.symbol) {
                out.append(contentsOf: String(Character(scalar)).utf8)
            } else {
                Fold.scalar(scalar, into: &out)
            }
            k += length
        }
        return out
    }

    /// Whether the folded form is `word` (folded already). Byte equality is String equality
    /// here: a folded form is lower case, and no lower-case text but `word` itself is
    /// canonically equivalent to an ASCII word.
    func normIs(_ word: StaticString, in text: [UInt8]) -> Bool {
        guard normLength == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        if flags.contains(.ascii) {
            for k in 0..<expected.count where Fold.lower(text[start + k]) != expected[k] { return false }
            return true
        }
        return normBytes(in: text).elementsEqual(expected)
    }

    /// Whether the folded form starts with `prefix` (folded already), as `String.hasPrefix`
    /// says. An ASCII token is compared byte by byte; others build their folded form.
    func normHasPrefix(_ prefix: String, in text: [UInt8]) -> Bool {
        if flags.contains(.ascii) {
            var k = start
            for b in prefix.utf8 {
                // A non-ASCII prefix never starts an ASCII string.
                guard k < end, b < 0x80, Fold.lower(text[k]) == b else { return false }
                k += 1
            }
            return true
        }
        return norm(in: text).hasPrefix(prefix)
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// Every letter is upper case and there are at least two letters (`BREAKING`, `NDA`).
        static let allCaps = Flags(rawValue: 1 << 0)
        /// The first letter is upper case.
        static let capitalized = Flags(rawValue: 1 << 1)
        /// Only digits.
        static let number = Flags(rawValue: 1 << 2)
        /// Letters and digits mixed (`CERN25`, `X1234567`).
        static let mixed = Flags(rawValue: 1 << 3)
        /// A symbol token (`©`, `%`, `€`, `$`, `£`).
        static let symbol = Flags(rawValue: 1 << 4)
        /// First token of its line.
        static let lineStart = Flags(rawValue: 1 << 5)
        /// A colon follows on the same line, spaces aside (`password:`, `BREAKING :`).
        static let colonAfter = Flags(rawValue: 1 << 6)
        /// First token of its sentence.
        static let sentenceStart = Flags(rawValue: 1 << 7)
        /// Inside quotation marks ("…", «…», “…”) opened on the same line.
        static let inQuotes = Flags(rawValue: 1 << 8)
        /// Part of a URL or an e-mail address: phrases never match there ("press-release" in a
        /// link is no press release), only link features and host lists look at them.
        static let link = Flags(rawValue: 1 << 9)
        /// Every byte is ASCII: the folded form is the token's bytes in lower case.
        static let ascii = Flags(rawValue: 1 << 10)
        /// The folded form is a currency (`Features.currencies`).
        static let currency = Flags(rawValue: 1 << 11)
        /// Digits then a currency in one token (`25CHF`).
        static let currencyAmount = Flags(rawValue: 1 << 12)
        /// The folded form is `http` or `https`.
        static let http = Flags(rawValue: 1 << 13)
        /// The folded form is `www`.
        static let www = Flags(rawValue: 1 << 14)
        /// Four ASCII digits from 1900 to 2099.
        static let year = Flags(rawValue: 1 << 15)
    }
}

/// What a line of a text is, as far as the checks care.
struct LineInfo: Sendable {
    private let _start: Int32, _end: Int32, _indent: Int32
    var start: Int { Int(_start) }
    /// End of the line's content, before the line feed.
    var end: Int { Int(_end) }
    /// Spaces before the content (a tab counts 4).
    var indent: Int { Int(_indent) }
    var flags: Flags

    init(start: Int, end: Int, indent: Int, flags: Flags) {
        _start = Int32(truncatingIfNeeded: start)
        _end = Int32(truncatingIfNeeded: end)
        _indent = Int32(truncatingIfNeeded: min(indent, Int(Int32.max)))
        self.flags = flags
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let blank = Flags(rawValue: 1 << 0)
        /// A `>` quoted line, or part of an earlier message below "-----Original Message-----" /
        /// "On … wrote:".
        static let quoted = Flags(rawValue: 1 << 1)
        /// The sender's signature block.
        static let signature = Flags(rawValue: 1 << 2)
        /// Inside a message forwarded inline (below "---------- Forwarded message ----------").
        static let forwarded = Flags(rawValue: 1 << 3)
        /// A header line of a forwarded or quoted message (From:, De :, Subject:, Objet :).
        static let forwardHeader = Flags(rawValue: 1 << 4)
        /// A separator line (`-----`, `=====`, `*****`, `___`).
        static let separator = Flags(rawValue: 1 << 5)
        /// Starts with a list bullet (`-`, `*`, `•`).
        static let bullet = Flags(rawValue: 1 << 6)
        /// Part of the earlier message a reply quotes (after "On … wrote:" or "Original Message"),
        /// as opposed to a `>` block the writer quotes on purpose.
        static let reply = Flags(rawValue: 1 << 7)
    }
}

/// Text normalisation shared by the tokenizer and the phrase compiler, so that both sides of a
/// comparison are folded the same way.
enum Fold {
    /// An ASCII byte in lower case; other bytes unchanged.
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Lower case, Latin accents removed, ligatures spelled out. Non-Latin letters are lower-cased
    /// and kept.
    static func scalar(_ s: Unicode.Scalar, into out: inout String) {
        var bytes: [UInt8] = []
        scalar(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// The same, appending UTF-8 bytes.
    static func scalar(_ s: Unicode.Scalar, into out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
            return
        }
        if v >= latinBase, v < latinBase + UInt32(latin.count), let folded = latin[Int(v - latinBase)] {
            out.append(contentsOf: folded.utf8)
            return
        }
        out.append(contentsOf: s.properties.lowercaseMapping.utf8)
    }

    /// The same, handing each folded byte to `body` (no array: the tokenizer keeps the bytes
    /// itself).
    @inline(__always)
    static func forEachFoldedByte(_ s: Unicode.Scalar, _ body: (UInt8) -> Void) {
        let v = s.value
        if v < 0x80 {
            body(v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
            return
        }
        if v >= latinBase, v < latinBase + UInt32(latinPacked.count) {
            let packed = latinPacked[Int(v - latinBase)]
            if packed != 0 {
                body(UInt8(truncatingIfNeeded: packed))
                if packed > 0xFF { body(UInt8(truncatingIfNeeded: packed >> 8)) }
                return
            }
        }
        for b in s.properties.lowercaseMapping.utf8 { body(b) }
    }

    /// `latin` as one or two ASCII bytes in a UInt16 (first byte low), 0 where `latin` has nil.
    static let latinPacked: [UInt16] = latin.map { folded in
        guard let folded else { return 0 }
        var packed: UInt16 = 0
        for (k, b) in folded.utf8.prefix(2).enumerated() { packed |= UInt16(b) << (8 * k) }
        return packed
    }

    /// A letter (not a digit or other numeric): Latin-1 and Latin Extended-A without asking the
    /// Unicode tables.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        return s.properties.isAlphabetic
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v >= 0xC0 && v <= 0xFF { return v <= 0xDE && v != 0xD7 }
        return s.properties.isUppercase
    }

    /// Folds a whole string (no tokenizing): for comparing names and values.
    static func string(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalar(s, into: &bytes) }
        out = String(decoding: bytes, as: UTF8.self)
        return out
    }

    /// Latin-1 Supplement and Latin Extended-A letters heed's languages use, folded, by code point
    /// from `latinBase`.
    static let latinBase: UInt32 = 0xC0
    static let latin: [String?] = {
        var table = [String?](repeating: nil, count: 0x180 - 0xC0)
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅāĀăĂąĄ", "a"), ("çÇćĆčČ", "c"), ("èéêëÈÉÊËēĒėĖęĘěĚ", "e"), ("ìíîïÌÍÎÏīĪįĮ", "i"),
            ("ñÑńŃňŇ", "n"), ("òóôõöøÒÓÔÕÖØōŌőŐ", "o"), ("ùúûüÙÚÛÜūŪůŮűŰ", "u"), ("ýÿÝŸ", "y"),
            ("šŠśŚ", "s"), ("žŽźŹżŻ", "z"), ("łŁ", "l"), ("ďĎđĐ", "d"), ("řŘ", "r"), ("ťŤ", "t"), ("ğĞ", "g"),
            ("æÆ", "ae"), ("œŒ", "oe"), ("ß", "ss"),
        ]
        for (letters, base) in groups {
            for s in letters.unicodeScalars where s.value >= 0xC0 && s.value < 0x180 { table[Int(s.value - 0xC0)] = base }
        }
        return table
    }()

    /// Symbols that are tokens of their own.
    static let symbolTokens: Set<UInt32> = [0xA9, 0x25, 0x20AC, 0x24, 0xA3]  // © % € $ £

    /// `symbolTokens.contains(v)` without hashing (and without a lazy global's check).
    @inline(__always)
    static func isSymbolToken(_ v: UInt32) -> Bool { v == 0xA9 || v == 0x25 || v == 0x20AC || v == 0x24 || v == 0xA3 }

    /// Apostrophes and hyphens split words (`l'agence` → `l`, `agence`; `brain-dead` → two).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        if v == 0x2019 || v == 0x2010 || v == 0x2011 { return false }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        let properties = s.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}

/// The tokens and lines of one text, over a byte range of it.
struct TextLayout: Sendable {
    var lines: [LineInfo]
    let tokens: [Token]
    /// For each line, the index of its first token (tokens.count when it has none after it).
    let firstTokenOfLine: FirstTokens
    /// Where each word stands, so that a phrase set visits only the places its patterns can start.
    let index: WordIndex

    /// Lays out `bytes[range]`, numbering words with `lexicon`. Lines outside the range are not
    /// listed.
    init(bytes: [UInt8], range: Range<Int>, lexicon: Lexicon) {
        var lines: [LineInfo] = []
        var tokens: [Token] = []
        var firstTokenOfLine: [Int32] = []
        let table = lexicon.table
        bytes.withUnsafeBufferPointer { buf in
            // Counted first, so that a text of a million short lines fills its arrays once
            // instead of copying them at every doubling.
            var lineCount = 1
            var position = range.lowerBound
            while position < range.upperBound {
                position = ByteSearch.first(0x0A, in: buf, from: position, to: range.upperBound) + 1
                if position <= range.upperBound { lineCount += 1 }
            }
            lines.reserveCapacity(lineCount)
            position = range.lowerBound
            while position < range.upperBound {
                let end = ByteSearch.first(0x0A, in: buf, from: position, to: range.upperBound)
                lines.append(Self.describeLine(buf, position, end))
                position = end + 1
            }
            // A token for every four bytes or so (a word and a space): rarely grown.
            tokens.reserveCapacity(range.count / 4 + 8)
            firstTokenOfLine.reserveCapacity(lines.count)
            var tokenizer = Tokenizer(buf: buf, table: table)
            defer { tokenizer.scratch.deallocate() }
            var paragraph = 0
            var previousBlank = false
            for (lineIndex, line) in lines.enumerated() {
                firstTokenOfLine.append(Int32(truncatingIfNeeded: tokens.count))
                if line.flags.contains(.blank) {
                    if !previousBlank { paragraph += 1 }
                    previousBlank = true
                    tokenizer.pendingBreak = true
                    continue
                }
                previousBlank = false
                // A bullet, a separator or an indented line after a short line starts a new sentence:
                // mail wraps sentences across lines, but lists and headings are not one sentence.
                if line.flags.contains(.bullet) || line.flags.contains(.separator) || line.flags.contains(.forwardHeader) {
                    tokenizer.pendingBreak = true
                }
                let first = tokens.count
                tokenizer.tokenize(line, lineIndex: lineIndex, paragraph: paragraph, into: &tokens)
                if line.flags.contains(.separator) || line.flags.contains(.forwardHeader) { tokenizer.pendingBreak = true }
                // A heading in capitals ("DIFFUSION RESTREINTE", "PRESS RELEASE") is a sentence of its own.
                if tokens.count > first,
                   tokens[first...].allSatisfy({ !$0.flags.isDisjoint(with: [.allCaps, .number, .symbol]) }) {
                    tokenizer.pendingBreak = true
                }
                // A line that ends with a colon introduces what follows: a new sentence.
                var last = line.end - 1
                while last >= line.start, buf[last] == 0x20 || buf[last] == 0x0D || buf[last] == 0x09 { last -= 1 }
                if last >= line.start, buf[last] == 0x3A { tokenizer.pendingBreak = true }
            }
        }
        self.lines = lines
        self.tokens = tokens
        self.firstTokenOfLine = FirstTokens(values: firstTokenOfLine)
        self.index = WordIndex(tokens, words: lexicon.count)
    }

    private static func describeLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ rawEnd: Int) -> LineInfo {
        var end = rawEnd
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        var i = start
        var indent = 0
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 {
            indent += bytes[i] == 0x09 ? 4 : 1
            i += 1
        }
        var flags: LineInfo.Flags = []
        if i == end { flags.insert(.blank) }
        if i < end {
            let first = bytes[i]
            if first == 0x3E { flags.insert(.quoted) }  // >
            // A separator: a run of at least four of the same punctuation, nothing else but spaces.
            if first == 0x2D || first == 0x3D || first == 0x2A || first == 0x5F || first == 0x7E {
                var j = i
                var count = 0
                var onlyRuns = true
                while j < end {
                    if bytes[j] == first { count += 1 } else if bytes[j] != 0x20 { onlyRuns = false; break }
                    j += 1
                }
                if onlyRuns && count >= 4 { flags.insert(.separator) }
            }
            if !flags.contains(.separator) {
                if (first == 0x2D || first == 0x2A) && i + 1 < end && bytes[i + 1] == 0x20 { flags.insert(.bullet) }
                if first == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA2 { flags.insert(.bullet) }  // •
            }
        }
        return LineInfo(start: start, end: end, indent: indent, flags: flags)
    }

    /// Reads the tokens of one line after another. It works on the text's bytes through a
    /// pointer and keeps its buffers from line to line: tokenizing is the one step that touches
    /// every byte of every text, so it allocates nothing per token.
    private struct Tokenizer {
        let buf: UnsafeBufferPointer<UInt8>
        let table: Lexicon.Table
        var sentence = 0
        var pendingBreak = true
        /// The folded bytes of the word being read (its first `scratchCapacity`: no longer word
        /// is in the lexicon). Owned by the caller of `init`, which frees it after the last line.
        let scratch: UnsafeMutableBufferPointer<UInt8>
        var links: [Range<Int>] = []
        static let scratchCapacity = 64
        // Copies of static tables, read for most words: a static is initialised lazily, and each
        // read of one checks that it was.
        let flagInitials = Tokenizer.flagInitials
        let currencyKeys = Features.currencyKeys
        let httpKey = Tokenizer.httpKey, httpsKey = Tokenizer.httpsKey, wwwKey = Tokenizer.wwwKey

        init(buf: UnsafeBufferPointer<UInt8>, table: Lexicon.Table) {
            self.buf = buf
            self.table = table
            scratch = .allocate(capacity: Self.scratchCapacity)
        }

        mutating func tokenize(_ line: LineInfo, lineIndex: Int, paragraph: Int, into tokens: inout [Token]) {
            var i = line.start
            var firstOnLine = true
            var inQuotes = false
            // Links need a colon (`https://`), an at sign, or a `www` token that starts a run; a
            // line without the first two is only read for links when it has the third.
            var linksRead = ByteSearch.contains(0x3A, in: buf, from: line.start, to: line.end)
                || ByteSearch.contains(0x40, in: buf, from: line.start, to: line.end)
            if linksRead {
                TextLayout.linkSpans(buf, line, into: &links)
            } else {
                links.removeAll(keepingCapacity: true)
            }
            var nextLink = 0
            let end = line.end
            while i < end {
                let b0 = buf[i]
                let scalar: Unicode.Scalar
                let length: Int
                if b0 < 0x80 {
                    if Self.isASCIIWordByte(b0) {
                        if !linksRead, b0 | 0x20 == 0x77, Self.startsWWWRun(buf, i, line) {
                            TextLayout.linkSpans(buf, line, into: &links)
                            linksRead = true
                        }
                        i = word(from: i, line: line, lineIndex: lineIndex, paragraph: paragraph, inQuotes: inQuotes,
                                 links: &nextLink, firstOnLine: &firstOnLine, into: &tokens)
                        continue
                    }
                    // Spaces and ASCII punctuation other than sentence ends, quotes and the symbols:
                    // nothing to do.
                    guard b0 == 0x2E || b0 == 0x21 || b0 == 0x3F || b0 == 0x3B || b0 == 0x22 || b0 == 0x25 || b0 == 0x24 else {
                        i += 1
                        continue
                    }
                    scalar = Unicode.Scalar(b0)
                    length = 1
                } else {
                    (scalar, length) = TextLayout.decode(buf, i, end)
                    if Fold.isWordScalar(scalar) {
                        i = word(from: i, line: line, lineIndex: lineIndex, paragraph: paragraph, inQuotes: inQuotes,
                                 links: &nextLink, firstOnLine: &firstOnLine, into: &tokens)
                        continue
                    }
                }
                let v = scalar.value
                if Fold.isSymbolToken(v) {
                    // © % € $ £: a token of its own, its folded form the symbol itself.
                    var flags: Token.Flags = [.symbol]
                    if v < 0x80 { flags.insert(.ascii) }
                    if v == 0x20AC || v == 0x24 || v == 0xA3 { flags.insert(.currency) }
                    let word = table.id(hash: Lexicon.hash(UnsafeBufferPointer(rebasing: buf[i..<(i + length)])),
                                        UnsafeBufferPointer(rebasing: buf[i..<(i + length)]))
                    append(start: i, end: i + length, word: word, normLength: length, asciiDigits: 0, flags: flags,
                           line: line, lineIndex: lineIndex, paragraph: paragraph, firstOnLine: &firstOnLine, into: &tokens)
                } else if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3B {
                    // . ! ? ; end a sentence when followed by a space or the line's end ("1.42" does not).
                    let next = i + length
                    if next >= end || buf[next] == 0x20 || buf[next] == 0x09 || buf[next] == 0x29 || buf[next] == 0x22 {
                        pendingBreak = true
                    }
                } else if v == 0x22 || v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D {
                    // " « » “ ”: toggle for straight quotes, open/close for the others.
                    if v == 0x22 { inQuotes.toggle() } else { inQuotes = (v == 0xAB || v == 0x201C) }
                }
                i += length
            }
        }

        /// Whether a run of non-blank bytes starting at `i` starts with `www.` and is longer than
        /// that: the one kind of link `linkSpans` finds without a colon or an at sign. Such a run
        /// always begins with a token of its own, so no earlier token of the line is in it.
        static func startsWWWRun(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ line: LineInfo) -> Bool {
            guard i == line.start || buf[i - 1] == 0x20 || buf[i - 1] == 0x09, i + 4 < line.end else { return false }
            return buf[i + 1] | 0x20 == 0x77 && buf[i + 2] | 0x20 == 0x77 && buf[i + 3] == 0x2E
                && buf[i + 4] != 0x20 && buf[i + 4] != 0x09
        }

        @inline(__always)
        static func isASCIIWordByte(_ b: UInt8) -> Bool {
            (b >= 48 && b <= 57) || ((b | 0x20) >= 97 && (b | 0x20) <= 122)
        }

        /// Reads the word starting at `start` (a word scalar), appends its token and returns where
        /// it ends.
        private mutating func word(from start: Int, line: LineInfo, lineIndex: Int, paragraph: Int, inQuotes: Bool,
                                   links nextLink: inout Int, firstOnLine: inout Bool, into tokens: inout [Token]) -> Int {
            let end = line.end
            var letters = 0, uppers = 0, digits = 0, asciiDigits = 0
            var firstUpper = false
            var ascii = true
            // Folded bytes, all of them counted, the first `scratchCapacity` kept.
            var folded = 0
            var j = start
            let capacity = scratch.count
            while j < end {
                let b = buf[j]
                let kept: UInt8
                // ASCII fast path: most mail is mostly ASCII.
                if b &- 97 < 26 {
                    letters += 1
                    kept = b
                } else if b &- 48 < 10 {
                    digits += 1
                    asciiDigits += 1
                    kept = b
                } else if b &- 65 < 26 {
                    letters += 1
                    uppers += 1
                    if letters == 1 { firstUpper = true }
                    kept = b + 32
                } else if b < 0x80 {
                    break
                } else {
                    let (s, n) = TextLayout.decode(buf, j, end)
                    guard Fold.isWordScalar(s) else { break }
                    ascii = false
                    if Fold.isLetter(s) {
                        letters += 1
                        if Fold.isUpper(s) {
                            uppers += 1
                            if letters == 1 { firstUpper = true }
                        }
                    } else {
                        digits += 1
                    }
                    folded = foldScalar(s, at: folded)
                    j += n
                    continue
                }
                if folded < capacity { scratch[folded] = kept }
                folded += 1
                j += 1
            }
            var flags: Token.Flags = []
            if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
            if firstUpper { flags.insert(.capitalized) }
            if letters == 0 { flags.insert(.number) }
            if letters > 0 && digits > 0 { flags.insert(.mixed) }
            if inQuotes { flags.insert(.inQuotes) }
            if ascii { flags.insert(.ascii) }
            while nextLink < links.count, links[nextLink].upperBound <= start { nextLink += 1 }
            if nextLink < links.count, links[nextLink].contains(start) { flags.insert(.link) }
            var word: Int32 = -1
            if folded <= scratch.count, folded <= table.longest || (3...7).contains(folded) {
                let kept = folded
                do {
                    let bytes = UnsafeBufferPointer(rebasing: scratch[0..<kept])
                    // Hashed here, not byte by byte above: most words are longer than any in the
                    // lexicon, or in it at the first probe.
                    if kept <= 8 {
                        let head = ByteSearch.packShort(bytes)
                        word = table.id(head: head, count: kept)
                        if kept >= 3, kept <= 7, flagInitials.contains(bytes[0]) { flags.formUnion(wordFlags(head)) }
                    } else if kept <= table.longest {
                        word = table.id(hash: Lexicon.hash(bytes), bytes)
                    }
                }
            }
            if letters == 0, ascii, j - start == 4 {
                var value = 0
                for k in start..<j { value = value * 10 + Int(buf[k] - 48) }
                if (1900...2099).contains(value) { flags.insert(.year) }
            }
            if flags.contains(.mixed), currencyAmount(start, j, foldedLength: folded) { flags.insert(.currencyAmount) }
            append(start: start, end: j, word: word, normLength: folded, asciiDigits: asciiDigits, flags: flags, line: line,
                   lineIndex: lineIndex, paragraph: paragraph, firstOnLine: &firstOnLine, into: &tokens)
            return j
        }

        // The helpers below change nothing, but are `mutating`: called from `word`, a
        // non-mutating method would get a copy of the whole tokenizer (and retain its arrays)
        // at every word.

        /// Appends the folded bytes of `s` at `folded` (those within `scratchCapacity`) and
        /// returns the new count.
        private mutating func foldScalar(_ s: Unicode.Scalar, at folded: Int) -> Int {
            var count = folded
            let scratch = self.scratch
            Fold.forEachFoldedByte(s) { b in
                if count < scratch.count { scratch[count] = b }
                count += 1
            }
            return count
        }

        /// What the folded form says on its own: a currency, `http`, `www`.
        /// `key`: the folded form (three to seven bytes), packed.
        mutating func wordFlags(_ key: UInt64) -> Token.Flags {
            var flags: Token.Flags = []
            if currencyKeys.contains(key) { flags.insert(.currency) }
            if key == httpKey || key == httpsKey { flags.insert(.http) }
            if key == wwwKey { flags.insert(.www) }
            return flags
        }

        /// First letters of the words `wordFlags` knows (currencies, `http`, `www`): others are
        /// not looked at.
        static let flagInitials = ByteSet(Features.currencies.compactMap(\.utf8.first) + Array("hw".utf8))

        static let httpKey = ByteSearch.pack("http")
        static let httpsKey = ByteSearch.pack("https")
        static let wwwKey = ByteSearch.pack("www")

        /// Digits then a currency in one token (`25CHF`): the folded form up to its first letter
        /// is numbers, and from there a currency. Read as Characters for a token whose folded
        /// form is not ASCII or not kept whole.
        private mutating func currencyAmount(_ start: Int, _ end: Int, foldedLength: Int) -> Bool {
            if foldedLength <= scratch.count, scratch[0..<foldedLength].allSatisfy({ $0 < 0x80 }) {
                var k = 0
                while k < foldedLength, scratch[k] >= 48 && scratch[k] <= 57 { k += 1 }
                return Features.isCurrency(UnsafeBufferPointer(rebasing: scratch[k..<foldedLength]))
            }
            var norm: [UInt8] = []
            var k = start
            while k < end {
                let (s, n) = TextLayout.decode(buf, k, end)
                Fold.scalar(s, into: &norm)
                k += n
            }
            let text = String(decoding: norm, as: UTF8.self)
            guard let firstLetter = text.firstIndex(where: { $0.isLetter }) else { return false }
            return text[..<firstLetter].allSatisfy(\.isNumber) && Features.currencies.contains(String(text[firstLetter...]))
        }

        private mutating func append(start: Int, end: Int, word: Int32, normLength: Int, asciiDigits: Int, flags: Token.Flags,
                                     line: LineInfo, lineIndex: Int, paragraph: Int, firstOnLine: inout Bool,
                                     into tokens: inout [Token]) {
            var flags = flags
            if firstOnLine { flags.insert(.lineStart) }
            firstOnLine = false
            if pendingBreak {
                if !tokens.isEmpty { sentence += 1 }
                flags.insert(.sentenceStart)
                pendingBreak = false
            }
            var k = end
            while k < line.end, buf[k] == 0x20 || buf[k] == 0x09 { k += 1 }
            if k < line.end, buf[k] == 0x3A { flags.insert(.colonAfter) }
            tokens.append(Token(start: start, end: end, word: word, normLength: normLength, asciiDigits: asciiDigits, flags: flags,
                                line: lineIndex, sentence: sentence, paragraph: paragraph))
        }
    }

    /// The byte ranges of the line's URLs (`scheme://…`, `www.…`) and e-mail addresses: runs
    /// without spaces that hold `://`, start with `www.`, or hold `@` followed by a dot.
    static func linkSpans(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo, into spans: inout [Range<Int>]) {
        spans.removeAll(keepingCapacity: true)
        var i = line.start
        while i < line.end {
            while i < line.end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            let start = i
            var scheme = false, at = false, dotAfterAt = false
            while i < line.end, bytes[i] != 0x20, bytes[i] != 0x09 {
                let b = bytes[i]
                if b == 0x3A, i + 2 < line.end, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F { scheme = true }
                if b == 0x40 { at = true } else if at, b == 0x2E { dotAfterAt = true }
                i += 1
            }
            let www = i - start > 4 && (bytes[start] | 0x20) == 0x77 && (bytes[start + 1] | 0x20) == 0x77
                && (bytes[start + 2] | 0x20) == 0x77 && bytes[start + 3] == 0x2E
            if scheme || www || dotAfterAt { spans.append(start..<i) }
        }
    }

    /// One Unicode scalar at `i` and its length in bytes; invalid bytes read as U+FFFD, one byte.
    @inline(__always)
    static func decode(_ bytes: [UInt8], _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        bytes.withUnsafeBufferPointer { decode($0, i, end) }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var length = 0
        var value: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + length <= end else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// Token positions by word and by word class, built once per text.
///
/// A text with many tokens next to the lexicon's size is indexed by a counting sort over word
/// numbers (linear in the text plus the lexicon); a short one (a subject, a short message) by
/// sorting its own words, so that it does not pay for every word of the lexicon.
struct WordIndex: Sendable {
    /// Dense: `positions[starts[w]..<starts[w + 1]]` are the positions of word number `w`, in
    /// order. Sparse: `starts[k]..<starts[k + 1]` for the `k`th of `words` (sorted).
    private let starts: [Int32]
    private let words: [Int32]?
    private let positions: [Int32]
    /// One bit per word number that occurs: whether a word is in the text, without a search.
    private let present: [UInt64]
    /// Positions of the tokens of each class a pattern may start with.
    let classes: Classes

    struct Classes: Sendable {
        let numbers: [Int32], mixed: [Int32], caps: [Int32], names: [Int32]

        subscript(_ cls: TokenClass) -> [Int32]? {
            switch cls {
            case .number, .year: numbers
            case .code: mixed
            case .caps: caps
            case .name: names
            case .word: nil
            }
        }
    }

    init(_ tokens: [Token], words: Int) {
        var numbers: [Int32] = [], mixed: [Int32] = [], caps: [Int32] = [], names: [Int32] = []
        var present = [UInt64](repeating: 0, count: words / 64 + 1)
        // One pass over the tokens: each known word's number and position in one key, in text
        // order (sorting the keys groups positions by word, still in order).
        var keys: [UInt64] = []
        keys.reserveCapacity(tokens.count)
        tokens.withUnsafeBufferPointer { tokens in
            present.withUnsafeMutableBufferPointer { present in
                for i in 0..<tokens.count {
                    let token = tokens[i]
                    let position = Int32(truncatingIfNeeded: i)
                    let flags = token.flags
                    if flags.contains(.number) { numbers.append(position) }
                    if flags.contains(.mixed) { mixed.append(position) }
                    if flags.contains(.allCaps) { caps.append(position) }
                    if flags.contains(.capitalized) && !flags.contains(.allCaps) { names.append(position) }
                    let word = token.word
                    guard word >= 0, Int(word) < words else { continue }
                    present[Int(word) >> 6] |= 1 << UInt64(word & 63)
                    keys.append(UInt64(UInt32(word)) << 32 | UInt64(UInt32(i)))
                }
            }
        }
        classes = Classes(numbers: numbers, mixed: mixed, caps: caps, names: names)
        self.present = present
        if keys.count * 8 < words {
            keys.sort()
            var distinct: [Int32] = [], starts: [Int32] = [], positions: [Int32] = []
            positions.reserveCapacity(keys.count)
            for key in keys {
                let word = Int32(truncatingIfNeeded: key >> 32)
                if distinct.last != word {
                    distinct.append(word)
                    starts.append(Int32(positions.count))
                }
                positions.append(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
            }
            starts.append(Int32(positions.count))
            self.words = distinct
            self.starts = starts
            self.positions = positions
            return
        }
        var counts = [Int32](repeating: 0, count: words + 1)
        var positions = [Int32](repeating: 0, count: keys.count)
        counts.withUnsafeMutableBufferPointer { counts in
            for key in keys { counts[Int(key >> 32) + 1] += 1 }
            for w in 0..<words { counts[w + 1] += counts[w] }
        }
        var next = counts
        next.withUnsafeMutableBufferPointer { next in
            positions.withUnsafeMutableBufferPointer { positions in
                for key in keys {
                    let w = Int(key >> 32)
                    positions[Int(next[w])] = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
                    next[w] += 1
                }
            }
        }
        self.words = nil
        starts = counts
        self.positions = positions
    }

    /// Where word number `word` is in `starts`, or nil when it does not occur.
    @inline(__always)
    private func slot(_ word: Int32) -> Int? {
        guard word >= 0 else { return nil }
        guard let words else { return Int(word) + 1 < starts.count ? Int(word) : nil }
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid] < word { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count && words[lo] == word ? lo : nil
    }

    /// Whether word number `word` occurs.
    @inline(__always)
    func contains(_ word: Int32) -> Bool {
        guard word >= 0, Int(word) >> 6 < present.count else { return false }
        return present[Int(word) >> 6] & (1 << UInt64(word & 63)) != 0
    }

    /// How often word number `word` occurs.
    func count(_ word: Int32) -> Int {
        guard let k = slot(word) else { return 0 }
        return Int(starts[k + 1] - starts[k])
    }

    /// Where word number `word` occurs, in order, or nil.
    func list(_ word: Int32) -> ArraySlice<Int32>? {
        guard let k = slot(word), starts[k + 1] > starts[k] else { return nil }
        return positions[Int(starts[k])..<Int(starts[k + 1])]
    }
}

/// The first token of each line, in 32 bits, read as `Int`.
struct FirstTokens: Sendable {
    let values: [Int32]
    subscript(line: Int) -> Int { Int(values[line]) }
}
