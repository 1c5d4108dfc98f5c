import Config
import Foundation
@testable import Guidelines
import MIME
import Testing

/// The jargon detector and the logo matcher as checks of the engine: which texts and images they
/// see, and what the configuration changes.
@Suite struct WiringTests {
    static let logo = Mail.File(name: "poster.png", type: "image/png", bytes: PackageResources.logo_reference_png)

    @Test func theLogoInAnAnnouncementImage() throws {
        let result = try Mail.check("Dear all, the poster is attached.", files: [Self.logo])
        let finding = try #require(result.findings.first { $0.category == .logo })
        #expect(finding.rule == "logo.match")
        #expect(finding.guideline == .respectLogo)
        #expect(finding.part == "2")
        #expect(finding.evidence.contains("poster.png"))
        #expect(finding.why?.isEmpty == false)
    }

    @Test func otherImagesAreNotTheLogo() throws {
        let other = Mail.File(name: "dot.png", type: "image/png", bytes: Mail.tinyPNG)
        #expect(try !Mail.categories("Dear all, see attached.", files: [other]).contains("logo"))
    }

    @Test func aQueryDraftImageIsChecked() throws {
        let result = try Mail.check("Hi, is this banner fine for my profile? It's attached.", to: "social-media@cern.ch", files: [Self.logo])
        #expect(result.findings.map(\.rule) == ["logo.match"])
        #expect(result.verdict == .advise)
    }

    @Test func theShippedReferenceCanBeSwitchedOffAndOthersAdded() throws {
        let message = try MIMEParser.parse(Mail.raw(to: "announcements@cern.ch", from: "a@cern.ch", subject: "s",
                                                    body: "Poster attached.", files: [Self.logo]))
        var config = HeedConfig.embeddedDefault
        config.checks.shippedLogoReference = false
        #expect(try CheckEngine(config: config).evaluate(message).findings.isEmpty)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("heed-logo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(PackageResources.logo_reference_png).write(to: dir.appendingPathComponent("ours.png"))
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("bad.png"))
        config.checks.logoReferences = [dir.appendingPathComponent("ours.png").path]
        #expect(try CheckEngine(config: config).evaluate(message).findings.map(\.rule) == ["logo.match"])
        config.checks.logoReferences = [dir.appendingPathComponent("bad.png").path]
        #expect {
            _ = try CheckEngine(config: config)
        } throws: { error in
            (error as? ConfigError)?.keyPath == "checks.logo.references[0]"
        }
    }

    static let jargon = """
        Dear all,

        The BE-ICS SCADA WinCC OA projects move to JCOP FW 9 with the UNICOS-CPC baseline. PLC and FEC
        owners must check their S7 baselines in the CCDB before the ECR freeze and validate the DIP and
        CMW publications with their SCADA RP, as the OPC UA servers on CMF nodes get redeployed.

        Regards
        """

    @Test func jargonOnlyForAWideAudience() throws {
        #expect(try Mail.categories(Self.jargon, to: "users-announce@cern.ch").contains("jargon"))
        #expect(try !Mail.categories(Self.jargon, to: "it-announce@cern.ch").contains("jargon"))
        // A draft in a question is a public post: a wide audience.
        let query = "Too technical?\n\n" + Self.jargon.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n\nThanks"
        #expect(try Mail.categories(query, to: "social-media@cern.ch").contains("jargon"))
    }

    @Test func jargonRulesFollowTheConfiguration() throws {
        let config = try HeedConfig.parse(yaml: "checks:\n  disable: [jargon]\n", source: "t.yaml")
        let message = try MIMEParser.parse(Mail.raw(to: "users-announce@cern.ch", from: "a@cern.ch", subject: "s", body: Self.jargon))
        #expect(try !CheckEngine(config: config).evaluate(message).findings.contains { $0.category == .jargon })
    }
}
