import ArgumentParser
import Config
import Dispatch
import Foundation
import Guidelines
import Logging
import Milter

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the milter (Postfix/Sendmail mail filter protocol v6).",
        discussion: """
            heed listens for the MTA's milter connections and answers each message: accept at DATA \
            for mail to addresses it does not watch; for watched mail, X-Heed headers, the query's \
            contact as an extra recipient, the hold queue, or 550 5.7.1, as the checks decide. \
            One log line per decision goes to standard error. SIGTERM or SIGINT: stop accepting, \
            finish the messages in flight (milter.timeouts.shutdown at most), exit 0.
            """)

    enum LogLevel: String, ExpressibleByArgument, CaseIterable {
        case trace, debug, info, notice, warning, error, critical
        var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .info }
    }

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp(
        "Where to listen: inet:PORT@HOST, inet:HOST:PORT or unix:PATH (default: milter.listen of the configuration, inet:8891@127.0.0.1).",
        valueName: "socket"))
    var listen: String?

    @Option(name: .customLong("log-level"), help: "Least important log level written (decisions are info).")
    var logLevel: LogLevel = .info

    func validate() throws {
        if let listen, case .failure(let problem) = ListenAddress.parse(listen) {
            throw ValidationError("--listen: \(problem)")
        }
    }

    func run() throws {
        // Before any thread exists, so every thread inherits it: SIGTERM and SIGINT stay blocked
        // and pending until the dispatch signal source reads them. Otherwise the kernel may hand
        // one to an event loop thread where, ignored, it is lost.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let config = loadConfig(options.config)
        let level = logLevel.level
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "heed.milter")
        let address: ListenAddress? = listen.flatMap { try? ListenAddress.parse($0).get() }
        // The rules are read once, before the first connection: a wrong rule file stops heed at
        // start, as a wrong configuration does (the same engine as `heed check`).
        let engine: CheckEngine
        do {
            engine = try CheckEngine(config: config)
        } catch {
            printError("\(error)")
            throw ExitCode(ExitStatus.configError)
        }
        let server = MilterServer(config: config, listen: address, evaluator: EngineEvaluator(engine: engine), logger: logger)

        // Signals arrive on a dispatch queue, not as async-signal handlers: shutdown() may lock
        // and allocate. The main thread only waits.
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                logger.info("signal received", metadata: ["signal": "\(signalNumber == SIGTERM ? "SIGTERM" : "SIGINT")"])
                server.shutdown()
            }
            source.resume()
            sources.append(source)
        }
        do {
            _ = try server.startAndWait()
        } catch {
            printError("heed serve: cannot listen on \(address ?? config.milter.listen): \(error)")
            throw ExitCode(69)  // EX_UNAVAILABLE: a supervisor sees the milter is not up.
        }
        logger.info("configuration", metadata: [
            "source": .string(config.source), "watched": "\(config.watch.count)",
            "checks": "\(engine.checks.count)",
        ])
        try server.waitUntilStopped()
        withExtendedLifetime(sources) {}
    }
}
