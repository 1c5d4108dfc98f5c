/// One pass over a text's UTF-8 bytes that collects what the jargon rules need: rare words and
/// specialist terms, acronyms and their definitions, slang, and the counts behind the
/// readability score.
///
/// Cost is linear in the input. Lines and whitespace-separated chunks are found byte by byte; a
/// chunk longer than `maxChunkBytes` (a run of "aaaa", base64, a long URL) is skipped without
/// being decoded. What a chunk means (its words, their rarity, syllables, acronyms) does not
/// depend on where it stands, so it is worked out once per distinct chunk and kept in a cache:
/// a repeated word then costs one hash lookup. Only parentheses, sentences, phrases and counts
/// are positional, and they are replayed from the cached analysis. Memory is bounded by
/// `maxTrackedWords` and `maxCachedChunks`.
struct JargonScanner {
    let lexicon: JargonLexicon
    let thresholds: JargonThresholds
    let language: Language
    let rareBand: UInt8
    let acronymWordBand: UInt8

    /// Longer chunks are not words: no word of either language is near this long.
    static let maxChunkBytes = 64
    /// Distinct words and acronyms remembered; beyond it, occurrences are still counted.
    static let maxTrackedWords = 10_000
    /// Distinct chunks whose analysis is kept.
    static let maxCachedChunks = 50_000
    /// Non-empty lines examined from the end for a sign-off.
    static let signOffWindow = 15

    enum Kind: UInt8 { case word, acronym, slang }

    /// Something worth reporting, found at least once: a rare word or specialist term, an
    /// acronym, a slang word. Chunk analyses refer to items by index, so that counting an
    /// occurrence costs no hashing.
    struct Item {
        let kind: Kind
        /// The lower-case word or phrase, or the acronym.
        let key: String
        /// Zipf × 10, 0 when the word is in neither list.
        let zipf: UInt8
        let isTerm: Bool
        /// A specialist term's plainer wording (other words get theirs when reported).
        let suggestion: String?
        /// The first occurrence, as written.
        var display = ""
        var range = 0..<0
        var count = 0
        /// Occurrences inside a matched multi-word term (words only).
        var inPhrases = 0
        /// Spelled out somewhere in the text (acronyms only).
        var defined = false
    }

    /// The index of an item, or `untracked` once `maxTrackedWords` items are known.
    typealias ItemID = Int32
    static let untracked: ItemID = -1

    /// An open parenthesis, to recognise "Long Form (LF)" and "LF (long form)".
    struct Paren {
        /// The acronyms of the token just before "(" (empty when it was not an acronym).
        var acronymsBefore: [ItemID]
        /// Whether the token just before "(" was an ordinary word.
        var wordBefore: Bool
        var tokens = 0
        var words = 0
        var soleAcronym: ItemID?
    }

    /// One word of a hyphenated group ("pile", "up"), offsets relative to the chunk.
    struct PartInfo {
        var lo: Int
        var hi: Int
        var slang: ItemID?
        var unfamiliar: ItemID?
        var acronym: ItemID?
    }

    /// Words joined by hyphens, or a token that is not a word (`isWord == false`). A plain
    /// value: its parts are `parts[firstPart..<firstPart + partCount]` of the scanner.
    struct GroupInfo {
        var isWord = false
        var lo = 0
        var hi = 0
        var syllables = 0
        var firstPart: Int32 = 0
        var partCount: Int32 = 0
        var compoundSlang: ItemID?
        var compoundTerm: ItemID?
        /// The lower-case word offered to multi-word term matching (single-part words only), as
        /// an index into the scanner's phrase words (`phraseWord(_:)`); -1 for none.
        var phraseWord: Int32 = -1
        /// Whether some multi-word term starts with `phraseWord`.
        var phraseStart = false
        /// One lower- or title-case word that is no item and starts no term: replaying it only
        /// counts it and moves the phrase window (`applyPlain`).
        var plain = false
    }

    enum Punctuation { case open, close, terminal }

    /// The position-independent analysis of a chunk. A plain value, so that replaying a cached
    /// chunk copies no arrays: its leading marks are `marks[firstMark..<firstMark + markCount]`
    /// and its groups `groups[firstGroup..<firstGroup + groupCount]` of the scanner.
    struct ChunkInfo {
        /// A link, address or code: not prose at all.
        var isOther = false
        var firstMark: Int32 = 0
        var markCount: Int32 = 0
        var firstGroup: Int32 = 0
        var groupCount: Int32 = 0
        var closes = 0
        var endsSentence = false
    }

    // The chunk analyses' contents, end to end.
    private var marks: [Punctuation] = []
    private var groups: [GroupInfo] = []
    private var parts: [PartInfo] = []
    /// The lower-case words offered to multi-word term matching, end to end as UTF-8: word `i`
    /// ends at `phraseEnds[i]` and starts where word `i - 1` ends. Bytes rather than Strings:
    /// most such words never start a term, so no String is made for them.
    private var phraseBytes: [UInt8] = []
    private var phraseEnds: [Int32] = []
    /// The parts of the group being analysed (reused).
    private var texts: [(lo: Int, hi: Int, text: String, lower: String, shape: Shape, letters: Int)] = []

