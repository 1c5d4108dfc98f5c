import Guidelines
import Testing

/// The jargon detector on texts written for these tests: physics jargon sent to everyone is
/// reported, everyday announcements are not.
@Suite struct JargonDetectorTests {
    let detector = JargonDetector.shipped

    func evidence(_ hits: [JargonHit], _ rule: String) -> Set<String> {
        Set(hits.filter { $0.rule == rule }.map { $0.evidence.lowercased() })
    }

    // MARK: Physics jargon in an announcement for everyone

    @Test func englishPhysicsJargonIsReported() {
        let text = """
            Dear all,

            This year the luminosity of the LHC beat every record, although the pile-up seen by the
            hadronic calorimeter was higher than planned. A quench stopped the beams for two days in May.

            Best regards,
            Anna
            """
        let hits = detector.scan(text, language: .en)
        let words = evidence(hits, JargonHit.rareWord)
        #expect(words == ["luminosity", "pile-up", "hadronic calorimeter", "quench"], "\(hits)")
        // The words of a matched phrase are not reported again on their own.
        #expect(!words.contains("hadronic") && !words.contains("calorimeter"))
        let luminosity = hits.first { $0.evidence == "luminosity" }
        #expect(luminosity?.suggestion == "the collision rate")
        #expect(luminosity?.why.hasPrefix("specialist term") == true)
    }

    @Test func frenchPhysicsJargonIsReported() {
        let text = """
            Bonjour à tous,

            La luminosité intégrée a battu tous les records cette année, malgré un pile-up élevé
            dans le calorimètre hadronique. Un quench a arrêté les faisceaux pendant deux jours.

            Cordialement,
            Marie
            """
        let hits = detector.scan(text, language: .fr)
        #expect(evidence(hits, JargonHit.rareWord) == ["luminosité intégrée", "pile-up", "calorimètre hadronique", "quench"], "\(hits)")
        #expect(hits.first { $0.evidence == "calorimètre hadronique" }?.suggestion?.contains("énergie") == true)
    }

    @Test func rareWordsWithoutACuratedEntryAreReportedByFrequency() {
        let text = "The dilepton channel was unfolded to parton level with a new reconstruction of the ttbar system."
        let hits = detector.scan(text, language: .en)
        let words = evidence(hits, JargonHit.rareWord)
        #expect(words.contains("dilepton") && words.contains("ttbar"), "\(hits)")
        let dilepton = hits.first { $0.evidence == "dilepton" }
        #expect(dilepton?.why.hasPrefix("rare in general English (Zipf below") == true, "\(String(describing: dilepton))")
        // Rarest first: words not in the list come before listed rare words.
        let zipfs = hits.filter { $0.rule == JargonHit.rareWord }.map { $0.why.contains("below") ? 0 : 1 }
        #expect(zipfs == zipfs.sorted())
    }

    @Test func rangesAreUTF8OffsetsOfTheFirstOccurrence() {
        let text = "Pour tous : la luminosité intégrée et le pile-up du détecteur, puis encore le pile-up."
        let bytes = Array(text.utf8)
        let hits = detector.scan(text, language: .fr)
        #expect(!hits.isEmpty)
        for hit in hits where hit.rule == JargonHit.rareWord {
            #expect(String(decoding: bytes[hit.range], as: UTF8.self) == hit.evidence)
        }
        let pileUp = hits.first { $0.evidence == "pile-up" }
        #expect(pileUp?.why.hasSuffix(", 2 times") == true)
        #expect(pileUp.map { $0.range.lowerBound } == text.utf8.count - "pile-up du détecteur, puis encore le pile-up.".utf8.count)
    }

    @Test func aSuggestionFromThePlainWordList() {
        let en = detector.scan("We hope this ameliorates the QPS process; managers should be cognizant of it.", language: .en)
        #expect(en.first { $0.evidence == "ameliorates" }?.suggestion == "improve", "\(en)")
        #expect(en.first { $0.evidence == "cognizant" }?.suggestion == "aware", "\(en)")
        let fr = detector.scan("Les règles susmentionnées restent idoines pour le QPS.", language: .fr)
        #expect(fr.first { $0.evidence == "susmentionnées" }?.suggestion == "citée plus haut", "\(fr)")
        #expect(fr.first { $0.evidence == "idoines" }?.suggestion == "adapté", "\(fr)")
    }

