import Config
import Guidelines
import MIME

/// Builds test messages and runs the built-in checks on them.
enum Mail {
    struct File {
        let name: String
        let type: String
        let bytes: [UInt8]
    }

    /// A PNG signature and a header chunk: enough for "an image is attached".
    static let tinyPNG: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]

    static func raw(to: String, from: String, subject: String, body: String, files: [File] = []) -> [UInt8] {
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        var out = "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nMIME-Version: 1.0\r\n"
        if files.isEmpty {
            out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(text)\r\n"
            return Array(out.utf8)
        }
        out += "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\n"
        out += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\(text)\r\n"
        for file in files {
            out += "--XYZ\r\nContent-Type: \(file.type); name=\"\(file.name)\"\r\nContent-Disposition: attachment; filename=\"\(file.name)\"\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n\(base64(file.bytes))\r\n"
        }
        out += "--XYZ--\r\n"
        return Array(out.utf8)
    }

    static func check(_ body: String, to: String = "announcements@cern.ch", from: String = "Jane Doe <jane.doe@cern.ch>",
                      subject: String = "Notice", files: [File] = [], config: HeedConfig = .embeddedDefault) throws -> CheckResult {
        let message = try MIMEParser.parse(raw(to: to, from: from, subject: subject, body: body, files: files))
        return try CheckEngine(config: config).evaluate(message)
    }

    static func rules(_ body: String, to: String = "announcements@cern.ch", from: String = "Jane Doe <jane.doe@cern.ch>",
                      subject: String = "Notice", files: [File] = []) throws -> Set<String> {
        Set(try check(body, to: to, from: from, subject: subject, files: files).findings.map(\.rule))
    }

    static func categories(_ body: String, to: String = "announcements@cern.ch", from: String = "Jane Doe <jane.doe@cern.ch>",
                           subject: String = "Notice", files: [File] = []) throws -> Set<String> {
        Set(try check(body, to: to, from: from, subject: subject, files: files).findings.map(\.category.rawValue))
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 3) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? alphabet[((b1 & 15) << 2) | (b2 >> 6)] : "=")
            out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : "=")
            i += 3
        }
        return out
    }
}
