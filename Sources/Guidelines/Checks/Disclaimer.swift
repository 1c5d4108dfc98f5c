import Config

/// A draft personal post about the sender's work that does not say it is personal.
///
/// Applies to drafts in queries and to posts quoted in announcements. Not reported when the draft
/// carries a personal-capacity statement (`statements`), is not about work (no `work` word), is
/// for an institutional account (`institutional` in the draft, the lines presenting it, or the
/// question), or is a private message rather than a post (it opens with a salutation such as
/// "Dear Ms Holt,": `salutations`).
struct DisclaimerDetector: Detector {
    let statements: PhraseSet
    let work: PhraseSet
    let institutional: PhraseSet
    let salutations: PhraseSet
    let confidence: Double

    init(_ params: RuleParams, rule: RuleDefinition) throws(ConfigError) {
        statements = try params.phrases("statements")
        work = try params.phrases("work")
        institutional = try params.phrases("institutional")
        salutations = try params.phrases("salutations")
        confidence = rule.confidence
    }

    func candidates(in unit: TextUnit, environment: DetectorEnvironment) -> [Candidate] {
        guard unit.kind == .draft || unit.kind == .post, !unit.tokens.isEmpty else { return [] }
        let tokens = unit.tokens
        let all = 0..<tokens.count
        if statements.occurs(in: unit.layout, all, text: unit.bytes) != nil { return [] }
        if salutations.longestMatch(at: 0, in: tokens, limit: tokens.count, text: unit.bytes) != nil { return [] }
        guard let about = work.occurs(in: unit.layout, all, text: unit.bytes) else { return [] }
        if institutional.occurs(in: unit.layout, all, text: unit.bytes) != nil { return [] }
        // The question around the draft may say whose account it is for.
        for other in environment.analysis.contextUnits where other.part == unit.part || environment.analysis.mode == .query {
            if institutional.occurs(in: other.layout, 0..<other.tokens.count, text: other.bytes) != nil { return [] }
        }
        let start = tokens[0].start
        let end = tokens[min(tokens.count - 1, 11)].end
        let workWord = Bytes.string(unit.bytes, tokens[about.first].start..<tokens[about.last].end)
        return [Candidate(start: start, end: end, evidence: Evidence.excerpt(Bytes.string(unit.bytes, start..<end), limit: 60),
                          raw: "", confidence: confidence,
                          reasons: ["a personal post about work (\"\(workWord)\") with no personal-capacity statement"])]
    }
}