    // MARK: Everyday announcements stay quiet

    @Test(arguments: [
        """
        Dear colleagues,

        Please note that Route Scherrer will be closed to traffic between Building 40 and the main
        entrance from Monday 3 March to Friday 7 March because of road works. A detour will be
        signposted. Cyclists and pedestrians can still use the path along the car park. We apologise
        for the inconvenience.

        Best regards,
        GS Department
        """,
        """
        Hello everyone,

        This week at Restaurant 1: on Monday, roast chicken with potatoes; on Tuesday, vegetable
        lasagne; on Wednesday, fish with rice and a lemon sauce; on Thursday, beef burger and chips;
        on Friday, cheese fondue and green salad. Desserts change every day.

        Enjoy your meal!
        The restaurant team
        """,
        """
        What a match! Our CERN football team thrashed the visitors 5-1 on Saturday. The midfield was on
        fire, the striker bagged a hat-trick and the keeper pulled off some great saves. Next game:
        Saturday at 14:00 on the Prévessin pitch. Come and cheer!
        """,
        """
        The Knowledge Transfer group invites you to a seminar on how to turn an idea into a company.
        Two former members of the personnel will tell their story and answer your questions. The talk
        is on Tuesday 12 May at 16:00 in the Main Auditorium, and coffee will be served afterwards.
        Everyone is welcome. Registration: https://indico.cern.ch/event/123456/ or write to
        kt-seminars@cern.ch.
        """,
    ])
    func plainEnglishAnnouncementsHaveNoHits(_ text: String) {
        #expect(detector.scan(text, language: .en) == [])
    }

    @Test(arguments: [
        """
        Bonjour,

        La route Scherrer sera fermée à la circulation entre le bâtiment 40 et l'entrée principale du
        lundi 3 mars au vendredi 7 mars en raison de travaux. Une déviation sera mise en place. Les
        cyclistes et les piétons pourront toujours emprunter le chemin le long du parking.
        Merci de votre compréhension.
        """,
        """
        Bonjour à tous,

        Voici le menu du restaurant 1 pour la semaine : lundi, poulet rôti et pommes de terre ; mardi,
        lasagnes végétariennes ; mercredi, filet de poisson et riz ; jeudi, couscous ; vendredi, fondue
        et salade verte. Les desserts changent chaque jour.

        Bon appétit !
        L'équipe du restaurant
        """,
        """
        Victoire écrasante de l'équipe du CERN samedi : nos attaquants ont massacré la défense adverse,
        6 à 0 ! Le gardien n'a rien laissé passer. Prochain match samedi à 14 h au terrain de Prévessin.
        Venez nombreux nous encourager !
        """,
        """
        Le groupe Transfert de connaissances vous invite à un séminaire : comment transformer une idée
        en entreprise. Deux anciens membres du personnel raconteront leur parcours et répondront à vos
        questions. Rendez-vous mardi 12 mai à 16 h dans l'amphithéâtre principal ; un café sera servi
        après l'exposé. Tout le monde est bienvenu.
        """,
    ])
    func plainFrenchAnnouncementsHaveNoHits(_ text: String) {
        #expect(detector.scan(text, language: .fr) == [])
    }

    @Test func rareWordsAloneAreNotJargonWithoutATermOrAnAcronym() {
        // Dish names are rare in general text and known to everyone.
        let en = """
            Today's specials: courgette and aubergine gratin, kedgeree with poached egg, gnocchi with
            pesto, and ratatouille. Dessert: rhubarb crumble or panna cotta.
            """
        #expect(detector.scan(en, language: .en) == [])
        let fr = """
            Au menu cette semaine : blanquette de veau, tartiflette, fenouil braisé, poireaux
            vinaigrette et quiche aux blettes ; en dessert, clafoutis aux griottes.
            """
        #expect(detector.scan(fr, language: .fr) == [])
    }

    @Test func unitCodesAreNamesNotAcronyms() {
        let text = "Questions to TE-CRG, BE-CO-HT or EP-ADP; the EN-EL group will publish the schedule. The HL-LHC will not be affected."
        #expect(detector.scan(text, language: .en) == [])
    }

