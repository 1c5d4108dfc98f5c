import Yams

// The sections that run heed as a service: `store`, `replies`, `digest` and `metrics`.
// Durations here are written with the same units as the milter timeouts plus d (days) and
// w (weeks); paths relative to a configuration file are taken from the file's directory
// (`HeedConfig.resolve`).

/// Where heed keeps its own data (`store:`).
public struct StoreSettings: Sendable, Equatable {
    /// The SQLite database, created with its directory on first start.
    public var path: String
    /// The secret that makes sender pseudonyms (32 random bytes), generated on first start when
    /// absent. Whoever holds it can test whether an address sent a stored message.
    public var keyFile: String
    /// Records older than this many days are deleted (daily by `heed serve`, and by
    /// `heed store prune`). Outbox mail not yet delivered is never deleted.
    public var retentionDays: Int

    public init(path: String, keyFile: String, retentionDays: Int) {
        self.path = path
        self.keyFile = keyFile
        self.retentionDays = retentionDays
    }

    public static let `default` = StoreSettings(
        path: "/var/lib/heed/heed.sqlite", keyFile: "/var/lib/heed/pseudonym.key", retentionDays: 90)
}

/// Automatic replies (`replies:`): advice to askers and senders, through the outbox.
public struct ReplyConfig: Sendable, Equatable {
    /// Off: heed still classifies, routes and records, but sends no mail of its own.
    public var enabled: Bool
    /// From of every reply and the domain of the Message-IDs heed makes.
    public var from: String
    /// The Mustache templates' directory; nil for the ones shipped with heed.
    public var templates: String?
    /// At most one answer per sender and query topic within this period.
    public var period: Duration
    /// At most one notice per sender and verdict (advise, hold, reject) within this period.
    public var noticePeriod: Duration
    /// The guidelines page linked from replies, per language code (en, fr).
    public var guidelinesURL: [String: String]
    /// The SMTP listener heed submits to: one that does not pass heed's milter again.
    public var relayHost: String
    public var relayPort: Int
    /// Each SMTP read or write.
    public var relayTimeout: Duration
    /// Delivery retries while the relay is down: first wait, longest wait, attempts before
    /// giving up (nil: never give up on a temporary failure).
    public var retryFirst: Duration
    public var retryMaximum: Duration
    public var retryAttempts: Int?

    public init(
        enabled: Bool, from: String, templates: String?, period: Duration, noticePeriod: Duration,
        guidelinesURL: [String: String], relayHost: String, relayPort: Int, relayTimeout: Duration,
        retryFirst: Duration, retryMaximum: Duration, retryAttempts: Int?
    ) {
        self.enabled = enabled
        self.from = from
        self.templates = templates
        self.period = period
        self.noticePeriod = noticePeriod
        self.guidelinesURL = guidelinesURL
        self.relayHost = relayHost
        self.relayPort = relayPort
        self.relayTimeout = relayTimeout
        self.retryFirst = retryFirst
        self.retryMaximum = retryMaximum
        self.retryAttempts = retryAttempts
    }

    public static let `default` = ReplyConfig(
        enabled: true, from: "social-media@cern.ch", templates: nil, period: .seconds(7 * 86_400),
        noticePeriod: .seconds(600),
        guidelinesURL: [
            "en": "https://admin-eguide.web.cern.ch/procedure/social-media-guidelines",
            "fr": "https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines",
        ],
        relayHost: "127.0.0.1", relayPort: 10026, relayTimeout: .seconds(30), retryFirst: .seconds(60),
        retryMaximum: .seconds(3600), retryAttempts: nil)
}

/// The weekly digest (`digest:`).
public struct DigestSettings: Sendable, Equatable {
    /// Who `heed digest --send` mails it to.
    public var recipients: [String]
    /// How many categories, rules and topics it lists.
    public var top: Int

    public init(recipients: [String], top: Int) {
        self.recipients = recipients
        self.top = top
    }

    public static let `default` = DigestSettings(recipients: ["social-media@cern.ch"], top: 5)
}

/// The Prometheus endpoint (`metrics:`).
public struct MetricsSettings: Sendable, Equatable {
    /// `HOST:PORT` of the HTTP listener serving /metrics and /healthz; nil: off.
    public var listen: (host: String, port: Int)?

    public init(listen: (host: String, port: Int)?) { self.listen = listen }