    private(set) var items: [Item] = []
    /// Item index by key, one table per kind.
    private var wordIDs: [String: ItemID] = [:]
    private var acronymIDs: [String: ItemID] = [:]
    private var slangIDs: [String: ItemID] = [:]
    /// Occurrences of unfamiliar words and acronyms not remembered individually (beyond
    /// `maxTrackedWords`).
    private(set) var untrackedOccurrences = 0

    private(set) var wordCount = 0
    private(set) var syllableCount = 0
    private(set) var sentenceCount = 0
    private var wordsInSentence = 0
    private(set) var firstWordStart: Int?
    private(set) var lastWordEnd = 0

    private var paren: Paren?
    private var lastAcronyms: [ItemID] = []
    private var lastWasWord = false
    /// The last two words (lower case, start offset, whether a term starts with it) for
    /// multi-word terms.
    private var window = Window()

    /// At most two words, oldest first; words are indices of phrase words.
    struct Window {
        typealias Slot = (word: Int32, start: Int, opens: Bool)
        private(set) var count = 0
        private var first: Slot = (-1, 0, false)
        private var second: Slot = (-1, 0, false)
        subscript(_ i: Int) -> Slot { i == 0 ? first : second }
        var last: Slot? { count == 0 ? nil : self[count - 1] }
        mutating func removeAll() { count = 0 }
        mutating func removeFirst() {
            first = second
            count -= 1
        }
        mutating func append(_ slot: Slot) {
            if count == 0 { first = slot } else { second = slot }
            count += 1
        }
    }

    private var cache = JargonChunkCache<ChunkInfo>(limit: maxCachedChunks)
    // Reused buffers for the chunk being analysed.
    private var scalars: [Unicode.Scalar] = []
    private var offsets: [Int] = []

    init(lexicon: JargonLexicon, thresholds: JargonThresholds, language: Language) {
        self.lexicon = lexicon
        self.thresholds = thresholds
        self.language = language
        rareBand = Self.band(thresholds.rareZipf)
        acronymWordBand = Self.band(thresholds.acronymWordZipf)
        scalars.reserveCapacity(Self.maxChunkBytes)
        offsets.reserveCapacity(Self.maxChunkBytes + 1)
    }

    static func band(_ zipf: Double) -> UInt8 { UInt8(max(0, min(255, (zipf * 10).rounded()))) }

    // MARK: Lines

    mutating func run(_ buf: UnsafeBufferPointer<UInt8>) {
        let stop = signOff(buf)
        var i = 0
        while i < stop {
            var j = i
            while j < stop && buf[j] != 0x0A { j += 1 }
            if !line(buf, i, j) { break }
            i = j + 1
        }
        endSentence()
    }

    /// Where the signature starts: the last short line near the end that opens with a sign-off
    /// ("Best regards,", "Cordialement"); the whole text when there is none.
    func signOff(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        var end = buf.count, seen = 0
        while end > 0 && seen < Self.signOffWindow {
            var start = end
            while start > 0 && buf[start - 1] != 0x0A { start -= 1 }
            var s = start, e = end
            while s < e && Self.isBlank(buf[s]) { s += 1 }
            while e > s && Self.isBlank(buf[e - 1]) { e -= 1 }
            if s < e && buf[s] != UInt8(ascii: ">") {
                seen += 1
                let content = UnsafeBufferPointer(rebasing: buf[s..<e])
                let ascii = lexicon.closingsAreASCII && content.allSatisfy { $0 < 0x80 }
                if e - s <= 80
                    && (ascii ? isSignOffASCII(content) : mayBeSignOff(content) && isSignOff(Self.text(buf, s..<e))) {
                    // "Merci à tous !" opening a short note is not its end.
                    return Self.hasTwoLines(buf, before: start) ? start : buf.count
                }
            }
            end = start - 1
        }
        return buf.count
    }

    /// Whether at least two non-blank lines come before `end`.
    static func hasTwoLines(_ buf: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        var lines = 0, content = false
        for i in 0..<end {
            let b = buf[i]
            if b == 0x0A {
                if content { lines += 1 }
                if lines >= 2 { return true }
                content = false
            } else if !isBlank(b) {
                content = true
            }
        }
        return lines + (content ? 1 : 0) >= 2
    }

    /// `isSignOff` on an ASCII line's bytes: lower-casing ASCII is per byte, words are runs
    /// between spaces, and an ASCII line starts with no non-ASCII sign-off.
    private func isSignOffASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        for b in line {
            if b == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        guard words <= 6 else { return false }
        for closing in lexicon.asciiClosings where closing.count <= line.count {
            var matches = true
            for k in 0..<closing.count where Self.lowerASCII(line[k]) != closing[k] {
                matches = false
                break
            }
            guard matches else { continue }
            // A whole-word match: "best," but not "bestow".
            guard closing.count < line.count else { return true }
            let next = Self.lowerASCII(line[closing.count])
            if !(next >= 0x61 && next <= 0x7A) { return true }
        }
        return false
    }

