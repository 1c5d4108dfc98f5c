import Config
import Foundation
import Guidelines
import MIME
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import Milter

/// A running server on 127.0.0.1 with a random port, for one test.
struct RunningServer {
    let server: MilterServer
    let address: SocketAddress
    let group: MultiThreadedEventLoopGroup
    let logs: LogCapture

    static func start(_ evaluator: any MessageEvaluator, adjust: (inout HeedConfig) -> Void = { _ in },
                      listen: ListenAddress = .inet(host: "127.0.0.1", port: 0), threads: Int = 1,
                      advice: any AdviceSink = NoAdviceSink()) async throws -> RunningServer {
        var config = HeedConfig.embeddedDefault
        adjust(&config)
        let logs = LogCapture()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let server = MilterServer(config: config, listen: listen, evaluator: evaluator, adviceSink: advice,
                                  logger: logs.logger, group: group)
        let address = try await server.start().get()
        return RunningServer(server: server, address: address, group: group, logs: logs)
    }

    func client() async throws -> MilterTestClient {
        try await MilterTestClient.connect(to: address, group: group)
    }

    func stop() async throws {
        server.shutdown()
        try await server.stopped.get()
        try await group.shutdownGracefully()
    }

    var decisions: [LogCapture.Record] { logs.records.filter { $0.message == "decision" } }
}

/// Advice requests the server handed over.
final class RecordingAdviceSink: AdviceSink {
    let box = NIOLockedValueBox<[AdviceRequest]>([])
    func submit(_ request: AdviceRequest) { box.withLockedValue { $0.append(request) } }
    var requests: [AdviceRequest] { box.withLockedValue { $0 } }
}

/// Decides from the Subject: "block" holds, "reject" rejects, "logo" routes a query, else accept.
let subjectEvaluator = FixedEvaluator { message, recipients in
    let (mode, rule) = HeedConfig.embeddedDefault.mode(forRecipients: recipients)
    let subject = message.subject ?? ""
    if subject.contains("block") || subject.contains("reject") {
        return Decision(mode: mode, list: rule?.address, verdict: subject.contains("reject") ? .reject : .hold, route: nil,
                        findings: [finding(.personalData, "personal-data.iban", .block, evidence: "CH93 **** **** 7")])
    }
    let route = mode == .query && subject.contains("logo") ? Route(topic: "logo", contact: "visual-identity@cern.ch") : nil
    return Decision(mode: mode, list: rule?.address, verdict: .accept, route: route, findings: [])
}

