@testable import Guidelines
import Testing

/// Queries: only the draft inside a question is checked (indented or `>` block, the paragraph
/// after "here is my post:", a quoted draft on the line); missing-disclaimer on personal posts
/// about work.
@Suite struct DraftTests {
    static let query = "social-media@cern.ch"

    @Test func theQuestionItselfIsNotChecked() throws {
        let body = """
            Hello,

            A colleague posted his mobile +41 79 123 45 67 and called his boss an idiot on Facebook.
            Someone also leaked a token glpat-7Hq2xZr9KfW3mN8pLs4T. What should I do?

            Thanks
            """
        let result = try Mail.check(body, to: Self.query)
        #expect(result.mode == .query)
        #expect(result.findings.isEmpty)
        #expect(result.verdict == .accept)
    }

    @Test func anIndentedDraftIsChecked() throws {
        let body = """
            Hi, can I post this?

                Call my friend Lea on +41 79 123 45 67 for the flat! (views my own)

            Thanks
            """
        let result = try Mail.check(body, to: Self.query)
        #expect(result.findings.map(\.rule) == ["personal-data.phone"])
        // A query is always delivered: its worst verdict is advise.
        #expect(result.verdict == .advise)
    }

    @Test func aDraftAfterAPresentingLineIsChecked() throws {
        let body = """
            Bonjour,

            Voici mon brouillon :

            Nos mesures au détecteur sont enfin publiées, bravo à toute l'équipe du CERN !

            Est-ce que je peux le publier ?
            """
        #expect(try Mail.rules(body, to: Self.query) == ["missing-disclaimer.personal-post"])
    }

    @Test func aQuotedDraftOnTheLineIsChecked() throws {
        let body = "Is this OK? My draft: \"BREAKING: the LHC found a fifth force!\" Thanks."
        #expect(try Mail.categories(body, to: Self.query).contains("unsourced-claim"))
    }

    @Test func aReplyQuoteIsNoDraft() throws {
        let body = """
            Sorry, one more thing.

            On 3 March 2025 10:00, Ana wrote:
            > Those idiots deleted my post about our detector.
            > What can I do?
            """
        #expect(try Mail.check(body, to: Self.query).findings.isEmpty)
    }

    @Test(arguments: [
        "Can I post this on LinkedIn?\n\n    Proud to present our new detector results at the conference next week!\n\nThanks",
        "Puis-je publier ceci ?\n\n    Fière de notre équipe : le prototype d'aimant a atteint son champ nominal au CERN !\n\nMerci",
    ])
    func aPersonalPostAboutWorkWithoutAStatement(body: String) throws {
        #expect(try Mail.rules(body, to: Self.query) == ["missing-disclaimer.personal-post"])
    }

    @Test(arguments: [
        // A statement, in either language.
        "Can I post this?\n\n    Proud of our detector results at CERN! (views my own)\n\nThanks",
        "Je peux publier ça ?\n\n    À titre personnel : fière de nos mesures au CERN.\n\nMerci",
        // Not about work.
        "Can I post this?\n\n    Selling my road bike, 200 CHF, send me a message!\n\nThanks",
        // For a department account.
        "My head of department asked me to post this on the department's X account:\n\n    Today's guided visits of our detector are cancelled, sorry!\n\nOK?",
        // A private reply to a journalist, not a post.
        "Can I send this reply to the reporter?\n\n    Dear Mr Hill,\n    our detector team will present the results in June.\n    Best, Sam\n\nThanks",
    ])
    func noMissingDisclaimer(body: String) throws {
        #expect(try !Mail.categories(body, to: Self.query).contains("missing-disclaimer"))
    }

    @Test func aPostQuotedInAnAnnouncementIsChecked() throws {
        let body = """
            Dear colleagues,

            Here is what I'm posting on LinkedIn tonight:

                After two years of work our team at CERN commissioned the new beam monitor!

            Cheers,
            Jane
            """
        #expect(try Mail.rules(body) == ["missing-disclaimer.personal-post"])
    }

    @Test func anAnnouncementItselfNeedsNoDisclaimer() throws {
        #expect(try Mail.categories("Dear all,\n\nOur team at CERN commissioned the new beam monitor.\n\nJane").isEmpty)
    }

