import Yams

/// Who can act on each query topic (spec, "Query topics and routing"): heed adds that address as
/// an extra recipient of the question and names it in `heed check`'s `route`. `general` has no
/// contact: the social-media team itself answers.
public struct TopicContacts: Sendable, Equatable {
    /// The topics that take a contact, as the spec spells them.
    public static let topics = ["logo", "official", "privacy", "security", "intellectual-property", "media", "conduct"]

    /// Topic id → address.
    public var byTopic: [String: String]

    public init(byTopic: [String: String]) { self.byTopic = byTopic }

    public func contact(for topic: String) -> String? { byTopic[topic] }

    /// Role addresses of the embedded default: set them to the real contacts of the site.
    public static let `default` = TopicContacts(byTopic: [
        "logo": "visual-identity@cern.ch",
        "official": "communications@cern.ch",
        "privacy": "data-privacy@cern.ch",
        "security": "computer-security@cern.ch",
        "intellectual-property": "legal-service@cern.ch",
        "media": "press@cern.ch",
        "conduct": "ombud@cern.ch",
    ])
}

extension NodeReader {
    func topicContacts(_ node: Node, at path: ConfigPath, into contacts: inout TopicContacts) throws(ConfigError) {
        try mapping(
            node, at: path, expecting: "a mapping of topics to addresses, such as {media: press@cern.ch}",
            keys: TopicContacts.topics, requireAll: false
        ) { key, value, keyPath throws(ConfigError) in
            let address = try text(value, at: keyPath, expecting: "a mail address such as press@cern.ch")
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                  !address.utf8.contains(where: { $0 <= 0x20 || $0 == 0x3C || $0 == 0x3E || $0 == 0x2C }) else {
                throw error("\"\(address)\" is not a plain mail address (local@domain, no spaces or brackets)", at: keyPath, node: value)
            }
            contacts.byTopic[key] = address.lowercased()
        }
    }
}