    /// False when `isSignOff` would surely be false: no sign-off agrees with the line on their
    /// leading ASCII bytes (the line's in lower case), all but the last byte of the shorter run
    /// compared, as a combining mark after that one could change its character. Only a filter,
    /// to spare most lines the String work of `isSignOff`; true decides nothing.
    ///
    /// Why it is safe: `isSignOff` needs the lower-cased line to start with a sign-off.
    /// Lower-casing maps ASCII bytes to ASCII bytes, and inside an ASCII run every byte but the
    /// last is a character of its own (a line holds no CR LF); two such characters are equal
    /// only when their bytes are, so each compared byte of the line must be the sign-off's.
    private func mayBeSignOff(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        while run < line.count, line[run] < 0x80 { run += 1 }
        for head in lexicon.closingASCIIHeads {
            let compared = min(run, head.count) - 1
            var agrees = true
            for k in 0..<max(0, compared) where Self.lowerASCII(line[k]) != head[k] {
                agrees = false
                break
            }
            if agrees { return true }
        }
        return false
    }

    @inline(__always)
    static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    private func isSignOff(_ line: String) -> Bool {
        let lower = JargonLexicon.normalised(line)
        guard lower.split(separator: " ").count <= 6 else { return false }
        for closing in lexicon.closings where lower.hasPrefix(closing) {
            // A whole-word match: "best," but not "bestow".
            guard let next = lower.unicodeScalars.dropFirst(closing.unicodeScalars.count).first else { return true }
            if !next.properties.isAlphabetic { return true }
        }
        return false
    }

    /// One line, without its LF. Returns false at a signature delimiter ("-- ").
    private mutating func line(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var s = start, e = end
        while s < e && Self.isBlank(buf[s]) { s += 1 }
        while e > s && Self.isBlank(buf[e - 1]) { e -= 1 }
        if s == e || buf[s] == UInt8(ascii: ">") {
            // A blank line ends a paragraph; a quoted reply line is not the sender's text.
            endSentence()
            paren = nil
            return true
        }
        if e - s == 2 && buf[s] == UInt8(ascii: "-") && buf[s + 1] == UInt8(ascii: "-") { return false }
        if Self.isBullet(buf, s, e) { endSentence() }
        var chunkStart = -1
        var i = s
        while i < e {
            let b = buf[i]
            // Printable ASCII continues a chunk: the common case, a byte at a time without a call.
            if b > 0x20 && b < 0x80 {
                if chunkStart < 0 { chunkStart = i }
                i += 1
                while i < e, buf[i] > 0x20, buf[i] < 0x80 { i += 1 }
                continue
            }
            let separator = b < 0x80 ? (Self.isASCIISeparator(b) ? 1 : 0) : Self.separatorLength(buf, i, e)
            if separator > 0 {
                if chunkStart >= 0 { chunk(buf, chunkStart, i) }
                chunkStart = -1
                i += separator
            } else {
                if chunkStart < 0 { chunkStart = i }
                i += 1
            }
        }
        if chunkStart >= 0 { chunk(buf, chunkStart, e) }
        return true
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// The ASCII separators of `separatorLength`.
    @inline(__always)
    static func isASCIISeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }

    /// "- item", "* item", "• item", "1. item", "2) item": each item is a sentence of its own.
    static func isBullet(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        func spaceAt(_ i: Int) -> Bool { i < e && buf[i] == 0x20 }
        let b = buf[s]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") { return spaceAt(s + 1) }
        // • U+2022, – U+2013, — U+2014, · U+00B7
        if b == 0xE2, s + 2 < e, buf[s + 1] == 0x80, buf[s + 2] == 0xA2 || buf[s + 2] == 0x93 || buf[s + 2] == 0x94 {
            return spaceAt(s + 3)
        }
        if b == 0xC2, s + 1 < e, buf[s + 1] == 0xB7 { return spaceAt(s + 2) }
        var i = s
        while i < e && i - s < 3 && buf[i] >= 0x30 && buf[i] <= 0x39 { i += 1 }
        if i > s, i < e, buf[i] == UInt8(ascii: ".") || buf[i] == UInt8(ascii: ")") { return spaceAt(i + 1) }
        return false
    }

    /// Bytes of the separator at `i`, 0 when there is none: ASCII blanks, no-break and thin
    /// spaces (French typography puts them before ":" and inside « »), and en and em dashes,
    /// which join words the way spaces do ("the LHC—the biggest").
    static func separatorLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        let b = buf[i]
        if b < 0x80 { return b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B ? 1 : 0 }
        if b == 0xC2, i + 1 < e, buf[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < e, buf[i + 1] == 0x80 {
            let c = buf[i + 2]
            if (0x80...0x8B).contains(c) || c == 0x93 || c == 0x94 || c == 0xAF || c == 0xA8 || c == 0xA9 { return 3 }
        }
        return 0
    }

