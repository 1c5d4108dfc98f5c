import Foundation

/// Writes a reply as an RFC 5322 / MIME message: multipart/alternative with UTF-8 text and HTML
/// parts in quoted-printable, RFC 2047 Subject when it is not plain ASCII, `In-Reply-To` and
/// `References`, `Auto-Submitted: auto-replied`.
///
/// Split of work: libetpan's MIME builder writes the body (the parts, their headers, the
/// quoted-printable encoding, the boundary lines: `MIMEBody`); this type writes the top-level
/// header itself. Why not libetpan's mailimf builder for the header too: it draws Message-IDs
/// from libetpan's never-seeded `random()` unless given one, and folds and encodes values by
/// its own rules, and the header is exactly where values from the question land, so every byte
/// of it is written and tested here.
///
/// Injection contract: every value that comes from a message (subject, addresses, message id)
/// goes through `sanitise`, `isSafeAddress` or `messageID(from:)`, so no CR or LF from input
/// reaches the header: a hostile subject cannot add a header field.
public struct MessageBuilder: Sendable {
    public var from: String
    /// Where generated Message-IDs end: the team address's domain.
    public var idDomain: String

    public init(from: String) {
        self.from = from
        idDomain = from.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    /// The reply's header and body, CRLF line ends. `random` supplies the Message-ID and the
    /// boundary (the system generator by default; tests pass a fixed one). Throws
    /// `MIMEBody.BuildFailure` only if libetpan cannot allocate.
    public func build(
        reply: RenderedReply, to recipient: String, inReplyTo questionID: String?, date: Date,
        random: inout some RandomNumberGenerator
    ) throws -> (message: [UInt8], messageID: String) {
        let messageID = "<heed.\(Self.hex(&random, bytes: 16))@\(idDomain)>"
        let boundary = "=_heed_\(Self.hex(&random, bytes: 16))"
        var lines: [String] = []
        lines.append("From: \(from)")
        lines.append("To: \(recipient)")
        lines.append(Self.encodedHeader("Subject", Self.sanitise(reply.subject)))
        lines.append("Date: \(Self.rfc5322Date(date))")
        lines.append("Message-ID: \(messageID)")
        if let questionID = questionID.flatMap(Self.messageID(from:)) {
            lines.append("In-Reply-To: \(questionID)")
            lines.append("References: \(questionID)")
        }
        lines.append("Auto-Submitted: auto-replied")
        lines.append("X-Auto-Response-Suppress: All")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multipart message in MIME format.")
        lines.append("")
        let body = try MIMEBody.write(text: reply.text, html: reply.html, boundary: boundary)
        return (Array(lines.joined(separator: "\r\n").utf8) + body, messageID)
    }

    // MARK: Header values

    /// One line of text from untrusted input: CR, LF and other control characters become
    /// spaces, runs of white space collapse, and the result is at most `limit` characters.
    public static func sanitise(_ value: String, limit: Int = 200) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in value.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isControl || scalar == " " {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        if out.count > limit { out = String(out.prefix(limit)) + "…" }
        return out
    }

    /// `Name: value`, with the value as RFC 2047 encoded words (UTF-8, base64) unless it is
    /// printable ASCII with no `=?` that could be mistaken for one. Encoded words are at most
    /// 75 characters and folded onto continuation lines; a character is never split.
    public static func encodedHeader(_ name: String, _ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { (0x20...0x7e).contains($0.value) } && !value.contains("=?")
        if plain && name.count + 2 + value.utf8.count <= 78 { return "\(name): \(value)" }
        if plain {
            return "\(name): " + foldPlain(value, firstLineRoom: 78 - name.count - 2)
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - len("=?utf-8?B?") - len("?=") = 63 base64 characters, i.e. 45 bytes.
        for character in value {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return "\(name): " + words.joined(separator: "\r\n ")
    }

    /// Folds ASCII text at spaces so that lines stay near 78 characters.
    private static func foldPlain(_ value: String, firstLineRoom: Int) -> String {
        var lines: [String] = []
        var current = ""
        var room = firstLineRoom
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > room {
                lines.append(current)
                current = String(word)
                room = 77
            } else {
                current = current.isEmpty ? String(word) : current + " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    /// Whether an address can be written as is in `To:` and `RCPT TO:<…>`: printable ASCII,
    /// no space, quote, angle bracket, comma, semicolon or backslash, exactly one `@` with
    /// both sides non-empty, at most 254 characters.
    public static func isSafeAddress(_ address: String) -> Bool {
        guard address.utf8.count <= 254, !address.isEmpty else { return false }
        let forbidden: Set<UInt8> = Set("<>()[]\\,;:\" ".utf8)
        guard address.utf8.allSatisfy({ (0x21...0x7e).contains($0) && !forbidden.contains($0) }) else {
            return false
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }

    /// The first `<…@…>` message id in a header value, if it is safe to copy: printable ASCII
    /// with no space or angle bracket inside, at most 250 characters. Anything else gives nil
    /// (the reply then has no In-Reply-To, which is better than a forged header).
    public static func messageID(from value: String) -> String? {
        guard let open = value.firstIndex(of: "<"),
            let close = value[open...].firstIndex(of: ">")
        else { return nil }
        let inner = value[value.index(after: open)..<close]
        guard !inner.isEmpty, inner.utf8.count <= 248, inner.contains("@"),
            inner.utf8.allSatisfy({ (0x21...0x7e).contains($0) && $0 != UInt8(ascii: "<") })
        else { return nil }
        return "<\(inner)>"
    }

    // MARK: Body and values

    public static func hex(_ random: inout some RandomNumberGenerator, bytes: Int) -> String {
        var out = ""
        for _ in 0..<bytes {
            out += String(format: "%02x", UInt8.random(in: .min ... .max, using: &random))
        }
        return out
    }

    /// RFC 5322 date in UTC: "Tue, 24 Nov 2026 22:44:48 +0000".
    public static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
