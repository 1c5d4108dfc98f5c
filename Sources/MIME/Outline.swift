/// A plain-text picture of how heed read a message: used by `heed mime` and by the golden tests,
/// so it is stable (no addresses of memory, no timing) and complete enough to review a parse.
extension Message {
    public func outline(fullText: Bool = false, textPreview: Int = 200) -> String {
        var out = ""
        func line(_ s: String) { out += s + "\n" }
        line("subject: \(header.subject.map(Self.oneLine) ?? "-")")
        line("from: \(header.from.map(\.description).joined(separator: ", "))")
        if !header.to.isEmpty { line("to: \(header.to.map(\.description).joined(separator: ", "))") }
        if !header.cc.isEmpty { line("cc: \(header.cc.map(\.description).joined(separator: ", "))") }
        line("size: \(size) bytes, \(parts.count) parts, scan \(scan.complete ? "complete" : "incomplete")")
        for limit in scan.limits { line("  limit \(limit)") }
        for part in parts {
            let indent = String(repeating: "  ", count: part.depth + 1)
            var desc = "\(indent)[\(part.section.isEmpty ? "-" : part.section)] \(part.mediaType)"
            switch part.kind {
            case .multipart:
                line(desc)
                continue
            case .message:
                desc += " (message: \(part.embedded?.subject.map(Self.oneLine) ?? "-"))"
            case .leaf:
                break
            }
            if part.transferEncoding != .sevenBit { desc += " \(part.transferEncoding)" }
            if let disposition = part.disposition {
                switch disposition {
                case .inline: desc += " inline"
                case .attachment: desc += " attachment"
                case .other(let token): desc += " disposition=\(token)"
                }
            }
            if let name = part.filename { desc += " name=\"\(Self.oneLine(name))\"" }
            if let cid = part.contentID { desc += " cid=<\(cid)>" }
            if let text = part.text {
                desc += " charset=\(text.charset)"
                if let declared = text.declaredCharset, declared != text.charset { desc += " (declared \(declared))" }
                desc += " text=\(text.text.unicodeScalars.count) chars"
            } else if part.kind == .leaf {
                desc += " bytes=\(part.decodedBody().count)"
            }
            line(desc)
            for defect in part.defects { line("\(indent)  ! \(defect)") }
            for file in part.embeddedFiles { line("\(indent)  uuencoded \"\(file.name)\" \(file.bytes.count) bytes") }
            if let text = part.text {
                let shown = fullText ? text.text : String(text.text.prefix(textPreview))
                for l in shown.split(separator: "\n", omittingEmptySubsequences: false).prefix(fullText ? Int.max : 6) {
                    line("\(indent)  | \(l.replacingCRs())")
                }
            }
        }
        return out
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}

extension Substring {
    fileprivate func replacingCRs() -> String { String(self.filter { $0 != "\r" }) }
}
