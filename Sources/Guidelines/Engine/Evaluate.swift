import Config
import MIME

/// A possible finding before its context is weighed.
struct Candidate: Sendable {
    /// UTF-8 range in the unit's text.
    var start: Int
    var end: Int
    /// Already masked, safe to show.
    var evidence: String
    /// The value compared with `checks.allow.values` (spaces and case ignored).
    var raw: String
    var confidence: Double
    /// What decided so far ("IBAN, mod-97 checksum valid").
    var reasons: [String]
}

/// What a detector may know besides the text.
struct DetectorEnvironment: Sendable {
    /// `checks.allow.numbers` of the configuration.
    let allowNumbers: [String]
    let analysis: MessageAnalysis
    /// Detectors stop after this many candidates in one text.
    var limit: Int { RuleRunner.candidatesPerRule }
}

/// A pattern finder written in Swift, configured by its rule's `params`. Contract: linear in the
/// unit's length; candidates carry masked evidence.
protocol Detector: Sendable {
    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate]
}

/// Runs the rules of a rule book over an analysed message.
struct RuleRunner: Sendable {
    let book: RuleBook
    let detectors: [String: any Detector]

    /// At most this many findings per rule and message: the advice names a few, and a hostile
    /// message must not turn into megabytes of output.
    static let findingsPerRule = 20
    /// At most this many matches of one rule in one text are weighed: enough for any real
    /// message, and a bound on the work a hostile one causes.
    static let candidatesPerRule = 1000

    init(book: RuleBook) {
        self.book = book
        self.detectors = book.detectors
    }

    func run(_ rule: RuleDefinition, analysis: MessageAnalysis, config: HeedConfig) -> [Finding] {
        guard rule.applies(to: analysis.mode), !rule.wideAudienceOnly || analysis.wideAudience else { return [] }
        var findings: [Finding] = []
        let environment = DetectorEnvironment(allowNumbers: config.checks.allowNumbers, analysis: analysis)
        // Made at the first candidate: most rules find none in most messages.
        var messageCache: [Bool?] = []
        for unit in analysis.units where rule.applies(to: unit.kind) {
            if let minimum = rule.minimumWords, unit.tokens.count < minimum { continue }
            let found = candidates(rule, unit, environment)
            guard !found.isEmpty else { continue }
            if messageCache.isEmpty { messageCache = [Bool?](repeating: nil, count: rule.context.count) }
            var weigher = Weigher(rule: rule, unit: unit, analysis: analysis, vocabulary: book.vocabulary, messageCache: messageCache)
            // Words of one phrase rule in one sentence ("hospitalisée … chimiothérapie … cancer") are
            // one finding: the advice names the sentence once.
            var lastSentence: Int?
            let onePerSentence = if case .detector = rule.matcher { false } else { true }
            for candidate in found {
                guard findings.count < Self.findingsPerRule else { break }
                var candidate = candidate
                let sentence = unit.tokens.isEmpty ? 0 : unit.tokens[min(unit.tokens.count - 1, unit.tokenIndex(atOrAfter: candidate.start))].sentence
                if onePerSentence, sentence == lastSentence { continue }
                guard weigher.weigh(&candidate), !allowed(candidate, config) else { continue }
                lastSentence = sentence
                findings.append(Finding(
                    category: rule.category, rule: rule.id, guideline: rule.guideline, severity: rule.severity,
                    evidence: Evidence.excerpt(candidate.evidence, limit: 100), part: unit.part, offset: candidate.start,
                    length: candidate.end - candidate.start, why: candidate.reasons.joined(separator: "; ")))
            }
            messageCache = weigher.messageCache
        }
        return findings
    }

    private func allowed(_ candidate: Candidate, _ config: HeedConfig) -> Bool {
        guard !config.checks.allowValues.isEmpty else { return false }
        let value = Self.compact(candidate.raw)
        return config.checks.allowValues.contains { Self.compact($0) == value }
    }

    static func compact(_ text: String) -> String { Fold.string(text).filter { !$0.isWhitespace } }

