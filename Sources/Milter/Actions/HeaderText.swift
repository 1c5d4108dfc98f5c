/// Header values and SMTP reply texts that heed builds from message content. Everything taken
/// from a message passes through here, so no CR, LF or NUL from mail ever reaches the MTA.
enum HeaderText {
    /// Column where folding starts (RFC 5322 recommends lines of at most 78 characters).
    static let foldColumn = 76

    /// One line of text: control characters (CR, LF, NUL, TAB, DEL, C1) become spaces, runs of
    /// spaces collapse, and the result is cut to `limit` characters with an ellipsis.
    static func sanitized(_ text: String, limit: Int = 200) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit * 4))
        var lastWasSpace = false
        var count = 0
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            if isControl || scalar == " " {
                if !lastWasSpace && !out.isEmpty {
                    out.unicodeScalars.append(" ")
                    count += 1
                }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                count += 1
                lastWasSpace = false
            }
            if count >= limit {
                out.unicodeScalars.removeLast()
                out += "…"
                break
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// An RFC 2047 encoded word (UTF-8, base64) when `text` is not plain ASCII, so 8-bit evidence
    /// never makes a message 8-bit. `text` must be sanitised first.
    static func encodedIfNeeded(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        // Encoded words are at most 75 characters: split the UTF-8 at scalar boundaries into
        // pieces of at most 45 bytes (60 base64 characters plus the 12 of =?UTF-8?B??=).
        var words: [String] = []
        var piece: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if piece.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + base64(piece) + "?=")
                piece = []
            }
            piece += bytes
        }
        if !piece.isEmpty { words.append("=?UTF-8?B?" + base64(piece) + "?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header value at spaces so that no line of `Name: value` passes `foldColumn`,
    /// joining lines with LF + TAB: the milter protocol wants LF, the MTA writes its own CRLF.
    static func folded(name: String, value: String) -> String {
        var lines: [String] = []
        var line = ""
        var column = name.count + 2
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, column + 1 + word.count > foldColumn {
                lines.append(line)
                line = String(word)
                column = 1 + word.count
            } else {
                if !line.isEmpty {
                    line += " "
                    column += 1
                }
                line += word
                column += word.count
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n\t")
    }

    /// Text for SMFIR_REPLYCODE: one line, `%` doubled (the MTA expands `%` sequences).
    static func smtpReplyText(_ text: String, limit: Int = 400) -> String {
        sanitized(text, limit: limit).replacingOccurrences(of: "%", with: "%%")
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
