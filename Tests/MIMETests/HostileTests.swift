import Foundation
@testable import MIME
import Testing

/// Inputs built to hurt a parser. Each must come back with a result (never a crash, never a hang),
/// and say when it was not fully scanned.
@Suite struct HostileTests {
    static let head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: hostile\r\nMIME-Version: 1.0\r\n"

    @Test func escapedQuoteBoundaryNeverReachesLibetpan() throws {
        // libetpan 1.9.4 overflows the heap in mailmime_extract_boundary on this parameter.
        for variant in ["boundary=\"\\\"\"", "boundary = \"\\\"\"", "BOUNDARY=\"\\\"\"", "\r\n boundary=\"\\\"\"", "boundary=\"\\\\\""] {
            let raw = Self.head + "Content-Type: multipart/mixed;\(variant)\r\n\r\n--\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--\"--\r\n"
            let message = try Fixtures.parse(raw)
            #expect(message.scan.limits.map(\.kind).contains(.unsafeBoundary), "\(variant)")
            #expect(message.subject == "hostile")
        }
    }

    @Test func boundaryInsideNestedPartIsAlsoDefused() throws {
        let raw = Self.head + "Content-Type: multipart/mixed; boundary=OUT\r\n\r\n--OUT\r\n"
            + "Content-Type: multipart/alternative; boundary=\"\\\"\"\r\n\r\n--\"\r\n\r\nx\r\n--\"--\r\n--OUT--\r\n"
        let message = try Fixtures.parse(raw)
        #expect(message.scan.limits.map(\.kind).contains(.unsafeBoundary))
        #expect(message.parts.count >= 2)
    }

    @Test func ordinaryQuotedBoundaryIsUntouched() throws {
        let raw = Self.head + "Content-Type: multipart/mixed; boundary=\"a'b(c)\"\r\n\r\n--a'b(c)\r\nContent-Type: text/plain\r\n\r\none\r\n--a'b(c)\r\n\r\ntwo\r\n--a'b(c)--\r\n"
        let message = try Fixtures.parse(raw)
        #expect(message.scan.complete)
        #expect(message.textParts.map { $0.text?.text } == ["one", "two"])
    }

    @Test func truncatedMessage() throws {
        let raw = Self.head + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nhalf a mes"
        let message = try Fixtures.parse(raw)
        #expect(message.textParts.first?.text?.text == "half a mes")
    }

    @Test func truncatedInTheHeader() throws {
        let message = try Fixtures.parse("From: a@example.org\r\nSubject: cut in the mid")
        #expect(message.subject == "cut in the mid")
        #expect(message.parts.count == 1)
    }

    @Test func multipartWithoutBoundaryIsReadAsText() throws {
        let raw = Self.head + "Content-Type: multipart/mixed\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsecret\r\n--XX--\r\n"
        let message = try Fixtures.parse(raw)
        // The content is still there for the checks to read.
        #expect(message.textParts.contains { $0.text?.text.contains("secret") == true })
    }

    @Test(arguments: ["multipart", "message"])
    func tenThousandNestedParts(kind: String) throws {
        var raw = Self.head
        for i in 0..<10_000 {
            raw += kind == "multipart"
                ? "Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n"
                : "Content-Type: message/rfc822\r\n\r\nSubject: level \(i)\r\n"
        }
        raw += "Content-Type: text/plain\r\n\r\ninnermost\r\n"
        let limits = MIMELimits()
        let message = try Fixtures.parse(raw, limits: limits)
        #expect(!message.scan.complete)
        #expect(message.parts.count <= limits.maxParts)
        #expect(message.parts.map(\.depth).max() ?? 0 <= limits.maxDepth)
        #expect(message.scan.limits.map(\.kind).contains(.depth))
    }

