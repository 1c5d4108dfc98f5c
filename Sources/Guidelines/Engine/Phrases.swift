/// Phrase patterns: how rule files write the words and phrases they look for, compiled into an
/// index so that matching one text costs one dictionary look-up per token.
///
/// A pattern is words separated by spaces; case and accents never matter (`crétin` matches
/// `CRETIN`), and apostrophes and hyphens split words the way the text is split (`d'incapables`
/// is `d incapables`, `brain-dead` is `brain dead`). Each word may be:
///
/// | written       | matches                                                             |
/// |---------------|---------------------------------------------------------------------|
/// | `idiot`       | that word                                                           |
/// | `idiot*`      | a word starting with `idiot` (`idiots`, `idiotic`)                  |
/// | `idiot|moron` | either                                                              |
/// | `[the|a]`     | either, or nothing (optional)                                       |
/// | `...`         | zero to three words, within the sentence                            |
/// | `=BREAKING`   | that exact spelling, upper case included                           |
/// | `word:`       | the word followed by a colon                                        |
/// | `{org}`       | any entry of the named list `org` (rule files define lists)         |
/// | `<number>`    | a number; also `<year>` (1900–2099), `<code>` (letters and digits), |
/// |               | `<caps>` (an upper-case word), `<name>` (a capitalised word),       |
/// |               | `<word>` (any word)                                                 |
///
/// Contract: matching is linear in the number of tokens (each pattern is bounded: at most 12
/// words and gaps of at most 3), and never recurses deeper than a pattern's length.

/// The words of one rule book, numbered: patterns and texts compare word numbers, not strings.
///
/// `@unchecked Sendable`: words are added only while the rule book that owns the lexicon is being
/// built (on one thread, in `RuleBook.init`); afterwards it is only read.
final class Lexicon: @unchecked Sendable {
    /// The words and their index, as one value that a text's tokenizer takes once.
    private(set) var table = Table()


    /// Eight bytes per multiply (the tokenizer hashes every word it looks up).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteSearch.hash(bytes) }

