import Config
import Testing

@Suite struct SettingsTests {
    static let addresses: [(String, ListenAddress?)] = [
        ("inet:8891@127.0.0.1", .inet(host: "127.0.0.1", port: 8891)),
        ("inet:127.0.0.1:8891", .inet(host: "127.0.0.1", port: 8891)),
        ("inet:[::1]:8891", .inet(host: "::1", port: 8891)),
        ("inet6:8891@::1", .inet(host: "::1", port: 8891)),
        ("inet:localhost:10025", .inet(host: "localhost", port: 10025)),
        ("unix:/run/heed/heed.sock", .unix(path: "/run/heed/heed.sock")),
        ("local:/run/heed.sock", .unix(path: "/run/heed.sock")),
        ("inet:8891", nil),
        ("inet:0@127.0.0.1", nil),
        ("inet:70000@127.0.0.1", nil),
        ("inet:8891@", nil),
        ("unix:relative.sock", nil),
        ("tcp:8891@127.0.0.1", nil),
        ("127.0.0.1:8891", nil),
    ]

    @Test(arguments: addresses.indices)
    func listenAddressSpellings(index: Int) {
        let (text, expected) = Self.addresses[index]
        let parsed = try? ListenAddress.parse(text).get()
        #expect(parsed == expected, "\(text)")
        if let parsed { #expect((try? ListenAddress.parse(parsed.description).get()) == parsed) }
    }

    @Test func embeddedDefaultHasTheDocumentedMilterSettings() {
        #expect(HeedConfig.embeddedDefault.milter == MilterSettings.default)
        #expect(MilterSettings.default.listen == .inet(host: "127.0.0.1", port: 8891))
    }

    @Test func aFileChangesOnlyTheKeysItSets() throws {
        let config = try HeedConfig.parse(yaml: """
            milter:
              listen: unix:/run/heed.sock
              timeouts: {evaluation: 1500ms}
              on_error: tempfail
            """, source: "test.yaml")
        #expect(config.milter.listen == .unix(path: "/run/heed.sock"))
        #expect(config.milter.evaluationTimeout == .milliseconds(1500))
        #expect(config.milter.onError == .tempfail)
        #expect(config.milter.commandTimeout == MilterSettings.default.commandTimeout)
        #expect(config.milter.maxConnections == MilterSettings.default.maxConnections)
    }

    static let errors: [(String, String)] = [
        ("milter: {listen: \"inet:99999@127.0.0.1\"}", "test.yaml:1:18: milter.listen: \"inet:99999@127.0.0.1\" is not a listen address: \"99999\" is not a port (1 to 65535)"),
        ("milter: {max_frame_size: 1KiB}", "test.yaml:1:26: milter.max_frame_size: must be at least 64 KiB (65536 bytes): the MTA sends body chunks that large"),
        ("milter: {max_connections: 0}", "test.yaml:1:27: milter.max_connections: must be positive, not 0"),
        ("milter: {timeouts: {evaluation: soon}}", "test.yaml:1:33: milter.timeouts.evaluation: expected a duration such as 500ms, 30s, 10m or 1h, found \"soon\""),
        ("milter: {timeouts: {evaluaton: 5s}}", "test.yaml:1:21: milter.timeouts.evaluaton: unknown key \"evaluaton\"; did you mean \"evaluation\"?"),
        ("milter: {on_error: reject}", "test.yaml:1:20: milter.on_error: unknown value \"reject\"; expected one of accept, tempfail"),
        ("milter: {max_scanned_size: 2GiB}", "test.yaml:1:28: milter.max_scanned_size: 2 GiB is more than heed accepts (1 GiB at most: heed holds a message in memory while it checks it)"),
    ]

    @Test(arguments: errors.indices)
    func wrongSettingsAreNamedPrecisely(index: Int) {
        let (yaml, message) = Self.errors[index]
        do {
            _ = try HeedConfig.parse(yaml: yaml, source: "test.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.description == "heed: " + message)
        }
    }
}