    public static let `default` = MetricsSettings(listen: nil)

    public static func == (lhs: MetricsSettings, rhs: MetricsSettings) -> Bool {
        lhs.listen?.host == rhs.listen?.host && lhs.listen?.port == rhs.listen?.port
    }
}

/// The overposting limit of a list: more than `maximum` announcements from one sender within
/// `window` gives an `overposting` finding.
public struct OverpostingLimit: Sendable, Equatable {
    public var maximum: Int
    public var window: Duration

    public init(maximum: Int, window: Duration) {
        self.maximum = maximum
        self.window = window
    }

    public static let `default` = OverpostingLimit(maximum: 5, window: .seconds(7 * 86_400))
}

extension HeedConfig {
    /// `path` as given when absolute or when this is the embedded default; otherwise taken from
    /// the configuration file's directory.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || source == HeedConfig.embeddedSource { return path }
        guard let slash = source.lastIndex(of: "/") else { return path }
        return String(source[..<slash]) + "/" + path
    }
}

// MARK: - Reading the sections

extension NodeReader {
    func storeSettings(_ node: Node, at path: ConfigPath, into settings: inout StoreSettings) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping such as {path: /var/lib/heed/heed.sqlite}",
            keys: ["path", "key_file", "retention_days"], requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "path": settings.path = try text(value, at: keyPath, expecting: "a file path")
            case "key_file": settings.keyFile = try text(value, at: keyPath, expecting: "a file path")
            default:
                settings.retentionDays = try milterNumber(
                    value, at: keyPath, isByteSize: false, maximum: 3650, why: "ten years")
            }
        }
    }

    func replyConfig(_ node: Node, at path: ConfigPath, into settings: inout ReplyConfig) throws(ConfigError) {
        let keys = ["enabled", "from", "templates", "period", "notice_period", "guidelines_url", "relay", "retry"]
        try mapping(
            node, at: path, expecting: "a mapping such as {from: social-media@cern.ch, period: 7d}",
            keys: keys, requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "enabled": settings.enabled = try boolean(value, at: keyPath)
            case "from": settings.from = try plainAddress(value, at: keyPath)
            case "templates":
                settings.templates = NodeReader.isNull(value)
                    ? nil : try text(value, at: keyPath, expecting: "a directory, or null for the shipped templates")
            case "period": settings.period = try period(value, at: keyPath, maximum: .seconds(366 * 86_400))
            case "notice_period": settings.noticePeriod = try period(value, at: keyPath, maximum: .seconds(366 * 86_400))
            case "guidelines_url":
                try mapping(
                    value, at: keyPath, expecting: "a mapping of languages to addresses, such as {en: https://...}",
                    keys: ["en", "fr"], requireAll: requireEveryKey
                ) { language, urlNode, urlPath throws(ConfigError) in
                    let url = try text(urlNode, at: urlPath, expecting: "an https:// or http:// address")
                    guard url.hasPrefix("https://") || url.hasPrefix("http://"),
                          !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }) else {
                        throw error("\"\(url)\" is not an http(s) address without spaces or quotes", at: urlPath, node: urlNode)
                    }
                    settings.guidelinesURL[language] = url
                }
            case "relay":
                try mapping(
                    value, at: keyPath, expecting: "a mapping such as {host: 127.0.0.1, port: 10026, timeout: 30s}",
                    keys: ["host", "port", "timeout"], requireAll: requireEveryKey
                ) { relayKey, relayValue, relayPath throws(ConfigError) in
                    switch relayKey {
                    case "host":
                        settings.relayHost = try text(relayValue, at: relayPath, expecting: "a host name or address")
                    case "port":
                        settings.relayPort = try milterNumber(
                            relayValue, at: relayPath, isByteSize: false, maximum: 65_535, why: "a TCP port")
                    default:
                        settings.relayTimeout = try period(relayValue, at: relayPath, maximum: .seconds(3600))
                    }
                }
            default:
                try mapping(
                    value, at: keyPath, expecting: "a mapping such as {first: 1m, maximum: 1h, attempts: 0}",
                    keys: ["first", "maximum", "attempts"], requireAll: requireEveryKey
                ) { retryKey, retryValue, retryPath throws(ConfigError) in
                    switch retryKey {
                    case "first": settings.retryFirst = try period(retryValue, at: retryPath, maximum: .seconds(86_400))
                    case "maximum": settings.retryMaximum = try period(retryValue, at: retryPath, maximum: .seconds(7 * 86_400))
                    default:
                        let raw = try text(retryValue, at: retryPath, expecting: "a whole number, 0 for no limit")
                        guard let count = Int(raw), count >= 0, count <= 10_000 else {
                            throw error("expected a whole number from 0 (no limit) to 10000, found \"\(raw)\"", at: retryPath, node: retryValue)
                        }
                        settings.retryAttempts = count == 0 ? nil : count
                    }
                }
            }
        }
        if settings.retryMaximum < settings.retryFirst {
            throw error("retry.maximum is shorter than retry.first", at: path.appending("retry"), node: node)
        }
    }

    func digestSettings(_ node: Node, at path: ConfigPath, into settings: inout DigestSettings) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping such as {recipients: [social-media@cern.ch], top: 5}",
            keys: ["recipients", "top"], requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            if key == "top" {
                settings.top = try milterNumber(value, at: keyPath, isByteSize: false, maximum: 100, why: "a digest is read by people")
                return
            }
            var recipients: [String] = []
            for (item, itemPath) in try sequence(value, at: keyPath, expecting: "a list of mail addresses ([] for none)") {
                recipients.append(try plainAddress(item, at: itemPath))
            }
            settings.recipients = recipients
        }
    }

    func metricsSettings(_ node: Node, at path: ConfigPath, into settings: inout MetricsSettings) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping such as {listen: \"127.0.0.1:9464\"}",
            keys: ["listen"], requireAll: requireEveryKey
        ) { _, value, keyPath throws(ConfigError) in
            if NodeReader.isNull(value) {
                settings.listen = nil
                return
            }
            let raw = try text(value, at: keyPath, expecting: "HOST:PORT such as 127.0.0.1:9464, or null for off")
            guard let colon = raw.lastIndex(of: ":"), let port = Int(raw[raw.index(after: colon)...]),
                  port > 0, port <= 65_535, colon > raw.startIndex else {
                throw error("expected HOST:PORT such as 127.0.0.1:9464, found \"\(raw)\"", at: keyPath, node: value)
            }
            var host = String(raw[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            settings.listen = (host, port)
        }
    }

    /// `requireAll`: a list's own limit states both keys (half a limit would be ambiguous).
    func overpostingLimit(_ node: Node, at path: ConfigPath, into limit: inout OverpostingLimit, requireAll: Bool? = nil) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping such as {max: 5, window: 7d}",
            keys: ["max", "window"], requireAll: requireAll ?? requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            if key == "max" {
                limit.maximum = try milterNumber(value, at: keyPath, isByteSize: false, maximum: 100_000, why: "announcements per window")
            } else {
                limit.window = try period(value, at: keyPath, maximum: .seconds(366 * 86_400))
            }
        }
    }

    /// A duration such as 90s, 10m, 12h, 7d or 2w, more than zero and at most `maximum`.
    func period(_ node: Node, at path: ConfigPath, maximum: Duration) throws(ConfigError) -> Duration {
        let expected = "a duration such as 30s, 10m, 12h, 7d or 2w"
        let raw = try text(node, at: path, expecting: expected)
        guard let duration = DurationText.parse(raw) else {
            throw error("expected \(expected), found \"\(raw)\"", at: path, node: node)
        }
        guard duration > .zero, duration <= maximum else {
            throw error("must be more than 0 and at most \(maximum.components.seconds / 86_400 >= 1 ? "\(maximum.components.seconds / 86_400)d" : "\(maximum.components.seconds)s"), not \(raw)", at: path, node: node)
        }
        return duration
    }

    /// A bare mail address: local@domain, no spaces or brackets; returned in lower case.
    func plainAddress(_ node: Node, at path: ConfigPath) throws(ConfigError) -> String {
        let address = try text(node, at: path, expecting: "a mail address such as social-media@cern.ch")
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !address.utf8.contains(where: { $0 <= 0x20 || $0 == 0x3C || $0 == 0x3E || $0 == 0x2C || $0 == 0x22 }) else {
            throw error("\"\(address)\" is not a plain mail address (local@domain, no spaces or brackets)", at: path, node: node)
        }
        return address.lowercased()
    }
}
