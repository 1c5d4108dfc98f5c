import Guidelines
import Testing

/// confidential: markings, secrets (keys, tokens, passwords, entropy, access codes), commercial
/// data, and the near-misses: training about confidentiality, "réunion interne", advice given
/// confidentially, legal footers, security reminders that name passwords without giving one.
@Suite struct ConfidentialTests {
    @Test(arguments: [
        ("INTERNAL USE ONLY\nThe draft budget for next year is attached.", "confidential.marking"),
        ("Ce document est strictement confidentiel : merci de ne pas le transmettre.", "confidential.marking"),
        ("Please do not forward: the numbers are preliminary.", "confidential.marking"),
        ("Sous embargo jusqu'au 3 juin, 14h.", "confidential.marking"),
        ("NOT FOR DISTRIBUTION - minutes of the steering board", "confidential.marking"),
        ("DIFFUSION RESTREINTE\nCompte rendu du comité.", "confidential.marking"),
        ("This information is confidential until the Director-General announces it.", "confidential.stated"),
        ("Les chiffres ci-dessous restent confidentiels jusqu'au conseil.", "confidential.stated"),
        ("The figures must not be shared outside the group.", "confidential.marking"),
        ("Between you and me, the project will be stopped next year.", "confidential.discretion"),
        ("Ces chiffres ne sont pas encore publics.", "confidential.discretion"),
        ("The restart date is still internal, so you heard it here first.", "confidential.discretion"),
        ("Please keep these figures within the team until the adjudication.", "confidential.discretion"),
        ("La date de redémarrage n'est pas encore annoncée.", "confidential.discretion"),
        ("RESTRICTED - for the storage procurement team only.", "confidential.marking"),
        ("DIFFUSION RESTREINTE : comité de direction.", "confidential.marking"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----", "confidential.private-key"),
        ("export GITHUB_TOKEN=ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A", "confidential.token"),
        ("aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "confidential.token"),
        ("Auth header: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "confidential.token"),
        ("The wifi password is: Gx7!pQ2#zz", "confidential.password"),
        ("Mot de passe : Soleil2024! (à changer)", "confidential.password"),
        ("db_secret = 'k8Hq2LmZ0pW4'", "confidential.password"),
        // The connector a few words on, over a wrapped line, and a dial-in PIN in the paragraph.
        ("For the operators: the temporary root password for the restore\nconsole is  Kq7#vM2-lp9!Zx and the vendor dial-in PIN is 481 229.", "confidential.password"),
        ("Le mot de passe du compte de service est Ab12!xYz99, merci de ne pas le changer.", "confidential.password"),
        ("Use this API key 9f8A2kQz7LmX0pW4vB6nR3tY1uE5sD8c to query the service.", "confidential.high-entropy"),
        ("The door code for the lab is 4821.", "confidential.access-code"),
        ("Le digicode du local est 7390.", "confidential.access-code"),
        ("The vendor's unit price is 12,500 CHF per module.", "confidential.commercial"),
        ("Leur offre de prix : 45 000 EUR pour les deux aimants.", "confidential.commercial"),
    ])
    func reported(text: String, rule: String) throws {
        #expect(try Mail.rules(text).contains(rule), "\(text)")
    }

    @Test(arguments: [
        "Register for the confidentiality training on Monday.",
        "Never share confidential information on social media.",
        "Une formation sur la protection des informations confidentielles aura lieu en juin.",
        "Your password must not be shared with anyone.",
        "Zoom: https://cern.zoom.us/j/123456789\nMeeting passcode: 481516",
        "A confidential agreement training session is planned.",
        "La réunion interne aura lieu demain, ainsi que le stage interne.",
        "The doctor will advise you confidentially.",
        "Confidential support is available from the Ombud.",
        "Vos demandes seront traitées de manière confidentielle.",
        "This e-mail and any attachments are confidential and intended solely for the addressee.",
        "Never share your password or your access tokens with anyone.",
        "Your password: must be at least 12 characters long.",
        // A sentence that ends with "password" does not link to the next line's colon.
        "Failure Reason:\t\tUnknown user name or bad password.\n\tStatus:\t\t\t0xC000006D",
        "The password for your account is changed every year.",
        "curl -H \"PRIVATE-TOKEN: $CI_JOB_TOKEN\" https://gitlab.cern.ch/api",
        "For example, a strong password looks like: Tr0ub4dor&3horse",
        "The embargo was lifted this morning.",
        "Lunch in Restaurant 1 costs 12 CHF.",
        "Mug sale: unit price 12 CHF, order by Friday.",
        "Access to the hall will be restricted during the tests.",
        "Le parking est restreint aux véhicules de service.",
        "The internal seminar is open to all members of personnel.",
        "You need to know the deadline: 3 May.",
        "The door will be closed from 8 to 12.",
    ])
    func notReported(text: String) throws {
        #expect(try !Mail.categories(text).contains("confidential"), "\(text)")
    }

    @Test func aMarkingInTheSubjectOrAnAttachmentNameCounts() throws {
        let subject = try Mail.check("Numbers for the board.", subject: "CONFIDENTIAL: draft figures")
        #expect(subject.findings.contains { $0.rule == "confidential.marking" && $0.part == "header" && $0.offset == 0 })
        let file = Mail.File(name: "budget_internal_only.pdf", type: "application/pdf", bytes: Array("%PDF-1.4".utf8))
        let attachment = try Mail.check("See attached.", files: [file])
        #expect(attachment.findings.contains { $0.rule == "confidential.marking" && $0.part == "2" })
    }

    @Test func secretsAreMasked() throws {
        let result = try Mail.check("export GITHUB_TOKEN=ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A")
        let finding = try #require(result.findings.first { $0.category == .confidential })
        #expect(finding.evidence.hasPrefix("ghp_"))
        #expect(!finding.evidence.contains("aB3dE5fG7h"))
        // The same token is one finding, not one per rule that sees it.
        #expect(result.findings.filter { $0.category == .confidential }.count == 1)
        let password = try Mail.check("The wifi password is: Gx7!pQ2#zz")
        #expect(password.findings.allSatisfy { !$0.evidence.contains("Gx7") })
    }
}
