import Guidelines
import Testing

/// offensive: insults, name-calling aimed at people, threats, slurs, profanity; and no
/// Scunthorpe problem, no sports slang, no clowns at a children's party.
@Suite struct OffensiveTests {
    @Test(arguments: [
        ("Whoever keeps stealing my mug is a complete idiot.", "offensive.insult"),
        ("Les imbéciles qui se garent devant l'entrée bloquent tout le monde.", "offensive.insult"),
        ("To the moron who broke the printer: thanks a lot.", "offensive.insult"),
        ("Honte à ces abrutis du service informatique.", "offensive.insult"),
        ("You lazy parasites never answer a ticket.", "offensive.name-calling"),
        ("Vous êtes vraiment des guignols.", "offensive.name-calling"),
        ("What a bunch of clowns in that office.", "offensive.name-calling"),
        ("Une bande de bons à rien, comme d'habitude.", "offensive.name-calling"),
        ("On sait bien que vous êtes une bande d'asociaux, restez donc planqués.", "offensive.name-calling"),
        ("Touch my bike again and I know where you live.", "offensive.threat"),
        ("Gare à toi si tu recommences.", "offensive.threat"),
        ("This fucking printer is jammed again.", "offensive.profanity"),
        ("Putain, encore une panne de chauffage.", "offensive.profanity"),
        ("Go back to your country if you don't like it here.", "offensive.demeaning"),
    ])
    func reported(text: String, rule: String) throws {
        #expect(try Mail.rules(text).contains(rule), "\(text)")
    }

    @Test(arguments: [
        "We crushed them 4-0 and destroyed their defence, what a game!",
        "Victoire écrasante de notre équipe, qui a littéralement massacré la défense adverse.",
        "Please complete the assessment before Friday.",
        "Les clés de secours sont planquées dans le tiroir du bas.",
        "The Dickens reading club meets on Tuesday; cocktails afterwards in Scunthorpe style.",
        "Le match s'est terminé sur un score nul.",
        "The clowns at the children's party were great.",
        "Menu: rôti de porc, purée maison.",
        "The old printer is useless, we ordered a new one.",
        "Il est incapable de venir demain.",
        "Follow these idiot-proof instructions to book a room.",
        "He called me an idiot in the comments; what should I do?",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("offensive"), "\(text)")
    }

    @Test func anInsultHoldsAnAnnouncement() throws {
        let result = try Mail.check("Dear all, the morons in the garage lost my keys.")
        #expect(result.verdict == .hold)
        #expect(result.findings.first?.guideline == .respectWellBeing)
    }
}
