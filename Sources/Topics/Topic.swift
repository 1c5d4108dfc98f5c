/// The topics a question to the social-media team is routed by (docs/product.md, "Query topics
/// and routing"). The raw values are the stable ids used in `heed check` output, the
/// `X-Heed-Topic` header, the configuration's contacts and the cue files.
public enum Topic: String, Sendable, CaseIterable, Hashable {
    case logo
    case official
    case privacy
    case security
    case intellectualProperty = "intellectual-property"
    case media
    case conduct
    /// Anything else, and every question no other topic is confident about: it stays with the
    /// social-media team (no extra recipient).
    case general
}

/// What the classifier decided for one question, and why.
public struct TopicDecision: Sendable, Equatable {
    public let topic: Topic
    /// 0...1: how clearly the winning topic stands out (score above the minimum, margin over the
    /// runner-up). For `general` it is high when no topic had any cue and falls as some topic
    /// came close to being chosen.
    public let confidence: Double
    /// The cues that decided, strongest first, for the log: `security: 'hacked' (subject, 10.0)`.
    /// For `general` chosen by default, the cues of the two topics that came closest.
    public let cues: [String]
    /// Every topic's score (general included), for debugging and logs.
    public let scores: [Topic: Double]

    public init(topic: Topic, confidence: Double, cues: [String], scores: [Topic: Double]) {
        self.topic = topic
        self.confidence = confidence
        self.cues = cues
        self.scores = scores
    }
}
