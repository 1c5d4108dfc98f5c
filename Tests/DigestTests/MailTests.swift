import Digest
import Foundation
import MIME
import Store
import Testing

/// A generator with a fixed sequence (SplitMix64), so that Message-ID and boundary are stable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite struct MailTests {
    /// The mail heed queues with --send, read back by heed's own MIME parser (libetpan): the
    /// headers say what the digest is, and both parts decode to exactly what was rendered.
    @Test func theDigestMailHoldsTheTextAndTheHTML() throws {
        let digest = try seededDigest()
        var random = SeededGenerator(state: 7)
        let recipients = ["social-media@cern.ch", "comms-team@cern.ch"]
        let mail = try DigestMail.build(
            subject: digest.report.view.subject, text: digest.text, html: digest.html, from: "social-media@cern.ch",
            recipients: recipients, date: weekEnd.addingTimeInterval(hours(6)), random: &random)
        #expect(mail.envelopeFrom == "")
        #expect(mail.recipients == recipients)

        let message = try MIMEParser.parse(mail.message, limits: MIMELimits())
        #expect(message.subject == "heed digest: 2026-11-16 – 2026-11-23")
        #expect(message.header.from.map(\.address) == ["social-media@cern.ch"])
        #expect(message.header.to.map(\.address) == recipients)
        #expect(message.headers.first("Auto-Submitted")?.value == "auto-generated")
        #expect(message.headers.first("Date")?.value == "Mon, 23 Nov 2026 06:00:00 +0000")
        #expect(message.root.contentType.mediaType == "multipart/alternative")
        let parts = message.textParts
        #expect(parts.map(\.contentType.mediaType) == ["text/plain", "text/html"])
        #expect(parts.first?.text?.text == digest.text)
        #expect(parts.last?.text?.html == digest.html)

        // Mail-safe bytes: CRLF only, ASCII only, no line over 76 characters in the body.
        let raw = String(decoding: mail.message, as: UTF8.self)
        #expect(mail.message.allSatisfy { $0 < 128 })
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let body = raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
    }

    /// --send only enqueues: the mail waits in the store's outbox for heed serve.
    @Test func theMailGoesToTheOutbox() throws {
        try withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory + "/heed.sqlite")
            var random = SeededGenerator(state: 1)
            let mail = try DigestMail.build(
                subject: "heed digest: 2026-11-16 – 2026-11-23", text: "text\n", html: "<p>html</p>\n",
                from: "social-media@cern.ch", recipients: ["social-media@cern.ch"], date: weekEnd, random: &random)
            try store.enqueue(mail, now: weekEnd)
            let claimed = try store.claimDueMail(now: weekEnd, limit: 10, lease: .seconds(60))
            #expect(claimed.map(\.mail) == [mail])
        }
    }

    @Test func recipientsAreChecked() {
        var random = SeededGenerator(state: 1)
        #expect(throws: DigestMail.Failure.noRecipient) {
            try DigestMail.build(
                subject: "s", text: "t", html: "h", from: "social-media@cern.ch", recipients: [], date: weekEnd,
                random: &random)
        }
        #expect(throws: DigestMail.Failure.unsafeAddress("a@b.ch\r\nBcc: x@y.ch")) {
            try DigestMail.build(
                subject: "s", text: "t", html: "h", from: "social-media@cern.ch", recipients: ["a@b.ch\r\nBcc: x@y.ch"],
                date: weekEnd, random: &random)
        }
    }

    @Test func quotedPrintableRoundTrips() throws {
        let text = "é=1 \nFrom here\n.dot\n" + String(repeating: "long line ", count: 30) + "\ntrailing space \n"
        var random = SeededGenerator(state: 3)
        let mail = try DigestMail.build(
            subject: "plain", text: text, html: "<p>x</p>", from: "social-media@cern.ch",
            recipients: ["social-media@cern.ch"], date: weekEnd, random: &random)
        let raw = String(decoding: mail.message, as: UTF8.self)
        #expect(raw.contains("\r\n=46rom here"))
        #expect(raw.contains("\r\n=2Edot"))
        #expect(raw.contains("Subject: plain\r\n"))
        let message = try MIMEParser.parse(mail.message, limits: MIMELimits())
        #expect(message.textParts.first?.text?.text == text)
    }
}
