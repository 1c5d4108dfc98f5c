import Config
import Digest
import Foundation
import Guidelines
import Logging
import MIME
import Milter
import Serving
import Store
import Testing
// Log capture, the test clock and temporary directories, for every file of this target.
@_exported import HeedTestSupport

/// The repository, found from this file: Tests/DigestTests/Support.swift.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Test messages (copies of `shared/corpus/guidelines/dev` and `Deploy/samples`, so that a
/// change there does not change these tests) and the golden digests.
let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/digest")

/// The repository's digest templates (the ones heed ships).
let shippedDigestTemplates = repositoryRoot.appendingPathComponent("Templates/digest").path

/// The seeded week: [2026-11-16 00:00, 2026-11-23 00:00) UTC, and the one before it.
let weekStart = Date(timeIntervalSince1970: 1_794_787_200)
let weekEnd = weekStart.addingTimeInterval(7 * 86_400)

func hours(_ count: Double) -> TimeInterval { count * 3600 }
func days(_ count: Double) -> TimeInterval { count * 86_400 }

/// One message of the seed: a fixture file, when heed sees it, and optionally another
/// envelope sender than the From address (to exercise the reply rules).
struct SeedMessage {
    var file: String
    var time: Date
    var envelopeSender: String?
}

/// The fixed set of messages behind the golden digests: 26 in the seeded week, 7 in the week
/// before. They exercise every verdict but reject, the four announcement lists and the query
/// address, nine finding categories, six query topics, replies sent, a duplicate question and
/// an answer refused to a sender outside the own domains.
let seedMessages: [SeedMessage] = {
    let previous = weekStart.addingTimeInterval(-days(7))
    var messages = [
        // The week before: fewer messages, fewer findings.
        SeedMessage(file: "a-002.eml", time: previous + hours(9), envelopeSender: nil),
        SeedMessage(file: "a-008.eml", time: previous + hours(30), envelopeSender: nil),
        SeedMessage(file: "a-031.eml", time: previous + hours(52), envelopeSender: nil),
        SeedMessage(file: "a-041.eml", time: previous + hours(75), envelopeSender: nil),
        SeedMessage(file: "q-006.eml", time: previous + hours(100), envelopeSender: nil),
        SeedMessage(file: "q-012.eml", time: previous + hours(120), envelopeSender: nil),
        SeedMessage(file: "a-013.eml", time: previous + hours(150), envelopeSender: nil),
    ]
    let week = [
        "announcement.eml", "a-002.eml", "a-004.eml", "a-006.eml", "a-008.eml", "a-012.eml", "a-013.eml", "a-016.eml",
        "a-019.eml", "a-027.eml", "a-031.eml", "a-041.eml", "a-046.eml", "a-056.eml", "a-067.eml",
        "announcement-personal-data.eml", "q-001.eml", "q-004.eml", "q-005.eml", "q-006.eml", "q-016.eml",
        "q-026.eml", "query.eml",
    ]
    for (index, file) in week.enumerated() {
        messages.append(SeedMessage(file: file, time: weekStart + hours(Double(3 + index * 7)), envelopeSender: nil))
    }
    // The same question again from the same sender: the reply is a duplicate.
    messages.append(SeedMessage(file: "q-001.eml", time: weekStart + hours(165), envelopeSender: nil))
    // A question whose envelope sender is outside the own domains: no reply.
    messages.append(SeedMessage(file: "q-005.eml", time: weekStart + hours(166), envelopeSender: "r.kowalczyk@example.org"))
    // Exactly at the end of the week: the next period, never in this digest.
    messages.append(SeedMessage(file: "a-067.eml", time: weekEnd, envelopeSender: nil))
    return messages
}()

/// A logger that drops everything: the seeding logs a line per message, which tests do not read.
let quietLogger = Logger(label: "digest-tests") { _ in SwiftLogNoOpLogHandler() }

/// heed serve's runtime on a real store in `directory`, with the real checks and reply
/// templates and the seed clock; the outbox worker is never started.
func openRuntime(in directory: String, clock: TestClock) throws -> ServingRuntime {
    let path = directory + "/heed.yaml"
    let yaml = """
        store:
          path: data/heed.sqlite
          key_file: data/pseudonym.key
        replies:
          templates: \(repositoryRoot.appendingPathComponent("Templates").path)

        """
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    let config = try HeedConfig.load(path: path)
    return try ServingRuntime.open(
        config: config, engine: try CheckEngine(config: config), logger: quietLogger, clock: { clock.now })
}

/// Runs `messages` through heed as the milter does: parse, evaluate (checks, overposting, a
/// record in the store), then the advice for a query or a verdict other than accept (the RFC
/// 3834 rules, de-duplication, the outbox). Returns the addresses and names of the senders
/// (From and envelope), which the digest must never show.
@discardableResult
func seed(_ runtime: ServingRuntime, clock: TestClock, messages: [SeedMessage] = seedMessages) throws -> [String] {
    var people: [String] = []
    for (index, item) in messages.enumerated() {
        clock.set(item.time)
        let bytes = try Array(Data(contentsOf: fixtures.appendingPathComponent("messages/" + item.file)))
        let message = try MIMEParser.parse(bytes, limits: MIMELimits())
        let from = try #require(message.header.from.first, "\(item.file) has a From address")
        let sender = item.envelopeSender ?? from.address
        people += [from.address, sender] + (from.name.map { [$0] } ?? [])
        let recipients = (message.header.to + message.header.cc).map(\.address)
        let queueID = String(format: "SEED%04d", index)
        let envelope = Envelope(sender: sender, recipients: recipients, queueID: queueID)
        let decision = runtime.evaluator.evaluate(message, envelope: envelope)
        if decision.verdict != .accept || decision.mode == .query {
            runtime.advice.submit(AdviceRequest(
                queueID: queueID, sender: sender, authenticatedUser: nil, recipients: recipients, decision: decision,
                message: message))
        }
        runtime.advice.drain()
        runtime.records.flush()
    }
    return people
}

/// The digest options of the default configuration, with the shipped rules' explanations.
func defaultOptions(top: Int = HeedConfig.embeddedDefault.digest.top) -> DigestOptions {
    let config = HeedConfig.embeddedDefault
    return DigestOptions(
        top: top, guidelinesURL: config.replies.guidelinesURL["en"] ?? "", teamAddress: config.replies.from,
        ruleExplanations: Dictionary(RuleBook.shipped.rules.map { ($0.id, $0.explain) }) { first, _ in first })
}

/// The seeded week's digest: HTML, text and JSON, and the people who sent the messages.
struct SeededDigest {
    var report: DigestReport
    var html: String
    var text: String
    var json: String
    var people: [String]
    var pseudonyms: [String]
}

/// Seeds a fresh store with `seedMessages` and renders the week's digest. Each call seeds
/// its own store (about a second), so tests stay independent.
func seededDigest(top: Int = HeedConfig.embeddedDefault.digest.top) throws -> SeededDigest {
    try withTemporaryDirectory { directory in
        let clock = TestClock(weekStart)
        let runtime = try openRuntime(in: directory, clock: clock)
        defer { runtime.stop() }
        let people = try seed(runtime, clock: clock)
        let report = try DigestReport(store: runtime.store, from: weekStart, to: weekEnd, options: defaultOptions(top: top))
        let templates = try DigestTemplates(directory: shippedDigestTemplates)
        let pseudonyms = Set(people).compactMap { runtime.pseudonymizer.pseudonym(for: $0)?.hex }
        return SeededDigest(
            report: report, html: templates.html(report.view), text: templates.text(report.view), json: report.json(),
            people: people, pseudonyms: pseudonyms)
    }
}
