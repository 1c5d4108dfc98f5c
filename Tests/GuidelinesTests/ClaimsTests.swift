import Guidelines
import Testing

/// unsourced-claim, copy-paste and endorsement: the cue-summing rules, with the near-misses
/// (physics vocabulary, sourced results, plain mentions of companies, short quotes).
@Suite struct UnsourcedClaimTests {
    @Test(arguments: [
        "BREAKING: the canteen will close for good next month.",
        "C'est officiel : le parking sera payant dès janvier.",
        "Studies show that 80% of users never read the manual.",
        "Record : 45 % de participants en plus cette année !",
        "It's confirmed: the tunnel will reopen two weeks late.",
        "Selon une étude récente, un utilisateur sur trois travaille le week-end.",
    ])
    func reported(text: String) throws {
        #expect(try Mail.rules(text).contains("unsourced-claim.claim"), "\(text)")
    }

    @Test(arguments: [
        "Spontaneous symmetry breaking will be discussed at the colloquium.",
        "A recent study shows that 30% of detectors age faster (paper: https://arxiv.org/abs/2501.00001).",
        "We present a 5 sigma observation of the decay.\n\nIndico: https://indico.cern.ch/event/1234/",
        "Please record your hours in the system.",
        "La date reste à confirmer.",
        "Save 20% on registration before Friday.",
        "Record-breaking attendance is expected; doors open at 18:00.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("unsourced-claim"), "\(text)")
    }

    @Test func aSourceLineLaterInTheTextCounts() throws {
        let body = """
            A new study shows that half of all cyclists on site never lock their bike.

            Source: https://example.org/survey-2025
            """
        #expect(try !Mail.categories(body).contains("unsourced-claim"))
    }

    @Test func aRegistrationLinkIsNoSource() throws {
        let body = """
            A new study shows that 60% of shift workers sleep less than six hours.

            Register for the workshop: https://indico.cern.ch/event/99/
            """
        #expect(try Mail.categories(body).contains("unsourced-claim"))
    }
}

@Suite struct CopyPasteTests {
    static let article = """
        The new visitor centre welcomed its first groups this week. Built over two years, the
        centre combines exhibitions, laboratories for school classes and a large auditorium
        for public events. Guides explained that the exhibitions were designed with teachers
        and tested with pupils of different ages before the opening. The building itself was
        designed to use little energy: its roof carries solar panels and the heating relies on
        heat pumps. Visitors can book a free guided tour online or simply walk in during opening
        hours. The organisers expect more than a hundred thousand visitors in the first year and
        plan to add new exhibitions every season, including a space dedicated to computing and a
        hands-on area where families can build simple detectors. Local schools have already
        booked most of the available workshops until the summer, and the team is recruiting new
        guides among the staff and users who would like to share their enthusiasm for science.
        """

    @Test func aLongPastedArticleWithItsSourceIsReported() throws {
        let body = "Hi all,\n\nI copied the full text below for those without time:\n\n-----\n\(Self.article)\n-----\nSource: https://example.org/news/visitor-centre\n"
        #expect(try Mail.rules(body).contains("copy-paste.pasted-text"))
    }

    @Test func frenchTooAndACopyrightLineIsAlsoIntellectualProperty() throws {
        let body = "Bonjour,\n\nVoici l'article en intégralité :\n\n\(Self.article)\n\n© Journal du Lac 2025. Tous droits réservés.\nSource : https://example.org/lac\n"
        let categories = try Mail.categories(body)
        #expect(categories.contains("copy-paste"))
        #expect(categories.contains("intellectual-property"))
    }

    @Test func aPageSharedWholeWithItsSourceIsReportedInBothLanguages() throws {
        let french = "Bonjour,\n\nVoici la note complète de la commune :\n\n=====\n\(Self.article)\n=====\nSource : https://example.org/commune\n"
        #expect(try Mail.rules(french).contains("copy-paste.pasted-text"))
        let english = "Hi all,\n\n\(Self.article)\n\nReproduced from https://example.org/news/visitor-centre\n-----\n"
        #expect(try Mail.rules(english).contains("copy-paste.pasted-text"))
    }

    @Test func longTextWithoutPasteCuesOrShortPastesAreFine() throws {
        #expect(try !Mail.categories("Dear all,\n\n\(Self.article)\n\nRegards,\nJane").contains("copy-paste"))
        #expect(try !Mail.categories("Opening hours copied from the website: 9:00-17:00, Monday to Friday.").contains("copy-paste"))
    }
}

@Suite struct EndorsementTests {
    @Test(arguments: [
        "Use promo code PHYS10 for 10% off at BikeHub, the best bike shop in town!",
        "Je vous recommande vivement le garage Dupont, partenaire officiel du CERN, avec 15 % de réduction sur présentation du badge CERN.",
        "FitClub is recommended by CERN: staff get a special offer this month.",
        "Téléchargez l'appli MonTrajet, la préférée des CERNois, avec le code promo TRAJET5 !",
        "Best pizza place in Thoiry, hands down. The whole CERN community gets 15% off with a badge.",
        "Le meilleur opticien de la région : montrez votre carte CERN et profitez de 20 % de remise, je n'irai nulle part ailleurs.",
    ])
    func reported(text: String) throws {
        #expect(try Mail.rules(text).contains("endorsement.promotion"), "\(text)")
    }

    @Test(arguments: [
        "Our guest speaker is the CTO of DataFlow SA, who will present five industrial projects.",
        "The new release uses NumPy 2.0, SciPy and Matplotlib.",
        "The CERN Shop offers a 10% discount to staff this week.",
        "We recommend upgrading to version 3.2 before Friday.",
        "La meilleure façon de nous joindre est le formulaire en ligne.",
        "The CERN community is invited to the best poster session in the Main Auditorium; show your badge at the door.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("endorsement"), "\(text)")
    }
}
