import Testing

@testable import Topics

/// What the classifier reads of a body: the asker's own words, not the quoted earlier messages
/// nor the signature.
@Suite("Quoted replies and signatures")
struct QuestionTextTests {
    let classifier = TopicClassifier.shipped

    /// The folded words the shipped cues would see in a body.
    func words(_ body: String) -> [String] {
        let book = TopicClassifier.shipped.book
        let text = QuestionText(
            settings: book.settings, stopwords: book.stopwords, signoffs: book.signoffs, footers: book.footers)
        return text.bodyWords(body).map(\.folded)
    }

    @Test("`>` quoted lines are ignored")
    func angleQuotes() {
        let body = """
            Can I put the logo on our poster?

            > A journalist from the BBC wants to interview you.
            >> And film in the lab.
              > indented quote about harassment
            """
        #expect(!words(body).contains("journalist"))
        #expect(!words(body).contains("harassment"))
        #expect(classifier.classify(subject: "Re: poster", body: body).topic == .logo)
    }

    @Test("everything from \"On … wrote:\" is ignored, also when the client wrapped the line")
    func onWrote() {
        let oneLine = """
            Is the emblem allowed on mugs?

            On Mon, 3 Mar 2025 at 10:00, Press Office <press@example.org> wrote:
            Our journalist visit is confirmed.
            """
        #expect(!words(oneLine).contains("journalist"))
        let wrapped = """
            Is the emblem allowed on mugs?

            On Mon, 3 Mar 2025 at 10:00, Press Office
            <press@example.org> wrote:
            Our journalist visit is confirmed.
            """
        #expect(!words(wrapped).contains("journalist"))
        #expect(classifier.classify(subject: "Re: mugs", body: wrapped).topic == .logo)
    }

    @Test("everything from \"Le … a écrit :\" is ignored")
    func leAEcrit() {
        let body = """
            Puis-je mettre le logo sur nos tasses ?

            Le lun. 3 mars 2025 à 10:00, Service de presse <presse@example.org> a écrit :
            La journaliste viendra tourner lundi.
            """
        #expect(!words(body).contains("journaliste"))
        #expect(classifier.classify(subject: "RE: tasses", body: body).topic == .logo)
    }

    @Test("Outlook quoted blocks are ignored: Original Message, From/Sent, De/Envoyé")
    func outlookBlocks() {
        let original = """
            Who approves posts on our department page?

            -----Original Message-----
            From: Someone
            My account was hacked yesterday.
            """
        #expect(!words(original).contains("hacked"))
        let english = """
            Who approves posts on our department page?

            ________________________________
            From: Someone <someone@example.org>
            Sent: Monday, March 3, 2025 10:00
            To: Social Media
            Subject: hacked

            My account was hacked yesterday.
            """
        #expect(!words(english).contains("hacked"))
        #expect(classifier.classify(subject: "RE: page", body: english).topic == .official)
        let french = """
            Qui valide les publications sur la page du département ?

            De : Quelqu'un <quelqu.un@example.org>
            Envoyé : lundi 3 mars 2025 10:00
            À : Réseaux sociaux
            Objet : piraté

            Mon compte a été piraté hier.
            """
        #expect(!words(french).contains("pirate"))
        #expect(classifier.classify(subject: "RE: page", body: french).topic == .official)
    }

    @Test("a sentence starting with \"De :\" is not a quoted header")
    func deColonInText() {
        let body = """
            De : mon point de vue, le logo sur les tasses est une bonne idée.
            Est-ce permis ?
            """
        #expect(words(body).contains("logo"))
    }

    @Test("the signature after \"-- \" is ignored")
    func dashDashSignature() {
        let body = """
            Can I use the emblem on our mugs?

            --\u{20}
            Jane Doe
            Press Office | Media relations
            """
        #expect(!words(body).contains("press"))
        #expect(classifier.classify(subject: "Mugs", body: body).topic == .logo)
    }

