/// The `jargon` category: the jargon detector (Sources/Guidelines/Jargon) over the texts of
/// wide-audience lists and query drafts, its hits turned into findings of the `jargon.*` rules
/// of the rule book (which set their severity and explanation, and may be disabled).
struct JargonCheck: Check {
    let id = Category.jargon.rawValue
    let rules: [String: RuleDefinition]
    let detector: JargonDetector

    init(rules: [RuleDefinition], detector: JargonDetector = .shipped) {
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.detector = detector
    }

    func run(_ input: CheckInput) -> [Finding] {
        let analysis = input.analysis
        guard analysis.wideAudience, !rules.isEmpty else { return [] }
        var findings: [Finding] = []
        for unit in analysis.units where unit.kind == .body || unit.kind == .draft {
            // Jargon is about the message itself: forwarded messages and quoted replies are not judged.
            if unit.forwarded { continue }
            let text = unit.string(unit.region)
            for hit in detector.scan(text, language: input.language, draft: unit.kind == .draft) {
                guard let rule = rules[hit.rule], !input.isDisabled(rule), rule.modes.contains(analysis.mode), rule.units.contains(unit.kind),
                      !rule.wideAudienceOnly || analysis.wideAudience
                else { continue }
                var why = hit.why
                if let suggestion = hit.suggestion { why += "; plainer: \(suggestion)" }
                findings.append(Finding(
                    category: .jargon, rule: rule.id, guideline: rule.guideline, severity: rule.severity,
                    evidence: Evidence.excerpt(hit.evidence, limit: 100), part: unit.part,
                    offset: unit.region.lowerBound + hit.range.lowerBound, length: hit.range.count, why: why))
            }
        }
        return findings
    }
}
