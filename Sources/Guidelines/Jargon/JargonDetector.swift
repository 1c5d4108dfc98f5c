/// Finds what makes a text hard going for a wide audience (guideline *post.clearly*): words that
/// are rare in general English and French (the De-Jargonizer approach, on wordfreq's
/// frequencies), specialist terms, acronyms that are never spelled out, slang, and a low
/// readability score (Flesch for English, Kandel–Moles for French).
///
/// What is not prose is not judged: links, e-mail addresses, numbers, code-like tokens, quoted
/// reply lines (`>`), the signature after a sign-off, proper names (capitalised words) and
/// product names (mixed case).
///
/// Rare words, terms and acronyms are reported together, and only when the text has at least
/// `minItems` distinct unfamiliar items making up at least `minShare` of its words, of which at
/// least `minStrongItems` are specialist terms or unexplained acronyms: one unusual word in a
/// long announcement is not jargon, a paragraph of them is, and a menu's rare dish names are
/// not. Each item is reported once (at its first occurrence), rarest first, at most a few per
/// rule. Slang is reported whenever present; readability only for texts long enough for the
/// score to mean something.
///
/// A text is judged on its first `maxTextBytes` (1 MiB, some 150,000 words: the verdict is
/// settled long before), which bounds the cost of a hostile 10 MB body.
public struct JargonDetector: Sendable {
    let lexicon: JargonLexicon
    public let thresholds: JargonThresholds

    /// Built from `resources`, with thresholds from `resources.thresholds` unless given.
    public init(resources: JargonResources, thresholds: JargonThresholds? = nil) {
        lexicon = JargonLexicon(resources)
        self.thresholds = thresholds ?? JargonThresholds(parsing: resources.thresholds)
    }

    /// The detector on the data embedded in heed. Parsing is lenient, so this cannot fail.
    public static let shipped = JargonDetector(resources: .embedded)

    /// Number of words in the frequency list of `language` (for diagnostics and tests).
    public func vocabularySize(_ language: Language) -> Int { lexicon.zipf[language]?.count ?? 0 }

    /// The hits for `text`, strongest first: rare words and terms (rarest first), then
    /// acronyms (most used first), then slang, then readability. With `draft` (a post drafted in
    /// a question) words and acronyms need `draftMinItems` unfamiliar items.
    public func scan(_ text: String, language: Language, draft: Bool = false) -> [JargonHit] {
        hits(scanned(text, language), minItems: draft ? max(thresholds.minItems, thresholds.draftMinItems) : thresholds.minItems)
    }

    /// The readability score of `text` as `scan` measures it (same words, sentences, signature
    /// and quote handling), whatever the text's length.
    public func readability(_ text: String, language: Language) -> ReadabilityScore {
        let scanner = scanned(text, language)
        return ReadabilityScore(language: language, words: scanner.wordCount, sentences: scanner.sentenceCount,
                                syllables: scanner.syllableCount)
    }

    /// The scanner after one pass over the first `maxTextBytes` of `text`, cut at a line or word
    /// boundary.
    private func scanned(_ text: String, _ language: Language) -> JargonScanner {
        var text = text
        return text.withUTF8 { whole in
            var scanner = JargonScanner(lexicon: lexicon, thresholds: thresholds, language: language)
            scanner.run(UnsafeBufferPointer(rebasing: whole[..<Self.cut(whole, at: thresholds.maxTextBytes)]))
            return scanner
        }
    }

