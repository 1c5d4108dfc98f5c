import Testing

@testable import Topics

@Suite("Topic classification with the shipped cues")
struct ClassifierTests {
    let classifier = TopicClassifier.shipped

    @Test("the shipped cues compile: `shipped` is never the empty fallback")
    func shippedCuesLoad() throws {
        let compiled = try TopicClassifier(cues: TopicClassifier.shippedCues)
        for topic in Topic.allCases where topic != .general {
            #expect(compiled.book.cues.contains { $0.topic == topic }, "no cue for \(topic)")
        }
        #expect(TopicClassifier.shipped.book.cues.count == compiled.book.cues.count)
        #expect(classifier.classify(subject: "My account was hacked", body: "").topic == .security)
    }

    @Test("every topic has several English and French examples")
    func examplesCoverBothLanguages() {
        for topic in Topic.allCases {
            let examples = Examples.of(topic)
            #expect(examples.filter { $0.language == "en" }.count >= 3, "\(topic)")
            #expect(examples.filter { $0.language == "fr" }.count >= 3, "\(topic)")
        }
    }

    @Test("our own questions, English and French, direct and indirect", arguments: Examples.all)
    func example(_ example: Example) {
        let decision = classifier.classify(subject: example.subject, body: example.body)
        #expect(decision.topic == example.topic, "cues: \(decision.cues)")
    }

    // MARK: Near misses: the main ask decides

    @Test("a journalist's visit that mentions the logo in passing is media")
    func journalistMentionsLogo() {
        let decision = classifier.classify(
            subject: "Documentary about my work",
            body: """
                A documentary team wants to film me at my desk. They asked if the CERN logo can be \
                visible in the background. What should I tell them?
                """)
        #expect(decision.topic == .media, "cues: \(decision.cues)")
    }

    @Test("a reporter's interview request that also asks about the logo is media")
    func reporterAndLogo() {
        let decision = classifier.classify(
            subject: "Interview with RTS",
            body: """
                A reporter from RTS wants to interview me about my work on the detector. He also \
                asked whether they could show the CERN logo behind me. What should I do?
                """)
        #expect(decision.topic == .media)
    }

    @Test("an impersonation that uses someone's personal details is security, not privacy")
    func impersonationWithPersonalData() {
        let decision = classifier.classify(
            subject: "Fake profile",
            body: """
                Someone created a fake profile with my personal details and my photos and is \
                sending messages to my colleagues. What can I do?
                """)
        #expect(decision.topic == .security)
        #expect((decision.scores[.privacy] ?? 0) > 0, "privacy words are seen, they just do not win")
    }

    @Test("a phishing message asking for a passport is security")
    func phishingForPassport() {
        let decision = classifier.classify(
            subject: "Message from 'CERN HR'",
            body: """
                A profile claiming to be CERN HR asked me on LinkedIn to send a scan of my passport \
                and my bank details. Is this legitimate?
                """)
        #expect(decision.topic == .security)
    }

    @Test("a draft's own disclaimer does not make a question about speaking officially")
    func disclaimerInDraft() {
        let decision = classifier.classify(
            subject: "Is this OK?",
            body: """
                Hi, can I tweet this?

                    Amazing day in the control room, first beams of the year! (Personal account, \
                views my own.)

                Thanks
                """)
        #expect(decision.topic == .general, "cues: \(decision.cues)")
    }

    @Test("copying the text of an article is the team's own advice, not a rights question")
    func copiedArticle() {
        let decision = classifier.classify(
            subject: "Sharing the news",
            body: "I copied the text of the news article into my LinkedIn post so people don't have to click. OK?")
        #expect(decision.topic == .general, "cues: \(decision.cues)")
    }

    @Test("criticism of CERN is official, criticism of me is conduct")
    func criticism() {
        let official = classifier.classify(
            subject: "Responding to criticism of CERN",
            body: "Can I reply to a blog post that attacks CERN, or should the Organization answer?")
        #expect(official.topic == .official, "cues: \(official.cues)")
        let conduct = classifier.classify(
            subject: "Comments about me",
            body: "Someone keeps insulting me in the comments under my posts and it is getting worse.")
        #expect(conduct.topic == .conduct, "cues: \(conduct.cues)")
    }

    // MARK: General

    @Test(
        "off-topic questions stay with the social-media team",
        arguments: [
            ("Canteen", "Is the main restaurant open during the Christmas break?"),
            ("Car pool", "Anyone driving from Thoiry on Mondays? I'm looking for a car-pool."),
            ("Password reset", "I forgot my password and the reset link has expired. Can you help?"),
            ("Navette", "Bonjour, à quelle heure part la première navette pour Prévessin ?"),
            ("Mot de passe", "J'ai oublié mon mot de passe, comment le réinitialiser ?"),
            ("", ""),
        ])
    func offTopic(subject: String, body: String) {
        let decision = classifier.classify(subject: subject, body: body)
        #expect(decision.topic == .general, "cues: \(decision.cues)")
    }

    @Test("a forgotten password is general, a hacked account that needs a reset is security")
    func passwords() {
        #expect(classifier.classify(subject: "Password", body: "I forgot my password, can you reset it?").topic == .general)
        #expect(
            classifier.classify(subject: "Hacked", body: "My Facebook was hacked and I can't reset my password.").topic
                == .security)
    }

    // MARK: Decision shape

    @Test("a confident decision names its cues, with the topic, zone and contribution")
    func decisionShape() {
        let decision = classifier.classify(subject: "Hacked account", body: "My Instagram was hacked yesterday.")
        #expect(decision.topic == .security)
        #expect(decision.confidence > 0.5 && decision.confidence <= 1)
        #expect(decision.cues.first?.hasPrefix("security: 'hacked' (subject+body, ") == true, "\(decision.cues)")
        #expect(Set(decision.scores.keys) == Set(Topic.allCases))
    }

    @Test("no cue at all: general with full confidence and no cues")
    func nothing() {
        let decision = classifier.classify(subject: nil, body: "Hello, see you tomorrow.")
        #expect(decision.topic == .general)
        #expect(decision.confidence == 1)
        #expect(decision.cues.isEmpty)
    }

    @Test("classification is deterministic")
    func deterministic() {
        let a = classifier.classify(subject: "Logo and journalist", body: "logo journalist")
        let b = classifier.classify(subject: "Logo and journalist", body: "logo journalist")
        #expect(a == b)
    }
}
