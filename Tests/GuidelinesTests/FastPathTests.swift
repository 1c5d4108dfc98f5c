@testable import Guidelines
import Testing

/// The byte-level shortcuts of the text analysis against what they stand for: the folded form
/// of a token as a String, String comparisons, Set and Dictionary look-ups, the word index
/// built both ways.
@Suite struct FastPathTests {
    /// The tokens of `text`, and its bytes.
    private func layout(_ text: String, lexicon: Lexicon = RuleBook.shipped.lexicon) -> (TextLayout, [UInt8]) {
        let bytes = Array(text.utf8)
        return (TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: lexicon), bytes)
    }

    /// What the tokenizer folded a token to before tokens stopped carrying it: each scalar folded.
    private func folded(_ token: Token, _ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
        if token.flags.contains(.symbol) { return text }
        var out: [UInt8] = []
        for scalar in text.unicodeScalars { Fold.scalar(scalar, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static let samples = [
        "Crétins! ŒUVRE, Straße İstanbul ǅemal ＡＢＣ ٣٤٥٦ 2025年 5\u{212A} ﬁne",
        "25CHF 380 kCHF € 25 1 400 euros 3ÉUR 12eur $5 £3 © 50 %",
        "see https://home.cern/news or www.cern.ch and WWW.Example.org/x; mail a@b.ch HTTP: http",
        "Né le 1er mai 1985, le 1ER avril 1990, 12.04.1988 1899 1900 2099 2100 0123",
        "re\u{301}union cafe\u{301} naïve",
    ]

    @Test func tokensFoldAsTheirTextDoes() {
        for sample in Self.samples {
            let (layout, bytes) = layout(sample)
            for token in layout.tokens {
                let expected = folded(token, bytes)
                #expect(token.norm(in: bytes) == expected, "\(sample): \(expected)")
                #expect(token.normLength == expected.utf8.count, "\(expected)")
                #expect(token.asciiDigits == expected.utf8.filter { $0 >= 48 && $0 <= 57 }.count, "\(expected)")
                #expect(token.flags.contains(.ascii) == bytes[token.start..<token.end].allSatisfy { $0 < 0x80 }, "\(expected)")
                #expect(token.flags.contains(.currency) == Features.currencies.contains(expected), "\(expected)")
                #expect(token.flags.contains(.http) == (expected == "http" || expected == "https"), "\(expected)")
                #expect(token.flags.contains(.www) == (expected == "www"), "\(expected)")
                let year = token.flags.contains(.number) && expected.utf8.count == 4 && (Int(expected).map { (1900...2099).contains($0) } ?? false)
                #expect(token.flags.contains(.year) == year, "\(expected)")
                var amount = false
                if token.flags.contains(.mixed), let letter = expected.firstIndex(where: \.isLetter) {
                    amount = expected[..<letter].allSatisfy(\.isNumber) && Features.currencies.contains(String(expected[letter...]))
                }
                #expect(token.flags.contains(.currencyAmount) == amount, "\(expected)")
                let words: [StaticString] = ["1er", "0", "cretins", "oeuvre", "http"]
                for word in words {
                    #expect(token.normIs(word, in: bytes) == (expected == word.description), "\(expected) \(word)")
                }
                for prefix in ["cre", "oeu", "stra", "2", "é", "cafe", "reu", "k"] {
                    #expect(token.normHasPrefix(prefix, in: bytes) == expected.hasPrefix(prefix), "\(expected) \(prefix)")
                }
            }
        }
    }

    @Test func symbolStaticsAgreeWithTheirTables() {
        for (index, cls) in TokenClass.byIndex.enumerated() { #expect(TokenClass.at(index) == cls) }
        for v in UInt32(0)...0x20FF { #expect(Fold.isSymbolToken(v) == Fold.symbolTokens.contains(v)) }
    }

    /// A short text is indexed by sorting its own words, a long one by counting over the
    /// lexicon: both give every word's positions.
    @Test func wordIndexesAgreeWhateverTheirSize() {
        let lexicon = RuleBook.shipped.lexicon
        for text in ["the study proves it", String(repeating: "the study proves it, a new study shows ", count: 400)] {
            let (layout, _) = layout(text, lexicon: lexicon)
            var expected: [Int32: [Int32]] = [:]
            for (i, token) in layout.tokens.enumerated() where token.word >= 0 { expected[token.word, default: []].append(Int32(i)) }
            for word in Int32(0)..<Int32(lexicon.count) {
                #expect(layout.index.count(word) == expected[word]?.count ?? 0)
                #expect(layout.index.list(word).map(Array.init) == expected[word])
            }
        }
    }

    @Test func lexiconFindsEveryWordByItsBytes() {
        let lexicon = Lexicon()
        let words = ["a", "study", "eightchr", "ninechars", "a-much-longer-word-than-eight", "été", "œuvre"]
        let ids = words.map(lexicon.add)
        for (word, id) in zip(words, ids) {
            #expect(lexicon.id(word) == id)
            #expect(lexicon.word(id) == word)
        }
        #expect(lexicon.id("studies") == -1)
        #expect(lexicon.id("eightchs") == -1)
        #expect(lexicon.id("ninechar") == -1)
    }

    @Test func packedWordSetsHoldTheirWordsOnly() {
        let set = PackedWordSet(["le", "la", "the", "and"].map(ByteSearch.pack))
        for word in ["le", "la", "the", "and"] { #expect(set.contains(ByteSearch.pack(word))) }
        for word in ["les", "a", "thee", ""] { #expect(!set.contains(ByteSearch.pack(word))) }
        #expect(!set.contains(0))
    }

    @Test func jargonWordTableAnswersAsTheDictionariesDo() {
        let lexicon = JargonDetector.shipped.lexicon
        for word in ["the", "boson", "fermion", "namespace", "luminosity", "cool", "kinda", "cern", "CERN", "TE", "zzzzq", "étude"] {
            let facts = lexicon.facts(word)
            #expect(facts.slang == lexicon.slang.contains(word), "\(word)")
            #expect(facts.term == lexicon.terms[word], "\(word)")
            #expect(facts.phraseStart == lexicon.phraseStarts.contains(word), "\(word)")
            var best: UInt8 = 0
            for table in lexicon.tables { if let value = table[word], value > best { best = value } }
            #expect(facts.zipf == best, "\(word)")
            #expect(lexicon.isKnownAcronym(word) == lexicon.knownAcronyms.contains(word), "\(word)")
            #expect(lexicon.isDepartment(word) == lexicon.departments.contains(word), "\(word)")
        }
        #expect(JargonWordTable.asciiForm("5\u{212A}") == "5K")
        #expect(JargonWordTable.asciiForm("été") == nil)
    }

    @Test func signOffsAreNormalisedAsBefore() {
        #expect(JargonLexicon.normalised("Bien À Vous’") == "bien à vous'")
        #expect(JargonLexicon.normalised("BEST REGARDS") == "best regards")
    }
}
