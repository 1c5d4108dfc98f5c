/// One reason a text may be hard going for a wide audience (guideline *post.clearly*: "try to
/// avoid scientific jargon or slang when addressing a wide audience").
///
/// The detector only reports; whether a hit becomes a finding (which lists count as a wide
/// audience, what severity) is the jargon check's decision.
public struct JargonHit: Sendable, Equatable {
    /// `jargon.rare-word`, `jargon.acronym`, `jargon.slang` or `jargon.readability`.
    public let rule: String
    /// UTF-8 byte offsets into the scanned text: the first occurrence of the word or acronym,
    /// or the span of the words measured for readability.
    public let range: Range<Int>
    /// The word(s) as written at their first occurrence, the acronym, the slang word, or for
    /// readability the score ("Flesch 28", "Kandel–Moles 25").
    public let evidence: String
    /// A plainer wording, where the curated lists have one.
    public let suggestion: String?
    /// Why it was reported, in a few words for the advice and the logs.
    public let why: String

    public init(rule: String, range: Range<Int>, evidence: String, suggestion: String?, why: String) {
        self.rule = rule
        self.range = range
        self.evidence = evidence
        self.suggestion = suggestion
        self.why = why
    }

    public static let rareWord = "jargon.rare-word"
    public static let acronym = "jargon.acronym"
    public static let slang = "jargon.slang"
    public static let readability = "jargon.readability"
}
