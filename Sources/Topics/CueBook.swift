/// A cue file that cannot be read, with the line at fault.
public struct TopicCuesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number in the cue text.
    public let line: Int
    public let message: String

    public var description: String { "topic cues, line \(line): \(message)" }
}

/// The thresholds and weights a cue file sets with `set NAME VALUE`.
struct CueSettings: Sendable, Equatable {
    /// How much a cue in the subject counts, relative to the body's lead.
    var subjectWeight = 2.0
    /// How much a cue counts in a reply's or forward's subject (`Re:`, `Fwd:`, `TR:`): those
    /// words name the thread someone answers or passes on, which is often not what they now ask.
    var replySubjectWeight = 2.0
    /// The first words of the body (after quote and signature removal) count fully: the ask.
    var leadWords = 150
    /// What a cue further down (in a pasted draft, in forwarded text) counts.
    var tailWeight = 0.5
    /// A topic needs at least this score...
    var minScore = 3.0
    /// ...and this lead over the runner-up, or the question stays `general`.
    var minMargin = 1.0
    /// Words read from the body at most: the ask is at the top, and this bounds the work.
    var maxWords = 4000
    /// Lines read from the body at most, quoted and blank ones included: bounds the work on
    /// bodies of many lines with few words.
    var maxLines = 10000
    /// Default distance, in words, for `A ~ B` cues.
    var window = 6
}

/// One compiled cue: a word, a phrase, or parts near each other, with the weight it adds to its
/// topic.
struct Cue: Sendable {
    let topic: Topic
    let weight: Double
    /// Part ids; the first is the anchor the others must stand near.
    let parts: [Int]
    /// For each part after the first, how many words from the anchor it may stand.
    let windows: [Int]
    /// The cue as written in the file.
    let source: String
}

/// One alternative of a slot: atom ids of consecutive words (usually one).
typealias Alternative = [Int]
/// Any one of its alternatives.
typealias Slot = [Alternative]
/// Consecutive slots.
typealias Part = [Slot]

/// A word pattern: a stem compared with a word's stem, or a prefix compared with its folded form.
struct Atom: Hashable, Sendable {
    let text: String
    let isPrefix: Bool
}

/// A parsed and compiled cue file.
///
/// The format, line by line (`#` starts a comment, blank lines are ignored):
///
///     set NAME VALUE        subject-weight, reply-subject-weight, lead-words, tail-weight,
///                           min-score, min-margin, max-words, max-lines, window (see CueSettings)
///     stopwords WORD...     words left out of questions and cues (articles, elided l' d' qu')
///     signoff WORDS...      a closing phrase: a short line starting with it, near the end of
///                           the body, starts the signature block
///     footer WORDS...       a line starting with these words starts a legal footer
///     topic NAME            the cues below count for NAME (logo, official, ..., general)
///     WEIGHT PATTERN        a cue; a negative weight cancels a misleading one (`-3 social media`)
///
///     PATTERN = PART { "~" PART | "~N" PART }   parts within N words (default: window) of the first
///     PART    = SLOT { SLOT }                   consecutive words, stopwords aside
///     SLOT    = ALT { "|" ALT }                 any one of these
///     ALT     = WORD { "-" WORD }               hyphens (and apostrophes) join words that must follow
///                                               each other: `t-shirt`, `well-known|famous`
///     WORD    = word | prefix*                  word: same stem; prefix*: the folded word starts so
///
/// Words are folded (case, accents) and stemmed like the question's, so a cue names a word
/// once: `journaliste` also meets `Journalistes`. Each cue counts at most once in the subject
/// and once in the body, however often it occurs.
struct CueBook: Sendable {
    var settings = CueSettings()
    var stopwords: Set<String> = []
    var signoffs: [[String]] = []
    var footers: [[String]] = []
    var cues: [Cue] = []
    var parts: [Part] = []
    var atoms: [Atom] = []
    var exactIndex: [String: [Int]] = [:]
    var prefixIndex: [String: [Int]] = [:]
    /// The distinct prefix lengths (UTF-8 bytes), so a word is looked up once per length.
    var prefixLengths: [Int] = []

    static let minPrefixLength = 3

    init() {}

