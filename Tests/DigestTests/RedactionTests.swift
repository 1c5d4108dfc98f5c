import Digest
import Testing

@Suite struct RedactionTests {
    /// The checks' real evidence (from the guideline corpus) that the digest may show as it is:
    /// cue phrases and acronyms name no one.
    @Test(arguments: [
        ("official-communication", "CERN officially announces"), ("official-communication", "Official statement"),
        ("unsourced-claim", "BREAKING"), ("unsourced-claim", "A recent study shows"), ("confidential", "EMBARGOED"),
        ("confidential", "password: ************"), ("jargon", "pile-up"), ("offensive", "crétins"),
        ("unsourced-claim", "C'est confirmé"), ("missing-disclaimer", "So proud of our team at CERN: after three years"),
        ("confidential", "glpat-************4T"),
    ])
    func cuePhrasesStay(category: String, evidence: String) {
        #expect(DigestRedaction.example(evidence, category: category) == evidence)
    }

    @Test func personalDataKeepsOnlyItsShape() {
        #expect(DigestRedaction.example("+41 76 *** ** 97", category: "personal-data") == "+** ** *** ** **")
        #expect(DigestRedaction.example("**.**.1988", category: "personal-data") == "**.**.****")
        #expect(DigestRedaction.example("FR76 **** **** **** **** **** *60", category: "personal-data")
            == "**** **** **** **** **** **** ***")
    }

    @Test func namesBecomeOneMarker() {
        #expect(DigestRedaction.example("Tomorrow I'm a guest on the Cosmic Coffee podcast, talking …", category: "missing-disclaimer")
            == "Tomorrow I'm a guest on the [name] podcast, talking …")
        // Opening a sentence, a single capitalised word stays; before another, both go.
        #expect(DigestRedaction.example("Marie Dupont: Record absolu", category: "unsourced-claim")
            == "[name]: Record absolu")
        #expect(DigestRedaction.example("(Ana) wrote it", category: "copy-paste") == "(Ana) wrote it")
        #expect(DigestRedaction.example("thanks to (Ana) for it", category: "copy-paste") == "thanks to ([name]) for it")
    }

    @Test func addressesLinksFilesAndNumbers() {
        #expect(DigestRedaction.example("write to a.b@example.org now", category: "endorsement") == "write to [address] now")
        #expect(DigestRedaction.example("see https://example.org/people/ana?x=1", category: "copy-paste")
            == "see https://example.org/…")
        #expect(DigestRedaction.example("see www.example.org", category: "copy-paste") == "see www.example.org")
        #expect(DigestRedaction.example("image IMG_20261116.jpeg", category: "logo") == "image *.jpeg")
        #expect(DigestRedaction.example("pi is 3.14, room 40", category: "jargon") == "pi is 3.14, room 40")
        #expect(DigestRedaction.example("ext 72345 or 022 767", category: "endorsement") == "ext ***** or *** ***")
        #expect(DigestRedaction.example("key a1b2c3d4", category: "confidential") == "key ********")
    }

    @Test func oneShortLine() throws {
        #expect(DigestRedaction.example("a\r\nb\tc", category: "jargon") == "a b c")
        #expect(DigestRedaction.example("  \n ", category: "jargon") == nil)
        let long = String(repeating: "word ", count: 40)
        let example = try #require(DigestRedaction.example(long, category: "jargon"))
        #expect(example.count == 80)
        #expect(example.hasSuffix("…"))
    }
}