/// Blocks scans until opened, to hold a message in flight.
final class Gate: Sendable {
    private let state = NIOLockedValueBox((entered: false, open: false))
    func open() { state.withLockedValue { $0.open = true } }
    /// Called by the evaluator: marks the scan as started, then waits for `open()`.
    func wait() {
        state.withLockedValue { $0.entered = true }
        while !state.withLockedValue({ $0.open }) { usleep(1000) }
    }
    /// Waits (at most 10 s) until a scan has started.
    func waitUntilEntered() async throws {
        for _ in 0..<10_000 where !state.withLockedValue({ $0.entered }) {
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

@Suite(.serialized) struct ServerTests {
    @Test func passthroughThenAnnouncementOnOneConnection() async throws {
        let running = try await RunningServer.start(subjectEvaluator)
        let client = try await running.client()
        guard case .optionNegotiation(let options) = try await client.negotiate() else {
            Issue.record("no negotiation reply")
            return
        }
        #expect(options.actions == MilterSession.wantedActions)

        // Passthrough: the answer comes at DATA, before any header is sent.
        let passthrough = postfixMessage(to: ["friend@example.org"])
        let dataIndex = try #require(passthrough.firstIndex(of: .data))
        try await client.send(Array(passthrough[...dataIndex]))
        #expect(try await client.untilFinal() == [.accept])
        try await client.send([.abort])

        try await client.send(postfixMessage(to: ["users-announce@cern.ch"], headers: [("Subject", " Seminar")]))
        #expect(try await client.endOfMessageReplies() == [
            .addHeader(name: "X-Heed", value: " accept; announcement to users-announce@cern.ch; no findings"), .accept,
        ])
        try await client.send([.abort, .abort, .quit])
        try await client.channel.closeFuture.get()
        try await running.stop()

        let decisions = running.decisions
        #expect(decisions.count == 2)
        #expect(decisions.map { $0.metadata["mode"] } == ["passthrough", "announcement"])
        #expect(decisions.allSatisfy { $0.metadata["queue_id"] == "4QUEUE1" && $0.metadata["duration_ms"] != nil })
    }

    @Test func holdRejectAndQueryBecomeActionsAndAdvice() async throws {
        let advice = RecordingAdviceSink()
        let running = try await RunningServer.start(subjectEvaluator, advice: advice)
        let client = try await running.client()
        _ = try await client.negotiate()

        // Postfix sends ABORT after the end-of-message replies (an ABORT before them abandons the scan).
        try await client.send(postfixMessage(to: ["users-announce@cern.ch"], headers: [("Subject", " block me")]))
        let held = try await client.endOfMessageReplies()
        try await client.send([.abort])
        #expect(held.contains(.quarantine(reason: "heed: held announcement to users-announce@cern.ch: personal-data.iban (respect.privacy)")))
        #expect(held.last == .accept)

        try await client.send(postfixMessage(to: ["users-announce@cern.ch"], headers: [("Subject", " reject me")]))
        let rejected = try await client.endOfMessageReplies()
        try await client.send([.abort])
        #expect(rejected.count == 1)
        guard case .replyCode(let text) = rejected.first else {
            Issue.record("expected a reply code, got \(rejected)")
            return
        }
        #expect(text.hasPrefix("550 5.7.1 "))

        try await client.send(postfixMessage(to: ["social-media@cern.ch"], headers: [("Subject", " Can I use the logo?")]))
        let query = try await client.endOfMessageReplies()
        #expect(query.contains(.addHeader(name: "X-Heed-Topic", value: " logo")))
        #expect(query.contains(.addRecipient("<visual-identity@cern.ch>")))
        await client.close()
        try await running.stop()

        #expect(running.decisions.map { $0.metadata["verdict"] } == ["hold", "reject", "accept"])
        #expect(running.decisions[0].metadata["quarantine"]?.contains("personal-data.iban") == true)
        #expect(advice.requests.map(\.decision.verdict) == [.hold, .reject, .accept])
        #expect(advice.requests.first?.sender == "jdoe@cern.ch")
        #expect(advice.requests.last?.decision.mode == .query)
    }

    @Test func theDecisionLineNamesTheLoginOnlyForTheMessageThatHadOne() async throws {
        let advice = RecordingAdviceSink()
        let running = try await RunningServer.start(subjectEvaluator, advice: advice)
        let client = try await running.client()
        _ = try await client.negotiate()
        // Three messages on one connection, as Postfix reuses it: a logged-in client, one that did
        // not log in, and a login with control characters in it (a forged second log line).
        for login in ["jdoe@CERN.CH", nil, "jdoe\nfake decision\u{7}"] {
            try await client.send(postfixMessage(to: ["users-announce@cern.ch"], headers: [("Subject", " block me")], login: login))
            _ = try await client.endOfMessageReplies()
            try await client.send([.abort])
        }
        await client.close()
        try await running.stop()

        #expect(running.decisions.count == 3)
        #expect(running.decisions.map { $0.metadata["auth_user"] } == ["jdoe@CERN.CH", nil, "jdoe fake decision"])
        #expect(running.decisions.map { $0.metadata["verdict"] } == ["hold", "hold", "hold"])
        // The advice for a held announcement gets the login as Postfix sent it.
        #expect(advice.requests.map(\.authenticatedUser) == ["jdoe@CERN.CH", nil, "jdoe\nfake decision\u{7}"])
    }

    @Test func evaluatorReceivesTheEnvelopeWithoutBrackets() async throws {
        struct EnvelopeRecorder: MessageEvaluator {
            let seen = NIOLockedValueBox<[Envelope]>([])
            func evaluate(_ message: Message, envelope: Envelope) -> Decision {
                seen.withLockedValue { $0.append(envelope) }
                return Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .accept, route: nil, findings: [])
            }
        }
        let recorder = EnvelopeRecorder()
        let running = try await RunningServer.start(recorder)
        let client = try await running.client()
        _ = try await client.negotiate()
        try await client.send(postfixMessage(to: ["users-announce@cern.ch", "it-announce@cern.ch"]))
        _ = try await client.endOfMessageReplies()
        await client.close()
        try await running.stop()
        #expect(recorder.seen.withLockedValue { $0 } == [
            Envelope(sender: "jdoe@cern.ch", recipients: ["users-announce@cern.ch", "it-announce@cern.ch"], queueID: "4QUEUE1"),
        ])
    }

    @Test func malformedFrameClosesOnlyThatConnection() async throws {
        let running = try await RunningServer.start(subjectEvaluator)
        let bad = try await MilterTestClient.connectRaw(to: running.address, group: running.group)
        try await bad.writeAndFlush(ByteBuffer(bytes: [0, 0, 0, 0])).get()
        try await bad.closeFuture.get()  // the server closed it

        let good = try await running.client()
        #expect(try await good.negotiate() != .accept)
        await good.close()
        try await running.stop()
        #expect(running.logs.records.contains { $0.level == .warning && $0.metadata["error"] == "zero-length frame" })
    }

    @Test func oversizedFrameAnnouncementIsRefusedAtOnce() async throws {
        let running = try await RunningServer.start(subjectEvaluator)
        let bad = try await MilterTestClient.connectRaw(to: running.address, group: running.group)
        try await bad.writeAndFlush(ByteBuffer(bytes: [0x7F, 0xFF, 0xFF, 0xFF])).get()
        try await bad.closeFuture.get()
        try await running.stop()
        #expect(running.logs.records.contains { $0.metadata["error"]?.contains("over the limit") == true })
    }

    @Test func connectionsPastTheLimitAreClosed() async throws {
        let running = try await RunningServer.start(subjectEvaluator) { $0.milter.maxConnections = 2 }
        let first = try await running.client()
        let second = try await running.client()
        _ = try await first.negotiate()
        _ = try await second.negotiate()
        let third = try await running.client()
        try await third.channel.closeFuture.get()
        #expect(try await first.untilFinalAfter([.mail(sender: "<a@cern.ch>", arguments: []), .recipient("<x@example.org>", arguments: []), .data]) == [.accept])
        await first.close()
        await second.close()
        try await running.stop()
        #expect(running.logs.records.contains { $0.message.hasPrefix("connection refused") })
    }

    @Test func negotiationTimeoutClosesASilentConnection() async throws {
        let running = try await RunningServer.start(subjectEvaluator) { $0.milter.negotiationTimeout = .milliseconds(50) }
        let silent = try await MilterTestClient.connectRaw(to: running.address, group: running.group)
        try await silent.closeFuture.get()
        try await running.stop()
        #expect(running.logs.records.contains { $0.message == "milter timeout; closing the connection" && $0.metadata["phase"] == "negotiating" })
    }

    @Test func evaluationTimeoutAnswersNotScanned() async throws {
        let gate = Gate()
        let slow = FixedEvaluator { _, _ in
            gate.wait()
            return Decision(mode: .announcement, list: nil, verdict: .hold, route: nil, findings: [])
        }
        let running = try await RunningServer.start(slow) { $0.milter.evaluationTimeout = .milliseconds(50) }
        let client = try await running.client()
        _ = try await client.negotiate()
        try await client.send(postfixMessage(to: ["users-announce@cern.ch"]))
        #expect(try await client.endOfMessageReplies() == [.addHeader(name: "X-Heed", value: " not scanned (timeout)"), .accept])
        gate.open()
        await client.close()
        try await running.stop()
        #expect(running.decisions.first?.metadata["note"] == "not scanned (timeout)")
    }

    @Test func aSlowScanDoesNotHoldUpOtherConnectionsOnTheSameEventLoop() async throws {
        let gate = Gate()
        let slow = FixedEvaluator { _, _ in
            gate.wait()
            return Decision(mode: .announcement, list: nil, verdict: .accept, route: nil, findings: [])
        }
        let running = try await RunningServer.start(slow, threads: 1)
        let busy = try await running.client()
        _ = try await busy.negotiate()
        try await busy.send(postfixMessage(to: ["users-announce@cern.ch"]))
        let other = try await running.client()
        _ = try await other.negotiate()
        #expect(try await other.untilFinalAfter([.mail(sender: "<a@cern.ch>", arguments: []), .recipient("<x@example.org>", arguments: []), .data]) == [.accept])
        gate.open()
        #expect(try await busy.endOfMessageReplies().last == .accept)
        await busy.close()
        await other.close()
        try await running.stop()
    }

    @Test func shutdownFinishesTheMessageInFlightAndClosesIdleConnections() async throws {
        let gate = Gate()
        let slow = FixedEvaluator { _, _ in
            gate.wait()
            return Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .accept, route: nil, findings: [])
        }
        let running = try await RunningServer.start(slow)
        let busy = try await running.client()
        let idle = try await running.client()
        _ = try await busy.negotiate()
        _ = try await idle.negotiate()
        try await busy.send(postfixMessage(to: ["users-announce@cern.ch"]))
        try await gate.waitUntilEntered()
        running.server.shutdown()
        try await idle.channel.closeFuture.get()
        #expect(busy.channel.isActive)
        gate.open()
        #expect(try await busy.endOfMessageReplies().last == .accept)
        try await busy.channel.closeFuture.get()  // closed once its message is answered
        try await running.server.stopped.get()
        try await running.group.shutdownGracefully()
        #expect(running.decisions.count == 1)
    }

    @Test func listensOnAUnixSocket() async throws {
        let path = NSTemporaryDirectory() + "heed-test-\(getpid()).sock"
        let running = try await RunningServer.start(subjectEvaluator, listen: .unix(path: path))
        let client = try await running.client()
        #expect(try await client.negotiate() != .accept)
        await client.close()
        try await running.stop()
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func engineEvaluatorRunsTheRealEngine() async throws {
        let engine = CheckEngine(config: .embeddedDefault, checks: [])
        let running = try await RunningServer.start(EngineEvaluator(engine: engine))
        let client = try await running.client()
        _ = try await client.negotiate()
        try await client.send(postfixMessage(to: ["it-announce@cern.ch"]))
        let replies = try await client.endOfMessageReplies()
        #expect(replies.first == .addHeader(name: "X-Heed", value: " accept; announcement to it-announce@cern.ch; no findings"))
        await client.close()
        try await running.stop()
    }
}

