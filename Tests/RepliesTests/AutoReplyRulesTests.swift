import Store
import Testing

@testable import Replies

/// Each RFC 3834 rule of the spec, one case each, against an otherwise answerable question.
@Suite struct AutoReplyRulesTests {
    let rules = AutoReplyRules(ownDomains: ["cern.ch"])

    func message(_ sender: String = "jane.doe@cern.ch", headers: [(String, String)] = []) -> IncomingMessage {
        IncomingMessage(
            envelopeSender: sender,
            headers: [HeaderField(name: "Subject", value: "Logo?")] + headers.map { HeaderField(name: $0.0, value: $0.1) })
    }

    @Test func anOrdinaryQuestionIsAnswered() {
        #expect(rules.suppression(for: message()) == nil)
        #expect(rules.suppression(for: message("<Jane.Doe@CERN.CH>")) == nil)
        #expect(rules.suppression(for: message("someone@mail.cern.ch")) == nil)
    }

    @Test(arguments: ["", "<>", "  <>  "])
    func nullSender(sender: String) {
        #expect(rules.suppression(for: message(sender)) == .nullSender)
    }

    @Test(arguments: ["auto-generated", "auto-replied", "Auto-Notified; owner-email=x@cern.ch", "yes"])
    func autoSubmitted(value: String) {
        #expect(rules.suppression(for: message(headers: [("Auto-Submitted", value)])) == .autoSubmitted)
    }

    @Test(arguments: ["no", "No", " no (a person wrote this)"])
    func autoSubmittedNoIsAnswered(value: String) {
        #expect(rules.suppression(for: message(headers: [("auto-submitted", value)])) == nil)
    }

    @Test(arguments: ["bulk", "list", "junk", " Bulk "])
    func precedence(value: String) {
        #expect(rules.suppression(for: message(headers: [("Precedence", value)])) == .precedence)
    }

    @Test func precedenceFirstClassIsAnswered() {
        #expect(rules.suppression(for: message(headers: [("Precedence", "first-class")])) == nil)
    }

    @Test(arguments: ["List-Id", "list-unsubscribe", "List-Post", "LIST-HELP"])
    func listHeaders(name: String) {
        #expect(rules.suppression(for: message(headers: [(name, "<x.lists.cern.ch>")])) == .listHeader)
    }

    @Test(arguments: [
        "MAILER-DAEMON@cern.ch", "postmaster@cern.ch", "noreply@cern.ch", "no-reply@cern.ch",
        "owner-physics@cern.ch", "physics-request@cern.ch", "bounces+123@cern.ch", "bounce@cern.ch",
    ])
    func mailerDaemonLikeSenders(sender: String) {
        #expect(rules.suppression(for: message(sender)) == .mailerDaemon)
    }

    @Test(arguments: ["someone@gmail.com", "someone@evilcern.ch", "someone@cern.ch.evil.org"])
    func foreignDomains(sender: String) {
        #expect(rules.suppression(for: message(sender)) == .foreignDomain)
    }

    @Test(arguments: ["no-at-sign", "a b@cern.ch", "a\r\nBcc: x@cern.ch"])
    func unusableAddresses(sender: String) {
        let suppression = rules.suppression(for: message(sender))
        #expect(suppression == .invalidSender || suppression == .foreignDomain)
        #expect(suppression != nil)
    }
}
