import Guidelines
import MIME

/// The outcome for one input of `heed check`, in the spec's JSON contract or as text for people.
enum CheckReport {
    case checked(file: String, message: Message, result: CheckResult)
    case failed(file: String, error: String)

    /// `{"file", "mode", "language", "verdict", "route", "findings", "scan"}` — the contract's keys
    /// first, in its order; `scan` says whether limits stopped part of the message being read.
    func json() -> String {
        switch self {
        case .failed(let file, let error):
            return JSON.object([("file", .string(file)), ("error", .string(error))]).serialized
        case .checked(let file, _, let result):
            let route: JSON = result.route.map { r in
                .object([("topic", .string(r.topic)), ("contact", r.contact.map(JSON.string) ?? .null)])
            } ?? .null
            return JSON.object([
                ("file", .string(file)),
                ("mode", .string(result.mode.rawValue)),
                ("language", .string(result.language.rawValue)),
                ("verdict", .string(result.verdict.rawValue)),
                ("route", route),
                ("findings", .array(result.findings.map(Self.json))),
                ("scan", .object([
                    ("complete", .bool(result.scan.complete)),
                    ("limits", .array(result.scan.limits.map { .string($0.description) })),
                ])),
            ]).serialized
        }
    }

    static func json(_ f: Finding) -> JSON {
        var members: [(String, JSON)] = [
            ("category", .string(f.category.rawValue)),
            ("rule", .string(f.rule)),
            ("guideline", .string(f.guideline.rawValue)),
            ("severity", .string(f.severity.rawValue)),
            ("evidence", .string(f.evidence)),
            ("part", .string(f.part)),
            ("offset", .int(f.offset)),
        ]
        if let why = f.why { members.append(("why", .string(why))) }
        return .object(members)
    }

    func text() -> String {
        switch self {
        case .failed(let file, let error):
            return "\(file): error: \(error)"
        case .checked(let file, let message, let result):
            var lines: [String] = []
            var head = "\(file): \(result.mode.rawValue)"
            if let list = result.list {
                head += " (\(list.address)\(result.mode == .announcement ? ", \(list.audience.rawValue) audience" : ""))"
            }
            head += ", \(result.language.rawValue), verdict \(result.verdict.rawValue)"
            lines.append(head)
            if let subject = message.subject { lines.append("  subject: \(subject)") }
            if let route = result.route {
                lines.append("  route: \(route.topic)\(route.contact.map { " → \($0)" } ?? "")")
                if !route.cues.isEmpty { lines.append("    cues: \(route.cues.joined(separator: "; "))") }
            }
            if result.findings.isEmpty {
                lines.append(result.mode == .passthrough ? "  not watched: no checks run" : "  no findings")
            }
            for f in result.findings {
                var line = "  [\(f.severity.rawValue)] \(f.rule) (\(f.guideline.rawValue)) part \(f.part) at \(f.offset): \(f.evidence)"
                if let why = f.why { line += " — \(why)" }
                lines.append(line)
            }
            for limit in result.scan.limits {
                lines.append("  not fully scanned: \(limit)")
            }
            return lines.joined(separator: "\n")
        }
    }
}
