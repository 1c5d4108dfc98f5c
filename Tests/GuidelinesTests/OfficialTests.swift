import Config
import Guidelines
import MIME
import Testing

/// official-communication: official phrasing by someone not authorised; mentions of official
/// things are not claims; authorised senders are not reported.
@Suite struct OfficialTests {
    @Test(arguments: [
        ("PRESS RELEASE\nCERN welcomes a new Associate Member State.", "official-communication.press-release"),
        ("Communiqué de presse : ouverture du nouveau centre de calcul.", "official-communication.press-release"),
        ("FOR IMMEDIATE RELEASE\nGeneva, 3 May. A new collaboration is born.", "official-communication.immediate-release"),
        ("Here is our press release about the new beamline.", "official-communication.press-release"),
        ("I hereby make an official statement on behalf of CERN: the site stays open.", "official-communication.statement"),
        ("Déclaration officielle : le télétravail est autorisé jeudi.", "official-communication.statement"),
        ("Speaking on behalf of CERN, we reject these accusations.", "official-communication.on-behalf"),
        ("Je m'exprime au nom du CERN pour démentir ces rumeurs.", "official-communication.on-behalf"),
        ("CERN is pleased to announce a new partnership with the observatory.", "official-communication.announces"),
        ("L'Organisation annonce la fermeture du site le 24 décembre.", "official-communication.announces"),
        ("Le CERN annonce officiellement la fin des travaux.", "official-communication.announces"),
    ])
    func reported(text: String, rule: String) throws {
        #expect(try Mail.rules(text).contains(rule), "\(text)")
    }

    @Test(arguments: [
        "The official holidays for 2027 are listed below.",
        "See yesterday's CERN press release about the new Member State.",
        "Read the press release: https://home.cern/news/press-release/cern/new-member",
        "As CERN announced last week, the site will close on 24 December.",
        "Our club has an official account on Instagram.",
        "I speak for myself, not on behalf of CERN.",
        "Who can speak on behalf of CERN? Only authorised people.",
        "Les jours fériés officiels sont les suivants.",
        "There is no official statement yet; please wait for the Communications group.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("official-communication"), "\(text)")
    }

    @Test func authorisedSendersMaySpeakOfficially() throws {
        let body = "PRESS RELEASE\nCERN announces the start of the new run."
        #expect(try Mail.categories(body, from: "CERN Press Office <press.office@cern.ch>").isEmpty)
        #expect(try Mail.categories(body, from: "Some One <some.one@cern.ch>").contains("official-communication"))
        var config = HeedConfig.embeddedDefault
        config.checks.authorisedSenders = ["*-comms@cern.ch"]
        let message = try MIMEParser.parse(Mail.raw(to: "announcements@cern.ch", from: "ep-comms@cern.ch", subject: "News", body: body))
        #expect(try CheckEngine(config: config).evaluate(message).findings.isEmpty)
    }
}