@Suite(.serialized) struct ReloadTests {
    /// A private mobile number in an announcement: a personal-data warning by default.
    static let phoneBody = "Call Marie on her mobile +41 79 123 45 67 if you have questions.\r\n"

    @Test func aReloadReachesTheNextMessageOnAnOpenConnection() async throws {
        let before = try CheckEngine(config: .embeddedDefault)
        var stricter = HeedConfig.embeddedDefault
        stricter.checks.severity["personal-data"] = "block"
        let after = try CheckEngine(config: stricter)
        let running = try await RunningServer.start(EngineEvaluator(engine: before))
        let client = try await running.client()
        _ = try await client.negotiate()

        try await client.send(postfixMessage(to: ["users-announce@cern.ch"], body: Self.phoneBody))
        let first = try await client.endOfMessageReplies()
        try await client.send([.abort])
        #expect(first.contains { if case .addHeader("X-Heed", let value) = $0 { value.hasPrefix(" advise;") } else { false } })

        let restart = running.server.reload(config: stricter, evaluator: EngineEvaluator(engine: after), adviceSink: NoAdviceSink())
        #expect(restart.isEmpty)
        // The same connection: Postfix keeps milter connections open across messages.
        try await client.send(postfixMessage(to: ["users-announce@cern.ch"], body: Self.phoneBody))
        let second = try await client.endOfMessageReplies()
        #expect(second.contains { if case .quarantine = $0 { true } else { false } })
        await client.close()
        try await running.stop()
        #expect(running.decisions.map { $0.metadata["verdict"] } == ["advise", "hold"])
    }

