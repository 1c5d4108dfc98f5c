import Config
import Digest
import Foundation
import Testing

/// The digest of a store seeded by running a fixed set of messages through heed (the checks,
/// the store record and the replies, as `heed serve` does), compared byte for byte with the
/// files in Tests/Fixtures/digest/golden. When a template or the view model changes on purpose,
/// run the tests once with HEED_UPDATE_GOLDEN=1 to rewrite the files, and review the diff:
/// any other difference is a bug.
@Suite struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["HEED_UPDATE_GOLDEN"] == "1"

    static func compare(_ actual: String, golden name: String) throws {
        let url = fixtures.appendingPathComponent("golden/" + name)
        if updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its golden file; see the comment of GoldenTests")
        if actual != expected {
            let actualLines = actual.components(separatedBy: "\n")
            let expectedLines = expected.components(separatedBy: "\n")
            if let line = zip(actualLines, expectedLines).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
                Issue.record(
                    "first difference at line \(line.offset + 1):\n  got:      \(line.element.0)\n  expected: \(line.element.1)")
            }
        }
    }

    @Test func htmlTextAndJSONOfTheSeededWeek() throws {
        let digest = try seededDigest()
        try Self.compare(digest.html, golden: "digest.html")
        try Self.compare(digest.text, golden: "digest.txt")
        try Self.compare(digest.json, golden: "digest.json")
    }

    /// What the golden files show, said in figures, so that a golden file rewritten by mistake
    /// cannot hide a wrong count.
    @Test func seededWeekFigures() throws {
        let view = try seededDigest().report.view
        #expect(!view.isEmpty)
        #expect(view.summary.map(\.label) == [
            "Messages screened", "Findings", "Questions to the team", "Replies sent", "Replies suppressed",
        ])
        // 23 messages in the week plus the duplicate question and the foreign-domain one; the
        // message exactly at the end of the week is the next week's.
        #expect(view.summary[0].value == 25)
        #expect(view.summary[0].previous == 7)
        #expect(view.summary[2].value == 9)
        #expect(view.summary[4].value == 2)
        #expect(view.suppressions.map(\.label).sorted() == ["duplicate", "foreign-domain"])
        #expect(view.verdicts.map(\.label) == ["accept", "advise", "hold"])
        #expect(view.verdicts.reduce(0) { $0 + $1.count } == 25)
        #expect(view.lists.map(\.list).sorted() == [
            "announcements@cern.ch", "it-announce@cern.ch", "physics-announce@cern.ch", "social-media@cern.ch",
            "users-announce@cern.ch",
        ])
        #expect(view.categories.count == 5)
        #expect(view.categories.first?.id == "personal-data")
        #expect(view.topics.map(\.label).contains("privacy"))
    }
}
