/// The detector's data as text, in the formats of the files in `Jargon/Data/`.
///
/// `embedded` is what heed ships (compiled into the binary, so heed needs no data files). An
/// administrator's configuration can replace any list by the contents of a file in the same
/// format before building a `JargonDetector`, without recompiling.
public struct JargonResources: Sendable {
    /// Word frequencies: `=NN` starts the band of Zipf NN/10, then that band's words.
    public var wordlists: [Language: String]
    /// Acronyms everyone knows: one per line.
    public var acronyms: [Language: String]
    /// The organisation's departments (known acronyms that also start unit codes): one per line.
    public var departments: String
    /// Slang words: one per line.
    public var slang: [Language: String]
    /// Specialist terms, always unfamiliar: `term = plainer wording`.
    public var terms: [Language: String]
    /// Suggestions for reported words: `word = plainer wording`.
    public var plain: [Language: String]
    /// Sign-offs that end the text before a signature: one per line.
    public var closings: [Language: String]
    /// `name = value` lines (see `JargonThresholds`).
    public var thresholds: String

    public init(
        wordlists: [Language: String], acronyms: [Language: String], departments: String, slang: [Language: String],
        terms: [Language: String], plain: [Language: String], closings: [Language: String],
        thresholds: String
    ) {
        self.wordlists = wordlists
        self.acronyms = acronyms
        self.departments = departments
        self.slang = slang
        self.terms = terms
        self.plain = plain
        self.closings = closings
        self.thresholds = thresholds
    }

    /// The data shipped in `Jargon/Data/`, embedded by `make-wordlists.py`.
    public static let embedded = JargonResources(
        wordlists: [.en: wordlistEN, .fr: wordlistFR],
        acronyms: [.en: acronymsEN, .fr: acronymsFR],
        departments: departments,
        slang: [.en: slangEN, .fr: slangFR],
        terms: [.en: termsEN, .fr: termsFR],
        plain: [.en: plainEN, .fr: plainFR],
        closings: [.en: closingsEN, .fr: closingsFR],
        thresholds: thresholds)
}

/// The detector's tunable numbers (`Data/thresholds.txt`, where each one's reason is given).
public struct JargonThresholds: Sendable, Equatable {
    public var rareZipf = 3.0
    public var acronymWordZipf = 4.0
    public var minItems = 2
    public var draftMinItems = 4
    public var minShare = 0.02
    public var minStrongItems = 1
    public var minWordLetters = 3
    public var readabilityMinWords = 100
    public var fleschMax = 30.0
    public var kandelMolesMax = 30.0
    public var maxRareHits = 4
    public var maxAcronymHits = 4
    public var maxSlangHits = 3
    public var maxTextBytes = 1 << 20

    public init() {}

    /// Reads `name = value` lines. Unknown names, comments and values that do not parse are
    /// ignored, keeping the default: a damaged file must not stop heed.
    public init(parsing text: String) {
        self.init()
        for (name, value) in JargonDataText.pairs(text) {
            guard let number = Double(value), number.isFinite, number >= 0 else { continue }
            let count = Int(min(number, 1e12))
            switch name {
            case "rare-zipf": rareZipf = number
            case "acronym-word-zipf": acronymWordZipf = number
            case "min-items": minItems = count
            case "draft-min-items": draftMinItems = count
            case "min-share": minShare = number
            case "min-strong-items": minStrongItems = count
            case "min-word-letters": minWordLetters = count
            case "readability-min-words": readabilityMinWords = count
            case "flesch-max": fleschMax = number
            case "kandel-moles-max": kandelMolesMax = number
            case "max-rare-hits": maxRareHits = count
            case "max-acronym-hits": maxAcronymHits = count
            case "max-slang-hits": maxSlangHits = count
            case "max-text-bytes": maxTextBytes = count
            default: continue
            }
        }
    }
}

/// Line-based parsing shared by the data formats: `#` starts a comment, blank lines are skipped.
enum JargonDataText {
    /// Non-empty lines with comments and surrounding spaces removed.
    static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.prefix { $0 != "#" }.jargonTrimmed()
            if !line.isEmpty { result.append(line) }
        }
        return result
    }

    /// `key = value` lines; a line without `=` gives an empty value.
    static func pairs(_ text: String) -> [(String, String)] {
        lines(text).map { line in
            guard let eq = line.firstIndex(of: "=") else { return (String(line), "") }
            return (String(line[..<eq].jargonTrimmed()), String(line[line.index(after: eq)...].jargonTrimmed()))
        }
    }
}

extension Substring {
    func jargonTrimmed() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return s
    }
}