    @Test func aMessageUnderWayKeepsItsConfiguration() async throws {
        let gate = Gate()
        let accepting = FixedEvaluator { _, _ in
            gate.wait()
            return Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .accept, route: nil, findings: [])
        }
        let holding = FixedEvaluator { _, _ in
            Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .hold, route: nil,
                     findings: [finding(.personalData, "personal-data.iban", .block)])
        }
        let running = try await RunningServer.start(accepting)
        let client = try await running.client()
        _ = try await client.negotiate()
        try await client.send(postfixMessage(to: ["users-announce@cern.ch"]))
        try await gate.waitUntilEntered()
        var moved = HeedConfig.embeddedDefault
        moved.milter.listen = .inet(host: "127.0.0.1", port: 9999)
        #expect(running.server.reload(config: moved, evaluator: holding, adviceSink: NoAdviceSink()) == ["milter.listen"])
        gate.open()
        let first = try await client.endOfMessageReplies()
        try await client.send([.abort])
        #expect(first.last == .accept)
        #expect(!first.contains { if case .quarantine = $0 { true } else { false } })
        try await client.send(postfixMessage(to: ["users-announce@cern.ch"]))
        let second = try await client.endOfMessageReplies()
        #expect(second.contains { if case .quarantine = $0 { true } else { false } })
        await client.close()
        try await running.stop()
    }
}

extension MilterTestClient {
    func untilFinalAfter(_ commands: [MilterCommand]) async throws -> [MilterReply] {
        try await send(commands)
        return try await untilFinal()
    }
}