    static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { hash($0) } }

    var count: Int { table.hashes.count }

    /// Open addressing by FNV-1a hash of the folded bytes (the hash the tokenizer computes as it
    /// folds): a look-up is a probe or two, no String hashing. Words are stored end to end.
    struct Table: Sendable {
        /// Per slot: the word's number + 1 in the high 32 bits (0: free) and the high 32 bits of
        /// its hash in the low ones, so that a probe rarely reads the word itself. The count is a
        /// power of two.
        fileprivate(set) var slots = [UInt64](repeating: 0, count: 1024)
        fileprivate(set) var hashes: [UInt64] = []
        /// Each word's first eight bytes as one integer (`ByteSearch.pack`), and its length.
        fileprivate(set) var heads: [UInt64] = []
        fileprivate(set) var lengths: [Int32] = []
        /// Where each word starts in `bytes`; one more element than there are words.
        fileprivate(set) var starts: [Int32] = [0]
        fileprivate(set) var bytes: [UInt8] = []
        /// The longest word, in bytes: a longer one is looked up no further.
        fileprivate(set) var longest = 0

        /// The number of the word whose folded UTF-8 bytes are `key` (hash `hash`), or -1 when no
        /// pattern uses it.
        func id(hash: UInt64, _ key: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard key.count <= longest else { return -1 }
            let head = ByteSearch.pack(UnsafeBufferPointer(rebasing: key[0..<min(8, key.count)]))
            return probe(hash: hash, head: head, count: key.count) { equals($0, key) }
        }

        /// `id(hash:_:)` for a word of at most eight bytes given as `ByteSearch.pack` packs it:
        /// its hash follows from the packed form (`ByteSearch.hash` of so short a key is one
        /// multiply of it), so the tokenizer reads the word's bytes once.
        @inline(__always)
        func id(head: UInt64, count: Int) -> Int32 {
            guard count >= 1, count <= longest, count <= 8 else { return -1 }
            var hash = (ByteSearch.hashSeed ^ UInt64(count) ^ head) &* ByteSearch.hashMultiplier
            hash ^= hash >> 29
            return probe(hash: hash, head: head, count: count) { _ in false }
        }

        /// The open-addressing walk both look-ups share: a word matches on its tag, first eight
        /// bytes and length, and a word longer than eight bytes also on `longMatches`.
        @inline(__always)
        private func probe(hash: UInt64, head: UInt64, count: Int, longMatches: (Int) -> Bool) -> Int32 {
            let mask = slots.count - 1
            let tag = hash >> 32
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { return -1 }
                if slot & 0xFFFF_FFFF == tag {
                    let word = Int(slot >> 32) - 1
                    if heads[word] == head, Int(lengths[word]) == count, count <= 8 || longMatches(word) {
                        return Int32(word)
                    }
                }
                i = (i + 1) & mask
            }
        }

        private func equals(_ word: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = Int(starts[word])
            for k in 8..<key.count where bytes[start + k] != key[k] { return false }
            return true
        }

        fileprivate mutating func insert(_ id: Int32, _ hash: UInt64) {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt64(UInt32(id) + 1) << 32 | hash >> 32
        }
    }

    /// The number of `word`, adding it when new (while compiling patterns only).
    func add(_ word: String) -> Int32 {
        let bytes = Array(word.utf8)
        let h = Self.hash(bytes)
        let found = id(hash: h, bytes)
        if found >= 0 { return found }
        let id = Int32(table.hashes.count)
        table.bytes.append(contentsOf: bytes)
        table.starts.append(Int32(table.bytes.count))
        table.hashes.append(h)
        table.heads.append(bytes.withUnsafeBufferPointer { ByteSearch.pack(UnsafeBufferPointer(rebasing: $0[0..<min(8, $0.count)])) })
        table.lengths.append(Int32(bytes.count))
        table.longest = max(table.longest, bytes.count)
        if table.hashes.count * 2 > table.slots.count {
            table.slots = [UInt64](repeating: 0, count: table.slots.count * 2)
            for (i, hash) in table.hashes.enumerated() { table.insert(Int32(i), hash) }
        } else {
            table.insert(id, h)
        }
        return id
    }

    /// The number of the word whose folded UTF-8 bytes are `bytes` (hash `hash`), or -1 when no
    /// pattern uses it.
    func id(hash: UInt64, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBufferPointer { table.id(hash: hash, $0) }
    }

    /// The word with number `id`.
    func word(_ id: Int32) -> String {
        String(decoding: table.bytes[Int(table.starts[Int(id)])..<Int(table.starts[Int(id) + 1])], as: UTF8.self)
    }

    /// The number of `word` (already folded), or -1.
    func id(_ word: String) -> Int32 {
        let bytes = Array(word.utf8)
        return id(hash: Self.hash(bytes), bytes)
    }
}

struct PhraseElement: Sendable {
    enum Kind: Sendable {
        case words(Set<String>)
        case prefixes([String])
        case exact(String)
        case tokenClass(TokenClass)
        case gap(Int)
    }
    var kind: Kind
    var colonAfter: Bool = false
    /// For `.words`: the words' numbers in the rule book's lexicon, sorted (set when the pattern
    /// joins a phrase set).
    var ids: [Int32] = []
    /// The element may also match nothing (only set on gaps; optional words are expanded).
    func accepts(_ token: Token, text: [UInt8]) -> Bool {
        switch kind {
        case .words:
            let word = token.word
            guard word >= 0 else { return false }
            if ids.count <= 8 { return ids.contains(word) }
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ids[mid] < word { lo = mid + 1 } else { hi = mid }
            }
            return lo < ids.count && ids[lo] == word
        case .prefixes(let list): return list.contains { token.normHasPrefix($0, in: text) }
        case .exact(let spelling):
            guard token.end - token.start == spelling.utf8.count else { return false }
            var k = token.start
            for b in spelling.utf8 {
                if text[k] != b { return false }
                k += 1
            }
            return true
        case .tokenClass(let cls): return cls.accepts(token)
        case .gap: return true
        }
    }
}

enum TokenClass: String, Sendable, CaseIterable {
    case number, year, code, caps, name, word

    /// `allCases` once (the synthesised property builds a new array at each use).
    static let byIndex: [TokenClass] = allCases

    /// `byIndex[index]`, without reading the lazily initialised static.
    static func at(_ index: Int) -> TokenClass {
        switch index {
        case 0: .number
        case 1: .year
        case 2: .code
        case 3: .caps
        case 4: .name
        default: .word
        }
    }

    func accepts(_ token: Token) -> Bool {
        switch self {
        case .number: return token.flags.contains(.number)
        case .year: return token.flags.contains(.year)
        case .code: return token.flags.contains(.mixed) && token.normLength >= 4
        case .caps: return token.flags.contains(.allCaps)
        case .name: return token.flags.contains(.capitalized) && !token.flags.contains(.allCaps)
        case .word: return !token.flags.contains(.symbol)
        }
    }
}

