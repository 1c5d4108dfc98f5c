import Testing

@testable import Topics

/// The classifier reads every query that reaches the team; a huge or hostile body must cost
/// about what a letter does. Bounds are generous (debug builds, shared machines): they catch a
/// quadratic path, not a slow constant.
@Suite("Large and hostile bodies")
struct PerformanceTests {
    let classifier = TopicClassifier.shipped

    func seconds(_ body: String) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = classifier.classify(subject: "Question", body: body) }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static let tenMB = 10 * 1024 * 1024

    @Test(
        "a 10 MB body finishes fast, whatever it is made of",
        arguments: [
            "words": "A journalist wants to film my hacked logo. ",
            "one long word": "x",
            "quoted lines": "> quoted journalist logo\n",
            "sign-offs": "Thanks\n",
            "blank lines": "\n",
            "accents": "é",
            "separators": "-",
            "lines of separators": "-\n",
            "header-like lines": "De :\n",
            "reply-header-like lines": "On Monday\n",
            "sign-offs after blank runs": "Hi\nThanks\n\n\n\n\n\n\n\n\n\n\n\n",
        ] as [String: String])
    func tenMegabytes(shape: String, unit: String) {
        let body = String(repeating: unit, count: Self.tenMB / unit.utf8.count)
        let time = seconds(body)
        #expect(time < 10, "\(shape): \(time) s")
    }
}
