import Foundation
import Milter
import Store

extension DecisionRecord {
    /// The stored form of a milter decision: ids as the spec spells them, evidence as the
    /// checks masked it, the sender as a pseudonym (nil for the null sender). Nothing from the
    /// message's content beyond the findings' masked evidence.
    public init(
        _ decision: Decision, sender: SenderPseudonym?, queueID: String?, time: Date, duration: Duration?
    ) {
        self.init(
            time: time, list: decision.list, mode: decision.mode.rawValue, verdict: decision.verdict.rawValue,
            language: decision.language?.rawValue, topic: decision.route?.topic, sender: sender,
            duration: duration, queueID: queueID,
            findings: decision.findings.map {
                FindingRecord(
                    category: $0.category.rawValue, rule: $0.rule, severity: $0.severity.rawValue,
                    guideline: $0.guideline.rawValue, evidence: $0.evidence.isEmpty ? nil : $0.evidence, part: $0.part)
            })
    }
}