    @Test func passthroughRunsNothing() throws {
        let result = try Mail.check("IBAN CH93 0076 2011 6238 5295 7, you idiot", to: "friend@cern.ch")
        #expect(result.mode == .passthrough)
        #expect(result.findings.isEmpty)
    }
}

/// Drafts as people really present them: wrapped intros, fences, quotations over paragraphs.
@Suite struct DraftShapeTests {
    static let query = "social-media@cern.ch"

    @Test func wordsThatPresentTheDraftMayBeOnTheLineBeforeTheColon() throws {
        let body = """
            Hello,

            Our lab's volunteer choir lost its shared login, so I want to post this in our
            Slack channel for the members (about 60 people):

            Use the shared account for now, password: Tulip-Orbit-42, thanks!

            Is that fine?
            """
        #expect(try Mail.categories(body, to: Self.query) == ["confidential"])
        // Without words that present a draft, the paragraph after a colon stays the question's.
        let question = """
            Hello,

            Our lab's volunteer choir lost its shared login last week, and the members
            asked me about it (about 60 people):

            The password was Tulip-Orbit-42 and someone changed it. What should we do?
            """
        #expect(try Mail.categories(question, to: Self.query).isEmpty)
    }

    @Test func aFencedDraftIsCheckedWholeAndNothingAroundIt() throws {
        let body = """
            Hi, my manager asked me to check the wording with you first.

            ---- draft ----
            Great news from the cooling team! Call Marc on +41 79 555 12 34 for details.

            We are proud of our new compressor, views my own.
            ---- end ----

            Does it look fine? You can reach me on +41 79 555 98 76.
            """
        let result = try Mail.check(body, to: Self.query)
        #expect(result.findings.map(\.rule) == ["personal-data.phone"])
        #expect(result.findings.first?.evidence == "+41 79 *** ** 34")
    }

    @Test func aBareFenceAfterAPresentingLineOpensTheDraft() throws {
        let body = """
            Dear team,

            This is what I would post on my blog:

            =====
            The end of the year party was fun.

            Our detector group also signed the NDA with the supplier, so here are the
            confidential prices: unit price 1200 CHF.
            =====

            Thanks!
            """
        #expect(try Mail.categories(body, to: Self.query).contains("confidential"))
    }

    @Test func aQuotationOverSeveralParagraphsIsOneDraft() throws {
        let body = """
            Bonjour,

            J'aimerais publier ce texte sur mon compte :

            « Quelle semaine pour notre équipe !

            Nous avons enfin mesuré le faisceau au nouveau détecteur. »

            Merci d'avance,
            Claire
            """
        // The second paragraph is inside the quotation: the draft is about work and says nothing personal.
        #expect(try Mail.rules(body, to: Self.query) == ["missing-disclaimer.personal-post"])
    }

    @Test func aQuotationAfterAColonIsADraftWithoutPresentingWords() throws {
        let body = """
            Hello,

            A reader wrote to our outreach page and I want to reply:

            "Yes, it is proven that our detector cuts energy use by 40 %. My own views."

            Can I say that?
            """
        #expect(try Mail.categories(body, to: Self.query) == ["unsourced-claim"])
    }

    @Test func aQuotedThreadAfterAPresentingParagraphIsTheDraft() throws {
        let body = """
            Hi! I want to start posting about my work. First thread below. Is this OK?

            "1/ We finally ran our new magnet test bench at CERN for a whole week.

            2/ To visit, call my colleague Lea on her mobile +41 79 555 12 34!"

            Thanks,
            Sam
            """
        #expect(try Mail.categories(body, to: Self.query) == ["personal-data", "missing-disclaimer"])
    }

    @Test func aFenceAfterABlankLineStillFollowsItsIntro() throws {
        let body = """
            Hello,

            here is the text we'd like to put on the group's account.

            ------------------------------------------
            The CI token glpat-7Hq2xVb9LmK4pT8sWz3N leaked last week; always mask your secrets!
            ------------------------------------------

            OK?
            """
        #expect(try Mail.categories(body, to: Self.query) == ["confidential"])
    }

