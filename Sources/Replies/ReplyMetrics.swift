import CoreMetrics
import Store

/// The replies' metrics, through the swift-metrics facade: no-ops until a backend is bootstrapped
/// (`Observability.start` in `heed serve`). The names and labels are listed in
/// Sources/Observability/Observability.swift.
///
/// `heed_replies_total{outcome}`: every reply heed considered ends as `queued` or
/// `suppressed` (with `reason`); every queued one later as `sent` or `failed` (given up), or stays
/// in the outbox, which `heed_outbox_depth` counts. A retry is neither: it stays pending.
public enum ReplyMetrics {
    public static func queued() {
        Counter(label: "heed_replies_total", dimensions: [("outcome", "queued")]).increment()
    }

    /// `reason` is one of `ReplySuppression`'s few values, so the series stay bounded.
    public static func suppressed(_ reason: ReplySuppression) {
        Counter(label: "heed_replies_total", dimensions: [("outcome", "suppressed"), ("reason", reason.rawValue)])
            .increment()
    }

    public static func sent() {
        Counter(label: "heed_replies_total", dimensions: [("outcome", "sent")]).increment()
    }

    /// Given up: a permanent (5xx) failure, or the last allowed attempt.
    public static func failed() {
        Counter(label: "heed_replies_total", dimensions: [("outcome", "failed")]).increment()
    }

    /// Replies waiting for delivery (claimed or not).
    public static func outboxDepth(_ pending: Int) {
        Gauge(label: "heed_outbox_depth").record(pending)
    }
}
