import Foundation
import Testing

/// `heed check` as the spec's command-line contract describes it, on the real binary.
@Suite(.serialized) struct CheckCommandTests {
    static var dev: URL { HeedBinary.shared.appendingPathComponent("corpus/guidelines/dev") }

    /// Every message of the MIME corpus gives exactly one JSON object with a result, no crash.
    @Test func wholeMimeCorpus() throws {
        let root = HeedBinary.shared.appendingPathComponent("corpus/mime")
        var files: [String] = []
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in walker {
            let rel = url.path.dropFirst(root.path.count + 1)
            let top = String(rel.split(separator: "/").first ?? "")
            if top.hasSuffix(".expected") || top == "LICENSES" || url.lastPathComponent.hasPrefix(".") { continue }
            if ["SOURCES.md", "SHA256SUMS"].contains(url.lastPathComponent) { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { files.append(url.path) }
        }
        #expect(files.count >= 400, "the corpus holds 412 messages; found \(files.count)")
        let output = try HeedBinary.run(["check", "--format", "json"] + files)
        #expect(output.status == 0, "stderr: \(output.stderr.suffix(2000))")
        let objects = try output.lines.map(HeedBinary.json)
        #expect(objects.count == files.count)
        #expect(Set(objects.compactMap { $0["file"] as? String }) == Set(files))
        for object in objects {
            #expect(object["error"] == nil, "\(object["file"] ?? "?"): \(object["error"] ?? "")")
            #expect(["query", "announcement", "passthrough"].contains(object["mode"] as? String))
            #expect(["en", "fr"].contains(object["language"] as? String))
            #expect(object["findings"] is [Any])
        }
    }

    @Test func jsonContractKeysAndModes() throws {
        // Three messages the labelled corpus marks as clean, one per mode.
        let files = ["a-001.eml", "q-002.eml", "p-001.eml"].map { Self.dev.appendingPathComponent($0).path }
        let output = try HeedBinary.run(["check", "--format", "json"] + files)
        #expect(output.status == 0)
        let objects = try output.lines.map(HeedBinary.json)
        #expect(objects.map { $0["mode"] as? String } == ["announcement", "query", "passthrough"])
        for (object, line) in zip(objects, output.lines) {
            // Keys in the contract's order.
            let order = ["\"file\"", "\"mode\"", "\"language\"", "\"verdict\"", "\"route\"", "\"findings\""]
            let positions = order.compactMap { line.range(of: $0)?.lowerBound }
            #expect(positions.count == order.count && positions == positions.sorted(), "\(line)")
            #expect(object["verdict"] as? String == "accept")
            if object["mode"] as? String == "query" {
                // A question gets a route: its topic and the topic's contact (none for general).
                let route = try #require(object["route"] as? [String: Any])
                #expect(route["topic"] is String)
            } else {
                #expect(object["route"] is NSNull)
            }
        }
    }

    @Test func modesAndLanguagesOfTheLabelledCorpus() throws {
        let manifestData = try Data(contentsOf: Self.dev.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [[String: Any]])
        let files = manifest.compactMap { $0["file"] as? String }.map { Self.dev.appendingPathComponent($0).path }
        let output = try HeedBinary.run(["check", "--format", "json"] + files)
        let objects = try output.lines.map(HeedBinary.json)
        #expect(objects.count == manifest.count)
        var modeRight = 0, languageRight = 0
        for (expected, got) in zip(manifest, objects) {
            if expected["mode"] as? String == got["mode"] as? String { modeRight += 1 }
            if expected["language"] as? String == got["language"] as? String { languageRight += 1 }
        }
        // Mode is a rule on addresses: it must be exact. Language detection is statistical.
        #expect(modeRight == manifest.count)
        #expect(Double(languageRight) >= 0.95 * Double(manifest.count), "\(languageRight)/\(manifest.count)")
    }

    @Test func queriesAreRoutedToTheTopicContact() throws {
        let question = Data("From: a@cern.ch\r\nTo: social-media@cern.ch\r\nSubject: Filming request\r\n\r\nHello, a journalist from a TV channel wants to film an interview in our lab next week. Who should I ask?\r\n".utf8)
        let output = try HeedBinary.run(["check", "--format", "json", "-"], stdin: question)
        let route = try #require(try HeedBinary.json(output.stdout)["route"] as? [String: Any])
        #expect(route["topic"] as? String == "media")
        #expect(route["contact"] as? String == "press@cern.ch")
        let text = try HeedBinary.run(["check", "-"], stdin: question)
        #expect(text.stdout.contains("route: media → press@cern.ch"))
        #expect(text.stdout.contains("cues:"))
    }

    @Test func envelopeRecipientsOverrideHeaders() throws {
        let file = Self.dev.appendingPathComponent("p-001.eml").path
        let announce = try HeedBinary.run(["check", "--format", "json", "--rcpt", "users-announce@cern.ch", file])
        #expect(try HeedBinary.json(announce.stdout)["mode"] as? String == "announcement")
        let query = try HeedBinary.run(["check", "--format", "json", "--rcpt", "<Social-Media@CERN.ch>", file])
        #expect(try HeedBinary.json(query.stdout)["mode"] as? String == "query")
    }

    @Test func standardInput() throws {
        let message = Data("From: a@cern.ch\r\nTo: it-announce@cern.ch\r\nSubject: Maintenance\r\n\r\nThe service will be down tonight.\r\n".utf8)
        let output = try HeedBinary.run(["check", "--format", "json", "-"], stdin: message)
        #expect(output.status == 0)
        let object = try HeedBinary.json(output.stdout)
        #expect(object["file"] as? String == "-")
        #expect(object["mode"] as? String == "announcement")
    }

    @Test func unreadableFileGivesAnErrorObjectAndTheOthersGoOn() throws {
        let good = Self.dev.appendingPathComponent("a-001.eml").path
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("heed-empty-\(getpid()).eml")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let output = try HeedBinary.run(["check", "--format", "json", "/nonexistent/x.eml", good, empty.path, "/tmp"])
        #expect(output.status == 1)
        let objects = try output.lines.map(HeedBinary.json)
        #expect(objects.count == 4)
        #expect((objects[0]["error"] as? String)?.contains("no such file") == true)
        #expect(objects[1]["error"] == nil && objects[1]["mode"] as? String == "announcement")
        #expect((objects[2]["error"] as? String)?.contains("empty") == true)
        #expect((objects[3]["error"] as? String)?.contains("directory") == true)
    }

    @Test func textFormat() throws {
        let output = try HeedBinary.run(["check", Self.dev.appendingPathComponent("a-001.eml").path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("announcement"))
        #expect(output.stdout.contains("verdict accept"))
        #expect(output.stdout.contains("no findings"))
    }

    @Test func notFullyScannedIsReported() throws {
        var message = "From: a@cern.ch\r\nTo: announcements@cern.ch\r\nSubject: big\r\n\r\n"
        message += String(repeating: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\r\n", count: 2000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-cfg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("heed.yaml")
        try "limits:\n  max_message_size: 64KiB\n".write(to: config, atomically: true, encoding: .utf8)
        let output = try HeedBinary.run(["check", "--format", "json", "--config", config.path, "-"], stdin: Data(message.utf8))
        let object = try HeedBinary.json(output.stdout)
        let scan = try #require(object["scan"] as? [String: Any])
        #expect(scan["complete"] as? Bool == false)
        #expect((scan["limits"] as? [String])?.first?.hasPrefix("size:") == true)
    }

    @Test func wrongConfigurationFailsAtStartNamingFileAndKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-badcfg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("heed.yaml")
        try "watch:\n  - address: x-announce@cern.ch\n    mode: announce\n".write(to: config, atomically: true, encoding: .utf8)
        let output = try HeedBinary.run(["check", "--config", config.path, Self.dev.appendingPathComponent("a-001.eml").path])
        #expect(output.status == 78)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(config.path))
        #expect(output.stderr.contains("watch[0].mode"))
        #expect(output.stderr.contains("announce"))
    }

    @Test func mimeOutlineAndPartExtraction() throws {
        let file = Self.dev.appendingPathComponent("q-001.eml").path
        let outline = try HeedBinary.run(["mime", file])
        #expect(outline.status == 0)
        #expect(outline.stdout.contains("multipart/alternative"))
        let part = try HeedBinary.run(["mime", "--part", "1", file])
        #expect(part.stdout.contains("Happy 30th birthday"))
    }
}