    init(text: String) throws(TopicCuesError) {
        var pending: [(line: Int, topic: Topic, weight: Double, pattern: [Substring], source: String)] = []
        var topic: Topic?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let fields = Self.fields(raw)
            guard let keyword = fields.first else { continue }
            let rest = Array(fields.dropFirst())
            func fail(_ message: String) -> TopicCuesError { TopicCuesError(line: lineNumber, message: message) }
            switch keyword {
            case "set":
                guard rest.count == 2 else { throw fail("expected `set NAME VALUE`") }
                try settings.set(String(rest[0]), String(rest[1]), fail: fail)
            case "stopwords":
                for word in rest { stopwords.formUnion(Self.foldedWords(word)) }
            case "signoff", "footer":
                let words = rest.flatMap(Self.foldedWords)
                guard !words.isEmpty else { throw fail("`\(keyword)` needs a phrase") }
                if keyword == "signoff" {
                    signoffs.append(words)
                } else {
                    footers.append(words)
                }
            case "topic":
                guard rest.count == 1, let named = Topic(rawValue: String(rest[0])) else {
                    let known = Topic.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("expected `topic NAME` with NAME one of \(known)")
                }
                topic = named
            default:
                guard let weight = Double(keyword), weight.isFinite else {
                    throw fail("unknown keyword `\(keyword)` (expected set, stopwords, signoff, footer, topic or a cue's weight)")
                }
                guard let topic else { throw fail("a cue before any `topic` line") }
                guard !rest.isEmpty else { throw fail("a weight with no pattern") }
                pending.append((lineNumber, topic, weight, rest, rest.joined(separator: " ")))
            }
        }
        // Cues are compiled once every stopword is known, wherever the stopword lines stand.
        var partIDs: [Part: Int] = [:]
        var atomIDs: [Atom: Int] = [:]
        for cue in pending {
            let compiled = try compilePattern(cue.pattern, line: cue.line, atomIDs: &atomIDs)
            var ids: [Int] = []
            for slots in compiled.parts {
                if let id = partIDs[slots] {
                    ids.append(id)
                } else {
                    partIDs[slots] = parts.count
                    ids.append(parts.count)
                    parts.append(slots)
                }
            }
            cues.append(Cue(topic: cue.topic, weight: cue.weight, parts: ids, windows: compiled.windows, source: cue.source))
        }
        for (id, atom) in atoms.enumerated() {
            if atom.isPrefix {
                prefixIndex[atom.text, default: []].append(id)
            } else {
                exactIndex[atom.text, default: []].append(id)
            }
        }
        prefixLengths = Set(atoms.filter(\.isPrefix).map(\.text.utf8.count)).sorted()
    }

    /// A line's fields, split on white space, up to a `#` comment.
    private static func fields(_ line: Substring) -> [Substring] {
        var out: [Substring] = []
        for field in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            if field.hasPrefix("#") { break }
            out.append(field)
        }
        return out
    }

    /// The words of a cue or stopword as the tokenizer would see them: `d'auteur` is `d`, `auteur`.
    private static func foldedWords(_ text: Substring) -> [String] { QuestionText.words(String(text)) }

    private mutating func compilePattern(
        _ fields: [Substring], line: Int, atomIDs: inout [Atom: Int]
    ) throws(TopicCuesError) -> (parts: [Part], windows: [Int]) {
        func fail(_ message: String) -> TopicCuesError { TopicCuesError(line: line, message: message) }
        var parts: [Part] = []
        var windows: [Int] = []
        var slots: Part = []
        func endPart() throws(TopicCuesError) {
            guard !slots.isEmpty else { throw fail("an empty part around `~` (only stopwords?)") }
            parts.append(slots)
            slots = []
        }
        for field in fields {
            if field.hasPrefix("~") {
                let digits = field.dropFirst()
                guard let window = digits.isEmpty ? settings.window : Int(digits), (1...50).contains(window) else {
                    throw fail("`\(field)`: expected `~` or `~N` with N from 1 to 50")
                }
                try endPart()
                windows.append(window)
                continue
            }
            var slot: Slot = []
            for alternative in field.split(separator: "|", omittingEmptySubsequences: false) {
                // One alternative may spell several words (`t-shirt`, `d'auteur`, `well-known`): they
                // must follow each other. Stopwords inside it are left out, as in the question.
                let isPrefix = alternative.hasSuffix("*")
                let words = Self.foldedWords(alternative)
                var sequence: [Int] = []
                for (index, word) in words.enumerated() {
                    let prefix = isPrefix && index == words.count - 1
                    if !prefix, stopwords.contains(word) { continue }
                    sequence.append(try atomID(word, isPrefix: prefix, field: field, line: line, atomIDs: &atomIDs))
                }
                if sequence.isEmpty {
                    // A lone stopword is simply not part of the phrase (`code of conduct`); one among
                    // alternatives would make the slot optional, which the format does not have.
                    guard field.contains("|") else { continue }
                    throw fail("`\(alternative)` in `\(field)` is a stopword: questions never contain it")
                }
                if !slot.contains(sequence) { slot.append(sequence) }
            }
            if !slot.isEmpty { slots.append(slot) }
        }
        try endPart()
        return (parts, windows)
    }

    private mutating func atomID(
        _ word: String, isPrefix: Bool, field: Substring, line: Int, atomIDs: inout [Atom: Int]
    ) throws(TopicCuesError) -> Int {
        if isPrefix, word.count < Self.minPrefixLength {
            throw TopicCuesError(line: line, message: "`\(field)`: a prefix needs at least \(Self.minPrefixLength) letters")
        }
        let atom = Atom(text: isPrefix ? word : Stem.of(word), isPrefix: isPrefix)
        if let id = atomIDs[atom] { return id }
        atomIDs[atom] = atoms.count
        atoms.append(atom)
        return atoms.count - 1
    }
}

extension CueSettings {
    fileprivate mutating func set(
        _ name: String, _ value: String, fail: (String) -> TopicCuesError
    ) throws(TopicCuesError) {
        func number(_ range: ClosedRange<Double>) throws(TopicCuesError) -> Double {
            guard let v = Double(value), range.contains(v) else {
                throw fail("`\(name)` must be a number in \(range.lowerBound)...\(range.upperBound)")
            }
            return v
        }
        func integer(_ range: ClosedRange<Int>) throws(TopicCuesError) -> Int {
            guard let v = Int(value), range.contains(v) else {
                throw fail("`\(name)` must be a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            return v
        }
        switch name {
        case "subject-weight": subjectWeight = try number(0...100)
        case "reply-subject-weight": replySubjectWeight = try number(0...100)
        case "lead-words": leadWords = try integer(0...1_000_000)
        case "tail-weight": tailWeight = try number(0...100)
        case "min-score": minScore = try number(0...1_000_000)
        case "min-margin": minMargin = try number(0...1_000_000)
        case "max-words": maxWords = try integer(1...1_000_000)
        case "max-lines": maxLines = try integer(1...10_000_000)
        case "window": window = try integer(1...50)
        default:
            throw fail(
                "unknown setting `\(name)` (subject-weight, reply-subject-weight, lead-words, tail-weight, min-score, min-margin, max-words, max-lines, window)"
            )
        }
    }
}
