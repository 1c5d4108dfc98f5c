import Foundation
import Testing

@testable import Replies

@Suite struct MessageBuilderTests {
    let builder = MessageBuilder(from: "social-media@cern.ch")

    func build(subject: String, inReplyTo: String? = "<q1@cern.ch>") throws -> (header: [String], text: String, id: String) {
        var random = FixedRandom(state: 42)
        let reply = RenderedReply(subject: subject, text: "Bonjour,\nété\n", html: "<p>été</p>\n")
        let built = try builder.build(reply: reply, to: "jane@cern.ch", inReplyTo: inReplyTo, date: t0, random: &random)
        let text = String(decoding: built.message, as: UTF8.self)
        let headerText = text.components(separatedBy: "\r\n\r\n")[0]
        return (headerText.components(separatedBy: "\r\n"), text, built.messageID)
    }

    /// Header field names, with continuation lines folded into their field.
    func fieldNames(_ lines: [String]) -> [String] {
        lines.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }.compactMap { $0.split(separator: ":").first.map(String.init) }
    }

    @Test func headersOfAReply() throws {
        let (header, text, id) = try build(subject: "Re: Logo?")
        #expect(header.contains("From: social-media@cern.ch"))
        #expect(header.contains("To: jane@cern.ch"))
        #expect(header.contains("Subject: Re: Logo?"))
        #expect(header.contains("Date: Thu, 28 May 2026 20:26:40 +0000"))
        #expect(header.contains("In-Reply-To: <q1@cern.ch>"))
        #expect(header.contains("References: <q1@cern.ch>"))
        #expect(header.contains("Auto-Submitted: auto-replied"))
        #expect(header.contains("MIME-Version: 1.0"))
        #expect(header.contains("Message-ID: \(id)"))
        #expect(id.hasPrefix("<heed.") && id.hasSuffix("@cern.ch>"))
        #expect(text.contains("Content-Type: text/plain; charset=\"utf-8\""))
        #expect(text.contains("Content-Type: text/html; charset=\"utf-8\""))
        #expect(text.contains("=C3=A9t=C3=A9"))
        // Every line ends in CRLF and is short.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func boundaryAndMessageIDAreFreshEachTime() throws {
        var random = SystemRandomNumberGenerator()
        let reply = RenderedReply(subject: "s", text: "t", html: "h")
        let first = try builder.build(reply: reply, to: "a@cern.ch", inReplyTo: nil, date: t0, random: &random)
        let second = try builder.build(reply: reply, to: "a@cern.ch", inReplyTo: nil, date: t0, random: &random)
        #expect(first.messageID != second.messageID)
        #expect(first.message != second.message)
    }

    /// The case: CR/LF in a subject must not make a new header field.
    @Test(arguments: [
        "Question\r\nBcc: victim@example.org", "Question\nBcc: victim@example.org", "Question\rBcc: victim@example.org",
        "Question\u{2028}Bcc: victim@example.org", "Qüestion\r\nBcc: victim@example.org",
    ])
    func crlfInASubjectCannotInjectAHeader(subject: String) throws {
        let (header, _, _) = try build(subject: "Re: " + subject)
        #expect(!fieldNames(header).contains { $0.lowercased() == "bcc" })
        #expect(fieldNames(header).filter { $0 == "Subject" }.count == 1)
    }

    @Test func frenchSubjectIsRFC2047Encoded() throws {
        let subject = "Re: Puis-je utiliser le logo du CERN sur ma page personnelle ? Très long sujet accentué"
        let (header, _, _) = try build(subject: subject)
        let start = try #require(header.firstIndex { $0.hasPrefix("Subject: ") })
        var lines = [String(header[start].dropFirst("Subject: ".count))]
        var index = start + 1
        while index < header.count, header[index].hasPrefix(" ") {
            lines.append(String(header[index].dropFirst()))
            index += 1
        }
        #expect(lines.count > 1, "folded")
        var decoded = Data()
        for word in lines {
            #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
            decoded += try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test func unsafeMessageIDsAreDropped() throws {
        #expect(MessageBuilder.messageID(from: " <abc@cern.ch> (comment)") == "<abc@cern.ch>")
        #expect(MessageBuilder.messageID(from: "<a b@cern.ch>") == nil)
        #expect(MessageBuilder.messageID(from: "no id") == nil)
        let (header, _, _) = try build(subject: "s", inReplyTo: "<x@cern.ch\r\nBcc: v@example.org>")
        #expect(!header.contains { $0.hasPrefix("In-Reply-To") || $0.hasPrefix("Bcc") })
    }

    @Test func sanitise() {
        #expect(MessageBuilder.sanitise("a\r\n\tb\u{0}c  d ") == "a b c d")
        #expect(MessageBuilder.sanitise(String(repeating: "x", count: 300)).count == 201)
    }

    /// The body as libetpan writes it: heed's boundary, both parts in quoted-printable with
    /// CRLF line ends and short lines, whatever line ends the templates used.
    @Test func bodyStructureFromLibetpan() throws {
        let body = try MIMEBody.write(
            text: "Bonjour,\nété = x \n" + String(repeating: "long ", count: 30) + "\n", html: "<p>été</p>",
            boundary: "=_heed_test")
        let text = String(decoding: body, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "--=_heed_test")
        #expect(lines.filter { $0 == "--=_heed_test" }.count == 2)
        #expect(lines.contains("--=_heed_test--"))
        #expect(lines.contains("Content-Type: text/plain; charset=\"utf-8\""))
        #expect(lines.contains("Content-Type: text/html; charset=\"utf-8\""))
        #expect(lines.filter { $0 == "Content-Transfer-Encoding: quoted-printable" }.count == 2)
        #expect(lines.contains("=C3=A9t=C3=A9 =3D x =20"))
        #expect(lines.contains("<p>=C3=A9t=C3=A9</p>"))
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func lineEndsBecomeCRLF() {
        #expect(MIMEBody.crlf("a\nb\r\nc\rd") == Array("a\r\nb\r\nc\r\nd".utf8))
    }
}
