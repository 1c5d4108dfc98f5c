import Config
import Guidelines
import MIME
import Testing

/// Verdicts per list, observe, and what an administrator can change without recompiling:
/// disable a rule, change its severity for one list, allow a number, a value or a sender.
@Suite struct PolicyTests {
    static let insult = "Dear all, the idiots in the garage lost my keys again."

    func evaluate(_ body: String, to: String = "announcements@cern.ch", from: String = "jane@cern.ch", yaml: String) throws -> CheckResult {
        let config = try HeedConfig.parse(yaml: yaml, source: "test.yaml")
        let message = try MIMEParser.parse(Mail.raw(to: to, from: from, subject: "Notice", body: body))
        return try CheckEngine(config: config).evaluate(message)
    }

    @Test func defaultHoldsABlock() throws {
        #expect(try evaluate(Self.insult, yaml: "").verdict == .hold)
    }

    @Test func aListMayReject() throws {
        let yaml = "policies:\n  lists:\n    - list: announcements@cern.ch\n      on_block: reject\n"
        let result = try evaluate(Self.insult, yaml: yaml)
        #expect(result.verdict == .reject)
        #expect(result.policy.onBlock == .reject)
        #expect(try evaluate(Self.insult, to: "users-announce@cern.ch", yaml: yaml).verdict == .hold)
    }

    @Test func observeRecordsButNeverActs() throws {
        let yaml = "policies:\n  default:\n    observe: true\n"
        let result = try evaluate(Self.insult, yaml: yaml)
        #expect(result.verdict == .accept)
        #expect(result.policy.observe)
        #expect(!result.findings.isEmpty)
    }

    @Test func disableAndSeverityOverrides() throws {
        let disabled = try evaluate(Self.insult, yaml: "checks:\n  disable: [offensive.insult]\n")
        #expect(disabled.findings.isEmpty)
        let category = try evaluate(Self.insult, yaml: "checks:\n  disable: [offensive]\n")
        #expect(category.findings.isEmpty)
        let softened = try evaluate(Self.insult, yaml: "checks:\n  severity: {offensive: warning}\n")
        #expect(softened.verdict == .advise)
        let perList = """
            checks:
              severity: {offensive: warning}
            policies:
              lists:
                - list: announcements@cern.ch
                  severity: {offensive.insult: info}
            """
        let info = try evaluate(Self.insult, yaml: perList)
        #expect(info.findings.first?.severity == .info)
        #expect(info.verdict == .accept)
        let otherList = try evaluate(Self.insult, to: "users-announce@cern.ch", yaml: perList)
        #expect(otherList.findings.first?.severity == .warning)
        let listDisable = "policies:\n  lists:\n    - list: announcements@cern.ch\n      disable: [offensive]\n"
        #expect(try evaluate(Self.insult, yaml: listDisable).findings.isEmpty)
    }

    @Test func allowListsForNumbersValuesAndSenders() throws {
        let mobile = "For the shuttle call her on +41 79 555 12 34."
        #expect(try !evaluate(mobile, yaml: "").findings.isEmpty)
        #expect(try evaluate(mobile, yaml: "checks:\n  allow:\n    numbers: [\"+41 79 555 12 34\"]\n").findings.isEmpty)
        #expect(try evaluate(mobile, yaml: "checks:\n  allow:\n    numbers: [\"+4179555*\"]\n").findings.isEmpty)
        let iban = "Donations: CH93 0076 2011 6238 5295 7."
        #expect(try evaluate(iban, yaml: "checks:\n  allow:\n    values: [\"ch9300762011623852957\"]\n").findings.isEmpty)
        #expect(try evaluate(Self.insult, from: "robot@cern.ch", yaml: "checks:\n  allow:\n    senders: [robot@cern.ch]\n").findings.isEmpty)
    }

    @Test func unknownRuleNamesStopHeedWithTheKey() throws {
        let config = try HeedConfig.parse(yaml: "checks:\n  disable: [personal-data.phon]\n", source: "test.yaml")
        #expect {
            _ = try CheckEngine(config: config)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.keyPath == "checks.disable[0]" && error.message.contains("personal-data.phone") && error.line == 2
        }
    }

    @Test func badValuesAreConfigErrors() {
        #expect(throws: ConfigError.self) { _ = try HeedConfig.parse(yaml: "policies:\n  default:\n    on_block: drop\n", source: "t") }
        #expect(throws: ConfigError.self) { _ = try HeedConfig.parse(yaml: "checks:\n  severity: {jargon: high}\n", source: "t") }
        #expect(throws: ConfigError.self) { _ = try HeedConfig.parse(yaml: "checks:\n  allow:\n    numbers: [call me]\n", source: "t") }
    }
}
