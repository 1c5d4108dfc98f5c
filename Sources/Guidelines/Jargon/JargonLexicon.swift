/// The detector's data, parsed once: what the scanner looks words up in.
///
/// Lists of both languages apply to every text (terms, slang, known acronyms, sign-offs):
/// CERN works in English and French, and its mail mixes them ("le pile-up", "the Conseil").
/// Word frequency likewise takes the higher of the two languages' values: a word that is common
/// in either is familiar to CERN's readers.
struct JargonLexicon: Sendable {
    /// Zipf × 10 per lower-case word, one table per language.
    let zipf: [Language: [String: UInt8]]
    /// The same tables, for lookups that take the higher value of both.
    let tables: [[String: UInt8]]
    /// The lowest band the lists hold (Zipf × 10): a word not in them is rarer than that.
    let floor: UInt8
    let knownAcronyms: Set<String>
    /// Department acronyms: a unit code starting with one ("TE-CRG") names a group.
    let departments: Set<String>
    let slang: Set<String>
    /// Specialist term → plainer wording ("" when the list gives none). Keys are lower case;
    /// phrases have single spaces.
    let terms: [String: String]
    /// First words of the multi-word terms, so that phrases are only assembled when they can match.
    let phraseStarts: Set<String>
    let plain: [Language: [String: String]]
    /// Lower-case sign-offs.
    let closings: [String]
    /// The ASCII ones as bytes: the only ones an ASCII line can start with, unless
    /// `closingsAreASCII` is false (a sign-off equivalent to ASCII text, see `JargonWordTable`).
    let asciiClosings: [[UInt8]]
    let closingsAreASCII: Bool
    /// Each sign-off's leading ASCII bytes (all of an ASCII one), for the scanner's quick test
    /// of lines that are not ASCII.
    let closingASCIIHeads: [[UInt8]]
    /// The ASCII and Latin words of the lists above, in one table (see `JargonWordTable`).
    let fast: JargonWordTable

    init(_ resources: JargonResources) {
        var zipf: [Language: [String: UInt8]] = [:]
        var floor = UInt8.max
        var known = Set<String>(), slang = Set<String>(), terms: [String: String] = [:]
        var starts = Set<String>(), plain: [Language: [String: String]] = [:], closings: [String] = []
        for language in Language.allCases {
            let (table, lowest) = Self.parseWordlist(resources.wordlists[language] ?? "")
            zipf[language] = table
            floor = min(floor, lowest)
            for line in JargonDataText.lines(resources.acronyms[language] ?? "") {
                known.insert(String(line).uppercased())
            }
            for line in JargonDataText.lines(resources.slang[language] ?? "") {
                slang.insert(Self.normalised(String(line)))
            }
            for (term, wording) in JargonDataText.pairs(resources.terms[language] ?? "") {
                let words = Self.normalised(term).split(separator: " ")
                guard let first = words.first else { continue }
                let key = words.joined(separator: " ")
                if terms[key] == nil { terms[key] = wording }
                if words.count > 1 { starts.insert(String(first)) }
            }
            var suggestions: [String: String] = [:]
            for (word, wording) in JargonDataText.pairs(resources.plain[language] ?? "") where !wording.isEmpty {
                suggestions[Self.normalised(word)] = wording
            }
            plain[language] = suggestions
            for line in JargonDataText.lines(resources.closings[language] ?? "") {
                closings.append(Self.normalised(String(line)))
            }
        }
        departments = Set(JargonDataText.lines(resources.departments).map { String($0).uppercased() })
        known.formUnion(departments)
        self.zipf = zipf
        tables = Language.allCases.compactMap { zipf[$0] }
        self.floor = floor == .max ? 0 : floor
        knownAcronyms = known
        self.slang = slang
        self.terms = terms
        phraseStarts = starts
        self.plain = plain
        self.closings = closings
        asciiClosings = closings.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
        closingASCIIHeads = closings.map { Array($0.utf8.prefix { $0 < 0x80 }) }
        closingsAreASCII = closings.allSatisfy { closing in
            closing.utf8.allSatisfy { $0 < 0x80 } || JargonWordTable.asciiForm(closing) == nil
        }
        fast = JargonWordTable(zipf: tables, slang: slang, terms: terms, phraseStarts: starts, knownAcronyms: known,
                               departments: departments)
    }

