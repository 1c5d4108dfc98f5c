import Logging
import Metrics
import NIOConcurrencyHelpers
import Prometheus

// heed's metrics. The milter, the replies and the serving records report them through the
// swift-metrics facade (`MilterMetrics` in Sources/Milter, `ReplyMetrics` in Sources/Replies), so they are no-ops
// until `Observability.start` bootstraps the Prometheus backend: tests and `heed check` never do.
//
//   heed_messages_total{mode,verdict}   counter: one per milter decision; mode is query,
//                                       announcement or passthrough; verdict is accept, advise,
//                                       hold, reject or tempfail
//   heed_findings_total{category}       counter: decided messages with a finding of that
//                                       category (a category counts once per message, as in
//                                       the decision's log line)
//   heed_decision_seconds{mode}         histogram: from the end of the message (or the command
//                                       that decided) to the answer; buckets 1 ms to 10 s
//   heed_replies_total{outcome,reason}  counter: outcome queued, sent, suppressed (reason:
//                                       duplicate, null-sender, auto-submitted, ...) or failed
//                                       (given up); reason is only on suppressed
//   heed_outbox_depth                   gauge: replies waiting for delivery, after each outbox pass
//   heed_connections                    gauge: open milter connections
//   heed_records_dropped_total          counter: decision and announcement records the store
//                                       refused (`RecordWriter` in Sources/Serving); the
//                                       messages were handled, the digest misses them
//
// The families have TYPE lines and no HELP: the facade registers every series with an empty help
// text, and the registry refuses two help texts for one name.

/// Whether heed can do its job, as `/healthz` reports it.
public enum Health: Sendable, Equatable {
    case healthy
    /// `reason` is the body of the 503 answer: one line for an operator.
    case unhealthy(reason: String)
}

/// A health value that one part of heed sets and `/healthz` reads: e.g. unhealthy("starting")
/// until the milter listens, healthy while it serves, unhealthy("shutting down") after SIGTERM.
public final class HealthState: Sendable {
    private let value: NIOLockedValueBox<Health>

    public init(_ initial: Health) { value = NIOLockedValueBox(initial) }

    public func set(_ health: Health) { value.withLockedValue { $0 = health } }

    /// Cheap (one lock): suitable as the `health` closure of `Observability.start`.
    public var current: Health { value.withLockedValue { $0 } }
}

public enum Observability {
    /// Upper bounds of `heed_decision_seconds`: a passthrough answer takes well under 1 ms, a
    /// scan of a large message some hundred ms, and `milter.timeouts.evaluation` ends at 10 s.
    public static let decisionBuckets: [Duration] = [
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// The swift-metrics factory heed uses, writing into `registry`: the Prometheus factory with
    /// heed's histogram buckets. Tests bind one to a registry of their own with
    /// `withMetricsFactory`, which leaves the process-wide bootstrap alone.
    public static func makeFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["heed_decision_seconds"] = decisionBuckets
        return factory
    }

    /// Bootstraps the swift-metrics backend with a Prometheus registry and returns that registry.
    /// `MetricsSystem.bootstrap` may run only once per process: this runs it on the first call
    /// (a static initialiser, so at most once even when called from several threads) and returns
    /// the same registry on every later call.
    public static func bootstrap() -> PrometheusCollectorRegistry { shared }

    private static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(makeFactory(registry: registry))
        return registry
    }()

    /// The entry point for `heed serve`: nothing when `listen` is nil (`metrics.listen` not
    /// configured); otherwise bootstraps the metrics backend and serves `/metrics` and `/healthz`
    /// on `listen`. Call once, at start. Throws when the address cannot be bound.
    ///
    /// - Parameter health: called for each `/healthz` request on the endpoint's own thread; it
    ///   must not block (read a flag such as `HealthState.current`).
    public static func start(
        listen: (host: String, port: Int)?, health: @escaping @Sendable () -> Health, logger: Logger
    ) throws -> MetricsEndpoint? {
        guard let listen else { return nil }
        return try MetricsEndpoint.start(
            host: listen.host, port: listen.port, registry: bootstrap(), health: health, logger: logger)
    }
}
