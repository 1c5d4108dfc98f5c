import Config
import Foundation
import Guidelines
import MIME
import Milter
import Store
import Testing

@testable import Serving

/// Overposting counted in the real store: per sender and per list, within the list's window,
/// graded and turned into a verdict like every other finding.
@Suite struct OverpostingTests {
    static let itLimit = """
        policies:
          lists:
            - list: it-announce@cern.ch
              overposting: {max: 2, window: 1d}

        """

    func announce(_ harness: Harness, from sender: String, to list: String, _ subject: String) throws -> Decision {
        try harness.send(from: sender, to: [list], subject: subject, body: cleanAnnouncement)
    }

    func overposting(_ decision: Decision) -> [Finding] { decision.findings.filter { $0.category == .overposting } }

    @Test func theAnnouncementPastTheLimitGetsTheFinding() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, extra: Self.itLimit)
            let first = try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 1")
            harness.clock.advance(hours: 1)
            let second = try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 2")
            harness.clock.advance(hours: 1)
            let third = try announce(harness, from: "Ana.Ruiz@CERN.ch", to: "it-announce@cern.ch", "Outage 3")
            #expect(overposting(first).isEmpty && first.verdict == .accept)
            #expect(overposting(second).isEmpty && second.verdict == .accept)

            let finding = try #require(overposting(third).first)
            #expect(overposting(third).count == 1)
            #expect(finding.rule == "overposting.limit")
            #expect(finding.guideline == .postReasonably)
            #expect(finding.severity == .warning)
            #expect(finding.evidence == "3 announcements to it-announce@cern.ch within 1d (limit 2)")
            #expect(third.verdict == .advise)

            // The milter writes it in X-Heed and X-Heed-Finding like any finding.
            let replies = VerdictActions.replies(for: third, recipients: ["<it-announce@cern.ch>"], allowed: MilterActions(rawValue: 0x1FF))
            let headers = replies.compactMap { reply -> String? in
                if case .addHeader(let name, let value) = reply { return name + ": " + value.replacingOccurrences(of: "\n\t", with: " ") }
                return nil
            }
            #expect(headers.contains { $0.hasPrefix("X-Heed: advise; announcement to it-announce@cern.ch; 1 finding: overposting") })
            #expect(headers.contains {
                $0.hasPrefix("X-Heed-Finding: warning overposting.limit (post.reasonably) in the header at 0: 3 announcements")
            })
            // The sender is told, with the overposting paragraph of the templates.
            let mails = try harness.claimAll()
            #expect(mails.map(\.mail.recipients) == [["Ana.Ruiz@CERN.ch"]])
            #expect(try replyText(#require(mails.first)).contains("avoid overposting"))
        }
    }

    @Test func otherSendersOtherListsAndOldAnnouncementsDoNotCount() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, extra: Self.itLimit)
            for index in 1...2 {
                _ = try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage \(index)")
            }
            // Another sender to the same list, the same sender to another list (default limit 5 in 7d).
            #expect(overposting(try announce(harness, from: "bob.smith@cern.ch", to: "it-announce@cern.ch", "Other")).isEmpty)
            #expect(overposting(try announce(harness, from: "ana.ruiz@cern.ch", to: "users-announce@cern.ch", "Elsewhere")).isEmpty)
            // The null sender has no one to count.
            for _ in 1...3 {
                #expect(overposting(try announce(harness, from: "", to: "it-announce@cern.ch", "Bounce")).isEmpty)
            }
            // A day later the first two are out of the window.
            harness.clock.advance(hours: 25)
            #expect(overposting(try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 3")).isEmpty)
            #expect(overposting(try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 4")).isEmpty)
            #expect(overposting(try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 5")).count == 1)
        }
    }

    @Test func countsGoOnAcrossARestartAndAReload() throws {
        try withTemporaryDirectory { directory in
            // Two counted in one run: stop writes their records.
            let first = try Harness(directory: directory, extra: Self.itLimit)
            for index in 1...2 {
                #expect(overposting(try announce(first, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage \(index)")).isEmpty)
            }
            first.stop()

            // The next run starts the sender's count from the store: the third is over the limit.
            let second = try Harness(directory: directory, extra: Self.itLimit)
            second.clock.advance(hours: 1)
            let third = try announce(second, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 3")
            #expect(overposting(third).first?.evidence == "3 announcements to it-announce@cern.ch within 1d (limit 2)")

            // A reload to a higher maximum applies at once, with the records still being written.
            let raised = try HeedConfig.parse(yaml: """
                store: {path: data/heed.sqlite, key_file: data/pseudonym.key}
                replies: {enabled: false}
                policies:
                  lists:
                    - list: it-announce@cern.ch
                      overposting: {max: 4, window: 1d}
                """, source: directory + "/heed.yaml")
            let reloaded = try second.runtime.reload(config: raised, engine: CheckEngine(config: raised))
            let message = try parse(from: "ana.ruiz@cern.ch", to: ["it-announce@cern.ch"], subject: "Outage 4", body: cleanAnnouncement)
            let fourth = reloaded.evaluator.evaluate(message, envelope: Envelope(sender: "ana.ruiz@cern.ch", recipients: ["it-announce@cern.ch"]))
            #expect(overposting(fourth).isEmpty)
            second.runtime.records.flush()
            #expect(try second.runtime.store.announcementCount(
                sender: #require(second.runtime.pseudonymizer.pseudonym(for: "ana.ruiz@cern.ch")), list: "it-announce@cern.ch",
                since: first.clock.now.addingTimeInterval(-86_400)) == 4)
        }
    }

    @Test func severityOverridesDisablingAndObserveApplyAsToEveryRule() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, extra: """
                checks:
                  severity: {overposting: info}
                policies:
                  default:
                    overposting: {max: 1, window: 1h}
                  lists:
                    - list: it-announce@cern.ch
                      severity: {overposting.limit: block}
                      overposting: {max: 2, window: 1d}
                    - list: "*-announce@cern.ch"
                      observe: true
                      severity: {overposting: block}
                    - list: physics-announce@cern.ch
                      disable: [overposting]
                """)
            // The list's own severity wins over checks.severity: block holds.
            for index in 1...2 { _ = try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage \(index)") }
            let held = try announce(harness, from: "ana.ruiz@cern.ch", to: "it-announce@cern.ch", "Outage 3")
            #expect(overposting(held).map(\.severity) == [.block])
            #expect(held.verdict == .hold)

            // checks.severity alone: info, recorded but accepted.
            _ = try announce(harness, from: "ana.ruiz@cern.ch", to: "users-announce@cern.ch", "News 1")
            let info = try announce(harness, from: "ana.ruiz@cern.ch", to: "users-announce@cern.ch", "News 2")
            #expect(overposting(info).map(\.severity) == [.info])
            #expect(info.verdict == .accept)

            // Observe: the finding is reported (block under the pattern's policy), the verdict accepts.
            _ = try announce(harness, from: "ana.ruiz@cern.ch", to: "hr-announce@cern.ch", "HR 1")
            let observed = try announce(harness, from: "ana.ruiz@cern.ch", to: "hr-announce@cern.ch", "HR 2")
            #expect(overposting(observed).map(\.severity) == [.block])
            #expect(overposting(observed).first?.evidence == "2 announcements to hr-announce@cern.ch within 1h (limit 1)")
            #expect(observed.verdict == .accept)

            // Disabled on a list: no finding.
            _ = try announce(harness, from: "ana.ruiz@cern.ch", to: "physics-announce@cern.ch", "Physics 1")
            #expect(overposting(try announce(harness, from: "ana.ruiz@cern.ch", to: "physics-announce@cern.ch", "Physics 2")).isEmpty)

            // Only the hold mails the sender (info and observe do not).
            #expect(try harness.claimAll().count == 1)
        }
    }
}
