import Foundation
import Testing

@testable import Config

/// The values the product spec gives as defaults, written out by hand.
let expectedDefault = HeedConfig(
    ownDomains: ["cern.ch"],
    watch: [
        WatchRule(address: "social-media@cern.ch", mode: .query, audience: .wide),
        WatchRule(address: "physics-announce@cern.ch", mode: .announcement, audience: .specialist),
        WatchRule(address: "it-announce@cern.ch", mode: .announcement, audience: .specialist),
        WatchRule(address: "users-announce@cern.ch", mode: .announcement, audience: .wide),
        WatchRule(address: "announcements@cern.ch", mode: .announcement, audience: .wide),
        WatchRule(address: "*-announce@cern.ch", mode: .announcement, audience: .specialist),
    ],
    limits: Limits(maxMessageSize: 32 << 20, maxDepth: 32, maxParts: 1000, maxHeaderBytes: 1 << 20),
    source: "expected")

/// Deploy/heed.yaml, found from this file's path: Tests/ConfigTests/<file> → repository root.
let exampleConfigurationPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Deploy/heed.yaml").path

@Suite struct DefaultsTests {
    @Test func embeddedDefaultParsesAndSetsEveryKey() throws {
        // The same strict parse `embeddedDefault` runs: nothing underneath, every key required.
        let parsed = try ConfigLoader.parse(
            yaml: HeedConfig.embeddedDefaultYAML, source: HeedConfig.embeddedSource, over: nil)
        #expect(parsed == expectedDefault)
        #expect(parsed.source == "embedded default")
    }

    @Test func embeddedDefaultHasTheSpecifiedValues() {
        let config = HeedConfig.embeddedDefault
        #expect(config == expectedDefault)
        #expect(config.source == "embedded default")
    }

    @Test func loadWithoutPathIsTheEmbeddedDefault() throws {
        let config = try HeedConfig.load(path: nil)
        #expect(config == HeedConfig.embeddedDefault)
        #expect(config.source == "embedded default")
    }

    @Test func exampleFileLoadsToTheEmbeddedDefault() throws {
        let config = try HeedConfig.load(path: exampleConfigurationPath)
        #expect(config == HeedConfig.embeddedDefault)
        #expect(config.source == exampleConfigurationPath)
    }

    @Test func exampleFileSetsEveryKeyItself() throws {
        // Loading over the default would hide a key the example forgot to document.
        let text = try String(contentsOfFile: exampleConfigurationPath, encoding: .utf8)
        let config = try ConfigLoader.parse(yaml: text, source: exampleConfigurationPath, over: nil)
        #expect(config == expectedDefault)
    }

    @Test func strictParseRefusesAMissingKey() {
        let yaml = """
            own_domains: [cern.ch]
            watch: []
            limits: {max_message_size: 1MiB, max_depth: 3, max_parts: 10}
            """
        #expect {
            _ = try ConfigLoader.parse(yaml: yaml, source: "strict", over: nil)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.keyPath == "limits.max_header_bytes" && error.message.contains("is missing")
        }
    }

    @Test func equalityIgnoresSource() {
        var other = HeedConfig.embeddedDefault
        other.source = "/somewhere/else.yaml"
        #expect(other == HeedConfig.embeddedDefault)
        other.limits.maxParts += 1
        #expect(other != HeedConfig.embeddedDefault)
    }
}
