/// English or French, from function words.
///
/// heed only needs to tell its two working languages apart (the advice is written in both), so a
/// count of very common words of each language over the first few thousand bytes is enough.
/// Quoted reply lines (`>`) are skipped: they are often in the other language. Ties and text with
/// no signal (empty bodies, other languages) give English, the organisation's default.
///
/// It runs for every watched message, so it reads UTF-8 bytes, never Characters: a word is packed
/// into an integer (up to 8 bytes, ASCII letters lowercased) and looked up in integer sets.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, fr
}

public enum LanguageDetector {
    /// Bytes read per message: language is settled long before.
    static let sampleLimit = 6000

    public static func detect(_ texts: [String]) -> Language {
        var score = Score(lists: Lists())
        var budget = sampleLimit
        for text in texts where budget > 0 {
            var text = text
            text.withUTF8 { bytes in
                let n = min(bytes.count, budget)
                budget -= n
                scan(UnsafeBufferPointer(rebasing: bytes[0..<n]), into: &score)
            }
        }
        return score.fr > score.en ? .fr : .en
    }

    struct Score {
        var en = 0
        var fr = 0
        /// The word lists, copied from the statics once per message: each read of a lazily
        /// initialised static checks that it was.
        let lists: Lists
    }

    struct Lists {
        let english = englishWords, french = frenchWords
        let elisions = frenchElisions, contractions = englishContractions
        let accents = frenchAccentSecondBytes
    }

    /// Reads words (runs of letters and apostrophes) line by line, skipping quoted lines.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into score: inout Score) {
        var i = 0
        let n = b.count
        var lineStart = true
        while i < n {
            let c = b[i]
            if c == 0x0A {
                lineStart = true
                i += 1
                continue
            }
            if lineStart {
                lineStart = false
                if c == 0x3E {  // '>': a quoted reply line
                    while i < n, b[i] != 0x0A { i += 1 }
                    continue
                }
            }
            guard isWordStart(c) else {
                i += 1
                continue
            }
            // The word's extent, whether it has a non-ASCII byte, and its first apostrophe.
            let start = i
            var high = false
            var apostrophe = -1
            while i < n {
                let d = b[i]
                if isWordByte(d) {
                    if d >= 0x80 { high = true }
                    i += 1
                } else if d == 0x27 {
                    if apostrophe < 0 { apostrophe = i - start }
                    i += 1
                } else if d == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                    if apostrophe < 0 { apostrophe = i - start }
                    i += 3
                } else {
                    break
                }
            }
            word(UnsafeBufferPointer(rebasing: b[start..<min(i, n)]), high: high, apostrophe: apostrophe, &score)
        }
    }

    /// A word starts with an ASCII letter or the lead byte of a Latin letter (U+00C0–U+017F).
    @inline(__always)
    static func isWordStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC3 && c <= 0xC5)
    }

    /// Inside a word: ASCII letters and the bytes of Latin letters (lead and continuation bytes).
    @inline(__always)
    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC3 && c <= 0xC5) || (c >= 0x80 && c <= 0xBF)
    }

    /// Scores one word; `high`: it has a non-ASCII byte, `apostrophe`: where its first
    /// apostrophe is (-1 when none).
    static func word(_ w: UnsafeBufferPointer<UInt8>, high: Bool, apostrophe: Int, _ score: inout Score) {
        // Accented letters of French (é è ê à ç ù â î ô û ë ï, and œ) are evidence on their own.
        if high {
            var k = 0
            while k + 1 < w.count {
                if w[k] == 0xC3, score.lists.accents.contains(w[k + 1]) { score.fr += 1; break }
                if w[k] == 0xC5, w[k + 1] == 0x93 { score.fr += 1; break }
                k += 1
            }
        }
        // Elisions and contractions: l'équipe, qu'il (French); it's, don't, we're (English).
        if apostrophe >= 0 {
            let headKey = pack(UnsafeBufferPointer(rebasing: w[0..<apostrophe]))
            let tailStart = apostrophe + (w[apostrophe] == 0xE2 ? 3 : 1)
            let tailKey = pack(UnsafeBufferPointer(rebasing: w[min(tailStart, w.count)..<w.count]))
            if score.lists.elisions.contains(headKey) { score.fr += 1 }
            if score.lists.contractions.contains(tailKey) { score.en += 1 }
            return
        }
        let key = pack(w)
        guard key != 0 else { return }
        if score.lists.english.contains(key) { score.en += 1 }
        if score.lists.french.contains(key) { score.fr += 1 }
    }

    /// A word as an integer: up to 8 bytes, ASCII letters lowercased; longer words give 0 (no
    /// function word of either language is longer than 8 bytes).
    @inline(__always)
    static func pack(_ w: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard w.count > 0, w.count <= 8 else { return 0 }
        var key: UInt64 = 0
        for c in w {
            key = key << 8 | UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
        }
        return key
    }

    /// The packed keys of `words`; a word too long to pack is left out (0 is never a key).
    static func keys(_ words: [String]) -> PackedWordSet {
        PackedWordSet(words.map { word in
            var word = word
            return word.withUTF8 { pack($0) }
        }.filter { $0 != 0 })
    }

    static let frenchAccentSecondBytes = ByteSet([0xA9, 0xA8, 0xAA, 0xA0, 0xA7, 0xB9, 0xA2, 0xAE, 0xB4, 0xBB, 0xAB, 0xAF])

    static let englishWords = keys([
        "the", "and", "of", "to", "is", "in", "that", "it", "for", "you", "with", "on", "this", "are",
        "be", "as", "at", "by", "we", "will", "from", "have", "or", "an", "was", "our", "your", "can",
        "not", "all", "please", "would", "should", "there", "their", "which", "about", "has", "been",
        "what", "when", "who", "how", "if", "my", "me", "i", "they", "do", "does", "but", "any", "more",
        "some", "new", "also", "into", "could", "may", "these", "those", "than", "its", "here", "thanks",
    ])

    static let frenchWords = keys([
        "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "pour", "dans", "que", "qui",
        "sur", "par", "avec", "pas", "au", "aux", "ce", "cette", "ces", "nous", "vous", "sont", "il",
        "elle", "ils", "mais", "ou", "où", "plus", "son", "sa", "ses", "leur", "leurs", "notre", "votre",
        "bonjour", "merci", "je", "mon", "ma", "mes", "être", "avoir", "fait", "comme", "tout", "tous",
        "entre", "sans", "sous", "chez", "aussi", "très", "peut", "si", "lors", "voici", "selon",
    ])

    static let frenchElisions = keys(["l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"])
    static let englishContractions = keys(["s", "t", "re", "ve", "ll", "d", "m"])
}