    @Test func fiftyMegabyteAttachment() throws {
        // 50 MB of base64 (random-looking but cheap to build): over the 32 MiB default limit.
        let line = Array("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n".utf8)
        var raw = Array((Self.head + "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--XX\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
        raw.reserveCapacity(50 << 20 + 1000)
        while raw.count < 50 << 20 { raw.append(contentsOf: line) }
        raw.append(contentsOf: Array("--XX--\r\n".utf8))
        let message = try MIMEParser.parse(raw)
        #expect(message.size == raw.count)
        #expect(message.scan.limits.map(\.kind) == [.size])
        #expect(message.textParts.first?.text?.text == "see attached")
        let attachment = try #require(message.attachments.first)
        #expect(attachment.filename == "big.bin")
        #expect(attachment.bytes().count > 20 << 20)
    }

    @Test func attachmentBelowTheSizeLimitIsComplete() throws {
        var raw = Array((Self.head + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
        for _ in 0..<1000 { raw.append(contentsOf: Array("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g\r\n".utf8)) }
        let message = try MIMEParser.parse(raw, limits: MIMELimits(maxMessageSize: 1 << 20))
        #expect(message.scan.complete)
        #expect(message.attachments.first?.bytes().prefix(4) == [0, 1, 2, 3])
    }

    @Test func oneMegabyteHeaderLine() throws {
        let raw = Self.head.replacingOccurrences(of: "Subject: hostile", with: "Subject: " + String(repeating: "x", count: 1 << 20))
            + "\r\nbody\r\n"
        let message = try Fixtures.parse(raw)
        #expect(message.scan.limits.map(\.kind).contains(.headerBytes))
        #expect((message.subject ?? "").count > 1000)
    }

    @Test func oneMegabyteHeaderLineUnderALargerLimit() throws {
        let raw = Self.head.replacingOccurrences(of: "Subject: hostile", with: "Subject: " + String(repeating: "y", count: 1 << 20))
            + "\r\nbody\r\n"
        let message = try Fixtures.parse(raw, limits: MIMELimits(maxHeaderBytes: 4 << 20))
        #expect(message.scan.complete)
        #expect(message.subject?.count == 1 << 20)
        #expect(message.textParts.first?.text?.text == "body\n")
    }

    @Test func nulBytes() throws {
        let raw = Array((Self.head + "Content-Type: text/plain\r\n\r\nhello").utf8) + [0] + Array("world\r\n".utf8) + [0, 0]
        let message = try MIMEParser.parse(raw)
        let text = try #require(message.textParts.first?.text?.text)
        #expect(text.hasPrefix("hello"))
        #expect(text.contains("world"))
    }

    @Test func nulInTheHeader() throws {
        let raw = Array("From: a@example.org\r\nSubject: be".utf8) + [0] + Array("fore\r\n\r\nbody\r\n".utf8)
        let message = try MIMEParser.parse(raw)
        #expect(message.subject?.hasPrefix("be") == true)
    }

    @Test func invalidBase64() throws {
        let raw = Self.head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVsbG8g!!!d29y*bGQ=\r\n====\r\n"
        let message = try Fixtures.parse(raw)
        let part = try #require(message.textParts.first)
        #expect(part.text?.text.hasPrefix("Hello") == true)
        #expect(part.defects.contains { $0.contains("base64") })
    }

    @Test func invalidBase64Attachment() throws {
        let raw = Self.head + "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%% not base64 at all ####\r\n"
        let message = try Fixtures.parse(raw)
        // Attachments are decoded on demand; the defect is reported then.
        let decoded = message.root.decode()
        #expect(decoded.defect?.contains("base64") == true)
        #expect(message.attachments.first?.bytes() == decoded.bytes)
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: MIMEError.self) { try MIMEParser.parse([]) }
    }

    @Test func binaryWithoutHeaderIsAnError() {
        let pdf = Array("%PDF-1.4\n".utf8) + [0, 1, 2, 0xFF, 0xD8] + Array(repeating: 0, count: 100)
        #expect(throws: MIMEError.self) { try MIMEParser.parse(pdf) }
    }

    @Test func textWithoutHeaderIsReadAsBody() throws {
        let message = try Fixtures.parse("Just a note, no header at all.\nSecond line.\n")
        #expect(message.headers.count == 0)
        #expect(message.textParts.first?.text?.text.contains("Second line.") == true)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let message = try MIMEParser.parse([0xEF, 0xBB, 0xBF] + Array("Subject: with BOM\r\n\r\nbody\r\n".utf8))
        #expect(message.subject == "with BOM")
    }

    @Test func garbageBytes() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 1...4000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Must return (either way) without crashing.
            _ = try? MIMEParser.parse(bytes)
        }
    }

    @Test func mboxFromLineIsSkipped() throws {
        let raw = "From someone@example.org Mon Jan  1 00:00:00 2024\n" + Self.head + "Content-Type: text/plain\r\n\r\nbody\r\n"
        let message = try Fixtures.parse(raw)
        #expect(message.subject == "hostile")
        #expect(message.root.messageOffset == raw.utf8.count - "body\r\n".utf8.count)
    }

    @Test func doubledSemicolonsInContentType() throws {
        let raw = Self.head + "Content-Type: multipart/alternative ; ; ;; boundary=\"f;;oo\"\r\n\r\n--f;;oo\r\nContent-Type: text/plain\r\n\r\na\r\n--f;;oo\r\nContent-Type: text/plain\r\n\r\nb\r\n--f;;oo--\r\n"
        let message = try Fixtures.parse(raw)
        #expect(message.root.kind == .multipart)
        // The semicolons inside the quoted boundary were left alone.
        #expect(message.root.contentType.parameter("boundary") == "f;;oo")
        #expect(message.textParts.map { $0.text?.text } == ["a", "b"])
    }
}

@Suite struct LineEndTests {
    /// The in-place normaliser against a plain reference, on every shape of line end.
    @Test(arguments: ["", "a", "\r", "\n", "\r\n", "a\r\nb\r\n", "a\rb\rc", "\r\r\n\n\r", "x\r\n\r\ny", "no line end", "é\r\nà\rü\n"])
    func sameAsReference(text: String) {
        var bytes = Array(text.utf8)
        normalizeLineEndsInPlace(&bytes)
        var expected: [UInt8] = []
        let input = Array(text.utf8)
        var i = 0
        while i < input.count {
            if input[i] == 0x0D {
                expected.append(0x0A)
                if i + 1 < input.count, input[i + 1] == 0x0A { i += 1 }
            } else {
                expected.append(input[i])
            }
            i += 1
        }
        #expect(bytes == expected)
    }

    @Test func longRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0D, 0x0A, 0x61, 0x62, 0x20]
        for _ in 0..<200 {
            let input = (0..<Int.random(in: 0...500, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
            var bytes = input
            normalizeLineEndsInPlace(&bytes)
            let reference = String(decoding: input, as: UTF8.self)
                .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(String(decoding: bytes, as: UTF8.self) == reference)
        }
    }
}
