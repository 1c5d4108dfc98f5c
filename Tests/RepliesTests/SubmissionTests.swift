import Foundation
import Store
import Testing

@testable import Replies

/// Submission with libetpan against `SMTPSink` on 127.0.0.1, and the outbox worker against a
/// real SQLite store. The worker's clock is a variable, so backoff needs no waiting.
@Suite(.serialized) struct SubmissionTests {
    final class Clock: @unchecked Sendable {
        // @unchecked: `now` is only touched under `lock`.
        private let lock = NSLock()
        private var value = t0
        var now: Date { lock.withLock { value } }
        func advance(_ seconds: TimeInterval) { lock.withLock { value += seconds } }
    }

    func settings(port: UInt16) -> RepliesSettings {
        var settings = testSettings
        settings.relayPort = port
        settings.smtpTimeout = .seconds(5)
        settings.pollInterval = .milliseconds(50)
        settings.retryPolicy = RetryPolicy(initialDelay: .seconds(60))
        return settings
    }

    func service(_ store: SQLiteStore, _ settings: RepliesSettings, worker: OutboxWorker? = nil) throws -> ReplyService {
        ReplyService(
            settings: settings, store: store, pseudonymizer: SenderPseudonymizer(key: testKey),
            templates: try ReplyTemplates(settings: settings), worker: worker)
    }

    let question = IncomingMessage(
        envelopeSender: "<jane.doe@cern.ch>",
        headers: [
            HeaderField(name: "Message-ID", value: "<question-1@cern.ch>"),
            HeaderField(name: "Subject", value: "Logo sur ma page, est-ce autorisé ?"),
        ])

