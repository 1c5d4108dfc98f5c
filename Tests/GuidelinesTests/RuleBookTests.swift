import Config
import Foundation
@testable import Guidelines
import MIME
import Testing

/// The rules framework: the shipped rule files, rule directories, patterns, and errors.
@Suite struct RuleBookTests {
    @Test func everyShippedRuleHasAnIdAGuidelineAndAnExplanation() {
        let book = RuleBook.shipped
        #expect(book.rules.count >= 30)
        let categories = Set(book.rules.map(\.category))
        for category in Category.allCases where ![.jargon, .logo, .overposting].contains(category) {
            #expect(categories.contains(category), "\(category) has no rule")
        }
        for rule in book.rules {
            #expect(rule.id.hasPrefix(rule.category.rawValue + "."))
            #expect(rule.guideline == rule.category.guideline)
            #expect(rule.explain.count > 20 && !rule.explain.contains("\n"), "\(rule.id)")
        }
        #expect(Set(book.rules.map(\.id)).count == book.rules.count)
    }

    func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test func aRuleDirectoryAddsAndReplacesRules() throws {
        let dir = try directory([
            "local.yaml": """
                category: confidential
                rules:
                  - id: confidential.project-codename
                    explain: The project's code name is not public yet.
                    severity: block
                    match: [project bluebird]
                """,
            // Replaces the shipped offensive rules: only this word remains.
            "offensive.yaml": """
                category: offensive
                rules:
                  - id: offensive.local
                    explain: A word the local moderators do not want on their lists.
                    severity: warning
                    match: [nincompoop]
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = HeedConfig.embeddedDefault
        config.checks.ruleDirectories = [dir]
        let engine = try CheckEngine(config: config)
        func rules(_ body: String) throws -> Set<String> {
            let message = try MIMEParser.parse(Mail.raw(to: "announcements@cern.ch", from: "a@cern.ch", subject: "s", body: body))
            return Set(engine.evaluate(message).findings.map(\.rule))
        }
        #expect(try rules("News about Project Bluebird.") == ["confidential.project-codename"])
        #expect(try rules("You nincompoop.") == ["offensive.local"])
        #expect(try rules("You idiot.").isEmpty)
    }

    @Test func aBadRuleFileNamesFileKeyAndLine() throws {
        let dir = try directory([
            "bad.yaml": """
                category: confidential
                rules:
                  - id: confidential.x
                    explain: Something.
                    severity: critical
                    match: [x]
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var config = HeedConfig.embeddedDefault
        config.checks.ruleDirectories = [dir]
        #expect {
            _ = try CheckEngine(config: config)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.file.hasSuffix("bad.yaml") && error.keyPath == "rules[0].severity" && error.line == 5
                && error.message.contains("critical")
        }
    }

    @Test(arguments: [
        ("category: nope\nrules: []\n", "unknown category"),
        ("category: offensive\nrules:\n  - id: confidential.x\n    explain: e\n    severity: info\n    match: [x]\n", "must be offensive."),
        ("category: offensive\nrules:\n  - id: offensive.x\n    explain: e\n    severity: info\n    detector: phonee\n", "did you mean \"phone\""),
        ("category: offensive\nrules:\n  - id: offensive.x\n    explain: e\n    severity: info\n    match: [\"{nolist} x\"]\n", "names no list"),
        ("category: offensive\nrules:\n  - id: offensive.x\n    explain: e\n    severity: info\n    match: [x]\n    contxt: []\n", "did you mean \"context\""),
    ])
    func ruleFileErrors(yaml: String, message: String) throws {
        #expect {
            _ = try RuleBook(files: ShippedRules.files + [("extra.yaml", yaml)], directories: [])
        } throws: { error in
            (error as? ConfigError)?.description.contains(message) == true
        }
    }

    // MARK: Patterns

    /// Whether `pattern` occurs in `text`, by both matchers: token by token, and through the
    /// word index (the text is padded past the index threshold for that).
    func matches(_ pattern: String, _ text: String, lists: [String: [String]] = [:]) throws -> Bool {
        let lexicon = Lexicon()
        let set = try PhraseSet([pattern], lists: lists, lexicon: lexicon)
        let bytes = Array(text.utf8)
        let layout = TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: lexicon)
        let direct = set.occurs(in: layout.tokens, 0..<layout.tokens.count, text: bytes) != nil
        let padded = Array((String(repeating: "filler words here. ", count: 40) + text).utf8)
        let long = TextLayout(bytes: padded, range: 0..<padded.count, lexicon: lexicon)
        let indexed = set.occurs(in: long, 0..<long.tokens.count, text: padded) != nil
        #expect(direct == indexed, "\(pattern) in \(text)")
        return direct
    }

    @Test func patternsFoldCaseAndAccentsAndKeepWordBoundaries() throws {
        #expect(try matches("crétin", "Quel CRETIN !"))
        #expect(try matches("d'incapables", "une bande d’incapables"))
        #expect(try matches("brain-dead", "you brain dead clown"))
        #expect(try !matches("ass", "Please complete the assessment"))
        #expect(try matches("idiot*", "idiotic"))
        #expect(try matches("a|the study shows|proves", "the study proves it"))
        #expect(try matches("[a] recent study", "recent study"))
        #expect(try matches("scanned ... book", "I scanned the whole old book"))
        #expect(try !matches("scanned ... book", "I scanned the receipts. The book is fine"))
        #expect(try matches("=BREAKING", "BREAKING news"))
        #expect(try !matches("=BREAKING", "symmetry breaking"))
        #expect(try matches("breaking:", "Breaking: it happened"))
        #expect(try matches("entre nous :", "Entre nous : c'est fini"))
        #expect(try matches("<number> %", "up 40 % this year"))
        #expect(try matches("code <code>", "use the code CERN25"))
        #expect(try matches("{org} announces", "the Organization announces", lists: ["org": ["CERN", "the Organization"]]))
        #expect(try matches("{org}'s position", "CERN's position", lists: ["org": ["CERN"]]))
    }

    @Test func layoutFindsSignaturesQuotesAndForwards() throws {
        let text = """
            Hello,

            See below.

            Best regards,
            Jane Doe
            +41 79 123 45 67

            ---------- Forwarded message ----------
            From: Bob Smith <bob@example.com>
            Subject: hi

            Text of Bob.

            Bob Smith
            Site manager
            """
        let bytes = Array(text.utf8)
        var layout = TextLayout(bytes: bytes, range: 0..<bytes.count, lexicon: RuleBook.shipped.lexicon)
        Layout.annotate(&layout, bytes: bytes, senderNames: ["jane", "doe"], vocabulary: RuleBook.shipped.vocabulary)
        func flags(_ content: String) -> LineInfo.Flags? {
            layout.lines.first { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == content }?.flags
        }
        #expect(flags("See below.")?.contains(.signature) == false)
        #expect(flags("+41 79 123 45 67")?.contains(.signature) == true)
        #expect(flags("From: Bob Smith <bob@example.com>")?.contains(.forwardHeader) == true)
        #expect(flags("Text of Bob.")?.contains(.forwarded) == true)
        #expect(flags("Text of Bob.")?.contains(.signature) == false)
        #expect(flags("Site manager")?.contains(.signature) == true)
    }
}