    private func candidates(_ rule: RuleDefinition, _ unit: TextUnit, _ environment: DetectorEnvironment) -> [Candidate] {
        switch rule.matcher {
        case .phrases(let set):
            return set.matches(in: unit.layout, 0..<unit.tokens.count, text: unit.bytes, limit: Self.candidatesPerRule).map { match in
                let start = unit.tokens[match.first].start
                let end = unit.tokens[match.last].end
                let text = unit.string(start..<end)
                return Candidate(start: start, end: end, evidence: Self.evidence(text, rule.mask), raw: text,
                                 confidence: rule.confidence, reasons: ["\"\(Self.evidence(text, rule.mask))\""])
            }
        case .detector:
            return Array((detectors[rule.id]?.candidates(in: unit, environment: environment) ?? []).prefix(Self.candidatesPerRule))
        case .signals(let signals):
            return signalCandidate(rule, signals, unit, environment).map { [$0] } ?? []
        }
    }

    /// Signals are summed over one text, each counted once; the finding points at the first cue of
    /// the heaviest signal found.
    private func signalCandidate(_ rule: RuleDefinition, _ signals: [Signal], _ unit: TextUnit,
                                 _ environment: DetectorEnvironment) -> Candidate? {
        var total = 0.0
        var labels: [String] = []
        var anchor: (weight: Double, start: Int, end: Int)?
        for signal in signals {
            let found: Range<Int>?
            if let words = signal.words {
                found = words.occurs(in: unit.layout, 0..<unit.tokens.count, text: unit.bytes).map {
                    unit.tokens[$0.first].start..<unit.tokens[$0.last].end
                }
            } else if let feature = signal.feature {
                found = Features.locate(feature, in: unit, vocabulary: book.vocabulary, analysis: environment.analysis)
            } else {
                found = nil
            }
            guard let found else { continue }
            total += signal.weight
            labels.append(signal.label)
            let start = found.lowerBound, end = found.upperBound
            if signal.weight > anchor?.weight ?? -Double.infinity { anchor = (signal.weight, start, end) }
        }
        guard let anchor, total >= rule.threshold else { return nil }
        let text = unit.string(anchor.start..<anchor.end)
        let shown = Self.evidence(text, rule.mask)
        return Candidate(start: anchor.start, end: anchor.end, evidence: shown, raw: text,
                         // Above the threshold by construction; context may still lower or veto it.
                         confidence: max(rule.confidence, rule.threshold),
                         reasons: ["\(labels.joined(separator: " + ")) (weight \(Self.format(total)))"])
    }

