import Config
import Foundation
import Guidelines
import Logging
import MIME
import Milter
import Replies
import Store
import Testing

@testable import Serving
// Log capture, the test clock and temporary directories, for every file of this target.
@_exported import HeedTestSupport

/// The repository's templates (the ones heed ships).
let shippedTemplates = RepliesSettings.developmentTemplatesDirectory

/// `heed serve`'s runtime on a real SQLite store in `directory/data`, with the real checks and
/// templates, a configuration file written there (`extra` YAML appended) and a hand-moved clock.
/// The outbox worker is not started: tests read the outbox instead of delivering it.
final class Harness {
    let directory: String
    let config: HeedConfig
    let runtime: ServingRuntime
    let clock = TestClock()
    let logs = LogCapture()
    private var stopped = false

    init(directory: String, extra: String = "", replies: Bool = true, templates: String = shippedTemplates) throws {
        self.directory = directory
        let path = directory + "/heed.yaml"
        let yaml = """
            store:
              path: data/heed.sqlite
              key_file: data/pseudonym.key
              retention_days: 30
            replies:
              enabled: \(replies)
              templates: \(templates)

            """ + extra
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        config = try HeedConfig.load(path: path)
        let engine = try CheckEngine(config: config)
        let clock = self.clock
        runtime = try ServingRuntime.open(config: config, engine: engine, logger: logs.logger, clock: { clock.now })
    }

    deinit { stop() }

    func stop() {
        guard !stopped else { return }
        stopped = true
        runtime.stop()
    }

    /// A message as Postfix hands it to heed: evaluated, then given to the advice sink when the
    /// milter would (a verdict other than accept, or a query), and the sink drained.
    @discardableResult
    func send(
        from sender: String, to recipients: [String], subject: String, body: String, headers: [String] = [],
        queueID: String = "Q\(UInt32.random(in: 0...UInt32.max))"
    ) throws -> Decision {
        let message = try parse(from: sender.isEmpty ? "MAILER-DAEMON@cern.ch" : sender, to: recipients,
                                subject: subject, body: body, headers: headers)
        let envelope = Envelope(sender: sender, recipients: recipients, queueID: queueID)
        let decision = runtime.evaluator.evaluate(message, envelope: envelope)
        if decision.verdict != .accept || decision.mode == .query {
            runtime.advice.submit(AdviceRequest(
                queueID: queueID, sender: sender, authenticatedUser: nil, recipients: recipients, decision: decision,
                message: message))
        }
        runtime.advice.drain()
        runtime.records.flush()
        return decision
    }

    /// Outbox items waiting for delivery.
    func pending() throws -> Int { try runtime.store.outboxCounts(now: clock.now).pending }

    /// Claims every due outbox item (for a look at what heed would send).
    func claimAll() throws -> [ClaimedMail] {
        try runtime.store.claimDueMail(now: clock.now, limit: 100, lease: .seconds(60))
    }
}

func parse(from sender: String, to recipients: [String], subject: String, body: String, headers: [String] = []) throws -> Message {
    var lines = [
        "From: \(sender)", "To: \(recipients.joined(separator: ", "))", "Subject: \(subject)",
        "Message-ID: <\(UUID().uuidString)@cern.ch>", "Date: Tue, 24 Nov 2026 10:00:00 +0100",
        "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
    ]
    lines += headers
    let text = lines.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
    return try MIMEParser.parse(Array(text.utf8), limits: MIMELimits())
}

/// The decoded text of a reply's plain-text part (quoted-printable, UTF-8).
func replyText(_ mail: ClaimedMail) -> String {
    let raw = String(decoding: mail.mail.message, as: UTF8.self)
    guard let message = try? MIMEParser.parse(mail.mail.message, limits: MIMELimits()) else { return raw }
    return message.textParts.compactMap { $0.text?.text }.joined(separator: "\n")
}

/// The header section of a reply as sent.
func replyHeader(_ mail: ClaimedMail) -> String {
    let raw = String(decoding: mail.mail.message, as: UTF8.self)
    return raw.components(separatedBy: "\r\n\r\n").first ?? raw
}

let frenchQuestion = """
    Bonjour,

    Est-ce que je peux utiliser le logo du CERN sur mon profil personnel et sur une affiche pour notre club ?

    Merci beaucoup,
    Marie
    """

let englishQuestion = """
    Hello,

    May I use the CERN logo on my personal profile and on a poster for our club?

    Thanks,
    Jane
    """

let personalDataAnnouncement = """
    Hello all,

    A wallet was found near restaurant 2. It belongs to Marc Keller, please call him on his mobile +41 79 555 12 34 or bring it to his home at 12 rue des Lilas, 01210 Ferney-Voltaire.

    Ana
    """

let cleanAnnouncement = "The seminar is on Friday at 14:00 in the main auditorium. Everyone is welcome."
