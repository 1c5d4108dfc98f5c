import Config
import Digest
import Foundation
import Store
import Testing

/// "No personal data in it": the digest names no sender, shows no pseudonym, and its examples
/// reveal no one, whatever the checks stored.
@Suite struct PrivacyTests {
    /// Every `local@domain` in `text`.
    static func addresses(in text: String) -> [String] {
        let pattern = /[A-Za-z0-9._%+\-*]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}/
        return text.matches(of: pattern).map { String($0.output).lowercased() }
    }

    /// Whether `word` occurs in `text` as a whole word ("ana" in "Ana" but not in "manager"):
    /// short first names are common inside other words.
    static func containsWord(_ word: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordCharacter = { (character: Character?) in
                character.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } ?? false
            }
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    /// The addresses the digest may show: the watched lists and the team's address, as
    /// configured (nothing that came from a message).
    static let allowedAddresses: Set<String> = {
        let config = HeedConfig.embeddedDefault
        return Set(config.watch.map { $0.address.lowercased() } + [config.replies.from.lowercased()])
    }()

    @Test func theSeededDigestNamesNoSender() throws {
        let digest = try seededDigest()
        for (format, output) in [("html", digest.html), ("text", digest.text), ("json", digest.json)] {
            for address in Self.addresses(in: output) {
                #expect(Self.allowedAddresses.contains(address), "\(format) shows \(address)")
            }
            let lowered = output.lowercased()
            for person in Set(digest.people) {
                // The address, its local part ("ines.costa") and each part of the name.
                var needles = [person.lowercased()]
                if let at = person.firstIndex(of: "@") { needles.append(String(person[..<at]).lowercased()) }
                if !person.contains("@") {
                    needles += person.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased() }
                        .filter { $0.count >= 3 && $0 != "cern" }
                }
                for needle in needles {
                    #expect(!Self.containsWord(needle, in: lowered), "\(format) contains \"\(needle)\" of a sender")
                }
            }
            for pseudonym in digest.pseudonyms {
                #expect(!lowered.contains(pseudonym), "\(format) contains a sender's pseudonym")
            }
            // No long hex run at all (a pseudonym of another key, a token, a hash).
            #expect(output.firstMatch(of: /[0-9a-f]{16,}/) == nil, "\(format) holds a long hex value")
        }
        #expect(!digest.people.isEmpty)
        #expect(digest.pseudonyms.count >= 20)
    }

    /// Every example shown is masked for the digest: personal data keeps no letter or digit,
    /// and no example keeps a run of three digits (a phone, account or ID fragment).
    @Test func examplesRevealNoOne() throws {
        let view = try seededDigest(top: 100).report.view
        let rows = view.categories + view.rules
        #expect(rows.contains { $0.example != nil })
        for row in rows {
            guard let example = row.example else { continue }
            if row.category == "personal-data" {
                #expect(!example.contains { $0.isLetter || $0.isNumber }, "\(row.id): \(example)")
            }
            #expect(example.firstMatch(of: /[0-9]{3}/) == nil, "\(row.id): \(example)")
            #expect(example.count <= 80)
        }
    }

    /// A check that let something through (a name, a number, an address, a profile link, a
    /// photo's file name) still shows nothing of it in the digest.
    @Test func leakedEvidenceIsMaskedAgain() throws {
        let leaks = [
            ("offensive", "offensive.insult", "Marie Dupont is an idiot, call her on +41 76 123 45 67"),
            ("missing-disclaimer", "missing-disclaimer.personal-post",
             "Congrats to Jean-Pierre Martin! Mail jp.martin@gmail.com or see https://linkedin.com/in/jp-martin"),
            ("logo", "logo.match", "image marie_dupont_badge.jpg"),
            ("personal-data", "personal-data.health", "Marie Dupont hospitalisée"),
            ("confidential", "confidential.token", "token ghp_abc123def456ghi789 for @jpmartin"),
        ]
        let report = try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            for (index, (category, rule, evidence)) in leaks.enumerated() {
                try store.recordDecision(DecisionRecord(
                    time: weekStart + hours(Double(index + 1)), list: "announcements@cern.ch", mode: "announcement",
                    verdict: "advise", sender: nil,
                    findings: [FindingRecord(
                        category: category, rule: rule, severity: "warning", guideline: "respect.privacy",
                        evidence: evidence)]))
            }
            return try DigestReport(store: store, from: weekStart, to: weekEnd, options: defaultOptions(top: 10))
        }
        let templates = try DigestTemplates(directory: shippedDigestTemplates)
        let outputs = [templates.html(report.view), templates.text(report.view), report.json()]
        for output in outputs {
            for secret in [
                "Marie", "Dupont", "marie", "dupont", "Jean", "Martin", "martin", "123", "45 67", "gmail", "/in/",
                "jp-martin", "abc123", "hospitalis",
            ] {
                #expect(!output.contains(secret), "the digest shows \"\(secret)\"")
            }
            for address in Self.addresses(in: output) {
                #expect(Self.allowedAddresses.contains(address), "the digest shows \(address)")
            }
        }
        let examples = Dictionary(uniqueKeysWithValues: report.view.rules.compactMap { row in
            row.example.map { (row.id, $0) }
        })
        #expect(examples["offensive.insult"] == "[name] is an idiot, call her on +** ** *** ** **")
        #expect(examples["missing-disclaimer.personal-post"]
            == "Congrats to [name]! Mail [address] or see https://linkedin.com/…")
        #expect(examples["logo.match"] == "image *.jpg")
        #expect(examples["personal-data.health"] == "***** ****** ************")
        #expect(examples["confidential.token"] == "token ghp_****************** for @***")
    }
}
