// heed-milter-test: heed's milter server with markers that force a verdict, for the Postfix
// integration tests only (scripts/milter-integration.sh). It is not installed and never part
// of `heed`: production has no way to force a verdict.
//
// Markers, in the Subject:
//   [heed-test:block]   a block finding: hold (or reject on a list whose local part starts with "reject-")
//   [heed-test:reject]  a block finding under a reject policy: 550 5.7.1
//   [heed-test:logo]    a query routed to topic "logo" with contact visual-identity@cern.ch
// Everything else is decided by the real engine with the built-in checks.
//
// Usage: MilterTestServer LISTEN [--parse-only]   (e.g. inet:10999@127.0.0.1)
//   --parse-only  no markers and no checks: parse the message, decide from the envelope only.
//                 The milter benchmark uses it to show the cost of the milter and the MIME
//                 parse apart from the cost of the checks.
import Config
import Dispatch
import Foundation
import Guidelines
import Logging
import MIME
import Milter

struct MarkerEvaluator: MessageEvaluator {
    let engine: EngineEvaluator

    func evaluate(_ message: Message, envelope: Envelope) -> Decision {
        var decision = engine.evaluate(message, envelope: envelope)
        let subject = message.subject ?? ""
        if subject.contains("[heed-test:block]") || subject.contains("[heed-test:reject]") {
            decision.findings.append(Finding(
                category: .personalData, rule: "personal-data.iban", severity: .block,
                evidence: "CH93 **** **** **** **** 7", part: Finding.headerPart, offset: 0, why: "test marker"))
            guard decision.mode != .passthrough else { return decision }
            let rejectPolicy = subject.contains("[heed-test:reject]")
            decision.verdict = decision.mode == .query ? .advise : (rejectPolicy ? .reject : .hold)
        }
        if subject.contains("[heed-test:logo]"), decision.mode == .query {
            decision.route = Route(topic: "logo", contact: "visual-identity@cern.ch")
        }
        return decision
    }
}

/// Parses (the server does) and decides from the envelope: no language detection, no checks.
struct ParseOnlyEvaluator: MessageEvaluator {
    let config: HeedConfig
    func evaluate(_ message: Message, envelope: Envelope) -> Decision {
        let (mode, rule) = config.mode(forRecipients: envelope.recipients)
        return Decision(mode: mode, list: rule?.address, verdict: .accept, route: nil, findings: [],
                        scanLimits: message.scan.limits.map(\.description))
    }
}

// SIGTERM stays blocked in every thread until the dispatch source reads it (see heed serve).
var blocked = sigset_t()
sigemptyset(&blocked)
sigaddset(&blocked, SIGTERM)
pthread_sigmask(SIG_BLOCK, &blocked, nil)

let arguments = CommandLine.arguments
let parseOnly = arguments.count == 3 && arguments[2] == "--parse-only"
guard arguments.count == 2 || parseOnly, case .success(let listen) = ListenAddress.parse(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: MilterTestServer inet:PORT@HOST | unix:PATH [--parse-only]\n".utf8))
    exit(64)
}
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = parseOnly ? .warning : .info
    return handler
}
let config = HeedConfig.embeddedDefault
let engine = EngineEvaluator(engine: CheckEngine(config: config, checks: CheckEngine.builtInChecks))
let evaluator: any MessageEvaluator = parseOnly ? ParseOnlyEvaluator(config: config) : MarkerEvaluator(engine: engine)
let server = MilterServer(config: config, listen: listen, evaluator: evaluator, logger: Logger(label: "heed.milter-test"))
signal(SIGTERM, SIG_IGN)
let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
source.setEventHandler { server.shutdown() }
source.resume()
do {
    _ = try server.startAndWait()
    try server.waitUntilStopped()
} catch {
    FileHandle.standardError.write(Data("heed-milter-test: \(error)\n".utf8))
    exit(69)
}