struct PhrasePattern: Sendable {
    let elements: [PhraseElement]
    /// As written in the rule file, for `why`.
    let source: String
}

/// Why a pattern could not be compiled; the rule loader adds the file and key.
struct PhraseError: Error, Sendable {
    let message: String
}

/// A compiled set of patterns.
///
/// A class, so that the rules, signals and context entries that hold a set share it: matching
/// reads them for every text, and copying a struct of this many arrays cost a retain and a
/// release per array each time. Immutable: `Builder` compiles the patterns, the set keeps the
/// result.
final class PhraseSet: Sendable {
    let patterns: [PhrasePattern]
    /// The patterns' elements as plain values, end to end: matching reads these, so that it
    /// copies nothing that needs a retain (an element's Set or String would).
    private let steps: [Step]
    /// Where each pattern's steps start in `steps`; one more element than there are patterns.
    private let patternStarts: [Int32]
    /// The word numbers of `.words` steps, each step's sorted.
    private let stepWords: [Int32]
    private let prefixLists: [[String]]
    private let exacts: [[UInt8]]

    /// One element of a compiled pattern.
    struct Step: Sendable {
        enum Kind: UInt8, Sendable { case words, prefixes, exact, tokenClass, gap }
        let kind: Kind
        let colonAfter: Bool
        /// `.words`: the first of its words in `stepWords`; `.prefixes`: its list in
        /// `prefixLists`; `.exact`: its spelling in `exacts`; `.tokenClass`: the class's index in
        /// `TokenClass.byIndex`; `.gap`: its width.
        let a: Int32
        /// `.words`: how many words.
        let b: Int32
    }
    /// Patterns whose first element is a plain word, by that word's number (an array read per
    /// token, no hashing): the index into `firstLists`, or -1.
    private let firstTable: [Int32]
    private let firstLists: [[Int]]
    /// Words of which at least one must occur in a text for any pattern to match there: each
    /// pattern's least common anchor. A set none of whose quick words occur is skipped at once.
    private let quickWords: [Int32]
    /// A pattern has no word anchor (a class or a prefix first): no quick rejection possible.
    private let hasUnanchored: Bool
    /// Patterns that start with anything else (prefix, class, exact spelling).
    private let generic: [Int]
    /// For each pattern, the words it may be found by in a text's index: each element of its
    /// fixed start (before any gap) that is a word (or an exact spelling), with its distance from
    /// the start. Matching picks, per text, the element whose words are rarest there. Stored flat
    /// (pattern `p`'s anchors are `anchors[anchorStarts[p]..<anchorStarts[p + 1]]`, an anchor's
    /// words `anchorWords[anchor.words]`): matching reads every pattern's anchors for every text,
    /// and nested arrays would cost a pointer chase (and a retain) each.
    private let anchors: [Anchor]
    private let anchorStarts: [Int32]
    private let anchorWords: [Int32]

    struct Anchor: Sendable {
        let offset: Int
        let words: Range<Int>
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// The empty set.
    convenience init() { self.init(Builder()) }

    /// Compiles `sources`; `lists` holds the named lists for `{name}`; every word gets its number
    /// in `lexicon` (the rule book's, which texts are then read with).
    convenience init(_ sources: [String], lists: [String: [String]], lexicon: Lexicon) throws(PhraseError) {
        var builder = Builder()
        for source in sources {
            for expanded in try Self.expand(source, lists: lists) {
                builder.add(PhrasePattern(elements: expanded, source: source), lexicon: lexicon)
            }
        }
        self.init(builder)
    }

    private init(_ built: Builder) {
        patterns = built.patterns
        steps = built.steps
        patternStarts = built.patternStarts
        stepWords = built.stepWords
        prefixLists = built.prefixLists
        exacts = built.exacts
        firstTable = built.firstTable
        firstLists = built.firstLists
        quickWords = built.quickWords
        hasUnanchored = built.hasUnanchored
        generic = built.generic
        anchors = built.anchors
        anchorStarts = built.anchorStarts
        anchorWords = built.anchorWords
    }

