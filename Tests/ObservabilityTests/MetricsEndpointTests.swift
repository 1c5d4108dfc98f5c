import Metrics
import Foundation
import Milter
import Observability
import Prometheus
import Replies
import Serving
import Store
import Testing

/// The endpoint over real TCP on 127.0.0.1, serving a registry each test owns. The figures are
/// recorded through the functions the milter and the replies call, with the test's registry
/// bound by `withMetricsFactory` (task-local): the process-wide bootstrap stays untouched, so the
/// tests run in parallel and other test targets see no backend.
struct MetricsEndpointTests {
    func start(
        _ registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        health: @escaping @Sendable () -> Health = { .healthy }
    ) throws -> MetricsEndpoint {
        try MetricsEndpoint.start(host: "127.0.0.1", port: 0, registry: registry, health: health, logger: quietLogger)
    }

    func port(_ endpoint: MetricsEndpoint) throws -> Int { try #require(endpoint.localAddress.port) }

    @Test func metricsShowTheMilterDecisions() async throws {
        let registry = PrometheusCollectorRegistry()
        withMetricsFactory(Observability.makeFactory(registry: registry)) {
            MilterMetrics.recordDecision(
                mode: "announcement", verdict: "hold", categories: ["personal-data", "jargon"], nanoseconds: 3_000_000)
            MilterMetrics.recordDecision(
                mode: "announcement", verdict: "advise", categories: ["jargon"], nanoseconds: 40_000_000)
            MilterMetrics.recordDecision(mode: "passthrough", verdict: "accept", categories: [], nanoseconds: 200_000)
        }
        let endpoint = try start(registry)
        defer { endpoint.shutdown() }

        let response = try await exchange(port: port(endpoint), "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.headers["content-length"] == "\(response.body.utf8.count)")
        let lines = response.lines
        for expected in [
            "# TYPE heed_messages_total counter",
            #"heed_messages_total{mode="announcement",verdict="hold"} 1"#,
            #"heed_messages_total{mode="announcement",verdict="advise"} 1"#,
            #"heed_messages_total{mode="passthrough",verdict="accept"} 1"#,
            #"heed_findings_total{category="jargon"} 2"#,
            #"heed_findings_total{category="personal-data"} 1"#,
            "# TYPE heed_decision_seconds histogram",
            // 1 ms is the lowest bucket: the 0.2 ms passthrough answer is in it, the scans are not.
            #"heed_decision_seconds_bucket{mode="passthrough",le="0.001"} 1"#,
            #"heed_decision_seconds_bucket{mode="announcement",le="0.0025"} 0"#,
            #"heed_decision_seconds_bucket{mode="announcement",le="0.005"} 1"#,
            #"heed_decision_seconds_bucket{mode="announcement",le="0.05"} 2"#,
            #"heed_decision_seconds_bucket{mode="announcement",le="10.0"} 2"#,
            #"heed_decision_seconds_count{mode="announcement"} 2"#,
            #"heed_decision_seconds_sum{mode="announcement"} 0.043"#,
        ] {
            #expect(lines.contains(expected), "missing \(expected) in:\n\(response.body)")
        }
    }

    /// The replies' figures through the real service and outbox worker on a real SQLite store;
    /// only the relay is a closure (delivered for one reply, refused for good for the other).
    @Test func metricsShowTheReplies() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heed-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("heed.sqlite").path)
        let settings = RepliesSettings(contacts: ["logo": "visual.identity@cern.ch"])
        let service = ReplyService(
            settings: settings, store: store, pseudonymizer: SenderPseudonymizer(key: try PseudonymKey(bytes: Array(0..<32))),
            templates: try ReplyTemplates(settings: settings))
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        func question(from sender: String, _ headers: [HeaderField] = []) -> IncomingMessage {
            IncomingMessage(
                envelopeSender: sender,
                headers: [HeaderField(name: "Message-ID", value: "<q-\(UUID().uuidString)@cern.ch>")] + headers)
        }
        let refused = "<refuse.me@cern.ch>"
        let worker = OutboxWorker(store: store, settings: settings, clock: { now }) { mail in
            mail.recipients.contains("refuse.me@cern.ch") ? .permanentFailure("550 5.1.1 no such user") : .delivered
        }

        let registry = PrometheusCollectorRegistry()
        try withMetricsFactory(Observability.makeFactory(registry: registry)) {
            for sender in ["<jane.doe@cern.ch>", refused] {
                _ = try service.adviseQuery(message: question(from: sender), topic: .logo, language: .en, subject: "Logo", now: now)
            }
            _ = try service.adviseQuery(
                message: question(from: "<jane.doe@cern.ch>"), topic: .logo, language: .en, subject: "Logo", now: now)
            _ = try service.adviseQuery(message: question(from: "<>"), topic: .logo, language: .en, subject: "Logo", now: now)
            _ = try service.adviseQuery(
                message: question(from: "<bob@cern.ch>", [HeaderField(name: "Auto-Submitted", value: "auto-replied")]),
                topic: .logo, language: .en, subject: "Logo", now: now)
            // The relay is down for nothing yet: two pending before the pass, none after it.
            #expect(try store.outboxCounts(now: now).pending == 2)
            #expect(worker.runOnce() == 2)
        }
        let endpoint = try start(registry)
        defer { endpoint.shutdown() }

        let response = try await exchange(port: port(endpoint), "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(response.status == 200)
        let lines = response.lines
        for expected in [
            #"heed_replies_total{outcome="queued"} 2"#,
            #"heed_replies_total{outcome="suppressed",reason="duplicate"} 1"#,
            #"heed_replies_total{outcome="suppressed",reason="null-sender"} 1"#,
            #"heed_replies_total{outcome="suppressed",reason="auto-submitted"} 1"#,
            #"heed_replies_total{outcome="sent"} 1"#,
            #"heed_replies_total{outcome="failed"} 1"#,
            "# TYPE heed_outbox_depth gauge",
            "heed_outbox_depth 0.0",
        ] {
            #expect(lines.contains(expected), "missing \(expected) in:\n\(response.body)")
        }
    }

    @Test func healthzFollowsTheHealthState() async throws {
        let state = HealthState(.unhealthy(reason: "starting"))
        let endpoint = try start(health: { state.current })
        defer { endpoint.shutdown() }
        let request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"

        let starting = try await exchange(port: port(endpoint), request)
        #expect(starting.status == 503)
        #expect(starting.body == "starting\n")

        state.set(.healthy)
        let healthy = try await exchange(port: port(endpoint), request)
        #expect(healthy.status == 200)
        #expect(healthy.body == "ok\n")
        #expect(healthy.headers["connection"] == "close")

        state.set(.unhealthy(reason: "shutting down"))
        let stopping = try await exchange(port: port(endpoint), request)
        #expect(stopping.status == 503)
        #expect(stopping.body == "shutting down\n")
    }

    @Test func otherPathsAndMethodsAreRefused() async throws {
        let endpoint = try start()
        defer { endpoint.shutdown() }
        let port = try port(endpoint)

        let unknown = try await exchange(port: port, "GET /metrics/extra HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(unknown.status == 404)
        let root = try await exchange(port: port, "GET / HTTP/1.0\r\n\r\n")
        #expect(root.statusLine == "HTTP/1.0 404 Not Found")

        let post = try await exchange(port: port, "POST /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET")

        // A query string does not change the path.
        let query = try await exchange(port: port, "GET /healthz?verbose=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(query.status == 200)
    }

    /// Garbage, a head past the 8 KiB header limit, a request line past the 16 KiB connection
    /// limit and a body past it: each is answered 400 or the connection is closed, and the
    /// endpoint keeps serving.
    @Test func badAndOversizedRequestsAreAnsweredOrClosed() async throws {
        let endpoint = try start()
        defer { endpoint.shutdown() }
        let port = try port(endpoint)

        let garbage = try await exchange(port: port, "THIS IS NOT HTTP\r\n\r\n")
        #expect(garbage.status == 400)

        let longHeader = "GET /metrics HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + String(repeating: "a", count: 12_000) + "\r\n\r\n"
        let header = try await exchange(port: port, longHeader)
        #expect(header.text.isEmpty || header.status == 400, "\(header.statusLine)")

        let longURI = "GET /" + String(repeating: "m", count: 64 * 1024) + " HTTP/1.1\r\n\r\n"
        let uri = try await exchange(port: port, longURI)
        #expect(uri.text.isEmpty || uri.status == 400, "\(uri.statusLine)")

        let bigBody = "GET /metrics HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "b", count: 100_000)
        let body = try await exchange(port: port, bigBody)
        #expect(body.text.isEmpty || body.status == 400, "\(body.statusLine)")

        // The server closed each of them itself (the client never had to give up).
        #expect(![garbage, header, uri, body].contains { $0.timedOut })

        let after = try await exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(after.status == 200)
    }

    /// A client that sends part of a request and then nothing is cut off by the idle timeout.
    @Test func aSilentClientIsClosed() async throws {
        let endpoint = try MetricsEndpoint.start(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(), health: { .healthy },
            logger: quietLogger, idleTimeout: .seconds(1))
        defer { endpoint.shutdown() }
        let started = ContinuousClock.now
        let response = try await exchange(port: port(endpoint), "GET /metrics HTTP/1.1\r\n")
        #expect(response.text.isEmpty)
        #expect(ContinuousClock.now - started >= .milliseconds(900))
    }

    @Test func offWhenNotConfigured() throws {
        #expect(try Observability.start(listen: nil, health: { .healthy }, logger: quietLogger) == nil)
    }

    @Test func aTakenPortIsAnError() throws {
        let first = try start()
        defer { first.shutdown() }
        #expect(throws: (any Error).self) {
            try MetricsEndpoint.start(
                host: "127.0.0.1", port: try port(first), registry: PrometheusCollectorRegistry(), health: { .healthy },
                logger: quietLogger)
        }
    }

    @Test func shutdownTwiceIsHarmless() throws {
        let endpoint = try start()
        endpoint.shutdown()
        endpoint.shutdown()
    }
}

extension MetricsEndpointTests {
    @Test func recordsTheStoreRefusesAreCounted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heed-metrics-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore(path: directory + "/heed.sqlite")
        let registry = PrometheusCollectorRegistry()
        // The writer takes its counter from the backend bound when it is made.
        let writer = withMetricsFactory(Observability.makeFactory(registry: registry)) {
            RecordWriter(store: store, logger: quietLogger)
        }
        try store.close()
        for index in 0..<3 {
            writer.submit(DecisionRecord(
                time: Date(), list: "users-announce@cern.ch", mode: "announcement", verdict: "accept", sender: nil,
                queueID: "4DROP\(index)"))
        }
        writer.flush()
        let endpoint = try start(registry)
        defer { endpoint.shutdown() }
        let response = try await exchange(port: port(endpoint), "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(response.lines.contains("heed_records_dropped_total 3"))
    }
}
