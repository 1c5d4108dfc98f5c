import Foundation
import Store

/// One header field of the message being answered, as the MTA passed it (unfolded or not;
/// the rules only trim and lower-case).
public struct HeaderField: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What the RFC 3834 rules look at: the envelope sender and the header fields. Deliberately
/// not the MIME module's types, so Replies stays independent of parsing.
public struct IncomingMessage: Sendable, Equatable {
    /// The envelope sender (MAIL FROM) as given: "", "<>", "<a@b>" or "a@b".
    public var envelopeSender: String
    public var headers: [HeaderField]

    public init(envelopeSender: String, headers: [HeaderField]) {
        self.envelopeSender = envelopeSender
        self.headers = headers
    }

    /// The first value of a header field, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The envelope sender without angle brackets or surrounding space; "" for the null sender.
    public var senderAddress: String {
        var text = Substring(envelopeSender).trimmingCharacters(in: .whitespaces)[...]
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count >= 2 { text = text.dropFirst().dropLast() }
        return String(text).trimmingCharacters(in: .whitespaces)
    }
}

/// The RFC 3834 rules of the spec ("Safety rules for automatic replies"), except the
/// per-period de-duplication, which needs the store (`ReplyService` does it atomically with
/// the enqueue). Pure: no I/O, no clock.
public struct AutoReplyRules: Sendable {
    public var ownDomains: [String]

    public init(ownDomains: [String]) {
        self.ownDomains = ownDomains.map { $0.lowercased() }
    }

    /// Why heed must not answer `message`, or nil when it may. The first rule that applies
    /// wins, in the spec's order.
    public func suppression(for message: IncomingMessage) -> ReplySuppression? {
        let sender = message.senderAddress
        if sender.isEmpty { return .nullSender }
        if let value = message.header("Auto-Submitted"), Self.token(value) != "no" { return .autoSubmitted }
        if let value = message.header("Precedence"), ["bulk", "list", "junk"].contains(Self.token(value)) {
            return .precedence
        }
        if message.headers.contains(where: { $0.name.lowercased().hasPrefix("list-") }) { return .listHeader }
        guard let at = sender.lastIndex(of: "@") else { return .invalidSender }
        let local = sender[..<at].lowercased()
        let domain = sender[sender.index(after: at)...].lowercased()
        if Self.isMailerDaemon(local) { return .mailerDaemon }
        if !isOwnDomain(domain) { return .foreignDomain }
        if !MessageBuilder.isSafeAddress(sender) { return .invalidSender }
        return nil
    }

    /// Whether `domain` is one of the own domains or a subdomain of one (`mail.cern.ch` is own,
    /// `evilcern.ch` is not).
    public func isOwnDomain(_ domain: String) -> Bool {
        var domain = domain.lowercased()
        if domain.hasSuffix(".") { domain.removeLast() }
        guard !domain.isEmpty else { return false }
        return ownDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// Local parts of addresses that are machines or lists, never people (RFC 3834 section 2,
    /// and the usual no-reply conventions).
    static func isMailerDaemon(_ local: String) -> Bool {
        let exact: Set<String> = [
            "mailer-daemon", "postmaster", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
            "listserv", "majordomo",
        ]
        return exact.contains(local) || local.hasPrefix("owner-") || local.hasSuffix("-request")
            || local.hasPrefix("bounce") || local.hasPrefix("noreply") || local.hasPrefix("no-reply")
    }

    /// The first word of a structured value, lower-cased: `No (comment)` → "no",
    /// `auto-replied; x=y` → "auto-replied".
    static func token(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let end = trimmed.firstIndex(where: { $0 == ";" || $0 == "(" || $0.isWhitespace }) ?? trimmed.endIndex
        return trimmed[..<end].lowercased()
    }
}

extension ReplySuppression {
    /// The sender's address is not one heed can safely write in a header or an SMTP command.
    public static let invalidSender = ReplySuppression(rawValue: "invalid-sender")
}