    /// The set's tables while patterns are added, as `PhraseSet` documents them.
    private struct Builder {
        var patterns: [PhrasePattern] = []
        var steps: [Step] = []
        var patternStarts: [Int32] = [0]
        var stepWords: [Int32] = []
        var prefixLists: [[String]] = []
        var exacts: [[UInt8]] = []
        var firstTable: [Int32] = []
        var firstLists: [[Int]] = []
        var quickWords: [Int32] = []
        var hasUnanchored = false
        /// The words already in `quickWords`.
        var quickSeen: Set<Int32> = []
        var generic: [Int] = []
        var anchors: [Anchor] = []
        var anchorStarts: [Int32] = [0]
        var anchorWords: [Int32] = []

        mutating func add(_ pattern: PhrasePattern, lexicon: Lexicon) {
            var elements = pattern.elements
            for i in elements.indices {
                if case .words(let set) = elements[i].kind { elements[i].ids = set.map(lexicon.add).sorted() }
            }
            let index = patterns.count
            patterns.append(PhrasePattern(elements: elements, source: pattern.source))
            for element in elements {
                switch element.kind {
                case .words:
                    steps.append(Step(kind: .words, colonAfter: element.colonAfter, a: Int32(stepWords.count), b: Int32(element.ids.count)))
                    stepWords.append(contentsOf: element.ids)
                case .prefixes(let list):
                    steps.append(Step(kind: .prefixes, colonAfter: element.colonAfter, a: Int32(prefixLists.count), b: 0))
                    prefixLists.append(list)
                case .exact(let spelling):
                    steps.append(Step(kind: .exact, colonAfter: element.colonAfter, a: Int32(exacts.count), b: 0))
                    exacts.append(Array(spelling.utf8))
                case .tokenClass(let cls):
                    let number = TokenClass.byIndex.firstIndex(of: cls) ?? 0
                    steps.append(Step(kind: .tokenClass, colonAfter: element.colonAfter, a: Int32(number), b: 0))
                case .gap(let width):
                    steps.append(Step(kind: .gap, colonAfter: element.colonAfter, a: Int32(width), b: 0))
                }
            }
            patternStarts.append(Int32(steps.count))
            var own: [(offset: Int, words: [Int32])] = []
            for (offset, element) in elements.enumerated() {
                if case .gap = element.kind { break }
                switch element.kind {
                case .words: own.append((offset, element.ids))
                case .exact(let spelling): own.append((offset, PhraseSet.foldedWords(spelling).prefix(1).map(lexicon.add)))
                default: continue
                }
            }
            for anchor in own {
                anchors.append(Anchor(offset: anchor.offset, words: anchorWords.count..<(anchorWords.count + anchor.words.count)))
                anchorWords.append(contentsOf: anchor.words)
            }
            anchorStarts.append(Int32(anchors.count))
            if let anchor = own.min(by: { PhraseSet.commonness($0.words, lexicon) < PhraseSet.commonness($1.words, lexicon) }) {
                for word in anchor.words where quickSeen.insert(word).inserted { quickWords.append(word) }
            } else {
                hasUnanchored = true
            }
            guard let first = elements.first else { return }
            if case .words = first.kind {
                for word in first.ids {
                    let w = Int(word)
                    if w >= firstTable.count { firstTable.append(contentsOf: repeatElement(-1, count: w + 1 - firstTable.count)) }
                    if firstTable[w] < 0 {
                        firstTable[w] = Int32(firstLists.count)
                        firstLists.append([])
                    }
                    firstLists[Int(firstTable[w])].append(index)
                }
            } else {
                generic.append(index)
            }
        }
    }

    // MARK: Matching with the index

    /// Function words are poor anchors: a pattern is better found by its rarer words.
    static let common: Set<String> = [
        "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "and", "or", "is", "are", "be", "my", "your", "our",
        "it", "this", "that", "i", "we", "you", "he", "she", "with", "not", "de", "la", "le", "les", "des", "du", "un",
        "une", "et", "a", "au", "aux", "en", "d", "l", "s", "est", "sont", "par", "pour", "sur", "que", "qui", "il",
        "elle", "nous", "vous", "je", "ce", "cette", "ces", "mon", "ma", "mes", "son", "sa", "ses", "avec", "pas", "ne",
    ]

    /// How common an anchor's words are, roughly: function words worst, then short words.
    static func commonness(_ words: [Int32], _ lexicon: Lexicon) -> Int {
        words.map { id in
            let word = lexicon.word(id)
            return common.contains(word) ? 1000 : 100 - min(word.utf8.count, 50)
        }.max() ?? 1000
    }

