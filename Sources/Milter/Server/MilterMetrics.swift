import CoreMetrics

/// The milter's metrics, through the swift-metrics facade: no-ops until a backend is bootstrapped
/// (`Observability.start` in `heed serve`). The names and labels are listed in
/// Sources/Observability/Observability.swift.
///
/// Every label value comes from a bounded set (modes, verdicts, rule categories), so the number
/// of series stays small whatever mail arrives.
public enum MilterMetrics {
    /// One decision: `heed_messages_total{mode,verdict}`, `heed_findings_total{category}` once per
    /// category listed (the decision line lists each category once, so the counter counts
    /// messages with such a finding), and the time heed took in `heed_decision_seconds{mode}`.
    public static func recordDecision(mode: String, verdict: String, categories: [String], nanoseconds: Int64) {
        Counter(label: "heed_messages_total", dimensions: [("mode", mode), ("verdict", verdict)]).increment()
        for category in categories {
            Counter(label: "heed_findings_total", dimensions: [("category", category)]).increment()
        }
        CoreMetrics.Timer(label: "heed_decision_seconds", dimensions: [("mode", mode)])
            .recordNanoseconds(max(0, nanoseconds))
    }
}
