import Foundation
import Store

/// What the replies module needs from the configuration. The wiring step fills it from
/// `HeedConfig` (proposed YAML keys in the comments); the defaults are the spec's.
public struct RepliesSettings: Sendable, Equatable {
    /// From of every reply, and the domain of the Message-IDs heed generates (`replies.from`).
    public var teamAddress: String
    /// The organisation's mail domains (`own_domains`): heed answers only senders in one of
    /// them or in a subdomain of one.
    public var ownDomains: [String]
    /// The relay heed submits to (`replies.relay.host`, `replies.relay.port`). It must be a
    /// listener that does not pass heed's own milter again (`-o smtpd_milters=`), on loopback:
    /// heed speaks plain SMTP without TLS or authentication.
    public var relayHost: String
    public var relayPort: UInt16
    /// At most one reply per sender and topic within this period (`replies.period`).
    public var replyPeriod: Duration
    /// At most one verdict notice (advise, hold, reject) per sender and verdict within this
    /// period (`replies.notice_period`). Shorter than `replyPeriod`: each announcement deserves
    /// its own advice, but a loop or a flood must not make heed a mail cannon.
    public var noticePeriod: Duration
    /// The Mustache templates (`replies.templates`). Read once at start.
    public var templatesDirectory: String
    /// The social-media guidelines page each language links to (`replies.guidelines_url.en`,
    /// `.fr`). Templates get it as `guidelinesURL`.
    public var guidelinesURL: [ReplyLanguage: String]
    /// Each topic's contact (`contacts.<topic>`), shown in the reply; absent for `general`.
    public var contacts: [String: String]
    /// Outbox delivery: retries while the relay is down (`replies.retry.*`).
    public var retryPolicy: RetryPolicy
    /// How long a worker holds an item it is delivering before another may take it
    /// (`replies.lease`). Longer than `smtpTimeout` times the number of SMTP steps.
    public var lease: Duration
    /// Timeout of each SMTP read or write (`replies.relay.timeout`).
    public var smtpTimeout: Duration
    /// How often an idle worker looks for due items (`replies.poll_interval`); enqueueing
    /// through `ReplyService` wakes it at once.
    public var pollInterval: Duration

    public init(
        teamAddress: String = "social-media@cern.ch", ownDomains: [String] = ["cern.ch"],
        relayHost: String = "127.0.0.1", relayPort: UInt16 = 10026,
        replyPeriod: Duration = .seconds(7 * 86_400), noticePeriod: Duration = .seconds(600),
        templatesDirectory: String = RepliesSettings.developmentTemplatesDirectory,
        guidelinesURL: [ReplyLanguage: String] = [
            .en: "https://admin-eguide.web.cern.ch/procedure/social-media-guidelines",
            .fr: "https://admin-eguide.web.cern.ch/fr/procedure/social-media-guidelines",
        ],
        contacts: [String: String] = [:], retryPolicy: RetryPolicy = RetryPolicy(),
        lease: Duration = .seconds(300), smtpTimeout: Duration = .seconds(30), pollInterval: Duration = .seconds(5)
    ) {
        self.teamAddress = teamAddress
        self.ownDomains = ownDomains
        self.relayHost = relayHost
        self.relayPort = relayPort
        self.replyPeriod = replyPeriod
        self.noticePeriod = noticePeriod
        self.templatesDirectory = templatesDirectory
        self.guidelinesURL = guidelinesURL
        self.contacts = contacts
        self.retryPolicy = retryPolicy
        self.lease = lease
        self.smtpTimeout = smtpTimeout
        self.pollInterval = pollInterval
    }

    /// The repository's Templates/ folder, found from this source file: right for `swift run`
    /// and tests, wrong for an installed binary, which must be given the installed path.
    public static let developmentTemplatesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Templates").path
    }()
}

/// The languages heed answers in. Anything else gets English.
public enum ReplyLanguage: String, Sendable, CaseIterable, Hashable {
    case en
    case fr

    /// "fr", "fr-CH", "FR" → French; anything else (nil included) → English.
    public init(code: String?) {
        let lowered = (code ?? "").lowercased()
        self = lowered == "fr" || lowered.hasPrefix("fr-") || lowered.hasPrefix("fr_") ? .fr : .en
    }
}

extension Duration {
    /// The duration in seconds, for Foundation's `Date` arithmetic.
    public var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
