/// Classifies a question to the social-media team into a `Topic` from weighted cues (words,
/// prefixes, phrases, words near each other) read from a cue file: the vocabulary is data, the
/// code only folds, stems, matches and adds up.
///
/// A cue counts its weight × the subject weight when it is in the subject (less in a reply's
/// subject when the body has cues of its own, see `QuestionText.subjectWords`), plus its
/// weight × the zone weight of its best occurrence in the body (1 in the body's lead, less
/// further down).
/// A topic wins when its score reaches `min-score` and leads the runner-up by `min-margin`;
/// otherwise the question is `general`.
public struct TopicClassifier: Sendable {
    let book: CueBook

    /// The classifier on the cues shipped inside heed (`ShippedCues.text`). A test proves they
    /// compile; were they ever broken, this classifier answers `general` for everything rather
    /// than stop heed.
    public static let shipped: TopicClassifier = {
        if let classifier = try? TopicClassifier(cues: ShippedCues.text) { return classifier }
        return TopicClassifier(book: CueBook())
    }()

    /// The shipped cue file, for an administrator to start their own from.
    public static var shippedCues: String { ShippedCues.text }

    /// Compiles a cue file (format: see `CueBook`). Throws `TopicCuesError` naming the line at fault.
    public init(cues: String) throws(TopicCuesError) {
        book = try CueBook(text: cues)
    }

    init(book: CueBook) { self.book = book }

    /// Evidence about a question from outside its words (what the checks found in its draft),
    /// scored like a cue.
    public struct Hint: Sendable, Equatable {
        public let topic: Topic
        public let weight: Double
        /// For the route's cue lines: "the draft has personal-data".
        public let reason: String
        public init(topic: Topic, weight: Double, reason: String) {
            self.topic = topic
            self.weight = weight
            self.reason = reason
        }
    }

    public func classify(subject: String?, body: String, hints: [Hint] = []) -> TopicDecision {
        let text = QuestionText(
            settings: book.settings, stopwords: book.stopwords, signoffs: book.signoffs, footers: book.footers)
        var bodyMatcher = Matcher(book: book, words: text.bodyWords(body))
        let bodyHits = bodyMatcher.hits()
        let bodyHasCues = bodyHits.keys.contains { book.cues[$0].weight > 0 }
        var subjectMatcher = Matcher(book: book, words: text.subjectWords(subject ?? "", bodyHasCues: bodyHasCues))
        let subjectHits = subjectMatcher.hits()

        var scores = Dictionary(uniqueKeysWithValues: Topic.allCases.map { ($0, 0.0) })
        var contributions: [Topic: [(value: Double, line: String)]] = [:]
        for index in Set(subjectHits.keys).union(bodyHits.keys).sorted() {
            let cue = book.cues[index]
            let subjectHit = subjectHits[index], bodyHit = bodyHits[index]
            let value = cue.weight * ((subjectHit?.zoneWeight ?? 0) + (bodyHit?.zoneWeight ?? 0))
            scores[cue.topic, default: 0] += value
            let zone = [subjectHit.map { _ in "subject" }, bodyHit.map { _ in "body" }].compactMap { $0 }
                .joined(separator: "+")
            let matched = (subjectHit ?? bodyHit)?.text ?? cue.source
            contributions[cue.topic, default: []].append(
                (value, "\(cue.topic.rawValue): '\(matched)' (\(zone), \(Self.rounded(value)))"))
        }
        for hint in hints {
            scores[hint.topic, default: 0] += hint.weight
            contributions[hint.topic, default: []].append(
                (hint.weight, "\(hint.topic.rawValue): \(hint.reason) (\(Self.rounded(hint.weight)))"))
        }
        // Negative cues cancel misleading ones; a topic cannot owe points to the others.
        for topic in Topic.allCases { scores[topic] = max(0, scores[topic] ?? 0) }

        // Ties go to general first (nothing stands out), then to the spec's order, so that the same
        // question always gets the same answer.
        let ranked = Topic.allCases.enumerated().map { (order: $0.offset, topic: $0.element, score: scores[$0.element] ?? 0) }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if (a.topic == .general) != (b.topic == .general) { return a.topic == .general }
                return a.order < b.order
            }
        let top = ranked[0], second = ranked[1]
        let settings = book.settings
        let strength = settings.minScore > 0 ? min(1, top.score / (2 * settings.minScore)) : (top.score > 0 ? 1 : 0)
        let separation = top.score > 0 ? (top.score - second.score) / top.score : 0
        let topicConfidence = strength * separation

        // Strongest first; equal contributions keep the cue file's order.
        func cueLines(_ topics: [Topic]) -> [String] {
            topics.flatMap { contributions[$0] ?? [] }.enumerated()
                .sorted { abs($0.element.value) != abs($1.element.value) ? abs($0.element.value) > abs($1.element.value) : $0.offset < $1.offset }
                .prefix(8).map(\.element.line)
        }
        let confident = top.topic != .general && top.score >= settings.minScore
            && top.score - second.score >= settings.minMargin
        if confident {
            return TopicDecision(
                topic: top.topic, confidence: Self.clamp(topicConfidence), cues: cueLines([top.topic]), scores: scores)
        }
        if top.topic == .general && top.score > 0 {
            return TopicDecision(
                topic: .general, confidence: Self.clamp(topicConfidence), cues: cueLines([.general]), scores: scores)
        }
        let contenders = ranked.prefix(2).filter { $0.score > 0 }.map(\.topic)
        return TopicDecision(
            topic: .general, confidence: Self.clamp(1 - topicConfidence), cues: cueLines(contenders), scores: scores)
    }

    private static func clamp(_ x: Double) -> Double { min(1, max(0, x)) }

    private static func rounded(_ x: Double) -> String { "\((x * 10).rounded() / 10)" }
}
