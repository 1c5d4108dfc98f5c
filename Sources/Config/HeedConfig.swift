/// How heed treats a message, decided from its recipients before the body is read.
public enum Mode: String, Sendable, CaseIterable {
    /// A question to the social-media team: classify, route to a contact, auto-reply.
    case query
    /// A message to an announcement list: run the content checks, turn findings into a verdict.
    case announcement
    /// Not watched: accept at RCPT time so the body is never sent to heed.
    case passthrough
}

/// Who reads an announcement list; the checks are stricter for a wide audience
/// (e.g. jargon and unexplained acronyms matter there, not on a specialist list).
public enum Audience: String, Sendable, CaseIterable {
    case wide
    case specialist
}

/// One watched address or address pattern and how mail to it is treated.
public struct WatchRule: Sendable, Equatable {
    /// An exact address (`social-media@cern.ch`) or a pattern with `*` wildcards in the
    /// local part (`*-announce@cern.ch`). Stored in lower case; matching ignores case.
    public var address: String
    /// `query` or `announcement`. The loader never produces `passthrough`; a rule built in
    /// code with `passthrough` exempts its address (an exact rule shadows every pattern).
    public var mode: Mode
    /// Meaningful for announcement rules. Query rules loaded from YAML carry `wide`: a draft
    /// post attached to a question is meant for the public.
    public var audience: Audience

    public init(address: String, mode: Mode, audience: Audience) {
        self.address = address.lowercased()
        self.mode = mode
        self.audience = audience
    }

    /// True when `address` holds a `*` wildcard.
    public var isPattern: Bool { address.utf8.contains(0x2A) }

    /// Whether `address` (bare, in angle brackets or as `Name <addr>`, any case) is this
    /// rule's address or matches its pattern.
    ///
    /// A `*` matches any run of characters, including none, within the local part only: it
    /// never matches `@` and never reaches into the domain, which must be equal. So
    /// `*-announce@cern.ch` matches `it-announce@cern.ch` but not
    /// `physics-announce-owner@cern.ch` nor `x@evil.org-announce@cern.ch`.
    public func matches(_ address: String) -> Bool {
        matches(normalized: AddressText.normalized(address))
    }

    /// `matches` for an address already normalised with `AddressText.normalized` (the per-RCPT
    /// lookup normalises once for all rules).
    func matches(normalized candidate: String) -> Bool {
        let pattern = self.address.lowercased()
        guard pattern.utf8.contains(0x2A) else { return candidate == pattern }
        guard let (patternLocal, patternDomain) = AddressText.split(pattern),
              let (local, domain) = AddressText.split(candidate),
              domain == patternDomain, !local.utf8.contains(0x40)
        else { return false }
        return Wildcard.matches(pattern: patternLocal, local)
    }
}

/// Bounds on what heed parses, so that hostile or broken mail costs bounded time and memory.
public struct Limits: Sendable, Equatable {
    /// Largest message heed analyses, in bytes.
    public var maxMessageSize: Int
    /// Deepest MIME nesting (multipart inside multipart, attached messages) heed follows.
    public var maxDepth: Int
    /// Most MIME parts heed looks at in one message.
    public var maxParts: Int
    /// Largest header section, in bytes.
    public var maxHeaderBytes: Int

    public init(maxMessageSize: Int, maxDepth: Int, maxParts: Int, maxHeaderBytes: Int) {
        self.maxMessageSize = maxMessageSize
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
    }
}

/// heed's configuration: which addresses it watches, whose mail counts as our own, and the
/// parsing limits. Load it with `load(path:)`; without a file the embedded default applies.
///
/// A file overrides the embedded default section by section and key by key: a key the
/// file leaves out keeps its default value (`limits: {max_parts: 200}` changes only
/// `max_parts`). A list is one value: the file's `watch` or `own_domains` list replaces the
/// default list as a whole.
public struct HeedConfig: Sendable, Equatable {
    /// The organisation's mail domains, in lower case. Subdomains count as own too.
    public var ownDomains: [String]
    /// Watched addresses and patterns, in file order (which decides among patterns).
    public var watch: [WatchRule]
    public var limits: Limits
    /// How `heed serve` listens and bounds its connections (MilterSettings.swift).
    public var milter: MilterSettings = .default
    /// The guideline checks' rules, allow-lists and overrides (GuidelineSettings.swift).
    public var checks: ChecksSettings = .default
    /// What each watched list does with findings (GuidelineSettings.swift).
    public var policies: PolicySettings = .default
    /// The contact of each query topic.
    public var contacts: TopicContacts = .default
    /// heed's own data: database, pseudonym key, retention (OperationsSettings.swift).
    public var store: StoreSettings = .default
    /// Automatic replies and their delivery (OperationsSettings.swift).
    public var replies: ReplyConfig = .default
    /// The weekly digest (OperationsSettings.swift).
    public var digest: DigestSettings = .default
    /// The Prometheus endpoint, off by default (OperationsSettings.swift).
    public var metrics: MetricsSettings = .default
    /// "embedded default" or the configuration file's path, for logs. Not part of equality.
    public var source: String

