import Config
import Foundation
import Store
import Testing

/// `heed digest` as users and the systemd timer run it: the built executable on a store that
/// heed itself filled.
@Suite struct CommandTests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `heed` executable next to the test bundle (same build folder and configuration).
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("heed")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/heed")
    }

    /// Runs heed with its output in files (a full pipe can never block it).
    static func heed(_ arguments: [String]) throws -> Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heed-digest-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let err = directory.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// A seeded store and its configuration file in `directory`.
    static func seededConfiguration(in directory: String) throws -> String {
        let clock = TestClock(weekStart)
        let runtime = try openRuntime(in: directory, clock: clock)
        try seed(runtime, clock: clock)
        runtime.stop()
        return directory + "/heed.yaml"
    }

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("golden/" + name), encoding: .utf8)
    }

    @Test func everyFormatIsTheGoldenDigest() throws {
        try withTemporaryDirectory { directory in
            let config = try Self.seededConfiguration(in: directory)
            for (format, golden) in [("text", "digest.txt"), ("html", "digest.html"), ("json", "digest.json")] {
                let output = try Self.heed(["digest", "--config", config, "--until", "2026-11-23", "--format", format])
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stdout == (try Self.golden(golden)), "--format \(format)")
            }
            // Text is the default format; 7 days the default length.
            let plain = try Self.heed(["digest", "--config", config, "--until", "2026-11-23T00:00:00Z"])
            #expect(plain.stdout == (try Self.golden("digest.txt")))
            let oneDay = try Self.heed(["digest", "--config", config, "--until", "2026-11-23", "--since", "24h"])
            #expect(oneDay.stdout.contains("2026-11-22 00:00 – 2026-11-23 00:00 UTC"))
        }
    }

    @Test func sendQueuesTheMailForHeedServe() throws {
        try withTemporaryDirectory { directory in
            let config = try Self.seededConfiguration(in: directory)
            let output = try Self.heed(["digest", "--config", config, "--until", "2026-11-23", "--send"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.isEmpty)
            #expect(output.stderr.contains("queued for social-media@cern.ch"))
            #expect(output.stderr.contains("heed serve delivers it"))
            let store = try SQLiteStore(path: directory + "/data/heed.sqlite")
            // The replies the seed queued are in the outbox too: find the digest by its header.
            let claimed = try store.claimDueMail(now: Date(), limit: 100, lease: .seconds(60))
            let digests = claimed.filter {
                String(decoding: $0.mail.message, as: UTF8.self).contains("Auto-Submitted: auto-generated")
            }
            #expect(digests.count == 1)
            #expect(digests.first?.mail.recipients == HeedConfig.embeddedDefault.digest.recipients)
        }
    }

    @Test func aMissingStoreIsNamed() throws {
        let output = try Self.heed(["digest", "--store", "/nonexistent/heed.sqlite"])
        #expect(output.status == 66)
        #expect(output.stderr.contains("no store at /nonexistent/heed.sqlite (--store)"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/heed.sqlite"))
    }

    @Test func anEmptyPeriodIsNotAnError() throws {
        try withTemporaryDirectory { directory in
            let config = try Self.seededConfiguration(in: directory)
            let output = try Self.heed(["digest", "--config", config, "--until", "2020-01-01"])
            #expect(output.status == 0)
            #expect(output.stdout.contains("No messages were screened in this period."))
        }
    }

    @Test(arguments: [["--since", "0d"], ["--since", "7x"], ["--until", "yesterday"], ["--format", "pdf"]])
    func wrongArgumentsAreUsageErrors(arguments: [String]) throws {
        let output = try Self.heed(["digest"] + arguments)
        #expect(output.status == 64)
    }

    @Test func sendWithoutRecipientsIsAConfigurationError() throws {
        try withTemporaryDirectory { directory in
            let config = try Self.seededConfiguration(in: directory)
            try (try String(contentsOfFile: config, encoding: .utf8) + "digest:\n  recipients: []\n")
                .write(toFile: config, atomically: true, encoding: .utf8)
            let output = try Self.heed(["digest", "--config", config, "--send"])
            #expect(output.status == 78)
            #expect(output.stderr.contains("digest.recipients"))
        }
    }
}
