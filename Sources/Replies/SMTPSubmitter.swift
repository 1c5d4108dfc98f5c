import CEtPan
import Foundation
import Store

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one submission attempt came to.
public enum SubmissionResult: Sendable, Equatable {
    case delivered
    /// Try again later: the relay is unreachable, timed out, or answered 4xx.
    case temporaryFailure(String)
    /// Do not try again: the relay answered 5xx.
    case permanentFailure(String)
}

/// Submits one message over plain SMTP (EHLO names the host as `gethostname` does) with libetpan's `mailsmtp`: connect, EHLO (HELO if the
/// relay does not speak ESMTP), MAIL FROM, RCPT TO each recipient, DATA, QUIT.
///
/// Loopback only: no TLS and no authentication, by design. The relay must be a listener that
/// does not run heed's milter again (docs/milter-notes.md). Blocking: call it from the
/// outbox worker's thread, never an event loop. Each call uses its own session, so calls on
/// different threads are independent.
public struct SMTPSubmitter: Sendable {
    public var host: String
    public var port: UInt16
    public var timeout: Duration

    public init(host: String, port: UInt16, timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.timeout = timeout
        Self.ignoreSIGPIPE
    }

    /// libetpan writes with send(…, 0): a relay that closes the connection mid-write would
    /// kill the process with SIGPIPE. Done once per process.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    public func submit(_ mail: OutgoingMail) -> SubmissionResult {
        guard let session = mailsmtp_new(0, nil) else { return .temporaryFailure("out of memory") }
        defer { mailsmtp_free(session) }
        mailsmtp_set_timeout(session, time_t(max(1, Int(timeout.timeInterval))))

        func failure(_ step: String, _ code: Int32) -> SubmissionResult {
            // The relay's text, on one line, for logs and the store.
            let response = MessageBuilder.sanitise(session.pointee.response.map { String(cString: $0) } ?? "")
            let reply = session.pointee.response_code
            let text = "\(step): \(String(cString: mailsmtp_strerror(code)))"
                + (reply > 0 ? " (\(reply) \(response))" : "")
            return (500...599).contains(Int(reply)) ? .permanentFailure(text) : .temporaryFailure(text)
        }

        let connected = mailsmtp_socket_connect(session, host, port)
        guard connected == Int32(MAILSMTP_NO_ERROR) else {
            return .temporaryFailure("connect to \(host):\(port): \(String(cString: mailsmtp_strerror(connected)))")
        }
        var code = mailesmtp_ehlo(session)
        if code == Int32(MAILSMTP_ERROR_NOT_IMPLEMENTED) {
            code = mailsmtp_helo(session)
        }
        guard code == Int32(MAILSMTP_NO_ERROR) else { return failure("EHLO", code) }

        code = mailsmtp_mail(session, mail.envelopeFrom)
        guard code == Int32(MAILSMTP_NO_ERROR) else { return failure("MAIL FROM", code) }
        for recipient in mail.recipients {
            code = mailsmtp_rcpt(session, recipient)
            guard code == Int32(MAILSMTP_NO_ERROR) else { return failure("RCPT TO <\(recipient)>", code) }
        }
        code = mailsmtp_data(session)
        guard code == Int32(MAILSMTP_NO_ERROR) else { return failure("DATA", code) }
        // mailsmtp_data_message dot-stuffs and always sends CRLF "." CRLF after the message:
        // drop the message's own final CRLF, or every message would gain a blank last line.
        let ending: [UInt8] = [0x0D, 0x0A]
        let count = mail.message.count - (mail.message.suffix(2).elementsEqual(ending) ? 2 : 0)
        code = mail.message.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                mailsmtp_data_message(session, chars.baseAddress, count)
            }
        }
        guard code == Int32(MAILSMTP_NO_ERROR) else { return failure("message", code) }
        // The relay has the message: a failed QUIT changes nothing.
        _ = mailsmtp_quit(session)
        return .delivered
    }
}
