import Foundation
import Mustache
import Topics

/// One finding as a reply shows it. The checks' own type stays in Guidelines (which Replies
/// does not depend on); the caller copies the stable ids across. `evidence` must already be
/// masked by the checks: replies show it to the sender as given.
public struct ReplyFinding: Sendable, Equatable {
    public var category: String
    public var rule: String
    public var severity: String
    public var guideline: String
    public var evidence: String?

    public init(category: String, rule: String, severity: String, guideline: String, evidence: String? = nil) {
        self.category = category
        self.rule = rule
        self.severity = severity
        self.guideline = guideline
        self.evidence = evidence
    }
}

/// The verdicts that mail the sender (docs/product.md, "Verdicts"); `accept` mails no one.
public enum ReplyVerdict: String, Sendable, CaseIterable, Hashable {
    case advise
    case hold
    case reject
}

/// What a reply answers: a question to the team (by topic), or an announcement's verdict.
public enum ReplyKind: Sendable, Equatable, Hashable {
    case query(Topic)
    case verdict(ReplyVerdict)

    /// The key reply de-duplication counts by: the topic id for a question ("logo"), and
    /// "verdict.hold" etc. for notices, so that a notice never uses up a topic's reply.
    public var deduplicationKey: String {
        switch self {
        case .query(let topic): topic.rawValue
        case .verdict(let verdict): "verdict." + verdict.rawValue
        }
    }
}

/// Everything a template may show. Strings come from the message and are untrusted: the
/// renderer escapes them for HTML and the message builder sanitises what goes in a header.
public struct ReplyContent: Sendable, Equatable {
    public var kind: ReplyKind
    public var language: ReplyLanguage
    /// The question's or announcement's Subject, decoded; nil when it had none.
    public var originalSubject: String?
    public var findings: [ReplyFinding]
    /// The topic's contact, copied in on the question (shown in query replies).
    public var contact: String?
    /// The watched list an announcement went to (shown in verdict notices).
    public var list: String?
    /// The short reason of a hold or reject (shown in those notices).
    public var reason: String?

    public init(
        kind: ReplyKind, language: ReplyLanguage, originalSubject: String? = nil, findings: [ReplyFinding] = [],
        contact: String? = nil, list: String? = nil, reason: String? = nil
    ) {
        self.kind = kind
        self.language = language
        self.originalSubject = originalSubject
        self.findings = findings
        self.contact = contact
        self.list = list
        self.reason = reason
    }
}

/// A rendered reply, before it becomes MIME: the Subject (one line, not yet sanitised or
/// encoded), the text part and the HTML part.
public struct RenderedReply: Sendable, Equatable {
    public var subject: String
    public var text: String
    public var html: String
}

/// A template that is missing or does not parse. Raised at start, naming the file.
public struct TemplateLoadError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var reason: String

    public var description: String { "template \(file): \(reason)" }
}

/// heed's reply templates (Templates/README.md describes the files), all read and parsed at
/// start so that a missing or broken file stops heed then, not when a reply is due.
///
/// Escaping contract: in `*.html.mustache` every `{{value}}` is HTML-escaped (Mustache's
/// default), and the ready-made HTML values (`html` of a topic paragraph or finding) are built
/// by this type from escaped text; `*.txt.mustache` and the paragraph and subject files are
/// rendered as plain text, unescaped. Headers are never made here: the Subject this returns
/// is sanitised by `MessageBuilder`.
public struct ReplyTemplates: Sendable {
    /// The finding categories of the spec. Each has a paragraph file per language; a category
    /// added later without one gets `findings/other`.
    public static let findingCategories = [
        "unsourced-claim", "jargon", "overposting", "missing-disclaimer", "copy-paste", "endorsement", "logo",
        "personal-data", "confidential", "intellectual-property", "offensive", "official-communication",
    ]

    /// Every file heed needs, relative to the directory, without the ".mustache" extension.
    public static var requiredFiles: [String] {
        var names: [String] = []
        for language in ReplyLanguage.allCases {
            let code = language.rawValue
            for layout in ["query"] + ReplyVerdict.allCases.map(\.rawValue) {
                names.append("\(layout).\(code).txt")
                names.append("\(layout).\(code).html")
            }
            names.append("subject.\(code)")
            for topic in Topic.allCases {
                names.append("topics/\(topic.rawValue).\(code)")
            }
            for category in findingCategories + ["other"] {
                names.append("findings/\(category).\(code)")
            }
        }
        return names
    }

    public let directory: String
    private let templates: [String: MustacheTemplate]
    private let settings: RepliesSettings