    // MARK: Chunks: replaying the analysis at a position

    private mutating func chunk(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end - start <= Self.maxChunkBytes else { return otherToken() }
        let cacheKey = JargonChunkCache<ChunkInfo>.Key(buf, start..<end)
        let info: ChunkInfo
        // What an analysis that is not kept in the cache added to the stores is dropped after use.
        var drop: (marks: Int, groups: Int, parts: Int, words: Int)?
        if let cached = cache.find(cacheKey) {
            info = cached
        } else {
            let sizes = (marks.count, groups.count, parts.count, phraseEnds.count)
            info = analyse(buf, start, end)
            if !cache.insert(cacheKey, value: info) { drop = sizes }
        }
        replay(info, buf, start)
        if let drop {
            marks.removeLast(marks.count - drop.marks)
            groups.removeLast(groups.count - drop.groups)
            parts.removeLast(parts.count - drop.parts)
            phraseEnds.removeLast(phraseEnds.count - drop.words)
            phraseBytes.removeLast(phraseBytes.count - Int(phraseEnds.last ?? 0))
        }
    }

    private mutating func replay(_ info: ChunkInfo, _ buf: UnsafeBufferPointer<UInt8>, _ start: Int) {
        if info.isOther { return otherToken() }
        for m in Int(info.firstMark)..<Int(info.firstMark + info.markCount) {
            switch marks[m] {
            case .open: openParen()
            case .close: closeParen()
            case .terminal: endSentence()
            }
        }
        for g in Int(info.firstGroup)..<Int(info.firstGroup + info.groupCount) {
            if groups[g].plain { applyPlain(groups[g], buf, base: start) } else { apply(groups[g], buf, base: start) }
        }
        if info.closes > 0 { closeParen() }
        if info.endsSentence { endSentence() }
    }

    /// A token that is not a word (number, link, code): it breaks phrases and counts as
    /// content of an open parenthesis.
    private mutating func otherToken() {
        window.removeAll()
        lastAcronyms.removeAll(keepingCapacity: true)
        lastWasWord = false
        paren?.tokens += 1
    }

    /// A word at `start..<end` counts for readability, the sentence and an open parenthesis.
    @inline(__always)
    private mutating func countWord(_ start: Int, _ end: Int, syllables: Int) {
        wordCount += 1
        wordsInSentence += 1
        if firstWordStart == nil { firstWordStart = start }
        lastWordEnd = end
        syllableCount += syllables
        if paren != nil {
            paren?.tokens += 1
            paren?.words += 1
        }
    }

    /// `apply` for a plain group: most words of most texts.
    private mutating func applyPlain(_ group: GroupInfo, _ buf: UnsafeBufferPointer<UInt8>, base: Int) {
        let start = base + group.lo, end = base + group.hi
        countWord(start, end, syllables: group.syllables)
        if !lastAcronyms.isEmpty { lastAcronyms.removeAll(keepingCapacity: true) }
        phrase(group.phraseWord, opens: false, buf, start, end)
        lastWasWord = true
    }

    private mutating func apply(_ group: GroupInfo, _ buf: UnsafeBufferPointer<UInt8>, base: Int) {
        guard group.isWord else { return otherToken() }
        let start = base + group.lo, end = base + group.hi
        countWord(start, end, syllables: group.syllables)
        if let id = group.compoundSlang { occurrence(id, buf, start..<end) }
        if let id = group.compoundTerm { occurrence(id, buf, start..<end) }
        lastAcronyms.removeAll(keepingCapacity: true)
        for p in Int(group.firstPart)..<Int(group.firstPart + group.partCount) {
            let part = parts[p]
            let range = (base + part.lo)..<(base + part.hi)
            if let id = part.slang { occurrence(id, buf, range) }
            if let id = part.unfamiliar { occurrence(id, buf, range) }
            if let id = part.acronym {
                lastAcronyms.append(id)
                occurrence(id, buf, range)
            }
        }
        if group.phraseWord >= 0 {
            phrase(group.phraseWord, opens: group.phraseStart, buf, start, end)
        } else {
            window.removeAll()
        }
        if lastAcronyms.count == 1 && group.partCount == 1 && paren?.tokens == 1 { paren?.soleAcronym = lastAcronyms[0] }
        lastWasWord = lastAcronyms.isEmpty
    }

    // MARK: Chunks: analysis

