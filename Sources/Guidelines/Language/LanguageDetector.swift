/// English or French, from function words.
///
/// heed only needs to tell its two working languages apart (the advice is written in both), so a
/// count of very common words of each language over the first few thousand characters is enough
/// and costs microseconds. Quoted reply lines (`>`) are skipped: they are often in the other
/// language. Ties and text with no signal (empty bodies, other languages) give English, the
/// organisation's default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, fr
}

public enum LanguageDetector {
    /// Characters read per message: language is settled long before.
    static let sampleLimit = 6000

    public static func detect(_ texts: [String]) -> Language {
        var en = 0, fr = 0, budget = sampleLimit
        for text in texts where budget > 0 {
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                guard budget > 0 else { break }
                if line.first == ">" { continue }
                budget -= line.utf8.count
                var word = ""
                for ch in line {
                    if ch.isLetter || ch == "'" || ch == "’" {
                        word.append(ch)
                    } else {
                        score(word, &en, &fr)
                        word = ""
                    }
                }
                score(word, &en, &fr)
            }
        }
        return fr > en ? .fr : .en
    }

    private static func score(_ raw: String, _ en: inout Int, _ fr: inout Int) {
        guard !raw.isEmpty else { return }
        let word = raw.lowercased()
        // Elisions: l'équipe, d'une, qu'il count as French function words.
        if let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) {
            let head = word[..<apostrophe]
            if frenchElisions.contains(String(head)) { fr += 1 }
            if englishContractions.contains(String(word[word.index(after: apostrophe)...])) { en += 1 }
            return
        }
        if englishWords.contains(word) { en += 1 }
        if frenchWords.contains(word) { fr += 1 }
        if word.contains(where: { frenchLetters.contains($0) }) { fr += 1 }
    }

    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "is", "in", "that", "it", "for", "you", "with", "on", "this", "are",
        "be", "as", "at", "by", "we", "will", "from", "have", "or", "an", "was", "our", "your", "can",
        "not", "all", "please", "would", "should", "there", "their", "which", "about", "has", "been",
        "what", "when", "who", "how", "if", "my", "me", "i", "they", "do", "does", "but", "any", "more",
        "some", "new", "also", "into", "could", "may", "these", "those", "than", "its", "here", "thanks",
    ]

    static let frenchWords: Set<String> = [
        "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "pour", "dans", "que", "qui",
        "sur", "par", "avec", "pas", "au", "aux", "ce", "cette", "ces", "nous", "vous", "sont", "il",
        "elle", "ils", "mais", "ou", "où", "plus", "son", "sa", "ses", "leur", "leurs", "notre", "votre",
        "bonjour", "merci", "je", "mon", "ma", "mes", "être", "avoir", "fait", "comme", "tout", "tous",
        "entre", "sans", "sous", "chez", "aussi", "très", "peut", "si", "lors", "cordialement",
    ]

    static let frenchElisions: Set<String> = ["l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"]
    static let englishContractions: Set<String> = ["s", "t", "re", "ve", "ll", "d", "m"]
    static let frenchLetters: Set<Character> = ["é", "è", "ê", "à", "ç", "ù", "â", "î", "ô", "û", "ë", "ï", "œ"]
}