    @Test func oneUnusualWordInALongTextIsNotJargon() {
        let text = String(repeating: "The meeting room on the second floor is open to everyone this week. ", count: 8)
            + "Coffee will be served in the atrium."
        #expect(detector.scan(text, language: .en).filter { $0.rule != JargonHit.readability } == [])
    }

    // MARK: Acronyms

    @Test func undefinedAcronymsAreReported() {
        let text = "On Tuesday the BIS and SIS will be tested by the RFQ team before the PSB restart; the BIS test comes first."
        let hits = detector.scan(text, language: .en)
        #expect(evidence(hits, JargonHit.acronym) == ["bis", "sis", "rfq", "psb"], "\(hits)")
        // Most used first.
        #expect(hits.first { $0.rule == JargonHit.acronym }?.evidence == "BIS")
        #expect(hits.first { $0.evidence == "BIS" }?.why == "acronym never spelled out, 2 times")
    }

    @Test func wordsInCapitalsAreNotAcronyms() {
        // "BEHALF" is a word (Zipf 4.4); the RFQ and the PSB stay acronyms around it.
        let text = "OFFICIAL STATEMENT ON BEHALF OF THE RFQ TEAM: the PSB restart moves to Monday."
        #expect(evidence(detector.scan(text, language: .en), JargonHit.acronym) == ["rfq", "psb"])
    }

    @Test func aDraftPostNeedsMoreUnfamiliarItemsThanAnAnnouncement() {
        // Three items: the subject of a post about one's own work, not jargon in a draft.
        let three = "So proud: our niobium cavity passed the SRF test at the cryostat today!"
        #expect(!detector.scan(three, language: .en).isEmpty)
        #expect(detector.scan(three, language: .en, draft: true).filter { $0.rule != JargonHit.readability }.isEmpty)
        // Five: a post dense in jargon is reported as a draft too.
        let five = "So proud: our niobium cavity passed the SRF test at the cryostat, with the HOM couplers and the LLRF tuned!"
        #expect(evidence(detector.scan(five, language: .en, draft: true), JargonHit.acronym).isSuperset(of: ["srf", "llrf"]))
    }

    @Test func definedAcronymsAreNot() {
        let text = """
            On Tuesday the Beam Interlock System (BIS) and the Software Interlock System (SIS) will be
            tested by the RFQ (radio-frequency quadrupole) team before the PSB (Proton Synchrotron
            Booster) restart; the BIS test comes first.
            """
        #expect(detector.scan(text, language: .en).filter { $0.rule == JargonHit.acronym } == [])
    }

    @Test func frenchDefinitionsCountToo() {
        let text = "Le CCC (centre de contrôle du CERN) et le service de radioprotection (RP) préviendront le DSO avant les essais du PSB."
        let acronyms = evidence(detector.scan(text, language: .fr), JargonHit.acronym)
        #expect(!acronyms.contains("ccc") && !acronyms.contains("rp"))
        #expect(acronyms == ["dso", "psb"])
    }

    @Test func acronymsEveryoneKnowsAndWordsInCapitalsAreNotReported() {
        let text = "PLEASE NOTE: the EU and UK delegations will visit CERN and the LHC on Monday; the PDF agenda is attached. IT and HR will be there. Part II of the visit follows."
        #expect(detector.scan(text, language: .en) == [])
    }

    // MARK: Slang

    @Test func slangIsReportedWithWordBoundaries() {
        let en = detector.scan("We're gonna have a party on Friday lol, see you there! Lollipops for everyone.", language: .en)
        #expect(evidence(en, JargonHit.slang) == ["gonna", "lol"], "\(en)")
        let fr = detector.scan("C'est un peu chelou, mdr, mais venez quand même : il y aura des mdrives.", language: .fr)
        #expect(evidence(fr, JargonHit.slang) == ["chelou", "mdr"], "\(fr)")
    }

    // MARK: What is not prose is not judged