    // Look-ups: a word `fast` answers for (ASCII, or Latin letters only) there, any other in
    // the dictionaries.

    /// What the scanner asks about a lower-case word, in one look-up.
    struct WordFacts {
        var slang = false
        /// The plainer wording of a specialist term ("" when none is given); nil for other words.
        var term: String?
        /// `exactZipf`.
        var zipf: UInt8 = 0
        var phraseStart = false
    }

    func facts(_ word: String) -> WordFacts {
        if let found = fast.lookup(word) { return facts(found) }
        return WordFacts(slang: slang.contains(word), term: terms[word], zipf: exactZipf(word), phraseStart: phraseStarts.contains(word))
    }

    /// `facts` of an ASCII word given as bytes: the same answer, without making a String.
    func facts(ascii word: UnsafeBufferPointer<UInt8>) -> WordFacts { facts(fast.entry(word)) }

    private func facts(_ entry: JargonWordTable.Entry?) -> WordFacts {
        guard let entry else { return WordFacts() }
        return WordFacts(slang: entry.flags.contains(.slang), term: entry.term >= 0 ? fast.wordings[Int(entry.term)] : nil,
                         zipf: entry.zipf, phraseStart: entry.flags.contains(.phraseStart))
    }

    func isSlang(_ word: String) -> Bool {
        if let entry = fast.lookup(word) { return entry?.flags.contains(.slang) ?? false }
        return slang.contains(word)
    }

    /// A specialist term's plainer wording ("" when the list gives none), nil when not a term.
    func term(_ word: String) -> String? {
        if let entry = fast.lookup(word) {
            guard let index = entry?.term, index >= 0 else { return nil }
            return fast.wordings[Int(index)]
        }
        return terms[word]
    }

    func isPhraseStart(_ word: String) -> Bool {
        if let entry = fast.lookup(word) { return entry?.flags.contains(.phraseStart) ?? false }
        return phraseStarts.contains(word)
    }

    func isKnownAcronym(_ word: String) -> Bool {
        if let entry = fast.lookup(word) { return entry?.flags.contains(.knownAcronym) ?? false }
        return knownAcronyms.contains(word)
    }

    func isDepartment(_ word: String) -> Bool {
        if let entry = fast.lookup(word) { return entry?.flags.contains(.department) ?? false }
        return departments.contains(word)
    }

    /// Lower case, typographic apostrophes as ASCII: the form words are looked up in.
    static func normalised(_ text: String) -> String {
        let lower = text.lowercased()
        // No U+2019 (E2 80 99) when no byte 0x99: nothing to replace.
        guard lower.utf8.contains(0x99) else { return lower }
        return String(lower.map { $0 == "\u{2019}" ? "'" : $0 })
    }

