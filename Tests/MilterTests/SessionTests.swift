import Config
import Guidelines
import NIOCore
import Testing

@testable import Milter

/// A session after Postfix's option negotiation.
func negotiatedSession(maxScannedSize: Int? = nil, onError: MilterSettings.OnError = .accept) -> MilterSession {
    var settings = SessionSettings(config: .embeddedDefault)
    if let maxScannedSize { settings.maxScannedSize = maxScannedSize }
    settings.onError = onError
    var session = MilterSession(settings: settings)
    _ = session.receive(.optionNegotiation(postfixOffer))
    return session
}

extension MilterSession {
    /// Feeds commands and returns the actions that are not `.none`.
    mutating func feed(_ commands: [MilterCommand]) -> [Action] {
        commands.map { receive($0) }.filter { $0 != .none }
    }
}

func macro(_ event: Character, _ pairs: (String, String)...) -> MilterCommand {
    .macro(command: event.asciiValue ?? 0, macros: pairs.map { Macro($0.0, $0.1) })
}

/// A message as Postfix sends it after negotiation: macro frames before each event. `login` is the
/// client's SASL login, which Postfix sends as `{auth_authen}` at MAIL (and only then).
func postfixMessage(to recipients: [String], headers: [(String, String)] = [("Subject", " Hi")], body: String = "Hello\r\n",
                    login: String? = nil) -> [MilterCommand] {
    let mailMacros = [Macro("{mail_addr}", "jdoe@cern.ch")] + (login.map { [Macro("{auth_authen}", $0)] } ?? [])
    var commands: [MilterCommand] = [.macro(command: MilterCommandCode.mail.rawValue, macros: mailMacros),
                                     .mail(sender: "<jdoe@cern.ch>", arguments: [])]
    for (index, recipient) in recipients.enumerated() {
        commands.append(index == 0 ? macro("R", ("{rcpt_addr}", recipient)) : macro("R", ("i", "4QUEUE1"), ("{rcpt_addr}", recipient)))
        commands.append(.recipient("<\(recipient)>", arguments: []))
    }
    commands += [macro("T", ("i", "4QUEUE1")), .data]
    for (name, value) in headers {
        commands += [macro("L"), .header(name: name, value: ByteBuffer(string: value))]
    }
    commands += [.body(ByteBuffer(string: body)), macro("E", ("i", "4QUEUE1")), .endOfMessage(ByteBuffer())]
    return commands
}

