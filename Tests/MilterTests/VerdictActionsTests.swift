import Config
import Guidelines
import Testing

@testable import Milter

let allActions = MilterSession.wantedActions

@Suite struct VerdictActionsTests {
    @Test func cleanAnnouncementGetsTheSummaryHeaderAndAccept() {
        let decision = Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .accept, route: nil, findings: [])
        #expect(VerdictActions.replies(for: decision, recipients: [], allowed: allActions) == [
            .addHeader(name: "X-Heed", value: "accept; announcement to users-announce@cern.ch; no findings"), .accept,
        ])
    }

    @Test func adviseAddsOneHeaderPerFinding() {
        let decision = Decision(mode: .announcement, list: "it-announce@cern.ch", verdict: .advise, route: nil, findings: [
            finding(.personalData, "personal-data.phone", .warning, evidence: "+41 79 *** ** 12", part: "1", offset: 312),
            finding(.jargon, "jargon.acronym", .info, evidence: "LHC", part: "header", offset: 4),
        ])
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies == [
            .addHeader(name: "X-Heed", value: "advise; announcement to it-announce@cern.ch; 2 findings:\n\tpersonal-data, jargon"),
            .addHeader(name: "X-Heed-Finding", value: "warning personal-data.phone (respect.privacy) in part 1 at\n\t312: +41 79 *** ** 12"),
            .addHeader(name: "X-Heed-Finding", value: "info jargon.acronym (post.clearly) in the header at 4: LHC"),
            .accept,
        ])
    }

    @Test func headerValuesUseLFAndNeverCarryCRLFFromTheMessage() {
        let evil = "x\r\nBcc: victim@example.org\r\n\r\nbody"
        let decision = Decision(mode: .announcement, list: "a-announce@cern.ch", verdict: .advise, route: nil,
                                findings: [finding(.offensive, "offensive.insult", .warning, evidence: evil)])
        for case .addHeader(_, let value) in VerdictActions.replies(for: decision, recipients: [], allowed: allActions) {
            #expect(!value.contains("\r"))
            #expect(!value.contains("\nBcc"))
            #expect(value.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("\t") }, "continuation lines are folded")
        }
    }

    @Test func nonASCIIEvidenceIsAnEncodedWord() {
        let decision = Decision(mode: .announcement, list: nil, verdict: .advise, route: nil,
                                findings: [finding(.offensive, "offensive.insult", .warning, evidence: "crétin")])
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies[1] == .addHeader(name: "X-Heed-Finding", value: "warning offensive.insult (respect.well-being) in part 1 at\n\t0: =?UTF-8?B?Y3LDqXRpbg==?="))
    }

    @Test func holdQuarantinesWithTheReason() {
        let decision = Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .hold, route: nil,
                                findings: [finding(.personalData, "personal-data.iban", .block)])
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies.suffix(2) == [
            .quarantine(reason: "heed: held announcement to users-announce@cern.ch: personal-data.iban (respect.privacy)"), .accept,
        ])
    }

    @Test func rejectIs550WithPercentEscaped() {
        let decision = Decision(mode: .announcement, list: "100%-announce@cern.ch", verdict: .reject, route: nil,
                                findings: [finding(.confidential, "confidential.marking", .block)])
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies == [.replyCode(
            "550 5.7.1 heed: message refused for 100%%-announce@cern.ch under CERN's social-media guidelines: confidential (respect.confidential); the sender gets advice by mail")])
    }

    @Test func queryWithAContactGetsTopicAndRecipient() {
        let decision = Decision(mode: .query, list: "social-media@cern.ch", verdict: .accept,
                                route: Route(topic: "logo", contact: "visual-identity@cern.ch"), findings: [])
        let replies = VerdictActions.replies(for: decision, recipients: ["<social-media@cern.ch>"], allowed: allActions)
        #expect(replies == [
            .addHeader(name: "X-Heed", value: "accept; query to social-media@cern.ch; no findings"),
            .addHeader(name: "X-Heed-Topic", value: "logo"),
            .addRecipient("<visual-identity@cern.ch>"),
            .accept,
        ])
    }

    @Test func aContactAlreadyAmongTheRecipientsIsNotAddedTwice() {
        let decision = Decision(mode: .query, list: "social-media@cern.ch", verdict: .accept,
                                route: Route(topic: "logo", contact: "Visual-Identity@cern.ch"), findings: [])
        let replies = VerdictActions.replies(for: decision, recipients: ["<visual-identity@cern.ch>"], allowed: allActions)
        #expect(!replies.contains { if case .addRecipient = $0 { true } else { false } })
    }

    @Test func generalTopicWithoutContactAddsNoRecipient() {
        let decision = Decision(mode: .query, list: "social-media@cern.ch", verdict: .accept,
                                route: Route(topic: "general", contact: nil), findings: [])
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies.count == 3 && replies[1] == .addHeader(name: "X-Heed-Topic", value: "general"))
    }

    @Test func actionsTheMTADidNotGrantAreLeftOut() {
        let decision = Decision(mode: .query, list: "social-media@cern.ch", verdict: .accept,
                                route: Route(topic: "logo", contact: "vi@cern.ch"), findings: [])
        #expect(VerdictActions.replies(for: decision, recipients: [], allowed: []) == [.accept])
        let held = Decision(mode: .announcement, list: nil, verdict: .hold, route: nil, findings: [finding(.logo, "logo.match", .block)])
        #expect(VerdictActions.replies(for: held, recipients: [], allowed: [.addHeaders]).last == .accept)
        #expect(!VerdictActions.replies(for: held, recipients: [], allowed: [.addHeaders]).contains { if case .quarantine = $0 { true } else { false } })
    }

    @Test func manyFindingsAreCapped() {
        let findings = (0..<25).map { finding(.jargon, "jargon.acronym", .info, offset: $0) }
        let decision = Decision(mode: .announcement, list: nil, verdict: .accept, route: nil, findings: findings)
        let replies = VerdictActions.replies(for: decision, recipients: [], allowed: allActions)
        #expect(replies.count == 1 + VerdictActions.maxFindingHeaders + 1 + 1)
        #expect(replies[replies.count - 2] == .addHeader(name: "X-Heed-Finding", value: "and 15 more"))
    }

    @Test func foldingKeepsLinesShort() {
        let value = HeaderText.folded(name: "X-Heed", value: String(repeating: "word ", count: 60))
        for line in value.split(separator: "\n") { #expect(line.count <= HeaderText.foldColumn) }
        #expect(!value.contains("\r"))
    }

    @Test func sanitizingRemovesControlsAndBoundsLength() {
        #expect(HeaderText.sanitized("a\u{0}b\tc\r\n d\u{7F}e") == "a b c d e")
        #expect(HeaderText.sanitized(String(repeating: "x", count: 500), limit: 10).count == 10)
        #expect(HeaderText.smtpReplyText("50% off\r\n250 ok") == "50%% off 250 ok")
    }

    @Test func passthroughDecisionIsAPlainAccept() {
        let decision = Decision(mode: .passthrough, list: nil, verdict: .accept, route: nil, findings: [])
        #expect(VerdictActions.replies(for: decision, recipients: [], allowed: allActions) == [.accept])
    }
}
