import Config
import Foundation
import Guidelines
import MIME
import Milter
import Replies
import Store
import Testing

@testable import Serving

/// Queries and announcements through `heed serve`'s evaluator and advice sink, into a real
/// SQLite outbox rendered with the shipped templates.
@Suite struct RepliesWiringTests {
    @Test func aFrenchQuestionGetsOneFrenchAnswerFromTheTeam() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            let decision = try harness.send(
                from: "marie.curie@cern.ch", to: ["social-media@cern.ch"], subject: "Utilisation du logo",
                body: frenchQuestion, queueID: "4AQ1")
            #expect(decision.mode == .query)
            #expect(decision.route?.topic == "logo")
            #expect(decision.language == .fr)
            #expect(try harness.pending() == 1)

            let mail = try #require(try harness.claimAll().first)
            #expect(mail.mail.recipients == ["marie.curie@cern.ch"])
            #expect(mail.mail.envelopeFrom == "")
            let header = replyHeader(mail)
            #expect(header.contains("From: social-media@cern.ch\r\n"))
            #expect(header.contains("To: marie.curie@cern.ch\r\n"))
            #expect(header.contains("Auto-Submitted: auto-replied\r\n"))
            #expect(header.contains("In-Reply-To: <"))
            let text = replyText(mail)
            #expect(text.contains("Merci d'avoir écrit à social-media@cern.ch"))
            #expect(text.contains("Le logo du CERN est protégé juridiquement"))
            #expect(text.contains("visual-identity@cern.ch"))
            #expect(!text.contains("Thank you for writing"))

