import Foundation
import Replies
import Store

/// The digest as mail: multipart/alternative with a UTF-8 text/plain and a text/html part,
/// both quoted-printable, `Auto-Submitted: auto-generated` (RFC 3834: a report, not a reply),
/// for the outbox that `heed serve` delivers.
///
/// The header is its own (a report, not a reply: several recipients, no `In-Reply-To`, a
/// different `Auto-Submitted`), built with `Replies.MessageBuilder`'s address check, one-line
/// Subject in RFC 2047 words, date and random ids. The body has its own quoted-printable
/// writer rather than the libetpan one replies use: a digest is long, line-oriented text that
/// must read back byte for byte, and libetpan's writer neither protects "From " and "." at a
/// line's start nor keeps trailing white space exactly (MailTests.quotedPrintableRoundTrips).
public enum DigestMail {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// No recipient: `digest.recipients` is empty.
        case noRecipient
        /// An address that cannot go in a header or an SMTP command as it is.
        case unsafeAddress(String)

        public var description: String {
            switch self {
            case .noRecipient: "no recipient: digest.recipients in the configuration is empty"
            case .unsafeAddress(let address): "\"\(address)\" cannot be used as a mail address here"
            }
        }
    }

    /// The message for `recipients`, from `from`, dated `date`. `random` makes the Message-ID
    /// and the boundary (tests pass a seeded generator). The envelope sender is null (`<>`), as
    /// for replies: a bounce of an automatic message must not come back to the team's address,
    /// which heed itself watches.
    public static func build(
        subject: String, text: String, html: String, from: String, recipients: [String], date: Date,
        random: inout some RandomNumberGenerator
    ) throws(Failure) -> OutgoingMail {
        guard !recipients.isEmpty else { throw .noRecipient }
        for address in [from] + recipients where !MessageBuilder.isSafeAddress(address) {
            throw .unsafeAddress(address)
        }
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = "<heed.digest.\(MessageBuilder.hex(&random, bytes: 16))@\(domain)>"
        let boundary = "=_heed_digest_\(MessageBuilder.hex(&random, bytes: 16))"
        var lines: [String] = []
        lines.append("From: \(from)")
        lines.append("To: " + recipients.joined(separator: ",\r\n "))
        lines.append(MessageBuilder.encodedHeader("Subject", MessageBuilder.sanitise(subject)))
        lines.append("Date: \(MessageBuilder.rfc5322Date(date))")
        lines.append("Message-ID: \(messageID)")
        lines.append("Auto-Submitted: auto-generated")
        lines.append("X-Auto-Response-Suppress: All")
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multipart message in MIME format.")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines.append("")
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(quotedPrintable(body))
        }
        lines.append("")
        lines.append("--\(boundary)--")
        lines.append("")
        let message = Array(lines.joined(separator: "\r\n").utf8)
        return OutgoingMail(envelopeFrom: "", recipients: recipients, message: message)
    }

    /// Quoted-printable (RFC 2045 section 6.7) with CRLF line ends: line breaks of `text`
    /// (LF or CRLF) are hard breaks; lines are cut with soft breaks so that none is longer
    /// than 76 characters; `=`, non-ASCII bytes, controls and white space at a line's end are
    /// encoded. A line starting with "From " or "." gets its first character encoded, so that
    /// no mbox writer or SMTP dot-stuffing bug can change it.
    static func quotedPrintable(_ text: String) -> String {
        var output: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true, lines.count > 1 { lines.removeLast() }
        for line in lines {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let mustEncode =
                    byte == UInt8(ascii: "=") || byte > 126 || (byte < 32 && byte != 9)
                    || ((byte == 32 || byte == 9) && isLast)
                    || (index == 0 && (byte == UInt8(ascii: ".") || line.hasPrefix("From ")))
                encoded.append(mustEncode ? String(format: "=%02X", byte) : String(UnicodeScalar(byte)))
            }
            // Soft breaks: at most 75 characters and the "=" per physical line; an encoded
            // byte ("=XX") is never split.
            var physical = ""
            for piece in encoded {
                if physical.count + piece.count > 75 {
                    output.append(physical + "=")
                    physical = ""
                }
                physical += piece
            }
            output.append(physical)
        }
        return output.joined(separator: "\r\n")
    }
}