    @Test func oneReplyArrivesWithTheRightHeaders() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try withStore { store in
            let clock = Clock()
            let settings = settings(port: sink.port)
            let worker = OutboxWorker(store: store, settings: settings, clock: { clock.now })
            let decision = try service(store, settings).adviseQuery(
                message: question, topic: .logo, language: .fr, subject: "Logo sur ma page, est-ce autorisé ?", now: clock.now)
            guard case .queued(_, let messageID) = decision else {
                Issue.record("expected a queued reply, got \(decision)")
                return
            }
            #expect(worker.runOnce() == 1)
            let received = sink.messages
            #expect(received.count == 1)
            let message = try #require(received.first)
            #expect(message.from == "<>")
            #expect(message.recipients == ["<jane.doe@cern.ch>"])
            let lines = message.data.components(separatedBy: "\r\n")
            #expect(lines.contains("From: social-media@cern.ch"))
            #expect(lines.contains("To: jane.doe@cern.ch"))
            #expect(lines.contains("In-Reply-To: <question-1@cern.ch>"))
            #expect(lines.contains("References: <question-1@cern.ch>"))
            #expect(lines.contains("Auto-Submitted: auto-replied"))
            #expect(lines.contains("Message-ID: \(messageID)"))
            #expect(lines.contains { $0.hasPrefix("Subject: =?utf-8?B?") })
            #expect(message.data.contains("Content-Type: text/html; charset=\"utf-8\""))
            #expect(try store.outboxCounts(now: clock.now) == OutboxCounts(pending: 0, due: 0, failed: 0, sent: 1))
        }
    }

    @Test func theSameQuestionAgainWithinThePeriodGetsNoSecondReply() throws {
        try withStore { store in
            let service = try service(store, settings(port: 1))
            let first = try service.adviseQuery(message: question, topic: .logo, language: .en, subject: "x", now: t0)
            let again = try service.adviseQuery(
                message: question, topic: .logo, language: .en, subject: "x", now: t0 + 6 * 86_400)
            let otherTopic = try service.adviseQuery(
                message: question, topic: .security, language: .en, subject: "x", now: t0 + 60)
            let afterThePeriod = try service.adviseQuery(
                message: question, topic: .logo, language: .en, subject: "x", now: t0 + 8 * 86_400)
            guard case .queued = first, case .queued = otherTopic, case .queued = afterThePeriod else {
                Issue.record("expected queued replies: \(first) \(otherTopic) \(afterThePeriod)")
                return
            }
            #expect(again == .suppressed(.duplicate))
            #expect(try store.outboxCounts(now: t0 + 8 * 86_400).pending == 3)
        }
    }

    /// The memory of sent replies starts empty in a new process: the store answers, and the
    /// period still runs from the reply that was sent, not from the repeats that read it.
    @Test func aReplySentBeforeARestartStillCountsForItsPeriodOnly() throws {
        try withStore { store in
            let before = try service(store, settings(port: 1))
            guard case .queued = try before.adviseQuery(message: question, topic: .logo, language: .en, subject: "x", now: t0)
            else {
                Issue.record("expected the first reply to be queued")
                return
            }
            let after = try service(store, settings(port: 1))
            for day in [1.0, 6, 6.9] {
                #expect(try after.adviseQuery(message: question, topic: .logo, language: .en, subject: "x",
                                              now: t0 + day * 86_400) == .suppressed(.duplicate))
            }
            guard case .queued = try after.adviseQuery(
                message: question, topic: .logo, language: .en, subject: "x", now: t0 + 7.5 * 86_400)
            else {
                Issue.record("a question after the period must be answered again")
                return
            }
            #expect(try store.digest(from: t0, to: t0 + 8 * 86_400, top: 5).current.repliesSuppressed == 3)
        }
    }

    @Test func suppressedRepliesAreRecordedAndQueueNothing() throws {
        try withStore { store in
            let service = try service(store, settings(port: 1))
            let listMail = IncomingMessage(
                envelopeSender: "jane.doe@cern.ch", headers: [HeaderField(name: "List-Id", value: "<x.cern.ch>")])
            #expect(try service.adviseQuery(message: listMail, topic: .logo, language: .en, subject: nil, now: t0)
                == .suppressed(.listHeader))
            let bounce = IncomingMessage(envelopeSender: "<>", headers: [])
            #expect(try service.adviseSender(
                message: bounce, verdict: .hold, findings: [], language: .en, subject: nil, list: nil, now: t0)
                == .suppressed(.nullSender))
            #expect(try store.outboxCounts(now: t0).pending == 0)
            let digest = try store.digest(from: t0 - 1, to: t0 + 1, top: 10)
            #expect(digest.current.repliesSuppressed == 2)
        }
    }

    @Test func relayDownTheItemWaitsAndIsDeliveredWhenItComesBack() throws {
        let port = try SMTPSink.unusedPort()
        try withStore { store in
            let clock = Clock()
            let settings = settings(port: port)
            let worker = OutboxWorker(store: store, settings: settings, clock: { clock.now })
            _ = try service(store, settings).adviseQuery(
                message: question, topic: .media, language: .en, subject: "Journalist", now: clock.now)

            #expect(worker.runOnce() == 1)
            #expect(try store.outboxCounts(now: clock.now) == OutboxCounts(pending: 1, due: 0, failed: 0, sent: 0))
            clock.advance(30)
            #expect(worker.runOnce() == 0, "backing off")

            let sink = try SMTPSink(port: port)
            defer { sink.stop() }
            clock.advance(31)
            #expect(worker.runOnce() == 1)
            #expect(sink.messages.count == 1)
            #expect(try store.outboxCounts(now: clock.now) == OutboxCounts(pending: 0, due: 0, failed: 0, sent: 1))
        }
    }

    /// Across a restart: a new store object and a new worker on the same database deliver
    /// what the first left pending.
    @Test func aReplyQueuedBeforeARestartIsDeliveredAfterIt() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("heed-restart-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let settings = settings(port: sink.port)
        do {
            let store = try SQLiteStore(path: path)
            _ = try service(store, settings).adviseQuery(
                message: question, topic: .privacy, language: .en, subject: "Photo", now: t0)
        }
        let store = try SQLiteStore(path: path)
        let worker = OutboxWorker(store: store, settings: settings, clock: { t0 })
        #expect(worker.runOnce() == 1)
        #expect(sink.messages.count == 1)
    }

    @Test func aPermanentRefusalGivesUp() throws {
        let sink = try SMTPSink(rejectRecipients: true)
        defer { sink.stop() }
        try withStore { store in
            let settings = settings(port: sink.port)
            let worker = OutboxWorker(store: store, settings: settings, clock: { t0 })
            _ = try service(store, settings).adviseQuery(
                message: question, topic: .conduct, language: .en, subject: "Troll", now: t0)
            #expect(worker.runOnce() == 1)
            #expect(sink.messages.isEmpty)
            #expect(try store.outboxCounts(now: t0 + 86_400) == OutboxCounts(pending: 0, due: 0, failed: 1, sent: 0))
        }
    }

    @Test func submitterClassifiesFailures() throws {
        let port = try SMTPSink.unusedPort()
        let mail = OutgoingMail(envelopeFrom: "", recipients: ["a@cern.ch"], message: Array("Subject: x\r\n\r\nx\r\n".utf8))
        guard case .temporaryFailure = SMTPSubmitter(host: "127.0.0.1", port: port, timeout: .seconds(2)).submit(mail)
        else {
            Issue.record("a refused connection is temporary")
            return
        }
        let sink = try SMTPSink(rejectRecipients: true)
        defer { sink.stop() }
        guard case .permanentFailure(let reason) = SMTPSubmitter(host: "127.0.0.1", port: sink.port).submit(mail)
        else {
            Issue.record("a 550 is permanent")
            return
        }
        #expect(reason.contains("550"))
    }

    /// The threaded worker: started, it delivers a reply enqueued through the service (which
    /// wakes it) without anyone calling runOnce, and stops cleanly.
    @Test func theWorkerThreadDelivers() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try withStore { store in
            let settings = settings(port: sink.port)
            let worker = OutboxWorker(store: store, settings: settings)
            worker.start()
            defer { worker.stop() }
            _ = try service(store, settings, worker: worker).adviseQuery(
                message: question, topic: .logo, language: .en, subject: "Logo")
            let deadline = Date().addingTimeInterval(10)
            while sink.messages.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            #expect(sink.messages.count == 1)
        }
    }
}

