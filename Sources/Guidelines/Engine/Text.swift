/// Words and lines of a text, with where each stands: the common ground of every check.
///
/// Contract: everything here is linear in the text (one pass over the UTF-8 bytes, no
/// backtracking, no recursion), so that a 10 MB body of one repeated character costs what a
/// 10 MB letter does. Offsets are UTF-8 byte offsets in the text given.

/// One word, number or symbol of a text.
struct Token: Sendable {
    // Stored in 32 bits (a text heed checks is at most 1 GiB): half the memory for a text of
    // millions of words.
    private let _start: Int32, _end: Int32, _line: Int32, _sentence: Int32, _paragraph: Int32
    /// UTF-8 range in the unit's text.
    var start: Int { Int(_start) }
    var end: Int { Int(_end) }
    /// Lower case with accents folded (`Crétins` → `cretins`, `Œuvre` → `oeuvre`): what
    /// phrases are compared with.
    let norm: String
    /// The number of `norm` in the rule book's lexicon; -1 when no pattern uses the word.
    let word: Int32
    let flags: Flags
    /// Index of the line, sentence and paragraph the token is in.
    var line: Int { Int(_line) }
    var sentence: Int { Int(_sentence) }
    var paragraph: Int { Int(_paragraph) }

    init(start: Int, end: Int, norm: String, word: Int32, flags: Flags, line: Int, sentence: Int, paragraph: Int) {
        _start = Int32(truncatingIfNeeded: start)
        _end = Int32(truncatingIfNeeded: end)
        _line = Int32(truncatingIfNeeded: line)
        _sentence = Int32(truncatingIfNeeded: sentence)
        _paragraph = Int32(truncatingIfNeeded: paragraph)
        self.norm = norm
        self.word = word
        self.flags = flags
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
        var position = range.lowerBound
        while position < range.upperBound {
            var end = position
            while end < range.upperBound && bytes[end] != 0x0A { end += 1 }
            lines.append(Self.describeLine(bytes, position, end))
            position = end + 1
        }
        self.lines = lines
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 6)
        var firstTokenOfLine: [Int32] = []
        firstTokenOfLine.reserveCapacity(lines.count)
        var sentence = 0
        var paragraph = 0
        var previousBlank = false
        var pendingSentenceBreak = true
        // The folded bytes of the word being read, reused for every word.
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        for (lineIndex, line) in lines.enumerated() {
            firstTokenOfLine.append(Int32(truncatingIfNeeded: tokens.count))
            if line.flags.contains(.blank) {
                if !previousBlank { paragraph += 1 }
                previousBlank = true
                pendingSentenceBreak = true
                continue
            }
            previousBlank = false
            // A bullet, a separator or an indented line after a short line starts a new sentence:
            // mail wraps sentences across lines, but lists and headings are not one sentence.
            if line.flags.contains(.bullet) || line.flags.contains(.separator) || line.flags.contains(.forwardHeader) {
                pendingSentenceBreak = true
            }
            Self.tokenize(bytes, line: line, lineIndex: lineIndex, paragraph: paragraph, lexicon: lexicon, scratch: &scratch,
                          sentence: &sentence, pendingBreak: &pendingSentenceBreak, into: &tokens)
            if line.flags.contains(.separator) || line.flags.contains(.forwardHeader) { pendingSentenceBreak = true }
            // A heading in capitals ("DIFFUSION RESTREINTE", "PRESS RELEASE") is a sentence of its own.
            let lineTokens = tokens[Int(firstTokenOfLine[firstTokenOfLine.count - 1])...]
            if !lineTokens.isEmpty, lineTokens.allSatisfy({ $0.flags.contains(.allCaps) || $0.flags.contains(.number) || $0.flags.contains(.symbol) }) {
                pendingSentenceBreak = true
            }
            // A line that ends with a colon introduces what follows: a new sentence.
            var last = line.end - 1
            while last >= line.start, bytes[last] == 0x20 || bytes[last] == 0x0D || bytes[last] == 0x09 { last -= 1 }
            if last >= line.start, bytes[last] == 0x3A { pendingSentenceBreak = true }
        }
        self.tokens = tokens
        self.firstTokenOfLine = FirstTokens(values: firstTokenOfLine)
        self.index = WordIndex(tokens, words: lexicon.count)
    }

    private static func describeLine(_ bytes: [UInt8], _ start: Int, _ rawEnd: Int) -> LineInfo {
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

    private static func tokenize(_ bytes: [UInt8], line: LineInfo, lineIndex: Int, paragraph: Int, lexicon: Lexicon,
                                 scratch: inout [UInt8], sentence: inout Int, pendingBreak: inout Bool, into tokens: inout [Token]) {
        var i = line.start
        var firstOnLine = true
        var inQuotes = false
        let links = linkSpans(bytes, line)
        var nextLink = 0
        while i < line.end {
            // Spaces and ASCII punctuation other than sentence ends and quotes: nothing to do.
            let b0 = bytes[i]
            if b0 < 0x80, !(b0 >= 48 && b0 <= 57), !((b0 | 0x20) >= 97 && (b0 | 0x20) <= 122),
               b0 != 0x2E, b0 != 0x21, b0 != 0x3F, b0 != 0x3B, b0 != 0x22, b0 != 0x25, b0 != 0x24 {
                i += 1
                continue
            }
            let (scalar, length) = decode(bytes, i, line.end)
            if Fold.isWordScalar(scalar) {
                let start = i
                scratch.removeAll(keepingCapacity: true)
                var hash = Lexicon.offsetBasis
                var letters = 0, uppers = 0, digits = 0
                var firstUpper = false
                var j = i
                while j < line.end {
                    let b = bytes[j]
                    if b < 0x80 {
                        // ASCII fast path: most mail is mostly ASCII.
                        var folded = b
                        if b >= 48 && b <= 57 {
                            digits += 1
                        } else if b >= 97 && b <= 122 {
                            letters += 1
                        } else if b >= 65 && b <= 90 {
                            letters += 1
                            uppers += 1
                            if letters == 1 { firstUpper = true }
                            folded = b + 32
                        } else {
                            break
                        }
                        scratch.append(folded)
                        hash = (hash ^ UInt64(folded)) &* Lexicon.prime
                        j += 1
                        continue
                    }
                    let (s, n) = decode(bytes, j, line.end)
                    guard Fold.isWordScalar(s) else { break }
                    if Fold.isLetter(s) {
                        letters += 1
                        if Fold.isUpper(s) {
                            uppers += 1
                            if letters == 1 { firstUpper = true }
                        }
                    } else {
                        digits += 1
                    }
                    let before = scratch.count
                    Fold.scalar(s, into: &scratch)
                    for k in before..<scratch.count { hash = (hash ^ UInt64(scratch[k])) &* Lexicon.prime }
                    j += n
                }
                let norm = String(decoding: scratch, as: UTF8.self)
                var flags: Token.Flags = []
                if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
                if firstUpper { flags.insert(.capitalized) }
                if letters == 0 { flags.insert(.number) }
                if letters > 0 && digits > 0 { flags.insert(.mixed) }
                if inQuotes { flags.insert(.inQuotes) }
                while nextLink < links.count, links[nextLink].upperBound <= start { nextLink += 1 }
                if nextLink < links.count, links[nextLink].contains(start) { flags.insert(.link) }
                append(&tokens, start: start, end: j, norm: norm, word: lexicon.id(hash: hash, scratch), flags: flags, line: lineIndex, paragraph: paragraph,
                       firstOnLine: &firstOnLine, sentence: &sentence, pendingBreak: &pendingBreak, bytes: bytes, lineEnd: line.end)
                i = j
                continue
            }
            let v = scalar.value
            if Fold.symbolTokens.contains(v) {
                var norm = ""
                norm.unicodeScalars.append(scalar)
                append(&tokens, start: i, end: i + length, norm: norm, word: lexicon.id(norm), flags: [.symbol], line: lineIndex, paragraph: paragraph,
                       firstOnLine: &firstOnLine, sentence: &sentence, pendingBreak: &pendingBreak, bytes: bytes, lineEnd: line.end)
            } else if v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3B {
                // . ! ? ; end a sentence when followed by a space or the line's end ("1.42" does not).
                let next = i + length
                if next >= line.end || bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x29 || bytes[next] == 0x22 {
                    pendingBreak = true
                }
            } else if v == 0x22 || v == 0xAB || v == 0xBB || v == 0x201C || v == 0x201D {
                // " « » “ ”: toggle for straight quotes, open/close for the others.
                if v == 0x22 { inQuotes.toggle() } else { inQuotes = (v == 0xAB || v == 0x201C) }
            }
            i += length
        }
    }

    /// The byte ranges of the line's URLs (`scheme://…`, `www.…`) and e-mail addresses: runs
    /// without spaces that hold `://`, start with `www.`, or hold `@` followed by a dot.
    static func linkSpans(_ bytes: [UInt8], _ line: LineInfo) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = line.start
        while i < line.end {
            while i < line.end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            let start = i
            var scheme = false, at = false, dotAfterAt = false
            while i < line.end, bytes[i] != 0x20, bytes[i] != 0x09 {
                if bytes[i] == 0x3A, i + 2 < line.end, bytes[i + 1] == 0x2F, bytes[i + 2] == 0x2F { scheme = true }
                if bytes[i] == 0x40 { at = true } else if at, bytes[i] == 0x2E { dotAfterAt = true }
                i += 1
            }
            let www = i - start > 4 && (bytes[start] | 0x20) == 0x77 && (bytes[start + 1] | 0x20) == 0x77
                && (bytes[start + 2] | 0x20) == 0x77 && bytes[start + 3] == 0x2E
            if scheme || www || dotAfterAt { spans.append(start..<i) }
        }
        return spans
    }

    private static func append(_ tokens: inout [Token], start: Int, end: Int, norm: String, word: Int32, flags: Token.Flags,
                               line: Int, paragraph: Int, firstOnLine: inout Bool, sentence: inout Int,
                               pendingBreak: inout Bool, bytes: [UInt8], lineEnd: Int) {
        var flags = flags
        if firstOnLine { flags.insert(.lineStart) }
        firstOnLine = false
        if pendingBreak {
            if !tokens.isEmpty { sentence += 1 }
            flags.insert(.sentenceStart)
            pendingBreak = false
        }
        var k = end
        while k < lineEnd, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        if k < lineEnd, bytes[k] == 0x3A { flags.insert(.colonAfter) }
        tokens.append(Token(start: start, end: end, norm: norm, word: word, flags: flags, line: line, sentence: sentence, paragraph: paragraph))
    }

    /// One Unicode scalar at `i` and its length in bytes; invalid bytes read as U+FFFD, one byte.
    @inline(__always)
    static func decode(_ bytes: [UInt8], _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
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

/// Token positions by word and by word class, built once per text (a counting sort by word
/// number: linear in the text plus the lexicon's size).
struct WordIndex: Sendable {
    /// `positions[starts[w]..<starts[w + 1]]` are the positions of word number `w`, in order.
    private let starts: [Int32]
    private let positions: [Int32]
    /// Positions of the tokens of each class a pattern may start with.
    let classes: [TokenClass: [Int32]]

    init(_ tokens: [Token], words: Int) {
        var counts = [Int32](repeating: 0, count: words + 1)
        var numbers: [Int32] = [], mixed: [Int32] = [], caps: [Int32] = [], names: [Int32] = []
        for (i, token) in tokens.enumerated() {
            let position = Int32(truncatingIfNeeded: i)
            if token.word >= 0, Int(token.word) < words { counts[Int(token.word) + 1] += 1 }
            if token.flags.contains(.number) { numbers.append(position) }
            if token.flags.contains(.mixed) { mixed.append(position) }
            if token.flags.contains(.allCaps) { caps.append(position) }
            if token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) { names.append(position) }
        }
        for w in 0..<words { counts[w + 1] += counts[w] }
        var next = counts
        var positions = [Int32](repeating: 0, count: Int(counts[words]))
        for (i, token) in tokens.enumerated() where token.word >= 0 && Int(token.word) < words {
            let w = Int(token.word)
            positions[Int(next[w])] = Int32(truncatingIfNeeded: i)
            next[w] += 1
        }
        starts = counts
        self.positions = positions
        classes = [.number: numbers, .year: numbers, .code: mixed, .caps: caps, .name: names]
    }

    /// How often word number `word` occurs.
    func count(_ word: Int32) -> Int {
        guard word >= 0, Int(word) + 1 < starts.count else { return 0 }
        return Int(starts[Int(word) + 1] - starts[Int(word)])
    }

    /// Where word number `word` occurs, in order, or nil.
    func list(_ word: Int32) -> ArraySlice<Int32>? {
        guard count(word) > 0 else { return nil }
        return positions[Int(starts[Int(word)])..<Int(starts[Int(word) + 1])]
    }
}

/// The first token of each line, in 32 bits, read as `Int`.
struct FirstTokens: Sendable {
    let values: [Int32]
    subscript(line: Int) -> Int { Int(values[line]) }
}