    @Test func linksAddressesNumbersCodeQuotesSignaturesAndNamesAreIgnored() {
        let text = """
            Hello,

            Slides: https://indico.cern.ch/event/calorimeter-quench-dilepton/ and a copy at
            www.example.org/parton-luminosity, questions to quench-experts@cern.ch. Run
            ./configure --with-dilepton=yes and set ttbar_weight = 0.3 or 4.2e-3. The speakers are
            Grzegorz Wójcik, Siobhan Ó Gallchóir and Xiaoqing Zhu from the WinCC and MoDESTI teams.

            > In the hadronic calorimeter the pile-up and the quench protection interlocks...
            > dilepton ttbar parton unfolding

            Best regards,
            Dr. Kryštof Vondráček
            Hadronic Calorimetry, BE-ABP-HSL, dilepton parton
            """
        #expect(detector.scan(text, language: .en) == [])
    }

    @Test func aSignOffNearTheStartIsNotASignature() {
        let text = "Merci à tous !\nLa luminosité intégrée et le pile-up du calorimètre hadronique seront présentés."
        #expect(!detector.scan(text, language: .fr).isEmpty)
    }

    // MARK: Readability

    @Test func fleschOnHandComputedTexts() {
        // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015 × 6 − 84.6 × 1.
        let one = detector.readability("The cat sat on the mat.", language: .en)
        #expect(one.words == 6 && one.sentences == 1 && one.syllables == 6)
        #expect(abs(one.score - 116.145) < 1e-9)
        // 9 words, 2 sentences, 10 syllables (hap-py): 206.835 − 1.015 × 4.5 − 84.6 × 10 / 9.
        let two = detector.readability("The cat sat on the mat. It was happy.", language: .en)
        #expect(two.words == 9 && two.sentences == 2 && two.syllables == 10)
        #expect(abs(two.score - 108.2675) < 1e-9)
        #expect(one.formula == "Flesch")
    }

    @Test func kandelMolesOnHandComputedTexts() {
        // 6 words, 2 sentences, 6 syllables: 207 − 1.015 × 3 − 73.6 × 1.
        let one = detector.readability("Le chat dort. Il fait beau.", language: .fr)
        #expect(one.words == 6 && one.sentences == 2 && one.syllables == 6)
        #expect(abs(one.score - 130.355) < 1e-9)
        // la (1) ré-u-nion (3) a (1) com-men-cé (3): 4 words, 8 syllables: 207 − 1.015 × 4 − 73.6 × 2.
        let two = detector.readability("La réunion a commencé.", language: .fr)
        #expect(two.words == 4 && two.syllables == 8)
        #expect(abs(two.score - 55.74) < 1e-9)
        #expect(one.formula == "Kandel–Moles")
    }

    @Test(arguments: [
        ("table", 2), ("make", 1), ("makes", 1), ("boxes", 2), ("hopped", 1), ("wanted", 2), ("people", 2),
        ("beautiful", 3), ("luminosity", 5), ("calorimeter", 5), ("yes", 1), ("played", 1), ("free", 1),
    ])
    func englishSyllables(_ word: String, _ count: Int) {
        #expect(detector.readability(word, language: .en).syllables == count)
    }

    @Test(arguments: [
        ("équipe", 2), ("idées", 2), ("réunion", 3), ("créée", 2), ("luminosité", 5), ("bonjour", 2),
        ("faisceaux", 2), ("aujourd'hui", 3), ("collisions", 3), ("le", 1), ("partie", 2),
    ])
    func frenchSyllables(_ word: String, _ count: Int) {
        #expect(detector.readability(word, language: .fr).syllables == count)
    }

    @Test func sentencesEndAtStopsBlankLinesAndBulletsNotAtAbbreviations() {
        let text = """
            Dear all,

            Please read the notes, e.g. the safety rules. Dr. Smith will present them
            - first item
            - second item
            """
        // "Dear all" | "Please ... rules" | "Dr. Smith ... them" | "first item" | "second item"
        #expect(detector.readability(text, language: .en).sentences == 5)
    }

    @Test func hardLongTextGetsAReadabilityHit() {
        let sentence = "Notwithstanding the aforementioned considerations, the organisational implementation of "
            + "institutional communication methodologies necessitates comprehensive administrative "
            + "coordination between interdepartmental representatives, whose responsibilities "
            + "consequently encompass exceptionally heterogeneous operational specifications. "
        let hits = detector.scan(String(repeating: sentence, count: 4), language: .en)
        let readability = hits.first { $0.rule == JargonHit.readability }
        #expect(readability?.evidence.hasPrefix("Flesch ") == true, "\(hits)")
        #expect(readability?.why.contains("very hard") == true)
    }