    /// Where to stop reading: `limit`, moved back to just after the last blank or newline in the
    /// preceding kilobyte, or else to the start of a UTF-8 sequence.
    static func cut(_ buf: UnsafeBufferPointer<UInt8>, at limit: Int) -> Int {
        guard buf.count > limit else { return buf.count }
        var i = limit
        while i > max(0, limit - 1024) {
            let b = buf[i - 1]
            if b == 0x0A || b == 0x20 || b == 0x09 { return i }
            i -= 1
        }
        i = limit
        while i > 0 && buf[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    private func hits(_ scan: JargonScanner, minItems: Int) -> [JargonHit] {
        var result: [JargonHit] = []
        let languageName = scan.language == .fr ? "French" : "English"

        // Words that only occurred inside a matched multi-word term are that term.
        var words: [JargonScanner.Item] = []
        var acronyms: [JargonScanner.Item] = []
        var slang: [JargonScanner.Item] = []
        for var item in scan.items {
            switch item.kind {
            case .word:
                item.count -= item.inPhrases
                if item.count > 0 { words.append(item) }
            case .acronym:
                if !item.defined && item.count > 0 { acronyms.append(item) }
            case .slang:
                if item.count > 0 { slang.append(item) }
            }
        }
        let items = words.count + acronyms.count + (scan.untrackedOccurrences > 0 ? 1 : 0)
        let occurrences = words.reduce(0) { $0 + $1.count } + acronyms.reduce(0) { $0 + $1.count } + scan.untrackedOccurrences
        let strong = words.filter(\.isTerm).count + acronyms.count
        if items >= minItems && strong >= thresholds.minStrongItems
            && Double(occurrences) >= thresholds.minShare * Double(scan.wordCount) {
            words.sort { a, b in
                if a.zipf != b.zipf { return a.zipf < b.zipf }
                if a.count != b.count { return a.count > b.count }
                return a.range.lowerBound < b.range.lowerBound
            }
            for entry in words.prefix(thresholds.maxRareHits) {
                let why: String
                if entry.isTerm {
                    why = "specialist term" + (entry.zipf > 0 ? " (Zipf \(Self.zipfText(entry.zipf)))" : "")
                } else if entry.zipf > 0 {
                    why = "rare in general \(languageName) (Zipf \(Self.zipfText(entry.zipf)))"
                } else {
                    why = "rare in general \(languageName) (Zipf below \(Self.zipfText(lexicon.floor)))"
                }
                let suggestion = entry.isTerm ? entry.suggestion : lexicon.suggestion(for: entry.key, language: scan.language)
                result.append(JargonHit(rule: JargonHit.rareWord, range: entry.range, evidence: entry.display,
                                        suggestion: suggestion, why: why + Self.times(entry.count)))
            }
            acronyms.sort { a, b in a.count != b.count ? a.count > b.count : a.range.lowerBound < b.range.lowerBound }
            for entry in acronyms.prefix(thresholds.maxAcronymHits) {
                result.append(JargonHit(rule: JargonHit.acronym, range: entry.range, evidence: entry.key, suggestion: nil,
                                        why: "acronym never spelled out" + Self.times(entry.count)))
            }
        }

        slang.sort { $0.range.lowerBound < $1.range.lowerBound }
        for entry in slang.prefix(thresholds.maxSlangHits) {
            result.append(JargonHit(rule: JargonHit.slang, range: entry.range, evidence: entry.display, suggestion: nil,
                                    why: "slang, out of place for a wide audience" + Self.times(entry.count)))
        }

        let score = ReadabilityScore(language: scan.language, words: scan.wordCount, sentences: scan.sentenceCount,
                                     syllables: scan.syllableCount)
        let limit = scan.language == .fr ? thresholds.kandelMolesMax : thresholds.fleschMax
        if score.words >= thresholds.readabilityMinWords, score.score < limit, let start = scan.firstWordStart {
            let value = Int(score.score.rounded())
            let perSentence = Self.oneDecimal(Double(score.words) / Double(max(score.sentences, 1)))
            let perWord = Self.oneDecimal(Double(score.syllables) / Double(score.words))
            result.append(JargonHit(
                rule: JargonHit.readability, range: start..<scan.lastWordEnd, evidence: "\(score.formula) \(value)",
                suggestion: nil,
                why: "\(score.formula) \(value) (\(score.difficulty)): \(perSentence) words per sentence, \(perWord) syllables per word"))
        }
        return result
    }

    static func zipfText(_ band: UInt8) -> String { "\(band / 10).\(band % 10)" }

    static func times(_ count: Int) -> String { count > 1 ? ", \(count) times" : "" }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