    static func evidence(_ text: String, _ mask: MaskStyle) -> String {
        switch mask {
        case .none: return Evidence.excerpt(text)
        case .all: return Evidence.mask(Evidence.excerpt(text), keepFirst: 0, keepLast: 0)
        case .keep(let first, let last): return Evidence.mask(Evidence.excerpt(text), keepFirst: first, keepLast: last)
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Weighs candidates of one rule in one unit against the rule's context entries and positions.
struct Weigher {
    let rule: RuleDefinition
    let unit: TextUnit
    let analysis: MessageAnalysis
    let vocabulary: Vocabulary
    /// `within: text` answers, by context entry.
    private var textCache: [Bool?]
    /// `within: message` answers, by context entry, shared by the units of one message.
    var messageCache: [Bool?]

    /// How far sentence, line and paragraph scopes look, in tokens: bounded so that a text with no
    /// punctuation costs linear time.
    static let scopeReach = 200

    init(rule: RuleDefinition, unit: TextUnit, analysis: MessageAnalysis, vocabulary: Vocabulary, messageCache: [Bool?]) {
        self.rule = rule
        self.unit = unit
        self.analysis = analysis
        self.vocabulary = vocabulary
        self.messageCache = messageCache
        textCache = [Bool?](repeating: nil, count: rule.context.count)
    }

    /// Applies context and position; false when the candidate is vetoed, misses a required
    /// context, or ends below the threshold. Adds what decided to `reasons`.
    mutating func weigh(_ candidate: inout Candidate) -> Bool {
        let tokens = unit.tokens
        var first = unit.tokenIndex(atOrAfter: candidate.start)
        var last = max(first, unit.tokenIndex(atOrAfter: max(candidate.start, candidate.end - 1)))
        if first >= tokens.count { first = max(0, tokens.count - 1) }
        if last >= tokens.count { last = max(0, tokens.count - 1) }
        var confidence = candidate.confidence
        for (index, entry) in rule.context.enumerated() {
            let present = tokens.isEmpty ? false : self.present(entry, index: index, first: first, last: last)
            switch entry.effect {
            case .veto:
                if present { return false }
            case .require:
                guard present else { return false }
                candidate.reasons.append(entry.label)
            case .adjust(let delta):
                if present {
                    confidence += delta
                    candidate.reasons.append("\(entry.label) (\(delta >= 0 ? "+" : "")\(RuleRunner.format(delta)))")
                }
            }
        }
        for (kind, effect) in rule.orderedPositions {
            let holds = tokens.isEmpty ? position(kind, nil) : position(kind, tokens[first])
            switch effect {
            case .veto: if holds { return false }
            case .require:
                guard holds else { return false }
                candidate.reasons.append("in \(kind.rawValue)")
            case .adjust(let delta):
                if holds {
                    confidence += delta
                    candidate.reasons.append("\(kind.rawValue) (\(delta >= 0 ? "+" : "")\(RuleRunner.format(delta)))")
                }
            }
        }
        candidate.confidence = confidence
        return confidence >= rule.threshold
    }

    private func position(_ kind: PositionKind, _ token: Token?) -> Bool {
        switch kind {
        case .subject: return unit.kind == .subject
        case .attachmentName: return unit.kind == .attachmentName
        case .forwarded:
            return unit.forwarded || (token.map { unit.line(of: $0).flags.contains(.forwarded) } ?? false)
        case .signature: return token.map { unit.line(of: $0).flags.contains(.signature) } ?? false
        case .quoted: return token.map { unit.line(of: $0).flags.contains(.quoted) } ?? false
        case .lineStart: return token?.flags.contains(.lineStart) ?? false
        case .inQuotes: return token?.flags.contains(.inQuotes) ?? false
        }
    }

    private mutating func present(_ entry: ContextEntry, index: Int, first: Int, last: Int) -> Bool {
        switch entry.scope {
        case .text:
            if let known = textCache[index] { return known }
            let answer = search(entry, in: unit, 0..<unit.tokens.count, analysis: analysis)
            textCache[index] = answer
            return answer
        case .message:
            if let known = messageCache[index] { return known }
            var answer = false
            if let feature = entry.feature, [.image, .pdf, .attachment].contains(feature) {
                answer = search(entry, in: unit, 0..<0, analysis: analysis)
            } else {
                for other in analysis.contextUnits + analysis.units.filter({ $0.kind == .subject || $0.kind == .attachmentName })
                where search(entry, in: other, 0..<other.tokens.count, analysis: analysis) {
                    answer = true
                    break
                }
            }
            messageCache[index] = answer
            return answer
        case .window(let before, let after):
            let lo = max(0, first - before)
            let hi = min(unit.tokens.count, last + 1 + after)
            return (before > 0 && search(entry, in: unit, lo..<first, analysis: analysis))
                || (after > 0 && search(entry, in: unit, (last + 1)..<hi, analysis: analysis))
        case .sentence, .line, .paragraph:
            let tokens = unit.tokens
            let key: (Token) -> Int
            switch entry.scope {
            case .sentence: key = { $0.sentence }
            case .line: key = { $0.line }
            default: key = { $0.paragraph }
            }
            let own = key(tokens[first])
            var lo = first
            while lo > 0, first - lo < Self.scopeReach, key(tokens[lo - 1]) == own { lo -= 1 }
            var hi = last + 1
            while hi < tokens.count, hi - last < Self.scopeReach, key(tokens[hi]) == own { hi += 1 }
            // The match's own words count too: "grabbed this picture from" is about a picture.
            return search(entry, in: unit, lo..<hi, analysis: analysis)
        }
    }

    /// Whether the entry's words or feature occur in `unit.tokens[range]`.
    func search(_ entry: ContextEntry, in unit: TextUnit, _ range: Range<Int>, analysis: MessageAnalysis) -> Bool {
        if let words = entry.words {
            return !range.isEmpty && words.occurs(in: unit.layout, range, text: unit.bytes) != nil
        }
        guard let feature = entry.feature else { return false }
        switch feature {
        case .image: return !analysis.images.isEmpty
        case .pdf: return analysis.hasPDF
        case .attachment: return analysis.attachmentCount > 0
        case .link: return Features.hasLink(unit.tokens, range)
        case .number: return range.contains { unit.tokens[$0].flags.contains(.number) }
        case .code: return range.contains { Features.isCode(unit.tokens[$0]) }
        case .money: return Features.hasMoney(unit.tokens, range)
        case .separator, .sourceLink:
            guard !range.isEmpty else { return false }
            let lines = unit.tokens[range.lowerBound].line..<(unit.tokens[range.upperBound - 1].line + 1)
            return Features.locate(feature, in: unit, lines: lines, vocabulary: vocabulary, analysis: analysis) != nil
        }
    }
}

/// Non-word things near a match.
enum Features {
    /// Where `feature` first occurs in the unit (all lines, or `lines`), as a byte range.
    static func locate(_ feature: Feature, in unit: TextUnit, lines: Range<Int>? = nil, vocabulary: Vocabulary,
                       analysis: MessageAnalysis) -> Range<Int>? {
        let tokens = unit.tokens
        let layout = unit.layout
        let span = lines ?? 0..<layout.lines.count
        func lineTokens(_ i: Int) -> Range<Int> {
            let start = layout.firstTokenOfLine[i]
            let end = i + 1 < layout.lines.count ? layout.firstTokenOfLine[i + 1] : tokens.count
            return start..<max(start, end)
        }
        switch feature {
        case .separator:
            for i in span where layout.lines[i].flags.contains(.separator) { return layout.lines[i].start..<layout.lines[i].end }
            return nil
        case .sourceLink:
            for i in span {
                let range = lineTokens(i)
                guard let link = range.first(where: { isLinkStart(tokens, $0) }) else { continue }
                // Only the words before the link name it: "Register: https://indico…" is no source.
                if vocabulary.sourceCues.occurs(in: tokens, range.lowerBound..<link, text: unit.bytes) != nil
                    || vocabulary.sourceHosts.occurs(in: tokens, link..<range.upperBound, text: unit.bytes, inLinks: true) != nil {
                    return layout.lines[i].start..<layout.lines[i].end
                }
            }
            return nil
        case .link:
            guard let i = tokens.indices.first(where: { isLinkStart(tokens, $0) }) else { return nil }
            return tokens[i].start..<tokens[i].end
        case .image, .pdf, .attachment:
            let present = feature == .image ? !analysis.images.isEmpty
                : feature == .pdf ? analysis.hasPDF : analysis.attachmentCount > 0
            return present ? unit.region.lowerBound..<unit.region.lowerBound : nil
        case .number:
            return tokens.first { $0.flags.contains(.number) }.map { $0.start..<$0.end }
        case .code:
            return tokens.first(where: isCode).map { $0.start..<$0.end }
        case .money:
            guard let i = tokens.indices.first(where: { hasMoney(tokens, max(0, $0 - 1)..<min(tokens.count, $0 + 1)) }) else { return nil }
            return tokens[i].start..<tokens[i].end
        }
    }

    static func isCode(_ token: Token) -> Bool {
        let length = token.normLength
        guard (3...8).contains(length), !token.flags.contains(.link) else { return false }
        if token.flags.contains(.number) { return !TokenClass.year.accepts(token) }
        return token.flags.contains(.mixed) && token.asciiDigits >= 3
    }

    /// `http:`, `https:` or `www`.
    static func isLinkStart(_ tokens: [Token], _ i: Int) -> Bool {
        let flags = tokens[i].flags
        return (flags.contains(.http) && flags.contains(.colonAfter)) || flags.contains(.www)
    }

    static let currencies: Set<String> = [
        "chf", "kchf", "mchf", "eur", "keur", "meur", "euro", "euros", "usd", "gbp", "francs", "franc", "€", "$", "£",
        "k€", "dollars", "dollar", "livres",
    ]

    /// `currencies` packed (none is longer than eight bytes), for the tokenizer.
    static let currencyKeys = PackedWordSet(currencies.map(ByteSearch.pack))

    /// Whether folded bytes spell a currency.
    static func isCurrency(_ folded: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !folded.isEmpty, folded.count <= 8 else { return false }
        return currencyKeys.contains(ByteSearch.pack(folded))
    }

    /// A URL: `http(s):` or `www`.
    static func hasLink(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        range.contains { isLinkStart(tokens, $0) }
    }

    /// A number next to a currency (`380 kCHF`, `€ 25`, `1 400 euros`).
    static func hasMoney(_ tokens: [Token], _ range: Range<Int>) -> Bool {
        for i in range where tokens[i].flags.contains(.currency) {
            if i > range.lowerBound, tokens[i - 1].flags.contains(.number) { return true }
            if i + 1 < range.upperBound, tokens[i + 1].flags.contains(.number) { return true }
        }
        // `25CHF` is one token.
        return range.contains { tokens[$0].flags.contains(.currencyAmount) }
    }
}