    /// Below this many tokens a range is scanned token by token; above, only the places where a
    /// pattern can start are visited.
    static let scanLimit = 64

    /// Like `matches(in:_:text:)` over a laid-out text, at most `limit` matches.
    func matches(in layout: TextLayout, _ range: Range<Int>, text: [UInt8], limit: Int = Int.max, inLinks: Bool = false) -> [PhraseMatch] {
        guard !patterns.isEmpty, !range.isEmpty, limit > 0, mayOccur(in: layout.index) else { return [] }
        if range.count <= Self.scanLimit { return scan(layout.tokens, range, text: text, limit: limit, inLinks: inLinks) }
        return indexedMatches(in: layout, range, text: text, limit: limit, inLinks: inLinks)
    }

    /// False when no pattern can match anywhere in the text `index` describes: every pattern
    /// needs one of its anchor words, and none of them occurs.
    func mayOccur(in index: WordIndex) -> Bool {
        hasUnanchored || quickWords.contains { index.contains($0) }
    }

    /// `matches(in:_:text:)` up to `limit` matches.
    private func scan(_ tokens: [Token], _ range: Range<Int>, text: [UInt8], limit: Int, inLinks: Bool) -> [PhraseMatch] {
        var result: [PhraseMatch] = []
        for i in range {
            if let found = longestMatch(at: i, in: tokens, limit: range.upperBound, text: text, inLinks: inLinks) {
                result.append(found)
                if result.count >= limit { break }
            }
        }
        return result
    }

    /// Like `occurs(in:_:text:)` over a laid-out text.
    func occurs(in layout: TextLayout, _ range: Range<Int>, text: [UInt8], inLinks: Bool = false) -> PhraseMatch? {
        matches(in: layout, range, text: text, limit: 1, inLinks: inLinks).first
    }

    /// One sorted list of places where one pattern may start: its anchor's positions, shifted.
    private struct Stream {
        let pattern: Int
        let offset: Int
        let positions: ArraySlice<Int32>
        var next: Int
        var start: Int { Int(positions[next]) - offset }
    }

