import Guidelines
import MIME
import Testing

/// Hostile bodies: every check is linear, so 10 MB of one character, of digits or of nested
/// brackets still gives a result. The timing (under a second each in release) goes into
/// `heed-checks-bench --adversarial 10`; a test asserts only that the result is produced and sane.
@Suite(.serialized) struct CostTests {
    static let size = 10 << 20

    // The three shapes the issue names; heed-checks-bench times many more in release.
    @Test(arguments: ["a", "7", "([{"])
    func tenMegabytesOfOnePattern(unit: String) throws {
        let repeated = String(repeating: unit, count: Self.size / unit.utf8.count)
        let message = try MIMEParser.parse(Mail.raw(to: "announcements@cern.ch", from: "a@cern.ch", subject: "x",
                                                    body: repeated), limits: MIMELimits(maxMessageSize: 64 << 20))
        let result = try CheckEngine(config: .embeddedDefault).evaluate(message)
        #expect(result.mode == .announcement)
        // Findings are capped per rule, whatever the input.
        #expect(result.findings.count <= 20 * RuleBookSize.rules)
    }
}

enum RuleBookSize {
    static var rules: Int { RuleBook.shipped.rules.count }
}