            let queued = harness.logs.messages("advice queued")
            #expect(queued.count == 1)
            #expect(queued.first?.metadata["queue_id"] == "4AQ1")
            #expect(queued.first?.metadata["language"] == "fr")
            #expect(queued.first?.metadata["topic"] == "logo")
        }
    }

    @Test func anEnglishQuestionGetsAnEnglishAnswer() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            let mails = try harness.claimAll()
            #expect(mails.count == 1)
            let text = try replyText(#require(mails.first))
            #expect(text.contains("Thank you for writing to social-media@cern.ch"))
            #expect(text.contains("The CERN logo is legally protected"))
            #expect(try replyHeader(#require(mails.first)).contains("Subject: Re: Using the logo\r\n"))
        }
    }

    @Test func theSameQuestionWithinThePeriodIsAnsweredOnce() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            harness.clock.advance(hours: 24)
            try harness.send(from: "Jane.Doe@CERN.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            #expect(try harness.pending() == 1)
            let suppressed = harness.logs.messages("advice suppressed")
            #expect(suppressed.count == 1)
            #expect(suppressed.first?.metadata["reason"] == "duplicate")
            // Recorded in the store for the digest: one sent, one suppressed as a duplicate.
            let period = try harness.runtime.store.digest(
                from: harness.clock.now.addingTimeInterval(-2 * 86_400), to: harness.clock.now.addingTimeInterval(1), top: 5).current
            #expect(period.repliesSent == 1 && period.repliesSuppressed == 1)
            #expect(period.suppressions.map(\.reason) == [.duplicate])

            // After the period (7 days by default) the same asker is answered again.
            harness.clock.advance(hours: 7 * 24)
            try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            #expect(try harness.pending() == 2)
        }
    }

    @Test func automaticMailListsAndTheNullSenderGetNoAnswer() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            try harness.send(from: "robot@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion,
                             headers: ["Auto-Submitted: auto-generated"])
            try harness.send(from: "list.member@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion,
                             headers: ["List-Id: <club.lists.cern.ch>"])
            try harness.send(from: "", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            try harness.send(from: "someone@example.org", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            #expect(try harness.pending() == 0)
            #expect(harness.logs.messages("advice suppressed").compactMap { $0.metadata["reason"] }
                == ["auto-submitted", "list-header", "null-sender", "foreign-domain"])
            #expect(harness.logs.messages("advice queued").isEmpty)
        }
    }

    @Test func observedListsGetNoAdvice() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, extra: """
                policies:
                  lists:
                    - list: social-media@cern.ch
                      observe: true
                    - list: users-announce@cern.ch
                      observe: true
                """)
            let query = try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
            #expect(query.mode == .query)
            let announcement = try harness.send(
                from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost and found", body: personalDataAnnouncement)
            #expect(announcement.verdict == .accept)
            #expect(!announcement.findings.isEmpty)

            // Even an advise decision handed over directly (as a future caller might) is refused.
            var advise = announcement
            advise.verdict = .advise
            let message = try parse(from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost", body: personalDataAnnouncement)
            harness.runtime.advice.submit(AdviceRequest(
                queueID: "4OBS", sender: "ana.ruiz@cern.ch", authenticatedUser: nil, recipients: ["users-announce@cern.ch"],
                decision: advise, message: message))
            harness.runtime.advice.drain()

            #expect(try harness.pending() == 0)
            #expect(harness.logs.messages("no advice: the list is observed").count == 2)
        }
    }

    @Test func announcementsWithFindingsMailTheSenderTheNotice() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            let decision = try harness.send(
                from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost and found", body: personalDataAnnouncement)
            #expect(decision.verdict == .advise)
            let clean = try harness.send(
                from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Seminar", body: cleanAnnouncement)
            #expect(clean.verdict == .accept)
            let mails = try harness.claimAll()
            #expect(mails.count == 1)
            let mail = try #require(mails.first)
            #expect(mail.mail.recipients == ["ana.ruiz@cern.ch"])
            #expect(replyHeader(mail).contains("Subject: Advice on your message: Lost and found\r\n"))
            let text = replyText(mail)
            #expect(text.contains("+41 79 *** ** 34"))
            #expect(!text.contains("555 12 34"))
        }
    }

    @Test func repliesOffSendsNothingAndNeedsNoTemplates() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory, replies: false, templates: directory + "/no-such-templates")
            #expect(harness.runtime.replies == nil)
            try harness.send(from: "jane.doe@cern.ch", to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion,
                             queueID: "4OFF1")
            try harness.send(from: "ana.ruiz@cern.ch", to: ["users-announce@cern.ch"], subject: "Lost", body: personalDataAnnouncement,
                             queueID: "4OFF2")
            #expect(try harness.pending() == 0)
            // Still classified, routed and recorded.
            #expect(try harness.runtime.store.decisions(queueID: "4OFF1").first?.decision.topic == "logo")
            #expect(try harness.runtime.store.decisions(queueID: "4OFF2").first?.decision.verdict == "advise")
        }
    }

    @Test func aFullAdviceQueueDropsWithALogLineInsteadOfGrowing() throws {
        try withTemporaryDirectory { directory in
            let harness = try Harness(directory: directory)
            let queue = DispatchQueue(label: "test.advice")
            let clock = harness.clock
            let dispatcher = AdviceDispatcher(
                config: harness.config, replies: harness.runtime.replies, queue: queue, capacity: 2,
                clock: { clock.now }, logger: harness.logs.logger)
            queue.suspend()
            for index in 0..<5 {
                let sender = "asker\(index)@cern.ch"
                let message = try parse(from: sender, to: ["social-media@cern.ch"], subject: "Using the logo", body: englishQuestion)
                let decision = harness.runtime.evaluator.evaluate(message, envelope: Envelope(sender: sender, recipients: ["social-media@cern.ch"]))
                dispatcher.submit(AdviceRequest(
                    queueID: "4FULL\(index)", sender: sender, authenticatedUser: nil, recipients: ["social-media@cern.ch"],
                    decision: decision, message: message))
            }
            #expect(dispatcher.pending == 2)
            let dropped = harness.logs.messages("advice queue full; this message gets no advice")
            #expect(dropped.map { $0.metadata["queue_id"] } == ["4FULL2", "4FULL3", "4FULL4"])
            queue.resume()
            dispatcher.drain()
            #expect(dispatcher.pending == 0)
            #expect(try harness.pending() == 2)
        }
    }
}
