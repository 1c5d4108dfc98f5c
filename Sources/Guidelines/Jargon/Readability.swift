/// A readability score: Flesch reading ease for English, Kandel–Moles (its French adaptation,
/// 1958) for French. Both read on the same scale: 0–30 very hard, 30–50 hard, 50–60 fairly hard,
/// 60–70 standard, higher is easier.
public struct ReadabilityScore: Sendable, Equatable {
    public let language: Language
    public let words: Int
    public let sentences: Int
    public let syllables: Int

    public init(language: Language, words: Int, sentences: Int, syllables: Int) {
        self.language = language
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
    }

    /// "Flesch" or "Kandel–Moles".
    public var formula: String { language == .fr ? "Kandel–Moles" : "Flesch" }

    /// The score; 0 words scores as an empty (easy) text would, 100.
    public var score: Double {
        guard words > 0 else { return 100 }
        let wordsPerSentence = Double(words) / Double(max(sentences, 1))
        let syllablesPerWord = Double(syllables) / Double(words)
        switch language {
        case .en: return 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
        case .fr: return 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord
        }
    }

    /// Flesch's own bands, worded for the advice.
    public var difficulty: String {
        switch score {
        case ..<30: "very hard"
        case ..<50: "hard"
        case ..<60: "fairly hard"
        case ..<70: "standard"
        default: "easy"
        }
    }
}

/// Syllable counting by vowel groups, the usual heuristic for both formulas: exact enough on
/// the average over a text, which is all the scores use. Works on scalar values, without
/// allocating: it runs once per distinct word.
enum Syllables {
    /// English: groups of a, e, i, o, u (and y after the first letter); a final silent "e"
    /// ("make", but not "table"), "es" after most consonants ("makes", but not "boxes") and "ed"
    /// except after t or d ("hopped", but not "wanted") do not count. At least 1.
    static func english(_ word: String) -> Int { english(values: word.unicodeScalars.lazy.map(\.value)) }

    /// `english` on the word's scalar values.
    static func english(values: some Sequence<UInt32>) -> Int {
        var groups = 0, inVowel = false, n = 0
        var last: UInt32 = 0, prev: UInt32 = 0, before: UInt32 = 0
        for c in values {
            let vowel = isVowel(c) || (c == y && n > 0)
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel
            before = prev
            prev = last
            last = c
            n += 1
        }
        if groups > 1, n >= 3 {
            if last == e, !(prev == l && !isVowel(before)), !isVowel(prev) {
                groups -= 1
            } else if last == s, prev == e, !isVowel(before), !sibilantOrSoft(before) {
                groups -= 1
            } else if last == d, prev == e, !isVowel(before), before != t, before != d {
                groups -= 1
            }
        }
        return max(groups, 1)
    }

    /// French: groups of vowels (with accents and y), where "é" closes its group ("réunion" is
    /// ré-u-nion, "créé" cré-é); a final mute "e" or "es" after a consonant or "é" does not count
    /// ("équipe", "idées"). At least 1.
    static func french(_ word: String) -> Int { french(values: word.unicodeScalars.lazy.map(\.value)) }

    /// `french` on the word's scalar values.
    static func french(values: some Sequence<UInt32>) -> Int {
        var groups = 0, inVowel = false, n = 0
        var last: UInt32 = 0, prev: UInt32 = 0, before: UInt32 = 0
        for c in values {
            let vowel = isVowel(c) || c == y
            if vowel && !inVowel { groups += 1 }
            inVowel = vowel && c != eAcute
            before = prev
            prev = last
            last = c
            n += 1
        }
        if groups > 1, n >= 2 {
            if last == e, mutes(prev) {
                groups -= 1
            } else if n >= 3, last == s, prev == e, mutes(before) {
                groups -= 1
            }
        }
        return max(groups, 1)
    }

    private static let y: UInt32 = 0x79, e: UInt32 = 0x65, l: UInt32 = 0x6C, s: UInt32 = 0x73
    private static let d: UInt32 = 0x64, t: UInt32 = 0x74, eAcute: UInt32 = 0xE9

    /// A final "e" after this letter is mute.
    private static func mutes(_ c: UInt32) -> Bool { c == eAcute || !(isVowel(c) || c == y) }

    /// "es" after s, x, z, c, g, h is a syllable of its own ("boxes", "changes").
    private static func sibilantOrSoft(_ c: UInt32) -> Bool {
        c == 0x73 || c == 0x78 || c == 0x7A || c == 0x63 || c == 0x67 || c == 0x68
    }

    /// a e i o u and the accented vowels of French (à â ä æ è é ê ë î ï ô ö ù û ü œ).
    static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: true
        case 0xE0, 0xE2, 0xE4, 0xE6, 0xE8, 0xE9, 0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF6, 0xF9, 0xFB, 0xFC, 0x153: true
        default: false
        }
    }
}