    @Test func aPricePerUnitInADraftIsCommerciallySensitive() throws {
        let body = """
            Hi, for our group account, draft:

              Our supplier's new sensor costs 2,100 EUR per unit, half of the others!

            OK?
            """
        #expect(try Mail.rules(body, to: Self.query).contains("confidential.commercial"))
    }

    @Test func aPostForAGroupAccountNeedsNoPersonalStatement() throws {
        let body = """
            Hi,

            I'd like to thank our suppliers on our section's shiny new Instagram account. Draft:

              Thanks to everyone who helped our team finish the new test stand this week!

            OK?
            """
        #expect(try Mail.categories(body, to: Self.query).isEmpty)
    }
}

/// Routing that the checks inform.
@Suite struct RouteFromFindingsTests {
    @Test func aQuestionThatCarriesTheLogoGoesToVisualIdentity() throws {
        let body = """
            Hi,

            I'm preparing a profile picture for my account, see attached. Is it fine?

            Thanks
            """
        let result = try Mail.check(body, to: "social-media@cern.ch",
                                    files: [Mail.File(name: "avatar.png", type: "image/png", bytes: PackageResources.logo_reference_png)])
        #expect(result.findings.map(\.category) == [.logo])
        #expect(result.route?.topic == "logo")
        #expect(result.route?.cues.first?.hasPrefix("logo: an attached image is the logo") == true)
        // The same words without the image do not say logo.
        #expect(try Mail.check(body, to: "social-media@cern.ch").route?.topic != "logo")
    }

    @Test func personalDataInTheDraftLeansTowardsPrivacy() throws {
        let body = """
            Hi,

            A visitor asked me to share this on our lab's page. Anything to remove? Draft:

              Lost wallet found near the cafeteria! Owner: Marta Diaz, born 12 March 1990,
              call her on +41 79 412 56 78.

            Thanks
            """
        let result = try Mail.check(body, to: "social-media@cern.ch")
        #expect(result.findings.contains { $0.category == .personalData })
        #expect(result.route?.topic == "privacy")
        #expect(result.route?.cues.contains { $0.hasPrefix("privacy: the draft has personal-data") } == true)
    }

    @Test func clearWordsOfTheQuestionStillDecide() throws {
        let body = """
            Hello,

            A journalist from a national newspaper wants to interview me about my research next
            week, and asked for a quote to print. I would give them this text:

              Our group measured the beam for ten years; my colleague Marta (born 12 March 1990)
              led the analysis.

            Should I go through the press office for the interview?
            """
        let result = try Mail.check(body, to: "social-media@cern.ch")
        #expect(result.findings.contains { $0.category == .personalData })
        #expect(result.route?.topic == "media")
    }

    @Test func aPostWithItsHashtagsIsADraftWithoutAColon() throws {
        let body = """
            Hi team,

            I'd like to post this on my LinkedIn tomorrow. Would this work?

            Proud to share that the test bench I have been building with my colleagues
            at CERN is finally running! Thanks to everyone in the lab.
            #cryogenics #engineering

            Best,
            Kasia
            """
        #expect(try Mail.rules(body, to: DraftTests.query) == ["missing-disclaimer.personal-post"])
    }

    @Test func aHashtagInTheQuestionIsNoDraft() throws {
        let body = """
            Hello,

            Can we use #CERN in the posts of our club? My colleagues at CERN would like to know.

            Thanks
            """
        #expect(try Mail.rules(body, to: DraftTests.query).isEmpty)
    }

    @Test func hashtagsTalkedAboutInASentenceAreNoDraft() throws {
        let body = """
            hi,

            since last night my instagram account posts ads with the hashtags
            #CERN #physics #LHC and a fake giveaway. some of my followers are CERN
            colleagues. I have changed my password.

            do I need to report this to someone at CERN?
            """
        #expect(try Mail.rules(body, to: DraftTests.query).isEmpty)
    }

    @Test func aReplyTheAskerWasGoingToWriteIsADraft() throws {
        let body = """
            hey

            a troll comments under every video on my channel. was going to reply this tonight:

            @troll88 you are a pathetic clown, stop spamming my channel

            too much?
            """
        #expect(try Mail.categories(body, to: DraftTests.query).contains("offensive"))
    }
}