    @Test("a closing block after a sign-off is ignored, in English and French")
    func signoffBlocks() {
        let english = """
            Is it OK to put the logo on the banner of our workshop?

            Best regards,
            Anna Smith
            Communications officer, Legal Service liaison
            """
        #expect(!words(english).contains("communications"))
        #expect(classifier.classify(subject: "Banner", body: english).topic == .logo)
        let french = """
            Puis-je mettre le logo sur la bannière de notre atelier ?

            Cordialement,
            Anne Martin
            Service de presse
            """
        #expect(!words(french).contains("presse"))
        #expect(classifier.classify(subject: "Bannière", body: french).topic == .logo)
    }

    @Test("a sign-off followed by a long text is not a signature; one at the top never is")
    func signoffNotAtTheEnd() {
        let draftAfterThanks = "Thanks for your help!\n" + String(repeating: "A journalist wants to film.\n", count: 20)
        #expect(words(draftAfterThanks).contains("journalist"))
        let thanksFirst = """
            Thanks
            A journalist wants to film in my lab.
            """
        #expect(words(thanksFirst).contains("journalist"))
    }

    @Test("a legal footer is ignored")
    func legalFooter() {
        let body = """
            Can I put the emblem on our mugs?

            CONFIDENTIALITY NOTICE: this message may contain privileged information, copyright and
            trademark notices apply.
            """
        #expect(!words(body).contains("trademark"))
    }

    @Test("\"Sent from my iPhone\" is not part of the question")
    func deviceLine() {
        #expect(!words("Is this phishing?\nSent from my iPhone").contains("iphone"))
    }

    @Test("text forwarded inline counts, at the tail weight, and its header lines do not")
    func forwardedText() {
        let body = """
            What should I answer?

            ---------- Forwarded message ---------
            From: Reporter <reporter@example.org>
            Date: Mon, 3 Mar 2025
            Subject: request

            I am a journalist at a Swiss newspaper and would like to interview you.
            """
        let book = TopicClassifier.shipped.book
        let text = QuestionText(
            settings: book.settings, stopwords: book.stopwords, signoffs: book.signoffs, footers: book.footers)
        let found = text.bodyWords(body)
        #expect(found.first { $0.folded == "journalist" }?.weight == book.settings.tailWeight)
        #expect(!found.contains { $0.folded == "reporter" })
        #expect(classifier.classify(subject: "Fwd: request", body: body).topic == .media)
    }

    @Test("CRLF line endings are handled like LF")
    func crlf() {
        let body = "Can I use the logo?\r\n\r\n> A journalist asked me.\r\n-- \r\nPress Office\r\n"
        #expect(words(body) == words("Can I use the logo?\n\n> A journalist asked me.\n-- \nPress Office\n"))
        #expect(!words(body).contains("journalist"))
    }
}

@Suite("Folding and stemming")
struct FoldingTests {
    func folded(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars { _ = Fold.appendWordScalar(s, to: &out) }
        return out
    }

    @Test("case and Latin accents fold; ligatures are spelled out; decomposed accents too")
    func folding() {
        #expect(folded("HARCÈLEMENT") == "harcelement")
        #expect(folded("Œuvre") == "oeuvre")
        #expect(folded("Straße") == "strasse")
        #expect(folded("e\u{301}te\u{301}") == "ete")
        #expect(folded("Łódź") == "lodz")
        #expect(folded("Ĳssel") == "ijssel")
    }

    @Test(
        "inflections of one word share a stem, in both languages",
        arguments: [
            ["hacked", "hacking", "hacks"],
            ["photos", "photo"],
            ["journalistes", "journaliste", "journalists", "journalist"],
            ["harcèlement", "harcelée", "harcelé"],
            ["tagged", "tagging", "tag"],
            ["bullied", "bullies", "bully"],
            ["publiée", "publié", "publiées"],
            ["faces", "face"],
            ["profils", "profile", "profil"],
        ])
    func stems(_ forms: [String]) {
        let stems = Set(forms.map { Stem.of(folded($0)) })
        #expect(stems.count == 1, "\(forms) → \(stems)")
    }

    @Test("short words and unrelated words keep apart")
    func noOverStemming() {
        #expect(Stem.of("facebook") != Stem.of("face"))
        #expect(Stem.of("reporter") != Stem.of("report"))
        #expect(Stem.of("comment") == "comment")
        #expect(Stem.of("using") == "using")
        #expect(Stem.of("press") == Stem.of("presse"))
    }
}