    public init(ownDomains: [String], watch: [WatchRule], limits: Limits, source: String) {
        self.ownDomains = ownDomains
        self.watch = watch
        self.limits = limits
        self.source = source
    }

    public static func == (lhs: HeedConfig, rhs: HeedConfig) -> Bool {
        lhs.ownDomains == rhs.ownDomains && lhs.watch == rhs.watch && lhs.limits == rhs.limits
            && lhs.milter == rhs.milter && lhs.checks == rhs.checks && lhs.policies == rhs.policies
            && lhs.contacts == rhs.contacts && lhs.store == rhs.store && lhs.replies == rhs.replies
            && lhs.digest == rhs.digest && lhs.metrics == rhs.metrics
    }

    /// The rule for one recipient address, or nil when the address is not watched.
    ///
    /// An exact address wins over any pattern; among patterns the first listed wins.
    /// `address` may come as `<Addr@Example>` or with a display name, in any case.
    public func watch(for address: String) -> WatchRule? {
        let candidate = AddressText.normalized(address)
        guard candidate.utf8.contains(0x40) else { return nil }
        if let exact = watch.first(where: { !$0.isPattern && $0.address.lowercased() == candidate }) {
            return exact
        }
        return watch.first(where: { $0.isPattern && $0.matches(normalized: candidate) })
    }

    /// The mode of a message from all its recipients, and the rule that decided it.
    ///
    /// Announcement wins over query, query over passthrough: an announcement list copied on
    /// a question must still be screened before the message reaches the list, and the
    /// question is answered anyway. Among several announcement lists the rule with a `wide`
    /// audience is returned (the message reaches that audience, so the stricter checks
    /// apply), else the first in recipient order; among query rules the first. The rule is
    /// nil for passthrough.
    public func mode(forRecipients recipients: [String]) -> (mode: Mode, rule: WatchRule?) {
        var announcement: WatchRule?
        var query: WatchRule?
        for recipient in recipients {
            guard let rule = watch(for: recipient) else { continue }
            switch rule.mode {
            case .announcement:
                if let chosen = announcement, !(chosen.audience == .specialist && rule.audience == .wide) {
                    continue
                }
                announcement = rule
            case .query:
                if query == nil { query = rule }
            case .passthrough:
                continue
            }
        }
        if let announcement { return (.announcement, announcement) }
        if let query { return (.query, query) }
        return (.passthrough, nil)
    }

    /// Whether an address (or a bare domain) belongs to the organisation: its domain is one
    /// of `ownDomains` or a subdomain of one (`mail.cern.ch` is own; `evilcern.ch` is not).
    public func isOwnDomain(_ address: String) -> Bool {
        let normalized = AddressText.normalized(address)
        var domain = normalized.lastIndex(of: "@").map { normalized[normalized.index(after: $0)...] }
            ?? Substring(normalized)
        if domain.hasSuffix(".") { domain = domain.dropLast() }
        guard !domain.isEmpty else { return false }
        return ownDomains.contains { own in
            let own = own.lowercased()
            return domain == own || domain.hasSuffix("." + own)
        }
    }
}

/// Turning the address forms heed meets (RCPT arguments, header values) into a bare,
/// lower-case address.
enum AddressText {
    /// `  Name <Addr@Example.ORG> ` → `addr@example.org`; `<@relay:a@b>` → `a@b`.
    static func normalized(_ raw: String) -> String {
        var text = Substring(raw).trimmingSpaces()
        if let open = text.lastIndex(of: "<") {
            let inner = text[text.index(after: open)...]
            text = inner.firstIndex(of: ">").map { inner[..<$0] } ?? inner
            text = text.trimmingSpaces()
        }
        // RFC 5321 source route: "@hop1,@hop2:user@domain"; only the mailbox counts.
        if text.hasPrefix("@"), let colon = text.firstIndex(of: ":") {
            text = text[text.index(after: colon)...]
        }
        return text.lowercased()
    }

    /// Splits at the last `@`; nil when there is none or either side is empty.
    static func split(_ address: String) -> (local: Substring, domain: Substring)? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        return (local, domain)
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

/// `*` globbing over one string: `*` matches any run of characters (including none).
enum Wildcard {
    static func matches(pattern: Substring, _ text: Substring) -> Bool {
        let pattern = Array(pattern)
        let text = Array(text)
        var p = 0
        var t = 0
        // Where the last `*` was seen, and the text position it is currently stretched to:
        // on a mismatch, let that star swallow one more character and retry.
        var star: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
