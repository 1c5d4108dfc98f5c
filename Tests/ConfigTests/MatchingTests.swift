import Testing

@testable import Config

@Suite struct PatternTests {
    let announce = WatchRule(address: "*-announce@cern.ch", mode: .announcement, audience: .specialist)

    @Test(arguments: [
        "it-announce@cern.ch",
        "IT-Announce@CERN.CH",
        "<it-announce@cern.ch>",
        "  <it-announce@cern.ch>  ",
        "IT department <it-announce@cern.ch>",
        "<@relay.cern.ch:it-announce@cern.ch>",
        "a-b-c-announce@cern.ch",
        "-announce@cern.ch",  // `*` may match nothing
    ])
    func patternMatches(_ address: String) {
        #expect(announce.matches(address))
    }

    @Test(arguments: [
        "physics-announce-owner@cern.ch",  // suffix after the pattern's literal part
        "it-announce@mail.cern.ch",  // the domain must be equal, no subdomains
        "it-announce@cern.ch.evil.org",
        "x@evil.org-announce@cern.ch",  // `*` never matches an @
        "announce@cern.ch",  // the literal "-" is required
        "it-announce",
        "",
    ])
    func patternDoesNotMatch(_ address: String) {
        #expect(!announce.matches(address))
    }

    @Test func severalWildcards() {
        let rule = WatchRule(address: "a*b*c@x.org", mode: .query, audience: .wide)
        #expect(rule.matches("axxbyyc@x.org"))
        #expect(rule.matches("abc@x.org"))
        #expect(rule.matches("abcbc@x.org"))
        #expect(!rule.matches("axxbyy@x.org"))
        #expect(!rule.matches("xabc@x.org"))
    }

    @Test func exactRuleIgnoresCaseAndBrackets() {
        let rule = WatchRule(address: "Social-Media@cern.ch", mode: .query, audience: .wide)
        #expect(rule.address == "social-media@cern.ch")
        #expect(!rule.isPattern)
        #expect(rule.matches("<SOCIAL-MEDIA@CERN.CH>"))
        #expect(!rule.matches("social-media@cern.ch.evil.org"))
        #expect(!rule.matches("xsocial-media@cern.ch"))
    }
}

@Suite struct WatchLookupTests {
    let config = HeedConfig.embeddedDefault

    @Test func exactAddressWinsOverPattern() {
        // physics-announce also matches "*-announce@cern.ch", but its own rule decides.
        let rule = config.watch(for: "<Physics-Announce@cern.ch>")
        #expect(rule?.address == "physics-announce@cern.ch")
        let users = config.watch(for: "users-announce@cern.ch")
        #expect(users?.audience == .wide)
    }

    @Test func patternCatchesOtherLists() {
        let rule = config.watch(for: "hr-announce@cern.ch")
        #expect(rule?.address == "*-announce@cern.ch")
        #expect(rule?.mode == .announcement)
        #expect(rule?.audience == .specialist)
    }

    @Test(arguments: ["someone@cern.ch", "physics-announce-owner@cern.ch", "", "not an address", "it-announce@example.org"])
    func unwatchedAddresses(_ address: String) {
        #expect(config.watch(for: address) == nil)
    }

    @Test func firstListedPatternWins() throws {
        let queryFirst = try HeedConfig.parse(
            yaml: """
                watch:
                  - {address: "*@lists.example.org", mode: query}
                  - {address: "news-*@lists.example.org", mode: announcement}
                  - {address: news-exact@lists.example.org, mode: announcement, audience: specialist}
                """, source: "test")
        #expect(queryFirst.watch(for: "news-today@lists.example.org")?.mode == .query)
        // Exact addresses win even when listed after the patterns.
        #expect(queryFirst.watch(for: "news-exact@lists.example.org")?.audience == .specialist)

        let announcementFirst = try HeedConfig.parse(
            yaml: """
                watch:
                  - {address: "news-*@lists.example.org", mode: announcement}
                  - {address: "*@lists.example.org", mode: query}
                """, source: "test")
        #expect(announcementFirst.watch(for: "news-today@lists.example.org")?.mode == .announcement)
        #expect(announcementFirst.watch(for: "help@lists.example.org")?.mode == .query)
    }
}

@Suite struct ModeTests {
    let config = HeedConfig.embeddedDefault

    @Test func noWatchedRecipientIsPassthrough() {
        #expect(config.mode(forRecipients: []).mode == .passthrough)
        let result = config.mode(forRecipients: ["someone@cern.ch", "friend@example.org"])
        #expect(result.mode == .passthrough)
        #expect(result.rule == nil)
    }

    @Test func queryAddressIsQuery() {
        let result = config.mode(forRecipients: ["friend@example.org", "<Social-Media@CERN.ch>"])
        #expect(result.mode == .query)
        #expect(result.rule?.address == "social-media@cern.ch")
    }

    @Test func announcementListCopiedOnAQuestionIsScreened() {
        let result = config.mode(forRecipients: ["social-media@cern.ch", "it-announce@cern.ch"])
        #expect(result.mode == .announcement)
        #expect(result.rule?.address == "it-announce@cern.ch")
    }

    @Test func wideAudienceWinsAmongAnnouncementLists() {
        let result = config.mode(forRecipients: ["it-announce@cern.ch", "users-announce@cern.ch", "hr-announce@cern.ch"])
        #expect(result.mode == .announcement)
        #expect(result.rule?.address == "users-announce@cern.ch")
    }

    @Test func firstAnnouncementListWinsAmongEquals() {
        let result = config.mode(forRecipients: ["physics-announce@cern.ch", "it-announce@cern.ch"])
        #expect(result.rule?.address == "physics-announce@cern.ch")
    }
}

@Suite struct OwnDomainTests {
    let config = HeedConfig.embeddedDefault

    @Test(arguments: [
        "user@cern.ch", "user@mail.cern.ch", "<User@Mail.CERN.CH>", "Jane Doe <jane.doe@cern.ch>",
        "cern.ch", "a.b.cern.ch", "user@cern.ch.",
    ])
    func ownAddresses(_ address: String) {
        #expect(config.isOwnDomain(address))
    }

    @Test(arguments: [
        "user@evilcern.ch", "user@cern.ch.evil.org", "user@cern.chx", "user@example.org", "user@", "", "<>",
    ])
    func foreignAddresses(_ address: String) {
        #expect(!config.isOwnDomain(address))
    }

    @Test func configuredDomainsReplaceTheDefault() throws {
        let config = try HeedConfig.parse(yaml: "own_domains: [Example.ORG, cern.ch]", source: "test")
        #expect(config.ownDomains == ["example.org", "cern.ch"])
        #expect(config.isOwnDomain("someone@lists.example.org"))
        #expect(config.isOwnDomain("someone@cern.ch"))
    }
}