    @Test func easyLongTextHasNoReadabilityHit() {
        let sentence = "We will meet at the lake on Sunday. Bring a hat and some food. The walk is short and fun. "
        let text = String(repeating: sentence, count: 6)
        #expect(detector.readability(text, language: .en).words >= 100)
        #expect(detector.scan(text, language: .en) == [])
    }

    @Test func hardFrenchLongTextGetsAKandelMolesHit() {
        let sentence = "Conformément aux dispositions réglementaires susmentionnées, l'administration "
            + "institutionnelle considère qu'une réorganisation fondamentale des responsabilités "
            + "opérationnelles interdépartementales nécessite incontestablement une harmonisation "
            + "méthodologique particulièrement approfondie. "
        let hits = detector.scan(String(repeating: sentence, count: 5), language: .fr)
        #expect(hits.first { $0.rule == JargonHit.readability }?.evidence.hasPrefix("Kandel–Moles ") == true, "\(hits)")
    }

    // MARK: Bounded cost

    @Test func tenMegabytesOfAdversarialTextProduceAResult() {
        let mb = 1 << 20
        let inputs = [
            String(repeating: "a", count: 10 * mb),
            String(repeating: "7", count: 10 * mb),
            String(repeating: "(", count: 5 * mb) + String(repeating: ")", count: 5 * mb),
            String(repeating: "( a ", count: 10 * mb / 4),
            String(repeating: "ab-", count: 10 * mb / 3),
            String(repeating: "AB CD (EF) ", count: 10 * mb / 11),
            Self.distinctWords(bytes: 10 * mb),
        ]
        for input in inputs {
            let hits = detector.scan(input, language: .en)
            #expect(hits.count <= 12)
        }
    }

    /// Made-up lower-case words, all different ("qzaaaa qzaaab ..."): none is in the lists, so
    /// each is a rare word to remember.
    static func distinctWords(bytes: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 8)
        var n = 0
        while out.count < bytes {
            out.append(contentsOf: [UInt8(ascii: "q"), UInt8(ascii: "z")])
            var v = n
            for _ in 0..<4 {
                out.append(UInt8(ascii: "a") + UInt8(v % 26))
                v /= 26
            }
            out.append(UInt8(ascii: " "))
            n += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func onlyTheFirstMaxTextBytesAreRead() {
        var thresholds = detector.thresholds
        thresholds.maxTextBytes = 64
        let limited = JargonDetector(resources: .embedded, thresholds: thresholds)
        let jargon = "The luminosity, the pile-up and the RFQ quench."
        #expect(!limited.scan(jargon, language: .en).isEmpty)
        // 60 bytes of plain words, then "The " fills the 64: the jargon after it is not read.
        let padded = String(repeating: "été ", count: 10) + jargon
        #expect(limited.scan(padded, language: .en) == [])
        #expect(limited.readability(padded, language: .en).words == 11)
        // A cut that would fall inside "é" moves back to a word boundary.
        #expect(limited.readability(String(repeating: "été ", count: 20), language: .en).words == 10)
        #expect(limited.readability(" " + String(repeating: "é", count: 40), language: .en).words == 0)
    }

    // MARK: Data

    @Test func theShippedDetectorLoads() {
        #expect(detector.vocabularySize(.en) > 40_000)
        #expect(detector.vocabularySize(.fr) > 40_000)
        #expect(detector.thresholds == JargonThresholds(parsing: JargonResources.embedded.thresholds))
        #expect(detector.thresholds.rareZipf == 3.0 && detector.thresholds.minItems == 2)
    }

    @Test func damagedDataDoesNotStopTheDetector() {
        var resources = JargonResources.embedded
        resources.thresholds = "rare-zipf = lots\nmin-items = -3\n= 4\nunknown = 1\n"
        resources.wordlists[.en] = "=x\nthe\n=abc\n\n=0\nfoo"
        resources.terms[.en] = "= nothing\n quench \n"
        let damaged = JargonDetector(resources: resources)
        #expect(damaged.thresholds == JargonThresholds())
        _ = damaged.scan("A quench of the the foo.", language: .en)
    }
}