    /// Parses the `=NN` / words format. Reads bytes, not Characters: the lists are large and
    /// this runs at first use.
    static func parseWordlist(_ text: String) -> (table: [String: UInt8], floor: UInt8) {
        var table: [String: UInt8] = [:]
        table.reserveCapacity(text.utf8.count / 8)
        var band: UInt8 = 0
        var floor = UInt8.max
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: "=") {
                if let value = UInt8(String(decoding: line.dropFirst(), as: UTF8.self)), value > 0 {
                    band = value
                    floor = min(floor, value)
                }
                continue
            }
            guard band > 0 else { continue }
            for word in line.split(separator: UInt8(ascii: " ")) {
                let key = String(decoding: word, as: UTF8.self)
                if let old = table[key], old >= band { continue }
                table[key] = band
            }
        }
        return (table, floor)
    }

    /// A plainer wording for the word or for its base form ("susmentionnées" → "susmentionnée"),
    /// from the text's language first.
    func suggestion(for word: String, language: Language) -> String? {
        let order = [language] + Language.allCases.filter { $0 != language }
        for candidate in [word] + baseForms(of: word) {
            for language in order {
                if let s = plain[language]?[candidate] { return s }
            }
        }
        return nil
    }

    /// The higher of the word's two Zipf values (× 10), 0 when neither list has it.
    func exactZipf(_ word: String) -> UInt8 {
        if let entry = fast.lookup(word) { return entry?.zipf ?? 0 }
        var best: UInt8 = 0
        for table in tables {
            if let value = table[word], value > best { best = value }
        }
        return best
    }

    /// Zipf × 10 of a word or of the word it is a form of: wordfreq counts "baselines",
    /// "porterons" and "redeployed" apart from "baseline", "porter" and "deploy", and a form of a
    /// common word is not jargon. Base forms are only tried when the word itself is below
    /// `enough`, so common words cost one lookup per language.
    func zipf(of word: String, enough: UInt8, exact: UInt8? = nil) -> UInt8 {
        var best = exact ?? exactZipf(word)
        if best >= enough { return best }
        for form in baseForms(of: word) {
            best = max(best, exactZipf(form))
            if best >= enough { return best }
        }
        // "redeployed", "unreadable", "réorganiser": the word without its prefix.
        for prefix in Self.prefixes where word.utf8.count >= prefix.utf8.count + 4 && word.hasPrefix(prefix) {
            let rest = String(decoding: word.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
            best = max(best, exactZipf(rest))
            for form in baseForms(of: rest) where best < enough { best = max(best, exactZipf(form)) }
            if best >= enough { return best }
        }
        return best
    }

    /// The candidate base forms of a word, by the endings below ("ameliorated" → "ameliorate"),
    /// smallest change first ("susmentionnées" → "susmentionnée" before "susmentionné").
    func baseForms(of word: String) -> [String] {
        var word = word
        let forms: [String] = word.withUTF8 { w in
            var forms: [String] = []
            for (suffix, replacement) in Self.inflectionBytes where w.count >= suffix.count + 3 {
                let start = w.count - suffix.count
                var matches = true
                for k in 0..<suffix.count where w[start + k] != suffix[k] {
                    matches = false
                    break
                }
                guard matches else { continue }
                let stem = String(decoding: UnsafeBufferPointer(rebasing: w[..<start]), as: UTF8.self)
                forms.append(stem + replacement)
                // stopped → stop, planning → plan
                if replacement.isEmpty, suffix.count >= 2, suffix.last == UInt8(ascii: "d") || suffix.last == UInt8(ascii: "g"),
                   let single = Self.undoubled(stem) {
                    forms.append(single)
                }
            }
            return forms
        }
        guard forms.count > 1 else { return forms }
        return forms.enumerated().sorted { a, b in
            a.element.utf8.count != b.element.utf8.count ? a.element.utf8.count > b.element.utf8.count : a.offset < b.offset
        }.map(\.element)
    }

    /// English and French inflection endings and what replaces them in the base form: plurals,
    /// English verb forms and adverbs, French verb forms (present, future, conditional,
    /// participles) and feminine forms.
    static let inflections: [(String, String)] = [
        ("s", ""), ("es", ""), ("ies", "y"), ("x", ""), ("aux", "al"),
        ("ed", ""), ("d", ""), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ly", ""), ("ily", "y"), ("e", ""),
        ("ons", ""), ("ons", "er"), ("ez", "er"), ("ent", "er"), ("ent", ""), ("ai", ""), ("ions", "er"), ("ions", "e"),
        ("ant", "er"), ("é", "er"), ("ée", "er"), ("és", "er"), ("ées", "er"), ("ée", "é"), ("ées", "é"),
        ("ienne", "ien"), ("iennes", "ien"), ("ière", "ier"), ("ières", "ier"), ("trice", "teur"), ("trices", "teur"),
        ("euse", "eur"), ("euses", "eur"), ("ive", "if"), ("ives", "if"), ("elle", "el"), ("elles", "el"),
    ]

    static let inflectionBytes: [([UInt8], String)] = inflections.map { (Array($0.0.utf8), $0.1) }

    /// Prefixes that make a new word from a familiar one.
    static let prefixes = ["re", "ré", "un", "non", "pre", "pré", "co"]

    /// "stopp" → "stop": the stem without a doubled final consonant, nil when there is none.
    static func undoubled(_ stem: String) -> String? {
        let bytes = Array(stem.utf8)
        guard bytes.count >= 4, let last = bytes.last, bytes[bytes.count - 2] == last,
              !"aeiouls".utf8.contains(last) else { return nil }
        return String(decoding: bytes.dropLast(), as: UTF8.self)
    }
}
