import Guidelines
import Testing

/// personal-data: each rule with positive examples, negative ones and the near-misses (work
/// numbers, service numbers, signatures, failed checksums, dates that are not birthdays, health
/// as a topic), in English and French.
@Suite struct PersonalDataTests {
    @Test(arguments: [
        ("If you want the bike, phone Tom on +41 79 555 12 34 after 6pm.", "personal-data.phone"),
        ("Pour le covoiturage, appelez Lucie au 06 39 98 11 22 le soir.", "personal-data.phone"),
        ("Ring Paul on his mobile: 078 123 45 67.", "personal-data.phone"),
        ("You can call her at home on +41 22 345 67 89 in the evening.", "personal-data.phone"),
        ("Son numéro privé : 022 345 67 89.", "personal-data.phone"),
        ("Donations to IBAN CH93 0076 2011 6238 5295 7, thank you!", "personal-data.iban"),
        ("Virement sur le compte FR14 2004 1010 0505 0001 3M02 606 de sa mère.", "personal-data.iban"),
        ("Found a card: 4111 1111 1111 1111, expiry 03/27.", "personal-data.card"),
        ("Carte trouvée : 5555-5555-5555-4444, au nom de M. Roux.", "personal-data.card"),
        ("His AVS number 756.1234.5678.97 was on the form.", "personal-data.avs"),
        ("Numéro de sécurité sociale : 1 85 05 78 006 084 91.", "personal-data.social-security"),
        ("Son RIB : 20041 01005 0500013M026 06.", "personal-data.rib"),
        ("Welcome to Anna (born 14/02/1990), our new secretary.", "personal-data.date-of-birth"),
        ("Joyeux anniversaire à Marc, né le 3 mars 1987 !", "personal-data.date-of-birth"),
        ("His passport number is X4512378, please return it.", "personal-data.id-number"),
        ("Numéro de passeport : 12AB34567, trouvé à la réception.", "personal-data.id-number"),
        ("She lives at 8 rue du Marché, 1204 Genève, if you want to drop the keys.", "personal-data.address"),
        ("Drop by his house at 22 Church Lane, 01210 Ferney-Voltaire.", "personal-data.address"),
        ("Our colleague Marc is in hospital after a heart attack.", "personal-data.health"),
        ("Notre collègue Claire est en arrêt maladie pour une dépression.", "personal-data.health"),
    ])
    func reported(text: String, rule: String) throws {
        #expect(try Mail.rules(text).contains(rule), "\(text)")
    }

    @Test(arguments: [
        // Work, service and company numbers; toll-free numbers.
        "For questions call the Service Desk on +41 22 767 8888.",
        "Contact the agency switchboard at +41 22 700 11 22.",
        "Appelez le standard de l'entreprise au 04 50 99 12 00.",
        "Free hotline: 0800 123 456, open 24/7.",
        // Checksums that fail.
        "Quote the invoice reference CH45 0900 0000 1234 5678 9 when you call.",
        "Order 4111 1111 1111 1112 was shipped.",
        "Form number 756.1234.5678.90 must be filled in.",
        // Dates that are not birthdays, including French negation "ne".
        "The workshop is on 12.04.2026 in the Council Chamber.",
        "Le bureau ne sera pas ouvert le 3 mai 2026.",
        // Business addresses and street names without a house number.
        "The dinner is at the Hotel Métropole, 34 quai du Général-Guisan, 1204 Genève.",
        "Route Gregory will be closed between Building 500 and the roundabout.",
        // Health as a topic, not a person's.
        "The seminar covers hadron therapy for cancer patients.",
        "Une conférence sur la recherche contre le cancer aura lieu jeudi.",
        "The blood donation service will be on site; the medical team will advise you.",
        // Times, versions and years.
        "Service window 07:00-09:00, version 10.2.3, since 2019.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("personal-data"), "\(text)")
    }

    @Test func theSendersSignatureIsNotAFinding() throws {
        let body = """
            Dear all,

            The bike shed opens on Monday.

            Best regards,
            Jane Doe
            Mobile +41 79 123 45 67
            """
        #expect(try Mail.categories(body).isEmpty)
    }

    @Test func phoneEvidenceIsMaskedAndExplained() throws {
        let result = try Mail.check("Call her on +41 79 555 12 34 tonight.")
        let finding = try #require(result.findings.first { $0.rule == "personal-data.phone" })
        #expect(finding.evidence == "+41 79 *** ** 34")
        #expect(finding.part == "1")
        #expect(finding.offset == 12)
        #expect(finding.length == "+41 79 555 12 34".utf8.count)
        #expect(finding.why?.contains("mobile") == true)
        #expect(finding.why?.contains("private number") == true)
        #expect(finding.guideline == .respectPrivacy)
        #expect(finding.severity == .warning)
    }

    @Test func ibanEvidenceKeepsOnlyTheEnds() throws {
        let result = try Mail.check("IBAN CH93 0076 2011 6238 5295 7 for the gift.")
        let finding = try #require(result.findings.first { $0.rule == "personal-data.iban" })
        #expect(finding.evidence == "CH93 **** **** **** ***5 7")
        #expect(finding.why?.contains("mod-97") == true)
        #expect(result.verdict == .hold)
    }

    @Test func aLandlineNeedsPersonalContext() throws {
        #expect(try !Mail.categories("The meeting room phone is 022 345 67 89.").contains("personal-data"))
        #expect(try Mail.rules("Her private number is 022 345 67 89.").contains("personal-data.phone"))
    }

    @Test func theSendersOwnNumberInTheBodyIsWeighedDown() throws {
        #expect(try !Mail.categories("Questions? Call me on 022 345 67 89.").contains("personal-data"))
    }
}