    private mutating func analyse(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ChunkInfo {
        var info = ChunkInfo()
        info.firstMark = Int32(marks.count)
        info.firstGroup = Int32(groups.count)
        // The commonest chunk, ASCII letters only: no link, no punctuation around it, one group,
        // one word. What the steps below would find, without them.
        if let word = asciiWord(buf, chunkStart: start, start, end) {
            groups.append(word)
            info.groupCount = 1
            return info
        }
        // Addresses and links are not prose.
        var ascii = true
        for i in start..<end {
            let b = buf[i]
            if b >= 0x80 { ascii = false }
            if b == UInt8(ascii: "@") { info.isOther = true }
            if b == UInt8(ascii: ":"), i + 2 < end, buf[i + 1] == UInt8(ascii: "/"), buf[i + 2] == UInt8(ascii: "/") {
                info.isOther = true
            }
        }
        if end - start > 4, buf[start] | 0x20 == UInt8(ascii: "w"), buf[start + 1] | 0x20 == UInt8(ascii: "w"),
           buf[start + 2] | 0x20 == UInt8(ascii: "w"), buf[start + 3] == UInt8(ascii: ".") {
            info.isOther = true
        }
        if info.isOther { return info }

        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        if ascii {
            // A scalar per byte: filled at once rather than appended one by one.
            scalars.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<end]).lazy.map { Unicode.Scalar($0) })
            offsets.append(contentsOf: 0...(end - start))
        } else {
            var i = start
            while i < end {
                let (scalar, length) = Self.decode(buf, i, end)
                scalars.append(scalar)
                offsets.append(i - start)
                i += length
            }
            offsets.append(end - start)
        }

        // Leading and trailing punctuation: parentheses and sentence ends matter.
        var lo = 0, hi = scalars.count
        while lo < hi && !Self.isWordChar(scalars[lo]) {
            let c = scalars[lo]
            if c == "(" || c == "[" {
                marks.append(.open)
                info.markCount += 1
            } else if c == ")" || c == "]" {
                marks.append(.close)
                info.markCount += 1
            } else if Self.isTerminal(c) {
                marks.append(.terminal)
                info.markCount += 1
            }
            lo += 1
        }
        guard lo < hi else { return info }
        var fullStop = false, exclamation = false
        while hi > lo && !Self.isWordChar(scalars[hi - 1]) {
            let c = scalars[hi - 1]
            if c == ")" || c == "]" { info.closes += 1 }
            if c == "." { fullStop = true } else if Self.isTerminal(c) { exclamation = true }
            hi -= 1
        }
        info.endsSentence = exclamation || (fullStop && !isAbbreviation(lo, hi))

        // The core: words joined by hyphens, slashes and apostrophes. Anything else inside
        // (dots, underscores, "=", "+", brackets) makes it code, a file or host name, a formula
        // or a number: not prose.
        for k in lo..<hi {
            let c = scalars[k]
            if !Self.isWordChar(c) && !Self.isApostrophe(c) && !Self.isHyphen(c) && c != "/" {
                groups.append(GroupInfo())
                info.groupCount = 1
                return info
            }
        }
        var groupStart = lo
        for k in lo...hi where k == hi || scalars[k] == "/" {
            let made = k > groupStart ? group(buf, chunkStart: start, groupStart, k) : GroupInfo()
            groups.append(made)
            info.groupCount += 1
            groupStart = k + 1
        }
        return info
    }

    private static func isTerminal(_ c: Unicode.Scalar) -> Bool { c == "." || c == "!" || c == "?" || c == "…" }

    /// "Dr.", "e.g.", "M.", an initial "J.": a full stop that does not end the sentence.
    private func isAbbreviation(_ lo: Int, _ hi: Int) -> Bool {
        if hi - lo == 1 && scalars[lo].properties.isUppercase { return true }
        if scalars[lo..<hi].contains(".") { return true }
        guard hi - lo <= 6 else { return false }
        var s = ""
        for k in lo..<hi { s.unicodeScalars.append(scalars[k]) }
        return Self.abbreviations.contains(s.lowercased())
    }

    /// Abbreviations written with a full stop that rarely end a sentence (not "no", "vol":
    /// ordinary words in English and French).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "cf", "approx", "fig", "eq", "ref",
        "pp", "mme", "mlle", "ex", "env", "tél", "tel", "av", "bd", "dept",
    ]

    private static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
        }
        let p = c.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType != nil
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" || c == "\u{02BC}" }
    private static func isHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2010}" || c == "\u{2011}" }

    enum Shape { case lower, title, upper, upperPlural, mixed }

    /// Words joined by hyphens ("pile-up", "BE-CO", "non-EIS"): one word for readability, each
    /// part judged on its own, the whole looked up as a term. Scalars `lo..<hi` of the chunk.
    private mutating func group(_ buf: UnsafeBufferPointer<UInt8>, chunkStart: Int, _ lo: Int, _ hi: Int) -> GroupInfo {
        if let info = asciiWord(buf, chunkStart: chunkStart, chunkStart + offsets[lo], chunkStart + offsets[hi]) { return info }
        var info = GroupInfo()
        texts.removeAll(keepingCapacity: true)
        var partStart = lo
        for k in lo...hi where k == hi || Self.isHyphen(scalars[k]) {
            guard k > partStart else { return GroupInfo() }
            var a = partStart, b = k
            // Outer apostrophes ("'80s", "students'") are quotes, not letters.
            while a < b && Self.isApostrophe(scalars[a]) { a += 1 }
            while b > a && Self.isApostrophe(scalars[b - 1]) { b -= 1 }
            guard a < b else { return GroupInfo() }
            // "S7-1500", "LINAC4", "fb-1", "2025": codes, units and numbers, not words.
            if (a..<b).contains(where: { Self.isDigit(scalars[$0]) }) { return GroupInfo() }
            let part = makePart(buf, chunkStart, a, b, first: texts.isEmpty, last: k == hi)
            texts.append(part)
            partStart = k + 1
        }
        guard !texts.isEmpty else { return GroupInfo() }

        info.isWord = true
        info.lo = offsets[lo]
        info.hi = offsets[hi]
        for part in texts {
            info.syllables += language == .fr ? Syllables.french(part.lower) : Syllables.english(part.lower)
        }
        var handled = false
        var knownCompound = false
        if texts.count > 1 {
            let compound = texts.map { $0.lower }.joined(separator: "-")
            if lexicon.isSlang(compound) { info.compoundSlang = intern(.slang, compound) }
            if let wording = lexicon.term(compound) {
                info.compoundTerm = intern(.word, compound, zipf: lexicon.exactZipf(compound), isTerm: true,
                                           suggestion: wording.isEmpty ? nil : wording)
                handled = true
            }
            knownCompound = lexicon.isKnownAcronym(compound.uppercased())
                || (lexicon.isDepartment(texts[0].text)
                    && texts.allSatisfy { $0.shape == .upper || $0.shape == .upperPlural })
        }
        info.firstPart = Int32(parts.count)
        // The only lower-case word whose other facts (phrase start) are asked below.
        var single: JargonLexicon.WordFacts?
        for part in texts {
            var out = PartInfo(lo: offsets[part.lo], hi: offsets[part.hi])
            switch part.shape {
            case .lower:
                let facts = lexicon.facts(part.lower)
                if texts.count == 1 { single = facts }
                if facts.slang { out.slang = intern(.slang, part.lower) }
                if !handled && part.letters >= thresholds.minWordLetters { out.unfamiliar = unfamiliar(part.lower, facts) }
            case .upper, .upperPlural:
                if !knownCompound { out.acronym = acronym(part.text, plural: part.shape == .upperPlural) }
            case .title, .mixed:
                // Proper names ("Meyrin", "Vidal") and product names ("WinCC") are not judged;
                // a capitalised word at the start of a sentence is judged where it also
                // appears in lower case.
                break
            }
            parts.append(out)
            info.partCount += 1
        }
        if texts.count == 1, texts[0].shape == .lower || texts[0].shape == .title {
            info.phraseWord = addPhraseWord(texts[0].lower.utf8)
            info.phraseStart = single?.phraseStart ?? lexicon.isPhraseStart(texts[0].lower)
            let part = parts[Int(info.firstPart)]
            info.plain = !info.phraseStart && info.compoundSlang == nil && info.compoundTerm == nil
                && part.slang == nil && part.unfamiliar == nil && part.acronym == nil
        }
        return info
    }

    /// `group` for the commonest group, one word of ASCII letters only (no apostrophe, hyphen or
    /// digit, so one part with nothing stripped), `buf[start..<end]` in the chunk starting at
    /// `chunkStart`: the same analysis read from the bytes, making a String only for a word that
    /// becomes an item. Nil for any other group (or an empty one).
    private mutating func asciiWord(_ buf: UnsafeBufferPointer<UInt8>, chunkStart: Int, _ start: Int, _ end: Int) -> GroupInfo? {
        guard start < end else { return nil }
        var upper = 0, firstUpper = false
        for i in start..<end {
            let b = buf[i]
            if b &- 0x61 < 26 { continue }
            guard b &- 0x41 < 26 else { return nil }
            upper += 1
            if i == start { firstUpper = true }
        }
        let word = UnsafeBufferPointer(rebasing: buf[start..<end])
        let letters = word.count
        let shape = Self.shape(
            letters: letters, upper: upper, lower: letters - upper, firstUpper: firstUpper,
            endsWithS: buf[end - 1] == UInt8(ascii: "s"))
        // Every byte is a letter, so setting 0x20 lower-cases it.
        let lower = word.lazy.map { $0 | 0x20 }
        var info = GroupInfo()
        info.isWord = true
        info.lo = start - chunkStart
        info.hi = end - chunkStart
        let values = lower.map { UInt32($0) }
        info.syllables = language == .fr ? Syllables.french(values: values) : Syllables.english(values: values)
        info.firstPart = Int32(parts.count)
        var out = PartInfo(lo: start - chunkStart, hi: end - chunkStart)
        var facts: JargonLexicon.WordFacts?
        switch shape {
        case .lower:
            let known = lexicon.facts(ascii: word)
            facts = known
            if known.slang { out.slang = intern(.slang, Self.text(buf, start..<end)) }
            // `unfamiliar` returns nil for a word that is no term and common enough.
            if letters >= thresholds.minWordLetters, known.term != nil || known.zipf < rareBand {
                out.unfamiliar = unfamiliar(Self.text(buf, start..<end), known)
            }
        case .upper, .upperPlural:
            out.acronym = acronym(Self.text(buf, start..<end), plural: shape == .upperPlural)
        case .title, .mixed:
            break
        }
        parts.append(out)
        info.partCount = 1
        if shape == .lower || shape == .title {
            info.phraseWord = addPhraseWord(lower)
            if let facts {
                info.phraseStart = facts.phraseStart
            } else {
                let stored = (phraseBytes.count - letters)..<phraseBytes.count
                info.phraseStart = phraseBytes.withUnsafeBufferPointer { bytes in
                    lexicon.fast.entry(UnsafeBufferPointer(rebasing: bytes[stored]))?.flags.contains(.phraseStart) ?? false
                }
            }
            info.plain = !info.phraseStart && out.slang == nil && out.unfamiliar == nil && out.acronym == nil
        }
        return info
    }

    /// A part's text, lower-case form and shape. French elisions ("l'", "qu'") and the English
    /// possessive ("'s") are removed from the word looked up.
    private func makePart(_ buf: UnsafeBufferPointer<UInt8>, _ chunkStart: Int, _ a: Int, _ b: Int, first: Bool, last: Bool)
        -> (lo: Int, hi: Int, text: String, lower: String, shape: Shape, letters: Int)
    {
        var lo = a, hi = b
        if first, let apostrophe = (lo..<hi).first(where: { Self.isApostrophe(scalars[$0]) }), apostrophe > lo,
           apostrophe + 1 < hi, apostrophe - lo <= 6 {
            var head = ""
            for k in lo..<apostrophe { head.unicodeScalars.append(scalars[k]) }
            if Self.elisions.contains(head.lowercased()) { lo = apostrophe + 1 }
        }
        if last, hi - lo > 2, Self.isApostrophe(scalars[hi - 2]), scalars[hi - 1] == "s" || scalars[hi - 1] == "S" {
            hi -= 2
        }
        var upper = 0, lowerCount = 0, letters = 0, firstUpper = false, plainApostrophes = true
        for k in lo..<hi {
            let c = scalars[k]
            if c == "\u{2019}" || c == "\u{02BC}" { plainApostrophes = false }
            guard Self.isLetter(c) else { continue }
            letters += 1
            if c.isASCII ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase {
                upper += 1
                if k == lo { firstUpper = true }
            } else if c.isASCII || c.properties.isLowercase {
                lowerCount += 1
            }
        }
        let text: String
        if plainApostrophes {
            text = Self.text(buf, (chunkStart + offsets[lo])..<(chunkStart + offsets[hi]))
        } else {
            var s = ""
            for k in lo..<hi { s.unicodeScalars.append(Self.isApostrophe(scalars[k]) ? "'" : scalars[k]) }
            text = s
        }
        let shape = Self.shape(
            letters: letters, upper: upper, lower: lowerCount, firstUpper: firstUpper, endsWithS: scalars[hi - 1] == "s")
        return (lo, hi, text, shape == .lower ? text : Self.lowercased(text), shape, letters)
    }

    /// `text.lowercased()`, by bytes for ASCII text (where it only maps A–Z).
    static func lowercased(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    ]

    /// The word as a rare word or specialist term, or nil when it is familiar.
    private mutating func unfamiliar(_ word: String, _ facts: JargonLexicon.WordFacts) -> ItemID? {
        if let wording = facts.term {
            return intern(.word, word, zipf: facts.zipf, isTerm: true, suggestion: wording.isEmpty ? nil : wording)
        }
        let zipf = lexicon.zipf(of: word, enough: rareBand, exact: facts.zipf)
        guard zipf < rareBand else { return nil }
        // The plain-word suggestion is looked up for reported words only, at the end.
        return intern(.word, word, zipf: zipf)
    }

    /// A word's shape from its letter counts (upper- and lower-case letters among `letters`): the
    /// one rule for the byte fast path and for `makePart`. `endsWithS`: the last letter is a
    /// lower-case "s" ("PCs" is a plural acronym).
    @inline(__always)
    static func shape(letters: Int, upper: Int, lower lowerCount: Int, firstUpper: Bool, endsWithS: Bool) -> Shape {
        if upper == 0 { return .lower }
        if upper == 1 && firstUpper { return letters == 1 ? .upper : .title }
        if lowerCount == 0 { return .upper }
        if lowerCount == 1 && upper >= 2 && endsWithS { return .upperPlural }
        return .mixed
    }

    /// The acronym an all-caps part stands for, or nil when it is not one: a single letter, too
    /// long, a Roman numeral, known to everyone, or an ordinary word in capitals ("NOTE").
    private mutating func acronym(_ text: String, plural: Bool) -> ItemID? {
        var key = text
        if plural { key.removeLast() }
        let letters = key.unicodeScalars.count
        guard letters >= 2 && letters <= 6 else { return nil }
        if key.unicodeScalars.allSatisfy({ $0 == "I" || $0 == "V" || $0 == "X" }) { return nil }
        // The byte test first: most keys have no apostrophe, and `contains` compares Characters.
        if key.utf8.contains(UInt8(ascii: "'")), key.contains("'") { return nil }
        if lexicon.isKnownAcronym(key) { return nil }
        if lexicon.exactZipf(key.lowercased()) >= acronymWordBand { return nil }
        return intern(.acronym, key)
    }

    // MARK: Phrases and parentheses

    /// Stores a phrase word (its lower-case UTF-8) and returns its index.
    private mutating func addPhraseWord(_ bytes: some Sequence<UInt8>) -> Int32 {
        phraseBytes.append(contentsOf: bytes)
        phraseEnds.append(Int32(truncatingIfNeeded: phraseBytes.count))
        return Int32(truncatingIfNeeded: phraseEnds.count - 1)
    }

    /// Phrase word `index` as a String: made only when a term may start with it.
    private func phraseWord(_ index: Int32) -> String {
        let i = Int(index)
        let start = i == 0 ? 0 : Int(phraseEnds[i - 1])
        return String(decoding: phraseBytes[start..<Int(phraseEnds[i])], as: UTF8.self)
    }

    /// Multi-word terms ("hadronic calorimeter", "luminosité intégrée") over the last words.
    private mutating func phrase(_ index: Int32, opens: Bool, _ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        // Most windows hold no word that starts a term: nothing to look up.
        guard (window.count == 2 && window[0].opens) || (window.last?.opens ?? false) else {
            if window.count == 2 { window.removeFirst() }
            window.append((index, start, opens))
            return
        }
        let word = phraseWord(index)
        if window.count == 2, window[0].opens {
            let first = phraseWord(window[0].word), second = phraseWord(window[1].word)
            let key = first + " " + second + " " + word
            if let wording = lexicon.term(key) {
                matched(key, [first, second, word], wording, buf, window[0].start..<end)
                return
            }
        }
        if let previous = window.last, previous.opens {
            let first = phraseWord(previous.word)
            let key = first + " " + word
            if let wording = lexicon.term(key) {
                matched(key, [first, word], wording, buf, previous.start..<end)
                return
            }
        }
        if window.count == 2 { window.removeFirst() }
        window.append((index, start, opens))
    }

    private mutating func matched(_ key: String, _ components: [String], _ wording: String,
                                  _ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        occurrence(intern(.word, key, isTerm: true, suggestion: wording.isEmpty ? nil : wording), buf, range)
        for component in components {
            if let id = wordIDs[component], id >= 0 { items[Int(id)].inPhrases += 1 }
        }
        window.removeAll()
    }

    private mutating func openParen() {
        paren = Paren(acronymsBefore: lastAcronyms, wordBefore: lastWasWord)
        window.removeAll()
    }

    /// "LF (long form)": an acronym followed by at least two words in parentheses. "Long Form
    /// (LF)": an acronym alone in parentheses right after a word. Either spells it out.
    private mutating func closeParen() {
        if let p = paren {
            if p.words >= 2 {
                for id in p.acronymsBefore where id >= 0 { items[Int(id)].defined = true }
            }
            if p.tokens == 1, p.wordBefore, let id = p.soleAcronym, id >= 0 { items[Int(id)].defined = true }
        }
        paren = nil
        window.removeAll()
        lastAcronyms.removeAll(keepingCapacity: true)
        lastWasWord = false
    }

    private mutating func endSentence() {
        if wordsInSentence > 0 { sentenceCount += 1 }
        wordsInSentence = 0
        window.removeAll()
    }

    // MARK: Recording

    /// The item for `key`, created on first sight.
    private mutating func intern(_ kind: Kind, _ key: String, zipf: UInt8 = 0, isTerm: Bool = false,
                                 suggestion: String? = nil) -> ItemID {
        switch kind {
        case .word: if let id = wordIDs[key] { return id }
        case .acronym: if let id = acronymIDs[key] { return id }
        case .slang: if let id = slangIDs[key] { return id }
        }
        guard items.count < Self.maxTrackedWords else { return Self.untracked }
        let id = ItemID(items.count)
        items.append(Item(kind: kind, key: key, zipf: zipf, isTerm: isTerm, suggestion: suggestion))
        switch kind {
        case .word: wordIDs[key] = id
        case .acronym: acronymIDs[key] = id
        case .slang: slangIDs[key] = id
        }
        return id
    }

    private mutating func occurrence(_ id: ItemID, _ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard id >= 0 else {
            untrackedOccurrences += 1
            return
        }
        let index = Int(id)
        if items[index].count == 0 {
            items[index].display = Self.text(buf, range)
            items[index].range = range
        }
        items[index].count += 1
    }

    static func text(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
    }

    /// One scalar from valid UTF-8 (Swift strings are), with a replacement character for a
    /// sequence cut short by `end`.
    @inline(__always)
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let b0 = buf[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 {
            length = 2
            value = UInt32(b0 & 0x1F)
        } else if b0 & 0xF0 == 0xE0 {
            length = 3
            value = UInt32(b0 & 0x0F)
        } else if b0 & 0xF8 == 0xF0 {
            length = 4
            value = UInt32(b0 & 0x07)
        } else {
            return ("\u{FFFD}", 1)
        }
        guard i + length <= end else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let b = buf[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
