import Config
import Foundation
import Guidelines
import MIME
import Milter
import Store
import Testing

@testable import Serving

/// Decisions in the store, failures of the store, start-up errors and retention.
@Suite struct RuntimeTests {
    @Test func decisionsAreRecordedWithPseudonymsAndNoAddresses() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, replies: false)
            try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion,
                             queueID: "4REC1")
            try harness.send(from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost and found",
                             body: personalDataAnnouncement, queueID: "4REC2")
            for index in 1...6 {
                try harness.send(from: "ana.ruiz@cern.ch", to: ["it-announce@cern.ch"], subject: "Outage \(index)",
                                 body: cleanAnnouncement, queueID: "4REC\(index + 2)")
            }

            let query = try #require(try harness.runtime.store.decisions(queueID: "4REC1").first?.decision)
            #expect(query.mode == "query" && query.topic == "logo" && query.language == "en" && query.list == "social-media@cern.ch")
            #expect(query.sender == harness.runtime.pseudonymizer.pseudonym(for: "jane.doe@cern.ch"))
            #expect(query.duration != nil)
            let announcement = try #require(try harness.runtime.store.decisions(queueID: "4REC2").first?.decision)
            #expect(announcement.verdict == "advise")
            #expect(announcement.sender == harness.runtime.pseudonymizer.pseudonym(for: "ana.ruiz@cern.ch"))
            #expect(announcement.findings.contains { $0.rule == "personal-data.phone" && $0.evidence == "+41 79 *** ** 34" })
            let sixth = try #require(try harness.runtime.store.decisions(queueID: "4REC8").first?.decision)
            #expect(sixth.findings.map(\.rule) == ["overposting.limit"])
            harness.stop()

            // Byte for byte: the only addresses anywhere in the database files are the lists'.
            let data = directory + "/data"
            var bytes: [UInt8] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: data) where name.hasPrefix("heed.sqlite") {
                bytes += Array(try Data(contentsOf: URL(fileURLWithPath: data + "/" + name)))
            }
            #expect(bytes.count > 4096)
            // SQLite packs a row's columns without separators, so each "@" is matched against the
            // list addresses in place rather than cut out as a word.
            let lists = ["social-media@cern.ch", "users-announce@cern.ch", "it-announce@cern.ch"]
            let strays = Self.strayAts(in: bytes, allowed: lists)
            #expect(strays.isEmpty, "an @ that is not part of a list address: \(strays.prefix(3))")
            #expect(lists.allSatisfy { Self.contains(bytes, $0) })
            for secret in ["jane.doe", "ana.ruiz", "555 12 34", "rue des Lilas", "Marc Keller", "wallet"] {
                #expect(!Self.contains(bytes, secret), "\(secret) is in the store")
            }
        }
    }

    @Test func aStoreThatFailsNeverCostsTheDecision() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, replies: false)
            try harness.runtime.store.close()
            let decision = try harness.send(from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost and found",
                                            body: personalDataAnnouncement, queueID: "4FAIL")
            #expect(decision.verdict == .advise)
            #expect(!decision.findings.isEmpty)
            #expect(!decision.findings.contains { $0.category == .overposting })
            #expect(harness.logs.messages("cannot count the announcement; no overposting finding for it").first?.metadata["queue_id"] == "4FAIL")
            harness.runtime.records.flush()
            #expect(harness.logs.messages("cannot record decisions; the messages were handled all the same").count == 1)
            #expect(harness.runtime.records.failures == 1)
        }
    }

    @Test func anUnusableStoreDirectoryStopsTheStartWithItsPath() throws {
        try withTemporaryDirectory { directory in
            // A file where the store's directory should be: no user, root included, can create it.
            try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/data"))
            let error = try Self.startupError(directory: directory)
            #expect(error.description.hasPrefix("store.path: heed store \(directory)/data/heed.sqlite: cannot open the database"))
        }
    }

    @Test func anExposedKeyFileStopsTheStart() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
            let key = directory + "/data/pseudonym.key"
            try Data((String(repeating: "ab", count: 32) + "\n").utf8).write(to: URL(fileURLWithPath: key))
            chmod(key, 0o644)
            let error = try Self.startupError(directory: directory)
            #expect(error.description.hasPrefix("store.key_file: heed pseudonym key \(key)"))
            #expect(error.description.contains("chmod 600"))
        }
    }

    @Test func aNewKeyIsCreatedAndLoggedOnce() throws {
        try withTemporaryDirectory { directory in
            let first = try Harness(directory: directory)
            #expect(first.logs.messages("created a new pseudonym key; keep it secret and back it up with the store").count == 1)
            let pseudonym = first.runtime.pseudonymizer.pseudonym(for: "jane.doe@cern.ch")
            first.stop()
            let second = try Harness(directory: directory)
            #expect(second.logs.messages("created a new pseudonym key; keep it secret and back it up with the store").isEmpty)
            #expect(second.runtime.pseudonymizer.pseudonym(for: "jane.doe@cern.ch") == pseudonym)
        }
    }

    @Test func missingOrBrokenTemplatesStopTheStartNamingThem() throws {
        try withTemporaryDirectory { directory in
            let missing = directory + "/templates"
            let error = try Self.startupError(directory: directory, templates: missing)
            #expect(error.description == "replies.templates: template directory \(missing) (from \(directory)/heed.yaml) does not exist or is not a directory")

            try FileManager.default.copyItem(atPath: shippedTemplates, toPath: missing)
            let broken = missing + "/query.fr.txt.mustache"
            try Data("Bonjour {{#findings}} sans fin\n".utf8).write(to: URL(fileURLWithPath: broken))
            let brokenError = try Self.startupError(directory: directory, templates: missing)
            #expect(brokenError.description.hasPrefix("replies.templates: template \(broken): line "))

            try FileManager.default.removeItem(atPath: broken)
            try FileManager.default.copyItem(atPath: shippedTemplates + "/query.fr.txt.mustache", toPath: broken)
            try FileManager.default.removeItem(atPath: missing + "/topics/media.en.mustache")
            let missingError = try Self.startupError(directory: directory, templates: missing)
            #expect(missingError.description == "replies.templates: template \(missing)/topics/media.en.mustache: missing or unreadable")
        }
    }

    @Test func shippedTemplatesAreFoundWithoutConfiguration() throws {
        let config = HeedConfig.embeddedDefault
        let found = try ServingRuntime.templatesDirectory(config)
        let installed = FileManager.default.fileExists(atPath: ServingRuntime.installedTemplatesDirectory)
        #expect(found == (installed ? ServingRuntime.installedTemplatesDirectory : shippedTemplates))
    }

    @Test func repliesSettingsComeFromTheConfiguration() throws {
        let config = try HeedConfig.parse(yaml: """
            own_domains: [cern.ch, home.cern]
            contacts: {media: press.office@cern.ch}
            replies:
              from: advice@cern.ch
              period: 2d
              notice_period: 30m
              guidelines_url: {fr: https://example.cern/fr}
              relay: {host: 127.0.0.2, port: 2525, timeout: 2m}
              retry: {first: 2s, maximum: 1m, attempts: 4}
            """, source: "test")
        let settings = ServingRuntime.repliesSettings(config, templatesDirectory: "/t")
        #expect(settings.teamAddress == "advice@cern.ch")
        #expect(settings.ownDomains == ["cern.ch", "home.cern"])
        #expect(settings.relayHost == "127.0.0.2" && settings.relayPort == 2525)
        #expect(settings.replyPeriod == .seconds(2 * 86_400) && settings.noticePeriod == .seconds(1800))
        #expect(settings.guidelinesURL[.fr] == "https://example.cern/fr")
        #expect(settings.contacts["media"] == "press.office@cern.ch")
        #expect(settings.retryPolicy == RetryPolicy(initialDelay: .seconds(2), maximumDelay: .seconds(60), maximumAttempts: 4))
        #expect(settings.smtpTimeout == .seconds(120) && settings.lease == .seconds(1200))
        // The worker looks for due mail at least as often as the first retry comes due.
        #expect(settings.pollInterval == .seconds(2))
        #expect(settings.templatesDirectory == "/t")
    }

    @Test func retentionPrunesWhatIsOlderThanTheConfiguredDays() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, replies: false)
            try harness.send(from: "ana.ruiz@cern.ch", to: ["it-announce@cern.ch"], subject: "Old", body: cleanAnnouncement, queueID: "4OLD")
            harness.clock.advance(hours: 20 * 24)
            try harness.send(from: "ana.ruiz@cern.ch", to: ["it-announce@cern.ch"], subject: "New", body: cleanAnnouncement, queueID: "4NEW")
            harness.clock.advance(hours: 11 * 24)
            let counts = try #require(harness.runtime.retention.runOnce())
            #expect(counts.decisions == 1 && counts.announcements == 1)
            #expect(try harness.runtime.store.decisions(queueID: "4OLD").isEmpty)
            #expect(try harness.runtime.store.decisions(queueID: "4NEW").count == 1)
            let logged = try #require(harness.logs.messages("store pruned").first)
            #expect(logged.metadata["decisions"] == "1" && logged.metadata["retention_days"] == "30")
        }
    }

    @Test func retentionRunsSoonAfterStartOnItsQueue() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heed-serving-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try Harness(directory: directory, replies: false)
        let logs = LogCapture()
        let retention = Retention(
            store: harness.runtime.store, days: 30, queue: DispatchQueue(label: "test.retention"), logger: logs.logger,
            firstRun: .milliseconds(20), interval: .milliseconds(200))
        retention.start()
        for _ in 0..<250 where logs.messages("store pruned").count < 2 { try await Task.sleep(for: .milliseconds(20)) }
        retention.stop()
        #expect(logs.messages("store pruned").count >= 2)
        harness.stop()
    }

    // MARK: - Helpers

    static func startupError(directory: String, templates: String = shippedTemplates) throws -> StartupError {
        let path = directory + "/heed.yaml"
        try """
            store: {path: data/heed.sqlite, key_file: data/pseudonym.key}
            replies: {templates: \(templates)}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = try HeedConfig.load(path: path)
        let engine = try CheckEngine(config: config)
        do {
            let runtime = try ServingRuntime.open(config: config, engine: engine)
            runtime.stop()
        } catch {
            return error
        }
        Issue.record("the runtime opened")
        return StartupError("opened")
    }

    /// The text around each address-like "@" of `bytes` (a word character before it, a dotted
    /// domain after it) that is not the "@" of one of the `allowed` addresses. Other "@" bytes are
    /// SQLite's binary numbers (0x40).
    static func strayAts(in bytes: [UInt8], allowed: [String]) -> [String] {
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
        let parts = allowed.compactMap { address -> ([UInt8], [UInt8])? in
            guard let at = address.firstIndex(of: "@") else { return nil }
            return (Array(address[..<at].utf8), Array(address[address.index(after: at)...].utf8))
        }
        var strays: [String] = []
        for (index, byte) in bytes.enumerated() where byte == 0x40 && index > 0 && isWordByte(bytes[index - 1]) {
            var end = index + 1
            while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == 0x2E { end += 1 }
            let domain = bytes[(index + 1)..<end]
            guard domain.count >= 3, domain.contains(0x2E), let first = domain.first, isWordByte(first) else { continue }
            let known = parts.contains { local, domain in
                index >= local.count && index + 1 + domain.count <= bytes.count
                    && bytes[(index - local.count)..<index].elementsEqual(local)
                    && bytes[(index + 1)..<(index + 1 + domain.count)].elementsEqual(domain)
            }
            if !known {
                strays.append(String(decoding: bytes[max(0, index - 24)..<min(bytes.count, index + 24)], as: UTF8.self))
            }
        }
        return strays
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
