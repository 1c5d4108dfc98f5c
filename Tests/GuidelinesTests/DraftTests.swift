import Guidelines
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