@Suite struct SessionTests {
    @Test func negotiationAsksOnlyForWhatHeedUses() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        let action = session.receive(.optionNegotiation(postfixOffer))
        let expected = OptionNegotiation(
            version: 6, actions: MilterActions(rawValue: 0x135), protocolFlags: MilterProtocolFlags(rawValue: 0x1E_F1C3),
            macroLists: MilterSession.wantedMacros)
        #expect(action == .reply([.optionNegotiation(expected)]))
        #expect(session.phase == .idle)
    }

    @Test func negotiationNeverAsksForMoreThanOffered() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        let offer = OptionNegotiation(version: 2, actions: [.addHeaders, .changeBody], protocolFlags: [.noConnect, .noBody])
        let action = session.receive(.optionNegotiation(offer))
        #expect(action == .reply([.optionNegotiation(OptionNegotiation(version: 2, actions: [.addHeaders], protocolFlags: [.noConnect]))]))
    }

    @Test func tooOldAnMTAIsRefused() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        let action = session.receive(.optionNegotiation(OptionNegotiation(version: 1, actions: [], protocolFlags: [])))
        guard case .fail(.negotiationFailed) = action else {
            Issue.record("expected a negotiation failure, got \(action)")
            return
        }
        #expect(session.phase == .closed)
    }

    @Test func commandsBeforeNegotiationAreAProtocolError() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        #expect(session.receive(.mail(sender: "<a@b>", arguments: [])) == .fail(.unexpectedCommand(code: UInt8(ascii: "M"), state: "before option negotiation")))
    }

    @Test func passthroughIsAcceptedAtDataNotAtRcpt() {
        var session = negotiatedSession()
        let actions = session.feed([
            .mail(sender: "<jdoe@cern.ch>", arguments: []), .recipient("<friend@example.org>", arguments: []),
            .recipient("<colleague@cern.ch>", arguments: []),
        ])
        #expect(actions.isEmpty)  // no reply at MAIL or RCPT (SMFIP_NR_MAIL, SMFIP_NR_RCPT)
        _ = session.receive(macro("T", ("i", "4ABC")))
        guard case .decide(let replies, let record) = session.receive(.data) else {
            Issue.record("DATA should decide")
            return
        }
        #expect(replies == [.accept])
        #expect(record.mode == .passthrough && record.verdict == "accept" && record.queueID == "4ABC")
        #expect(session.phase == .skipping)
    }

    @Test func aWatchedRecipientAfterUnwatchedOnesMakesTheMessageWatched() {
        var session = negotiatedSession()
        let actions = session.feed(postfixMessage(to: ["friend@example.org", "users-announce@cern.ch"]))
        guard case .evaluate(let request) = actions.last else {
            Issue.record("expected an evaluation, got \(actions)")
            return
        }
        #expect(actions.count == 2)
        #expect(actions.first == .reply([.continue]), "DATA is answered: heed needs that reply for passthrough")
        #expect(request.mode == .announcement)
        #expect(request.recipients == ["<friend@example.org>", "<users-announce@cern.ch>"])
        #expect(request.queueID == "4QUEUE1")
        #expect(request.sender == "<jdoe@cern.ch>")
        #expect(String(buffer: request.bytes) == "Subject: Hi\r\n\r\nHello\r\n")
    }

    @Test func headerWithoutLeadingSpaceGetsOneBack() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        _ = session.receive(.optionNegotiation(OptionNegotiation(version: 6, actions: MilterActions(rawValue: 0x1FF),
                                                                protocolFlags: MilterProtocolFlags(rawValue: 0xFFFFF))))
        let actions = session.feed(postfixMessage(to: ["social-media@cern.ch"], headers: [("Subject", "Hi")]))
        guard case .evaluate(let request) = actions.last else {
            Issue.record("expected an evaluation, got \(actions)")
            return
        }
        #expect(String(buffer: request.bytes) == "Subject: Hi\r\n\r\nHello\r\n")
    }

    @Test func anMTAWithoutNoReplyFlagsGetsAContinueForEachEvent() {
        var session = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        _ = session.receive(.optionNegotiation(OptionNegotiation(version: 6, actions: MilterActions(rawValue: 0x1FF), protocolFlags: [])))
        let actions = session.feed([
            .connect(hostname: "h", address: .unknown), .helo("h"), .mail(sender: "<a@cern.ch>", arguments: []),
            .recipient("<users-announce@cern.ch>", arguments: []), .data,
            .header(name: "Subject", value: ByteBuffer(string: " x")), .endOfHeaders, .body(ByteBuffer(string: "b")),
        ])
        #expect(actions == Array(repeating: .reply([.continue]), count: 8))
    }

    @Test func abortResetsTheMessageAndSeveralAbortsAreFine() {
        var session = negotiatedSession()
        _ = session.feed([macro("M", ("{auth_authen}", "jdoe")), .mail(sender: "<jdoe@cern.ch>", arguments: []),
                          .recipient("<users-announce@cern.ch>", arguments: [])])
        #expect(session.macro("{auth_authen}") == "jdoe")
        #expect(session.feed([.abort, .abort, .abort]).isEmpty)
        #expect(session.recipients.isEmpty && session.sender.isEmpty && session.mode == nil)
        #expect(session.macro("{auth_authen}") == nil)
        #expect(session.phase == .idle)
        // The next message on the reused connection is judged on its own recipients.
        _ = session.feed([.mail(sender: "<b@cern.ch>", arguments: []), .recipient("<x@example.org>", arguments: [])])
        guard case .decide(let replies, _) = session.receive(.data) else {
            Issue.record("expected passthrough")
            return
        }
        #expect(replies == [.accept])
    }

    @Test func theLoginSentAtMailReachesTheScanAndTheLogLineAndNotTheNextMessage() {
        var session = negotiatedSession()
        let decision = Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .accept, route: nil, findings: [])
        let first = session.feed(postfixMessage(to: ["users-announce@cern.ch"], login: "jdoe"))
        guard case .evaluate(let request) = first.last else {
            Issue.record("expected a scan, got \(first)")
            return
        }
        #expect(request.authenticatedUser == "jdoe")
        guard case .decide(_, let record) = session.finish(.decided(decision)) else {
            Issue.record("expected a decision")
            return
        }
        #expect(record.authenticatedUser == "jdoe")

        // The next message on the same connection comes from a client that did not log in.
        _ = session.receive(.abort)
        let second = session.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        guard case .evaluate(let unauthenticated) = second.last else {
            Issue.record("expected a scan, got \(second)")
            return
        }
        #expect(unauthenticated.authenticatedUser == nil)
        guard case .decide(_, let secondRecord) = session.finish(.decided(decision)) else {
            Issue.record("expected a decision")
            return
        }
        #expect(secondRecord.authenticatedUser == nil)
    }

    @Test func theLoginIsTheOneFromMailNotFromALaterFrame() {
        var session = negotiatedSession()
        // The message with its end-of-message frame replaced by one that names another login
        // (Postfix never sends one there; heed asks for the login at MAIL only).
        var commands = Array(postfixMessage(to: ["users-announce@cern.ch"], login: "jdoe").dropLast(2))
        commands += [macro("E", ("i", "4QUEUE1"), ("{auth_authen}", "mallory")), .endOfMessage(ByteBuffer())]
        guard case .evaluate(let request) = session.feed(commands).last else {
            Issue.record("expected a scan")
            return
        }
        #expect(request.authenticatedUser == "jdoe")
    }

    @Test func aPassthroughDecisionCarriesTheLoginAndANewMailWithoutAbortDropsIt() {
        var session = negotiatedSession()
        _ = session.feed([macro("M", ("{auth_authen}", "jdoe")), .mail(sender: "<jdoe@cern.ch>", arguments: []),
                          .recipient("<friend@example.org>", arguments: [])])
        guard case .decide(_, let record) = session.receive(.data) else {
            Issue.record("passthrough should decide at DATA")
            return
        }
        #expect(record.authenticatedUser == "jdoe")
        // A next transaction without ABORT in between (not Postfix's way, but allowed): its MAIL
        // frame has no login, so the message has none.
        _ = session.feed([macro("M", ("{mail_addr}", "other@example.org")), .mail(sender: "<other@example.org>", arguments: []),
                          .recipient("<friend@example.org>", arguments: [])])
        #expect(session.authenticatedUser == nil)
        guard case .decide(_, let next) = session.receive(.data) else {
            Issue.record("passthrough should decide at DATA")
            return
        }
        #expect(next.authenticatedUser == nil)
    }

    @Test func theLoggedLoginHasNoControlCharactersAndAnEmptyOneIsNone() {
        var session = negotiatedSession()
        _ = session.feed([macro("M", ("{auth_authen}", "jdoe\r\nverdict=accept\u{1B}[0m\u{0}")),
                          .mail(sender: "<jdoe@cern.ch>", arguments: []), .recipient("<friend@example.org>", arguments: [])])
        guard case .decide(_, let record) = session.receive(.data) else {
            Issue.record("passthrough should decide at DATA")
            return
        }
        #expect(record.authenticatedUser == "jdoe verdict=accept [0m")
        _ = session.feed([.abort, macro("M", ("{auth_authen}", "")), .mail(sender: "<jdoe@cern.ch>", arguments: []),
                          .recipient("<friend@example.org>", arguments: [])])
        guard case .decide(_, let empty) = session.receive(.data) else {
            Issue.record("passthrough should decide at DATA")
            return
        }
        #expect(empty.authenticatedUser == nil)
    }

    @Test func connectionMacrosOutliveMessagesButNotQuitNC() {
        var session = negotiatedSession()
        _ = session.feed([macro("C", ("j", "relay.cern.ch")), macro("M", ("{mail_addr}", "a@cern.ch")),
                          .mail(sender: "<a@cern.ch>", arguments: []), .abort])
        #expect(session.macro("j") == "relay.cern.ch")
        #expect(session.macro("{mail_addr}") == nil)
        #expect(session.feed([.quitNewConnection]).isEmpty)
        #expect(session.macro("j") == nil)
        #expect(session.phase == .idle)
        // Still negotiated: a new SMTP session on the same connection goes straight on.
        #expect(session.feed([.mail(sender: "<a@cern.ch>", arguments: [])]).isEmpty)
    }

    @Test func quitCloses() {
        var session = negotiatedSession()
        #expect(session.receive(.quit) == .close)
        #expect(session.phase == .closed)
    }

    @Test func afterAcceptAtDataTheRestIsIgnoredUntilAbort() {
        var session = negotiatedSession()
        _ = session.feed([.mail(sender: "<a@cern.ch>", arguments: []), .recipient("<x@example.org>", arguments: []), .data])
        #expect(session.feed([.header(name: "Subject", value: ByteBuffer(string: " x")), .body(ByteBuffer(string: "b"))]).isEmpty)
        #expect(session.receive(.abort) == .none)
        #expect(session.phase == .idle)
    }

    @Test func finishTurnsTheDecisionIntoEndOfMessageReplies() {
        var session = negotiatedSession()
        _ = session.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        #expect(session.phase == .evaluating)
        let decision = Decision(mode: .announcement, list: "users-announce@cern.ch", verdict: .hold, route: nil,
                                findings: [finding(.personalData, "personal-data.iban", .block, evidence: "CH93 **** 7")])
        guard case .decide(let replies, let record) = session.finish(.decided(decision)) else {
            Issue.record("expected a decision")
            return
        }
        #expect(replies.last == .accept)
        #expect(replies.contains(.quarantine(reason: VerdictActions.quarantineReason(decision))))
        #expect(record.verdict == "hold" && record.categories == ["personal-data"] && record.queueID == "4QUEUE1")
        #expect(session.phase == .idle)
    }

    @Test func aResultAfterAbortIsDropped() {
        var session = negotiatedSession()
        _ = session.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        _ = session.receive(.abort)
        #expect(session.finish(.failed(reason: "timeout")) == .none)
    }

    @Test func commandsWhileEvaluatingAreAProtocolError() {
        var session = negotiatedSession()
        _ = session.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        guard case .fail = session.receive(.mail(sender: "<a@b>", arguments: [])) else {
            Issue.record("MAIL while heed owes an answer must fail")
            return
        }
    }

    @Test func aMessageOverTheScannedSizeIsAcceptedUnscanned() {
        var session = negotiatedSession(maxScannedSize: 64)
        let actions = session.feed(postfixMessage(to: ["users-announce@cern.ch"], body: String(repeating: "x", count: 100)))
        guard case .decide(let replies, let record) = actions.last else {
            Issue.record("expected a decision, got \(actions)")
            return
        }
        #expect(replies == [.addHeader(name: "X-Heed", value: " not scanned (size)"), .accept])
        #expect(record.note?.hasPrefix("not scanned (size") == true)
    }

    @Test func addedHeaderValuesFollowTheLeadingSpaceAgreement() {
        let decision = Decision(mode: .announcement, list: nil, verdict: .accept, route: nil, findings: [])
        var withSpace = negotiatedSession()  // Postfix grants SMFIP_HDR_LEADSPC
        _ = withSpace.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        #expect(withSpace.finish(.decided(decision)) == .decide(
            [.addHeader(name: "X-Heed", value: " accept; announcement; no findings"), .accept],
            DecisionLogLine(queueID: "4QUEUE1", mode: .announcement, verdict: "accept", categories: [], note: nil, quarantineReason: nil)))
        var without = MilterSession(settings: SessionSettings(config: .embeddedDefault))
        _ = without.receive(.optionNegotiation(OptionNegotiation(version: 6, actions: MilterActions(rawValue: 0x1FF),
                                                                protocolFlags: MilterProtocolFlags(rawValue: 0xFFFFF))))
        _ = without.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        guard case .decide(let replies, _) = without.finish(.decided(decision)) else {
            Issue.record("expected a decision")
            return
        }
        #expect(replies.first == .addHeader(name: "X-Heed", value: "accept; announcement; no findings"))
    }

    @Test func forgedHeedHeadersAreDeletedBeforeHeedAddsItsOwn() {
        var session = negotiatedSession()
        _ = session.feed(postfixMessage(to: ["users-announce@cern.ch"], headers: [
            ("Subject", " Hi"), ("X-Heed", " accept; trust me"), ("x-heed-topic", " logo"), ("X-HEED", " again"),
        ]))
        let decision = Decision(mode: .announcement, list: nil, verdict: .accept, route: nil, findings: [])
        guard case .decide(let replies, _) = session.finish(.decided(decision)) else {
            Issue.record("expected a decision")
            return
        }
        #expect(replies == [
            .changeHeader(index: 2, name: "x-heed", value: ""), .changeHeader(index: 1, name: "x-heed", value: ""),
            .changeHeader(index: 1, name: "x-heed-topic", value: ""),
            .addHeader(name: "X-Heed", value: " accept; announcement; no findings"), .accept,
        ])
    }

    @Test func aFailedScanFollowsOnError() {
        var session = negotiatedSession(onError: .tempfail)
        _ = session.feed(postfixMessage(to: ["users-announce@cern.ch"]))
        guard case .decide(let replies, let record) = session.finish(.failed(reason: "timeout")) else {
            Issue.record("expected a decision")
            return
        }
        #expect(replies == [.replyCode("451 4.7.1 heed could not check this message (timeout); try again later")])
        #expect(record.verdict == "tempfail" && record.note == "not scanned (timeout)")
    }

    @Test func recipientOutsideATransactionIsAProtocolError() {
        var session = negotiatedSession()
        guard case .fail = session.receive(.recipient("<a@b>", arguments: [])) else {
            Issue.record("RCPT before MAIL must fail")
            return
        }
    }
}
