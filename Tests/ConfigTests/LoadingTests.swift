import Foundation
import Testing

@testable import Config

/// A fresh directory per test, removed afterwards.
@discardableResult
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("heed-config-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

@Suite struct PartialOverrideTests {
    let defaults = HeedConfig.embeddedDefault

    @Test func oneLimitChangesOnlyThatLimit() throws {
        let config = try HeedConfig.parse(yaml: "limits:\n  max_parts: 200\n", source: "partial.yaml")
        var expected = defaults
        expected.limits.maxParts = 200
        #expect(config == expected)
        #expect(config.source == "partial.yaml")
    }

    @Test func watchListReplacesTheDefaultList() throws {
        let config = try HeedConfig.parse(
            yaml: """
                watch:
                  - address: comms@example.org
                    mode: announcement
                """, source: "test")
        #expect(config.watch == [WatchRule(address: "comms@example.org", mode: .announcement, audience: .wide)])
        #expect(config.ownDomains == defaults.ownDomains)
        #expect(config.limits == defaults.limits)
        #expect(config.watch(for: "it-announce@cern.ch") == nil)
    }

    @Test func emptyWatchListWatchesNothing() throws {
        let config = try HeedConfig.parse(yaml: "watch: []", source: "test")
        #expect(config.watch.isEmpty)
        #expect(config.mode(forRecipients: ["social-media@cern.ch"]).mode == .passthrough)
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "~\n"])
    func emptyFileIsTheDefault(_ yaml: String) throws {
        #expect(try HeedConfig.parse(yaml: yaml, source: "empty.yaml") == defaults)
    }

    @Test func valuesAreReadAsWrittenNotAsYAMLBooleans() throws {
        // YAML 1.1 would read a bare `no` as false; here it is Norway's domain.
        let config = try HeedConfig.parse(yaml: "own_domains: [uio.no, cern.ch]", source: "test")
        #expect(config.ownDomains == ["uio.no", "cern.ch"])
    }

    @Test func loadsAFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("heed.yaml").path
            try "limits:\n  max_depth: 8\n".write(toFile: path, atomically: true, encoding: .utf8)
            let config = try HeedConfig.load(path: path)
            #expect(config.limits.maxDepth == 8)
            #expect(config.limits.maxParts == defaults.limits.maxParts)
            #expect(config.source == path)
        }
    }
}

@Suite struct SizeTests {
    @Test(arguments: [
        ("33554432", 33_554_432),
        ("32MiB", 32 << 20),
        ("32 MiB", 32 << 20),
        ("32mib", 32 << 20),
        ("\"32MiB\"", 32 << 20),
        ("32MB", 32_000_000),
        ("512KiB", 512 << 10),
        ("2kb", 2_000),
        ("1GiB", 1 << 30),
        ("1GB", 1_000_000_000),
        ("100B", 100),
        ("100 bytes", 100),
        ("1_048_576", 1 << 20),
        ("+4096", 4096),
    ])
    func messageSizeUnits(_ written: String, _ bytes: Int) throws {
        let config = try HeedConfig.parse(yaml: "limits:\n  max_message_size: \(written)\n", source: "test")
        #expect(config.limits.maxMessageSize == bytes)
    }

    @Test func headerBytesTakeUnitsToo() throws {
        let config = try HeedConfig.parse(yaml: "limits: {max_header_bytes: 64KiB}", source: "test")
        #expect(config.limits.maxHeaderBytes == 65_536)
    }

    @Test(arguments: ["12 potatoes", "1.5MiB", "MiB", "32 Mi", "1__000", "_1", "0x100", "32MiBs"])
    func malformedSizes(_ written: String) {
        #expect(Quantity.parse(written, allowingUnits: true) == .malformed)
    }

    @Test func countsTakeNoUnits() {
        #expect(Quantity.parse("32KiB", allowingUnits: false) == .malformed)
        #expect(Quantity.parse("1_000", allowingUnits: false) == .value(1000))
        #expect(Quantity.parse("-7", allowingUnits: false) == .negative)
        #expect(Quantity.parse("-0", allowingUnits: false) == .value(0))
        #expect(Quantity.parse("99999999999999999999", allowingUnits: false) == .tooLarge)
        #expect(Quantity.parse("9999999999999GiB", allowingUnits: true) == .tooLarge)
    }

    @Test func byteCountsAreDescribedReadably() {
        #expect(ByteCount.describe(1 << 30) == "1 GiB")
        #expect(ByteCount.describe(3 << 20) == "3 MiB")
        #expect(ByteCount.describe(1536) == "1536 bytes")
        #expect(ByteCount.describe(1000) == "1000 bytes")
        #expect(ByteCount.describe(1) == "1 byte")
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("limts", "limits"), ("wacth", "watch"), ("own_domain", "own_domains"), ("ownDomains", "own_domains"),
        ("Limits", "limits"), ("max-parts", "max_parts"),
    ])
    func closeKeysAreSuggested(_ typo: String, _ intended: String) {
        let known = ["own_domains", "watch", "limits", "max_parts", "max_depth"]
        #expect(Suggestion.closest(to: typo, among: known) == intended)
    }

    @Test func distantKeysAreNot() {
        #expect(Suggestion.closest(to: "colour", among: ["own_domains", "watch", "limits"]) == nil)
        #expect(Suggestion.closest(to: "x", among: ["watch"]) == nil)
    }
}
