import Config
import Testing

/// The service sections: store, replies, digest, metrics, and the overposting limits of policies.
@Suite struct OperationsTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let config = HeedConfig.embeddedDefault
        #expect(config.store == .default)
        #expect(config.replies == .default)
        #expect(config.digest == .default)
        #expect(config.metrics.listen == nil)
        #expect(config.policies.overposting(for: "it-announce@cern.ch") == OverpostingLimit(maximum: 5, window: .seconds(7 * 86_400)))
    }

    @Test func aFileChangesSingleKeys() throws {
        let yaml = """
            store: {retention_days: 30, path: data/heed.sqlite}
            replies:
              period: 2w
              relay: {port: 2525}
              retry: {attempts: 12}
            digest: {recipients: [Team@cern.ch]}
            metrics: {listen: "127.0.0.1:9464"}
            """
        let config = try HeedConfig.parse(yaml: yaml, source: "/etc/heed/heed.yaml")
        #expect(config.store.retentionDays == 30)
        #expect(config.store.keyFile == StoreSettings.default.keyFile)
        #expect(config.resolve(config.store.path) == "/etc/heed/data/heed.sqlite")
        #expect(config.replies.period == .seconds(14 * 86_400))
        #expect(config.replies.relayPort == 2525)
        #expect(config.replies.relayHost == "127.0.0.1")
        #expect(config.replies.retryAttempts == 12)
        #expect(config.digest.recipients == ["team@cern.ch"])
        #expect(config.metrics.listen?.host == "127.0.0.1")
        #expect(config.metrics.listen?.port == 9464)
    }

    @Test func aListHasItsOwnOverpostingLimitOrTheDefaults() throws {
        let yaml = """
            policies:
              lists:
                - list: it-announce@cern.ch
                  overposting: {max: 2, window: 1d}
              default:
                overposting: {max: 9, window: 12h}
            """
        let policies = try HeedConfig.parse(yaml: yaml, source: "t.yaml").policies
        #expect(policies.overposting(for: "it-announce@cern.ch") == OverpostingLimit(maximum: 2, window: .seconds(86_400)))
        // The default applies whatever the order of the keys in the file.
        #expect(policies.overposting(for: "users-announce@cern.ch") == OverpostingLimit(maximum: 9, window: .seconds(43_200)))
    }

    @Test(arguments: [
        ("replies: {period: 0d}", "replies.period: must be more than 0"),
        ("replies: {period: soon}", "replies.period: expected a duration"),
        ("replies: {from: not-an-address}", "replies.from: \"not-an-address\" is not a plain mail address"),
        ("replies: {relay: {port: 70000}}", "replies.relay.port: 70000 is more than heed accepts"),
        ("replies: {retry: {first: 2h, maximum: 1h}}", "retry.maximum is shorter than retry.first"),
        ("replies: {guidelines_url: {en: ftp://x}}", "is not an http(s) address"),
        ("metrics: {listen: localhost}", "metrics.listen: expected HOST:PORT"),
        ("store: {retention_days: 0}", "store.retention_days: must be positive"),
        ("digest: {top: 1000}", "digest.top: 1000 is more than heed accepts"),
        ("policies: {lists: [{list: a-announce@cern.ch, overposting: {max: 3}}]}", "overposting.window: is missing"),
    ])
    func wrongValuesAreExplained(yaml: String, problem: String) {
        do {
            _ = try HeedConfig.parse(yaml: yaml, source: "t.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect("\(error)".contains(problem), "\(error)")
        }
    }
}
