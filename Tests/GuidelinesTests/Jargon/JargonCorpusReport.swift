import Foundation
import Guidelines
import MIME
import Testing

/// A measurement, not a test: how the detector's hits line up with the `jargon` labels of the
/// shared dev corpus. It runs only when asked (`HEED_JARGON_REPORT=1`), prints a table and
/// asserts nothing about the figures: thresholds come from word frequency, not from these files.
///
///     HEED_JARGON_REPORT=1 swift test --filter JargonCorpusReport
@Suite struct JargonCorpusReport {
    static let enabled = ProcessInfo.processInfo.environment["HEED_JARGON_REPORT"] != nil

    static var corpus: URL {
        if let shared = ProcessInfo.processInfo.environment["HEED_SHARED"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("corpus/guidelines/dev")
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/guidelines/dev")
    }

    static let wideLists: Set<String> = ["users-announce@cern.ch", "announcements@cern.ch"]

    @Test(.enabled(if: enabled)) func devCorpus() throws {
        let manifestData = try Data(contentsOf: Self.corpus.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [[String: Any]])
        let detector = JargonDetector.shipped
        var rows: [(audience: String, labelled: Bool, flagged: Bool)] = []
        var ruleCounts: [String: [String: Int]] = [:]
        let clock = ContinuousClock()
        var scanTime = Duration.zero, scannedBytes = 0
        for entry in manifest {
            guard let name = entry["file"] as? String, let mode = entry["mode"] as? String,
                  mode == "announcement" || mode == "query" else { continue }
            let language: Language = (entry["language"] as? String) == "fr" ? .fr : .en
            let labelled = (entry["findings"] as? [String])?.contains("jargon") == true
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            let message = try MIMEParser.parse(bytes)
            let recipients = (message.header.to + message.header.cc).map { $0.address.lowercased() }
            let audience = mode == "query" ? "query" : recipients.contains(where: Self.wideLists.contains) ? "wide" : "specialist"
            var hits: [JargonHit] = []
            for part in message.textParts where !part.isAttachment {
                guard let text = part.text?.text else { continue }
                let start = clock.now
                hits += detector.scan(text, language: language)
                scanTime += clock.now - start
                scannedBytes += text.utf8.count
            }
            let flagged = !hits.isEmpty
            rows.append((audience, labelled, flagged))
            for rule in Set(hits.map(\.rule)) { ruleCounts[audience, default: [:]][rule, default: 0] += 1 }
            if flagged || labelled {
                let shown = hits.map { "\($0.rule.dropFirst(7)):\($0.evidence)" }.joined(separator: ", ")
                print("\(name) \(audience) \(language) label=\(labelled ? "jargon" : "-") hits: \(shown)")
            }
        }
        for audience in ["wide", "specialist", "query"] {
            let group = rows.filter { $0.audience == audience }
            let tp = group.filter { $0.labelled && $0.flagged }.count
            let fp = group.filter { !$0.labelled && $0.flagged }.count
            let fn = group.filter { $0.labelled && !$0.flagged }.count
            let precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            print("\(audience): \(group.count) messages, labelled \(tp + fn), flagged \(tp + fp), TP \(tp) FP \(fp) FN \(fn), "
                + "precision \(precision), recall \(recall), by rule \(ruleCounts[audience] ?? [:])")
        }
        print("scan: \(scannedBytes) bytes in \(scanTime)")
    }
}
