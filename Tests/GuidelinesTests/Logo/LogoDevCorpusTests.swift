import Foundation
import Guidelines
import MIME
import Testing

/// The matcher over the image parts of the labelled dev corpus
/// (../shared/corpus/guidelines/dev). The threshold was chosen on generated variants, not on
/// these files; this test measures how it carries over.
///
/// Labels: a message labelled `logo` has at least one image that matches; a message in query
/// or announcement mode without the label has none. Passthrough messages are never labelled
/// (heed does not check them), so their images are only reported.
@Suite(.needsJPEG) struct LogoDevCorpusTests {
    struct Entry {
        let file: String
        let mode: String
        let findings: [String]
    }

    static func manifest(_ dev: URL) throws -> [String: Entry] {
        let data = try Data(contentsOf: dev.appendingPathComponent("manifest.json"))
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw FixtureError("manifest.json is not a list of objects")
        }
        var entries: [String: Entry] = [:]
        for item in list {
            guard let file = item["file"] as? String, let mode = item["mode"] as? String,
                  let findings = item["findings"] as? [String] else { throw FixtureError("manifest entry without file/mode/findings") }
            entries[file] = Entry(file: file, mode: mode, findings: findings)
        }
        return entries
    }

    @Test func devCorpusImagesAgreeWithTheLogoLabels() throws {
        let dev = LogoFixtures.shared.appendingPathComponent("corpus/guidelines/dev")
        let manifest = try Self.manifest(dev)
        let matcher = try LogoFixtures.matcher()
        let files = try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(files.count == manifest.count)

        var images = 0
        var total = Duration.zero
        var slowest = Duration.zero
        var labelled = 0
        for file in files {
            guard let entry = manifest[file] else {
                Issue.record("\(file) is not in the manifest")
                continue
            }
            let message = try MIMEParser.parse([UInt8](try Data(contentsOf: dev.appendingPathComponent(file))))
            var matched: [String] = []
            var lines: [String] = []
            for attachment in message.attachments {
                let bytes = attachment.bytes()
                let clock = ContinuousClock()
                let start = clock.now
                let evaluation = matcher.evaluate(imageBytes: bytes, mediaType: attachment.mediaType)
                let elapsed = clock.now - start
                guard case .scored(let best) = evaluation else { continue }
                images += 1
                total += elapsed
                slowest = max(slowest, elapsed)
                let isMatch = best.score >= matcher.threshold
                if isMatch { matched.append(attachment.section) }
                let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
                lines.append(String(format: "  part %@ %@ %@ score %.3f %@ %.1f ms", attachment.section, attachment.mediaType,
                                    attachment.filename ?? "-", best.score, isMatch ? "MATCH" : "no", ms))
            }
            let expectsLogo = entry.findings.contains("logo")
            if expectsLogo { labelled += 1 }
            if !lines.isEmpty || expectsLogo {
                print("logo dev \(file) [\(entry.mode)] label \(expectsLogo ? "logo" : "-"): \(matched.isEmpty ? "no match" : "matched \(matched.joined(separator: ","))")")
                lines.forEach { print($0) }
            }
            if expectsLogo {
                #expect(!matched.isEmpty, "\(file) is labelled logo but no image matched")
            } else if entry.mode != "passthrough" {
                #expect(matched.isEmpty, "\(file) has no logo label but parts \(matched) matched")
            }
        }
        #expect(labelled == 10)
        let average = images > 0 ? total / images : .zero
        print("logo dev: \(images) images, \(labelled) messages labelled logo, mean \(average), slowest \(slowest) per image")
    }
}