    /// Visits, in text order, only the places where a pattern's rarest anchor word occurs; at each
    /// place the longest pattern that matches there wins (as in `matches(in:_:text:)`).
    private func indexedMatches(in layout: TextLayout, _ range: Range<Int>, text: [UInt8], limit: Int, inLinks: Bool) -> [PhraseMatch] {
        let index = layout.index
        let tokens = layout.tokens
        var streams: [Stream] = []
        for p in 0..<patterns.count {
            // The anchor whose words occur least in this text; a pattern with an absent anchor word
            // set cannot match at all.
            var best: (anchor: Anchor, count: Int)?
            for a in Int(anchorStarts[p])..<Int(anchorStarts[p + 1]) {
                let anchor = anchors[a]
                var count = 0
                // The presence bit first: most anchor words are absent from most texts.
                for k in anchor.words where index.contains(anchorWords[k]) { count += index.count(anchorWords[k]) }
                if count < best?.count ?? Int.max { best = (anchor, count) }
                if count == 0 { break }
            }
            if let best {
                guard best.count > 0, wordStepsOccur(p, index) else { continue }
                let shifted = (range.lowerBound + best.anchor.offset)..<(range.upperBound + best.anchor.offset)
                for word in anchorWords[best.anchor.words] {
                    guard let list = index.list(word) else { continue }
                    let slice = Self.slice(list, shifted)
                    if !slice.isEmpty { streams.append(Stream(pattern: p, offset: best.anchor.offset, positions: slice, next: slice.startIndex)) }
                }
            } else if let first = patterns[p].elements.first, wordStepsOccur(p, index) {
                // No word to anchor on (a class or a prefix first): the class's or prefix's places.
                var lists: [ArraySlice<Int32>] = []
                switch first.kind {
                case .tokenClass(let cls):
                    if let list = index.classes[cls] { lists.append(list[...]) } else { lists.append(Array(0..<Int32(truncatingIfNeeded: tokens.count))[...]) }
                case .prefixes(let prefixes):
                    var list: [Int32] = []
                    for (i, token) in tokens.enumerated() where prefixes.contains(where: { token.normHasPrefix($0, in: text) }) {
                        list.append(Int32(truncatingIfNeeded: i))
                    }
                    lists.append(list[...])
                default: break
                }
                for list in lists {
                    let slice = Self.slice(list, range)
                    if !slice.isEmpty { streams.append(Stream(pattern: p, offset: 0, positions: slice, next: slice.startIndex)) }
                }
            }
        }
        guard !streams.isEmpty else { return [] }
        // A binary min-heap of streams by their next start.
        var heap = Array(streams.indices)
        func less(_ a: Int, _ b: Int) -> Bool { streams[heap[a]].start < streams[heap[b]].start }
        func siftDown(_ i: Int) {
            var i = i
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(l, m) { m = l }
                if r < heap.count, less(r, m) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in stride(from: heap.count / 2, through: 0, by: -1) { siftDown(i) }
        var result: [PhraseMatch] = []
        var current: PhraseMatch?
        var currentStart = Int.min
        func flush() {
            if let found = current { result.append(found) }
            current = nil
        }
        while let top = heap.first {
            let stream = streams[top]
            let start = stream.start
            // Advance this stream, or drop it when it is spent.
            streams[top].next += 1
            if streams[top].next >= streams[top].positions.endIndex {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
            guard start >= range.lowerBound, start < range.upperBound else { continue }
            if start != currentStart {
                flush()
                if result.count >= limit { return result }
                currentStart = start
            }
            if let last = match(stream.pattern, start, tokens, range.upperBound, text, inLinks: inLinks),
               last > current?.last ?? Int.min {
                current = PhraseMatch(pattern: stream.pattern, first: start, last: last)
            }
        }
        flush()
        return Array(result.prefix(limit))
    }

    /// Whether every word step of pattern `pattern` has one of its words in the text: a pattern
    /// matches only where each of its steps does ("door … code" cannot match a text without
    /// "code", however many doors it has), so one that fails this is not tried anywhere.
    private func wordStepsOccur(_ pattern: Int, _ index: WordIndex) -> Bool {
        for e in Int(patternStarts[pattern])..<Int(patternStarts[pattern + 1]) where steps[e].kind == .words {
            let first = Int(steps[e].a)
            var found = false
            for k in first..<(first + Int(steps[e].b)) where index.contains(stepWords[k]) {
                found = true
                break
            }
            if !found { return false }
        }
        return true
    }

    /// The part of a sorted position list inside `range`.
    private static func slice(_ list: ArraySlice<Int32>, _ range: Range<Int>) -> ArraySlice<Int32> {
        func lowerBound(_ value: Int) -> Int {
            var lo = list.startIndex, hi = list.endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(list[mid]) < value { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return list[lowerBound(range.lowerBound)..<lowerBound(range.upperBound)]
    }

    /// Every match in `tokens[range]`: for each start token, the longest pattern that matches
    /// there. Matches may overlap only when they start at different tokens. Words inside URLs and
    /// e-mail addresses match only with `inLinks`.
    func matches(in tokens: [Token], _ range: Range<Int>, text: [UInt8], inLinks: Bool = false) -> [PhraseMatch] {
        guard !patterns.isEmpty else { return [] }
        var result: [PhraseMatch] = []
        for i in range {
            if let found = longestMatch(at: i, in: tokens, limit: range.upperBound, text: text, inLinks: inLinks) { result.append(found) }
        }
        return result
    }

    /// The longest pattern matching from token `i`, not reading past `limit`.
    func longestMatch(at i: Int, in tokens: [Token], limit: Int, text: [UInt8], inLinks: Bool = false) -> PhraseMatch? {
        var best: PhraseMatch?
        func consider(_ index: Int) {
            if let last = match(index, i, tokens, limit, text, inLinks: inLinks) {
                if last > best?.last ?? Int.min {
                    best = PhraseMatch(pattern: index, first: i, last: last)
                }
            }
        }
        let word = Int(tokens[i].word)
        if word >= 0, word < firstTable.count, firstTable[word] >= 0 {
            let candidates = firstLists[Int(firstTable[word])]
            for index in candidates { consider(index) }
        }
        for index in generic { consider(index) }
        return best
    }

    /// Whether any pattern matches within `tokens[range]`.
    func occurs(in tokens: [Token], _ range: Range<Int>, text: [UInt8], inLinks: Bool = false) -> PhraseMatch? {
        guard !patterns.isEmpty else { return nil }
        for i in range {
            if let found = longestMatch(at: i, in: tokens, limit: range.upperBound, text: text, inLinks: inLinks) { return found }
        }
        return nil
    }

    /// Index of the last token matched by pattern `pattern` from token `t`, or nil.
    @inline(__always)
    private func match(_ pattern: Int, _ t: Int, _ tokens: [Token], _ limit: Int, _ text: [UInt8], inLinks: Bool) -> Int? {
        guard t < tokens.count else { return nil }
        return match(Int(patternStarts[pattern]), Int(patternStarts[pattern + 1]), t, tokens, limit, text,
                     sentence: tokens[t].sentence, inLinks: inLinks)
    }

    /// Index of the last token matched by `steps[e..<end]` from token `t`, or nil.
    private func match(_ e: Int, _ end: Int, _ t: Int, _ tokens: [Token], _ limit: Int,
                       _ text: [UInt8], sentence: Int, inLinks: Bool) -> Int? {
        var e = e
        var t = t
        var lastMatched = t - 1
        while e < end {
            let step = steps[e]
            if step.kind == .gap {
                // Try each width, shortest first; a gap never crosses a sentence.
                for skip in 0...Int(step.a) {
                    let next = t + skip
                    if next > limit { break }
                    if skip > 0 && tokens[next - 1].sentence != sentence { break }
                    if next < limit, let found = match(e + 1, end, next, tokens, limit, text, sentence: sentence, inLinks: inLinks) {
                        return found
                    }
                }
                return nil
            }
            guard t < limit else { return nil }
            let token = tokens[t]
            guard inLinks || !token.flags.contains(.link), accepts(step, token, text) else { return nil }
            if step.colonAfter && !token.flags.contains(.colonAfter) { return nil }
            lastMatched = t
            t += 1
            e += 1
        }
        return lastMatched
    }

    /// `PhraseElement.accepts` on a compiled step.
    @inline(__always)
    private func accepts(_ step: Step, _ token: Token, _ text: [UInt8]) -> Bool {
        switch step.kind {
        case .words:
            let word = token.word
            guard word >= 0 else { return false }
            let lo = Int(step.a), count = Int(step.b)
            if count <= 8 {
                for k in lo..<(lo + count) where stepWords[k] == word { return true }
                return false
            }
            var low = lo, high = lo + count
            while low < high {
                let mid = (low + high) / 2
                if stepWords[mid] < word { low = mid + 1 } else { high = mid }
            }
            return low < lo + count && stepWords[low] == word
        case .prefixes:
            return prefixLists[Int(step.a)].contains { token.normHasPrefix($0, in: text) }
        case .exact:
            let spelling = exacts[Int(step.a)]
            guard token.end - token.start == spelling.count else { return false }
            for k in 0..<spelling.count where text[token.start + k] != spelling[k] { return false }
            return true
        case .tokenClass:
            return TokenClass.at(Int(step.a)).accepts(token)
        case .gap:
            return true
        }
    }

    // MARK: Compiling

    /// A pattern with its optional groups and multi-word alternatives expanded into plain
    /// sequences of elements.
    static func expand(_ source: String, lists: [String: [String]]) throws(PhraseError) -> [[PhraseElement]] {
        let raw = source.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !raw.isEmpty else { throw PhraseError(message: "an empty pattern") }
        // Each raw word becomes a list of alternatives, each alternative a list of elements.
        var slots: [[[PhraseElement]]] = []
        for word in raw {
            // A colon set apart (French spacing: "entre nous :") belongs to the word before it.
            if word == ":", var last = slots.popLast() {
                for i in last.indices where !last[i].isEmpty { last[i][last[i].count - 1].colonAfter = true }
                slots.append(last)
                continue
            }
            slots.append(try alternatives(word, lists: lists))
        }
        var results: [[PhraseElement]] = [[]]
        for slot in slots {
            var next: [[PhraseElement]] = []
            for prefix in results {
                for alternative in slot { next.append(prefix + alternative) }
            }
            results = next
            if results.count > 256 {
                throw PhraseError(message: "\"\(source)\" expands to too many phrases; split it into several patterns")
            }
        }
        results = results.filter { !$0.isEmpty }
        for elements in results {
            if elements.count > 12 { throw PhraseError(message: "\"\(source)\" is longer than 12 words") }
            if case .gap = elements.first?.kind { throw PhraseError(message: "\"\(source)\" starts with ...") }
            if case .gap = elements.last?.kind { throw PhraseError(message: "\"\(source)\" ends with ...") }
        }
        guard !results.isEmpty else { throw PhraseError(message: "\"\(source)\" matches nothing") }
        return results
    }

    /// The alternatives of one written word; an optional group adds the empty alternative.
    private static func alternatives(_ word: String, lists: [String: [String]]) throws(PhraseError) -> [[PhraseElement]] {
        if word == "..." { return [[PhraseElement(kind: .gap(3))]] }
        var body = Substring(word)
        var optional = false
        if body.hasPrefix("["), body.hasSuffix("]"), body.count >= 2 {
            optional = true
            body = body.dropFirst().dropLast()
        }
        var colon = false
        if body.count > 1, body.hasSuffix(":") {
            colon = true
            body = body.dropLast()
        }
        var result: [[PhraseElement]] = []
        for option in body.split(separator: "|", omittingEmptySubsequences: false) {
            guard !option.isEmpty else { throw PhraseError(message: "\"\(word)\" has an empty alternative") }
            if option.hasPrefix("{") {
                result.append(contentsOf: try listAlternatives(String(option), lists: lists, colon: colon))
                continue
            }
            var elements = try elementsOf(String(option))
            if colon, !elements.isEmpty { elements[elements.count - 1].colonAfter = true }
            if !elements.isEmpty { result.append(elements) }
        }
        // Single words of one group share an element (one set), so they do not multiply patterns.
        var merged: Set<String> = []
        var mergeable = result.count > 1
        for alternative in result {
            guard alternative.count == 1, case .words(let set) = alternative[0].kind, alternative[0].colonAfter == colon else {
                mergeable = false
                break
            }
            merged.formUnion(set)
        }
        if mergeable { result = [[PhraseElement(kind: .words(merged), colonAfter: colon)]] }
        if optional { result.append([]) }
        return result
    }

    /// `{name}` (or `{name}'s`, `{name}-approved`: what follows the brace is more words).
    private static func listAlternatives(_ option: String, lists: [String: [String]], colon: Bool) throws(PhraseError) -> [[PhraseElement]] {
        guard let close = option.firstIndex(of: "}") else {
            throw PhraseError(message: "\(option) has no closing brace")
        }
        let name = String(option[option.index(after: option.startIndex)..<close])
        let suffix = String(option[option.index(after: close)...])
        guard let entries = lists[name] else {
            throw PhraseError(message: "{\(name)} names no list; rule files define lists under `lists:`")
        }
        var result: [[PhraseElement]] = []
        for entry in entries {
            var elements: [PhraseElement] = []
            for piece in entry.split(separator: " ") { elements.append(contentsOf: try elementsOf(String(piece))) }
            elements.append(contentsOf: foldedWords(suffix).map { PhraseElement(kind: .words([$0])) })
            if colon, !elements.isEmpty { elements[elements.count - 1].colonAfter = true }
            if !elements.isEmpty { result.append(elements) }
        }
        return result
    }

    /// One alternative: a literal (perhaps several words once folded), a prefix, a class or an
    /// exact spelling.
    private static func elementsOf(_ option: String) throws(PhraseError) -> [PhraseElement] {
        if option.hasPrefix("<") {
            guard option.hasSuffix(">"), let cls = TokenClass(rawValue: String(option.dropFirst().dropLast())) else {
                let names = TokenClass.allCases.map { "<\($0.rawValue)>" }.joined(separator: ", ")
                throw PhraseError(message: "\(option) is not a word class; expected one of \(names)")
            }
            return [PhraseElement(kind: .tokenClass(cls))]
        }
        if option.hasPrefix("="), option.count > 1 { return [PhraseElement(kind: .exact(String(option.dropFirst())))] }
        var prefix = false
        var text = option
        if text.hasSuffix("*"), text.count > 1 {
            prefix = true
            text = String(text.dropLast())
        }
        let words = foldedWords(text)
        guard !words.isEmpty else { return [] }
        var elements = words.map { PhraseElement(kind: .words([$0])) }
        if prefix { elements[elements.count - 1] = PhraseElement(kind: .prefixes([words[words.count - 1]])) }
        return elements
    }

    /// The words of `text` as the tokenizer would give them, folded.
    /// It runs for every message (the sender's name), so a word's folded bytes are gathered and
    /// made a String once, at its end.
    static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for s in text.unicodeScalars {
            if Fold.isWordScalar(s) {
                Fold.scalar(s, into: &current)
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                if Fold.isSymbolToken(s.value) { words.append(String(Character(s))) }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}

struct PhraseMatch: Sendable {
    let pattern: Int
    let first: Int
    let last: Int
}
