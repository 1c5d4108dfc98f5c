import Config
import Guidelines

/// Turns a decision into the end-of-message replies (product spec, "Verdicts and what the milter
/// does"). Pure: the session and the tests call it; nothing here does I/O.
///
/// | verdict | replies |
/// |---|---|
/// | accept, advise | `X-Heed` summary, one `X-Heed-Finding` per finding (at most `maxFindingHeaders`), accept |
/// | hold | the same headers, quarantine with the reason, accept (Postfix: hold queue) |
/// | reject | `550 5.7.1 …` reply code only (modifications of a refused message are moot) |
/// | query | also `X-Heed-Topic` and an added recipient for the route's contact |
///
/// Replies for actions the MTA did not grant in option negotiation are left out (the
/// decision is still logged); the final reply is always there.
public enum VerdictActions {
    /// The summary header on every watched message.
    public static let summaryHeader = "X-Heed"
    /// One per finding, for moderators and for the release decision on held mail.
    public static let findingHeader = "X-Heed-Finding"
    /// The query's topic.
    public static let topicHeader = "X-Heed-Topic"
    /// More findings than this are summed up in one last header ("and N more").
    public static let maxFindingHeaders = 10
    /// The SMTP reply for `reject`: permanent failure, delivery not authorised (RFC 3463 5.7.1).
    public static let rejectCode = "550 5.7.1"
    /// The SMTP reply for `tempfail` when heed cannot scan and `on_error` says so (RFC 3463 4.7.1).
    public static let tempfailCode = "451 4.7.1"

    public static func replies(for decision: Decision, recipients: [String], allowed: MilterActions) -> [MilterReply] {
        guard decision.mode != .passthrough else { return [.accept] }
        if decision.verdict == .reject {
            return [.replyCode("\(rejectCode) \(HeaderText.smtpReplyText(rejectText(decision)))")]
        }
        var replies: [MilterReply] = []
        if allowed.contains(.addHeaders) {
            replies.append(header(summaryHeader, summary(decision)))
            for finding in decision.findings.prefix(maxFindingHeaders) {
                replies.append(header(findingHeader, describe(finding)))
            }
            if decision.findings.count > maxFindingHeaders {
                replies.append(header(findingHeader, "and \(decision.findings.count - maxFindingHeaders) more"))
            }
            if decision.mode == .query, let route = decision.route {
                replies.append(header(topicHeader, HeaderText.sanitized(route.topic, limit: 64)))
            }
        }
        if decision.mode == .query, let contact = decision.route?.contact.map({ HeaderText.sanitized($0, limit: 254) }),
           !contact.isEmpty, !contact.contains(" "), allowed.contains(.addRecipients),
           !recipients.contains(where: { bare($0) == bare(contact) }) {
            replies.append(.addRecipient("<\(bare(contact))>"))
        }
        if decision.verdict == .hold, allowed.contains(.quarantine) {
            replies.append(.quarantine(reason: quarantineReason(decision)))
        }
        replies.append(.accept)
        return replies
    }

    /// When heed cannot scan a watched message: `accept` with `X-Heed: not scanned (reason)`,
    /// or a 4xx so the sender's MTA retries.
    public static func notScanned(reason: String, onError: MilterSettings.OnError, allowed: MilterActions) -> [MilterReply] {
        switch onError {
        case .tempfail:
            return [.replyCode("\(tempfailCode) \(HeaderText.smtpReplyText("heed could not check this message (\(reason)); try again later"))")]
        case .accept:
            var replies: [MilterReply] = []
            if allowed.contains(.addHeaders) {
                replies.append(header(summaryHeader, "not scanned (\(HeaderText.sanitized(reason, limit: 80)))"))
            }
            replies.append(.accept)
            return replies
        }
    }

    /// `advise; announcement to users-announce@cern.ch; 2 findings: personal-data, jargon`.
    public static func summary(_ decision: Decision) -> String {
        var text = "\(decision.verdict.rawValue); \(decision.mode.rawValue)"
        if let list = decision.list { text += " to \(HeaderText.sanitized(list, limit: 254))" }
        switch decision.findings.count {
        case 0: text += "; no findings"
        case 1: text += "; 1 finding: " + decision.categories.joined(separator: ", ")
        case let count: text += "; \(count) findings: " + decision.categories.joined(separator: ", ")
        }
        if !decision.scanLimits.isEmpty {
            let kinds = decision.scanLimits.map { $0.split(separator: ":").first.map(String.init) ?? $0 }
            text += "; partly scanned (" + HeaderText.sanitized(kinds.joined(separator: ", "), limit: 80) + ")"
        }
        return text
    }

    /// `warning personal-data.phone (respect.privacy) in part 1 at 312: +41 79 *** ** 12`.
    static func describe(_ finding: Finding) -> String {
        let evidence = HeaderText.encodedIfNeeded(HeaderText.sanitized(finding.evidence, limit: 80))
        let place = finding.part == Finding.headerPart ? "in the header" : "in part \(finding.part)"
        return "\(finding.severity.rawValue) \(HeaderText.sanitized(finding.rule, limit: 80)) (\(finding.guideline.rawValue)) "
            + "\(place) at \(finding.offset): \(evidence)"
    }

    /// The reason Postfix keeps with a held message (and heed logs, since Postfix does not).
    public static func quarantineReason(_ decision: Decision) -> String {
        let rules = decision.findings.filter { $0.severity == .block }.map { "\($0.rule) (\($0.guideline.rawValue))" }
        var seen = Set<String>()
        let distinct = rules.filter { seen.insert($0).inserted }
        let list = decision.list.map { " to \($0)" } ?? ""
        return HeaderText.sanitized("heed: held announcement\(list): " + (distinct.isEmpty ? "policy" : distinct.joined(separator: ", ")), limit: 300)
    }

    static func rejectText(_ decision: Decision) -> String {
        let blocking = decision.findings.filter { $0.severity == .block }
        var seen = Set<String>()
        let reasons = blocking.map { "\($0.category.rawValue) (\($0.guideline.rawValue))" }.filter { seen.insert($0).inserted }
        let list = decision.list.map { " for \($0)" } ?? ""
        let why = reasons.isEmpty ? "the list's policy" : reasons.joined(separator: ", ")
        return "heed: message refused\(list) under CERN's social-media guidelines: \(why); the sender gets advice by mail"
    }

    static func header(_ name: String, _ value: String) -> MilterReply {
        .addHeader(name: name, value: HeaderText.folded(name: name, value: value))
    }

    static func bare(_ address: String) -> String {
        var text = Substring(address)
        if text.hasPrefix("<") { text = text.dropFirst() }
        if text.hasSuffix(">") { text = text.dropLast() }
        return text.lowercased()
    }
}