    /// Loads every required file from `settings.templatesDirectory`. Throws
    /// `TemplateLoadError` naming the first file that is missing, unreadable, not UTF-8 or
    /// not valid Mustache (with the line and column of the mistake).
    public init(settings: RepliesSettings) throws {
        self.settings = settings
        directory = settings.templatesDirectory
        var loaded: [String: MustacheTemplate] = [:]
        for name in Self.requiredFiles {
            let path = directory + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateLoadError(file: path, reason: "missing or unreadable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateLoadError(file: path, reason: "not UTF-8")
            }
            // Everything but the HTML layouts is plain text: switch Mustache's default HTML
            // escaping off. The pragma has no newline, so error line numbers stay the file's.
            let source = name.hasSuffix(".html") ? text : "{{% CONTENT_TYPE: TEXT}}" + text
            do {
                loaded[name] = try MustacheTemplate(string: source)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateLoadError(
                    file: path,
                    reason: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw TemplateLoadError(file: path, reason: "\(error)")
            }
        }
        templates = loaded
    }

    /// Renders one reply. Never fails: every template was checked at load time.
    public func render(_ content: ReplyContent) -> RenderedReply {
        let code = content.language.rawValue
        var values = baseValues(content)

        if case .query(let topic) = content.kind {
            let topicText = renderText("topics/\(topic.rawValue).\(code)", values)
            values["topicText"] = topicText
            values["topicParagraphs"] = HTMLText.paragraphs(topicText).map { ["html": $0] }
        }
        var findings: [[String: Any]] = []
        for finding in content.findings {
            var item = findingValues(finding)
            var merged = values
            merged.merge(item) { _, new in new }
            let category = Self.findingCategories.contains(finding.category) ? finding.category : "other"
            let text = renderText("findings/\(category).\(code)", merged)
            item["text"] = text
            item["html"] = HTMLText.paragraphs(text).joined(separator: "<br>\n")
            findings.append(item)
        }
        values["findings"] = findings
        values["hasFindings"] = !findings.isEmpty

        let layout: String
        switch content.kind {
        case .query: layout = "query"
        case .verdict(let verdict): layout = verdict.rawValue
        }
        let subject = renderText("subject.\(code)", values)
        return RenderedReply(
            subject: subject.split(whereSeparator: \.isNewline).joined(separator: " ")
                .trimmingCharacters(in: .whitespaces),
            text: render("\(layout).\(code).txt", values),
            html: render("\(layout).\(code).html", values))
    }

    private func baseValues(_ content: ReplyContent) -> [String: Any] {
        var values: [String: Any] = [
            "teamAddress": settings.teamAddress,
            "guidelinesURL": settings.guidelinesURL[content.language] ?? "",
            "language": content.language.rawValue,
        ]
        switch content.kind {
        case .query(let topic):
            values["query"] = true
            values["topic"] = topic.rawValue
        case .verdict(let verdict):
            values[verdict.rawValue] = true
            values["verdict"] = verdict.rawValue
        }
        if let subject = content.originalSubject, !subject.isEmpty { values["subject"] = subject }
        if let contact = content.contact, !contact.isEmpty { values["contact"] = contact }
        if let list = content.list, !list.isEmpty { values["list"] = list }
        if let reason = content.reason, !reason.isEmpty { values["reason"] = reason }
        return values
    }

    private func findingValues(_ finding: ReplyFinding) -> [String: Any] {
        var item: [String: Any] = [
            "category": finding.category, "rule": finding.rule, "severity": finding.severity,
            "guideline": finding.guideline, (finding.severity == "block" ? "block" : "warning"): true,
        ]
        if let evidence = finding.evidence, !evidence.isEmpty { item["evidence"] = evidence }
        return item
    }

    /// A plain-text file, with trailing blank lines trimmed (paragraph files end in newlines).
    private func renderText(_ name: String, _ values: [String: Any]) -> String {
        var text = render(name, values)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    private func render(_ name: String, _ values: [String: Any]) -> String {
        // Every name passed here is one of `requiredFiles`, all loaded by init.
        templates[name]?.render(values) ?? ""
    }
}

/// Plain text to HTML for the paragraph files: escaped, split at blank lines, with http(s)
/// links made clickable.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Paragraphs (separated by blank lines) as escaped HTML; line breaks inside a paragraph
    /// become <br>.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "<br>\n")) }
                current = []
            } else {
                current.append(linkify(escape(trimmed)))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "<br>\n")) }
        return paragraphs
    }

    /// Turns each escaped `https://…` or `http://…` run (up to white space) into a link. Works
    /// on escaped text, so the URL cannot close the attribute: it contains no quote or `<`.
    static func linkify(_ escaped: String) -> String {
        var out = ""
        var rest = Substring(escaped)
        while let range = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap({ $0 })
            .min(by: { $0.lowerBound < $1.lowerBound })
        {
            out += rest[..<range.lowerBound]
            let urlEnd = rest[range.lowerBound...].firstIndex(where: { $0.isWhitespace }) ?? rest.endIndex
            var url = rest[range.lowerBound..<urlEnd]
            // A sentence's final full stop or comma is not part of the link.
            var trailing = ""
            while let last = url.last, ".,;:)".contains(last) {
                trailing = String(last) + trailing
                url = url.dropLast()
            }
            out += "<a href=\"\(url)\">\(url)</a>" + trailing
            rest = rest[urlEnd...]
        }
        return out + rest
    }
}