/// A line holding only "." would end DATA early unless it is dot-stuffed: libetpan's
/// `mailsmtp_data_message` must do it.
@Test func aLoneDotLineSurvivesSubmission() throws {
    let sink = try SMTPSink()
    defer { sink.stop() }
    let mail = OutgoingMail(
        envelopeFrom: "", recipients: ["a@cern.ch"], message: Array("Subject: x\r\n\r\nbefore\r\n.\r\n..two\r\nafter\r\n".utf8))
    #expect(SMTPSubmitter(host: "127.0.0.1", port: sink.port).submit(mail) == .delivered)
    #expect(sink.messages.first?.data == "Subject: x\r\n\r\nbefore\r\n.\r\n..two\r\nafter\r\n")
}

/// Verdict notices: queued for an own-domain sender, de-duplicated per verdict within the
/// (short) notice period, and independent of query replies.
@Test func verdictNoticesAreDeduplicatedPerVerdictWithinTheNoticePeriod() throws {
    try withStore { store in
        let settings = testSettings
        let service = ReplyService(
            settings: settings, store: store, pseudonymizer: SenderPseudonymizer(key: testKey),
            templates: try ReplyTemplates(settings: settings))
        let announcement = IncomingMessage(
            envelopeSender: "jane.doe@cern.ch", headers: [HeaderField(name: "Message-ID", value: "<a1@cern.ch>")])
        let finding = ReplyFinding(
            category: "personal-data", rule: "personal-data.iban", severity: "block", guideline: "respect.privacy",
            evidence: "CH93 **** **** **** 7")
        func hold(_ at: Date) throws -> ReplyDecision {
            try service.adviseSender(
                message: announcement, verdict: .hold, findings: [finding], language: .en, subject: "Flat to rent",
                list: "users-announce@cern.ch", reason: "personal data", now: at)
        }
        guard case .queued = try hold(t0) else {
            Issue.record("the first notice is queued")
            return
        }
        #expect(try hold(t0 + 60) == .suppressed(.duplicate))
        guard case .queued = try hold(t0 + 601) else {
            Issue.record("after the notice period, a new notice is queued")
            return
        }
        let claimed = try store.claimDueMail(now: t0 + 601, limit: 10, lease: .seconds(60))
        #expect(claimed.count == 2)
        let text = String(decoding: try #require(claimed.first).mail.message, as: UTF8.self)
        #expect(text.contains("Subject: Your message is on hold: Flat to rent"))
        // Quoted-printable soft line breaks may fall inside the evidence.
        #expect(text.replacingOccurrences(of: "=\r\n", with: "").contains("CH93 **** **** **** 7"))
    }
}
