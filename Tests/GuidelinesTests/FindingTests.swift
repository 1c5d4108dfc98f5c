import Config
import Guidelines
import MIME
import Testing

@Suite struct FindingTests {
    @Test func everyCategoryHasTheSpecIdAndGuideline() {
        let expected: [String: String] = [
            "unsourced-claim": "post.correctly", "jargon": "post.clearly", "overposting": "post.reasonably",
            "missing-disclaimer": "post.as-yourself", "copy-paste": "refer.links", "endorsement": "refer.external",
            "logo": "respect.logo", "personal-data": "respect.privacy", "confidential": "respect.confidential",
            "intellectual-property": "respect.ip", "offensive": "respect.well-being",
            "official-communication": "respect.official",
        ]
        #expect(Category.allCases.count == expected.count)
        for category in Category.allCases {
            #expect(expected[category.rawValue] == category.guideline.rawValue, "\(category)")
        }
    }

    @Test func severityOrder() {
        #expect(Severity.info < .warning && Severity.warning < .block)
        #expect([Severity.warning, .block, .info].max() == .block)
    }

    @Test func findingDefaultsItsGuidelineFromTheCategory() {
        let f = Finding(category: .personalData, rule: "personal-data.phone", severity: .warning,
                        evidence: "+41 79 *** ** 12", part: "1", offset: 312)
        #expect(f.guideline == .respectPrivacy)
        #expect(Finding(category: .logo, rule: "logo.match", severity: .block, evidence: "x", part: "2", offset: -5).offset == 0)
    }

    @Test func documentOrderIsNumericBySection() {
        func f(_ part: String, _ offset: Int) -> Finding {
            Finding(category: .jargon, rule: "jargon.rare", severity: .info, evidence: "", part: part, offset: offset)
        }
        let sorted = [f("10", 0), f("2", 5), f("2", 1), f("1.2", 0), f("1", 9)].sorted(by: Finding.documentOrder)
        #expect(sorted.map { "\($0.part)@\($0.offset)" } == ["1@9", "1.2@0", "2@1", "2@5", "10@0"])
    }

    @Test(arguments: [
        ("+41 79 123 45 12", 4, 2, "+41 79 *** ** 12"),
        ("CH93 0076 2011 6238 5295 7", 4, 2, "CH93 **** **** **** ***5 7"),
        ("4111 1111 1111 1111", 0, 4, "**** **** **** 1111"),
        ("12", 4, 2, "*2"),
        ("06 39 98 12 34", 2, 2, "06 ** ** ** 34"),
    ])
    func masking(value: String, first: Int, last: Int, masked: String) {
        #expect(Evidence.mask(value, keepFirst: first, keepLast: last) == masked)
    }

    @Test func maskNeverShowsAWholeValue() {
        for value in ["1", "12", "123", "abc"] {
            #expect(Evidence.mask(value, keepFirst: 5, keepLast: 5) != value)
        }
    }

    @Test func excerpt() {
        #expect(Evidence.excerpt("short\ntext") == "short text")
        #expect(Evidence.excerpt(String(repeating: "a", count: 200), limit: 10).count == 10)
    }
}

@Suite struct VerdictTests {
    static func finding(_ severity: Severity) -> Finding {
        Finding(category: .confidential, rule: "confidential.marking", severity: severity, evidence: "EMBARGOED", part: "1", offset: 0)
    }

    @Test(arguments: [
        (Mode.announcement, [Severity](), Verdict.accept),
        (.announcement, [.info], .accept),
        (.announcement, [.info, .warning], .advise),
        (.announcement, [.warning, .block], .hold),
        (.query, [.block], .advise),
        (.query, [.warning], .advise),
        (.query, [], .accept),
        (.passthrough, [.block], .accept),
    ])
    func specTable(mode: Mode, severities: [Severity], verdict: Verdict) {
        #expect(VerdictPolicy.default.verdict(mode: mode, findings: severities.map(Self.finding)) == verdict)
    }

    @Test func rejectWhereThePolicySaysSo() {
        let policy = VerdictPolicy(onBlock: .reject)
        #expect(policy.verdict(mode: .announcement, findings: [Self.finding(.block)]) == .reject)
        #expect(policy.verdict(mode: .query, findings: [Self.finding(.block)]) == .advise)
        #expect(policy.verdict(mode: .announcement, findings: [Self.finding(.warning)]) == .advise)
    }

    @Test func observeNeverActs() {
        let policy = VerdictPolicy(onBlock: .reject, observe: true)
        #expect(policy.verdict(mode: .announcement, findings: [Self.finding(.block)]) == .accept)
    }
}

@Suite struct EngineTests {
    /// A check that reports every occurrence of a word, to exercise the plumbing end to end.
    struct WordCheck: Check {
        let id = "test.word"
        let word: String
        let severity: Severity
        func run(_ input: CheckInput) -> [Finding] {
            input.message.textParts.flatMap { part -> [Finding] in
                guard let text = part.text?.text, let range = text.range(of: word) else { return [] }
                return [Finding(category: .confidential, rule: "confidential.test", severity: severity, evidence: word,
                                part: part.section, offset: text.utf8.distance(from: text.startIndex, to: range.lowerBound))]
            }
        }
    }

    static func message(to: String, body: String) throws -> Message {
        try MIMEParser.parse(Array("From: a@cern.ch\r\nTo: \(to)\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nintro\r\n--B\r\nContent-Type: text/plain\r\n\r\n\(body)\r\n--B--\r\n".utf8))
    }

    @Test func findingsCarryPartAndOffsetAndDecideTheVerdict() throws {
        let engine = CheckEngine(config: .embeddedDefault, checks: [WordCheck(word: "EMBARGOED", severity: .block)])
        let result = engine.evaluate(try Self.message(to: "announcements@cern.ch", body: "News: EMBARGOED until Monday"))
        #expect(result.mode == .announcement)
        #expect(result.list?.audience == .wide)
        #expect(result.verdict == .hold)
        let finding = try #require(result.findings.first)
        #expect(finding.part == "2")
        #expect(finding.offset == 6)
    }

    @Test func passthroughRunsNoCheck() throws {
        let engine = CheckEngine(config: .embeddedDefault, checks: [WordCheck(word: "EMBARGOED", severity: .block)])
        let result = engine.evaluate(try Self.message(to: "colleague@cern.ch", body: "EMBARGOED"))
        #expect(result.mode == .passthrough)
        #expect(result.findings.isEmpty)
        #expect(result.verdict == .accept)
    }

    @Test func envelopeRecipientsWin() throws {
        let engine = CheckEngine(config: .embeddedDefault, checks: [])
        let message = try Self.message(to: "colleague@cern.ch", body: "hello")
        #expect(engine.evaluate(message, recipients: ["social-media@cern.ch"]).mode == .query)
        #expect(engine.evaluate(message, recipients: ["physics-announce-owner@cern.ch"]).mode == .passthrough)
    }

    @Test func languageDetection() {
        #expect(LanguageDetector.detect(["Bonjour à tous, la réunion de l'équipe aura lieu dans la salle du conseil."]) == .fr)
        #expect(LanguageDetector.detect(["Dear all, the team meeting will take place in the council chamber."]) == .en)
        #expect(LanguageDetector.detect(["> Bonjour, est-ce que vous pouvez\nThanks, I will check with the team and come back to you."]) == .en)
        #expect(LanguageDetector.detect([]) == .en)
    }
}
