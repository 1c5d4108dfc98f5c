import ArgumentParser
import Config
import Dispatch
import Foundation
import Guidelines
import Logging
import Milter
import Observability
import Serving

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the milter (Postfix/Sendmail mail filter protocol v6).",
        discussion: """
            heed listens for the MTA's milter connections and answers each message: accept at DATA \
            for mail to addresses it does not watch; for watched mail, X-Heed headers, the query's \
            contact as an extra recipient, the hold queue, or 550 5.7.1, as the checks decide. \
            Each decision is recorded in the store (store.path; senders as pseudonyms), and askers \
            and senders get advice mail through the outbox (replies). One log line per decision \
            goes to standard error. SIGTERM or SIGINT: stop accepting, finish the messages in \
            flight (milter.timeouts.shutdown at most), queue their advice, stop the outbox, exit 0. \
            A broken store, key file or template stops heed at start with status 78. SIGHUP: read \
            the configuration, rules and templates again and use them for every message that \
            starts from then on, without dropping connections; a broken new one is refused with \
            a log line and the old one stays.
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
        // Before any thread exists, so every thread inherits it: SIGTERM, SIGINT and SIGHUP stay
        // blocked and pending until the dispatch signal sources read them. Otherwise the kernel
        // may hand one to an event loop thread where, ignored, it is lost (or SIGHUP's default
        // action ends heed).
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, signalNumber) }
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
        // The store, the pseudonym key and the templates are opened before listening, so that a
        // broken one stops heed at start (as a wrong configuration does), not at the first message.
        let runtime: ServingRuntime
        do {
            runtime = try ServingRuntime.open(config: config, engine: engine, logger: Logger(label: "heed.serving"))
        } catch {
            printError("heed serve: \(error)")
            throw ExitCode(ExitStatus.configError)
        }
        let server = MilterServer(config: config, listen: address, evaluator: runtime.evaluator,
                                  adviceSink: runtime.advice, logger: logger)

        // Metrics (off unless metrics.listen is set), before the first decision; /healthz says
        // whether the milter serves.
        let health = HealthState(.unhealthy(reason: "starting"))
        let metrics: MetricsEndpoint?
        do {
            metrics = try Observability.start(
                listen: config.metrics.listen, health: { health.current }, logger: Logger(label: "heed.metrics"))
        } catch {
            let where_ = config.metrics.listen.map { "\($0.host):\($0.port)" } ?? "-"
            printError("heed serve: cannot serve metrics on \(where_): \(error)")
            runtime.stop()
            throw ExitCode(69)
        }

        // Signals arrive on a dispatch queue, not as async-signal handlers: shutdown() and
        // reload may lock, allocate and read files. The main thread only waits.
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                logger.info("signal received", metadata: ["signal": "\(signalNumber == SIGTERM ? "SIGTERM" : "SIGINT")"])
                health.set(.unhealthy(reason: "shutting down"))
                server.shutdown()
            }
            source.resume()
            sources.append(source)
        }
        // SIGHUP: one reload at a time, on a serial queue.
        signal(SIGHUP, SIG_IGN)
        let reloads = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "heed.reload"))
        let configPath = options.config
        reloads.setEventHandler {
            Self.reload(path: configPath, runtime: runtime, server: server, logger: logger)
        }
        reloads.resume()
        sources.append(reloads)

        do {
            _ = try server.startAndWait()
        } catch {
            printError("heed serve: cannot listen on \(address ?? config.milter.listen): \(error)")
            runtime.stop()
            metrics?.shutdown()
            throw ExitCode(69)  // EX_UNAVAILABLE: a supervisor sees the milter is not up.
        }
        runtime.start()
        health.set(.healthy)
        logger.info("configuration", metadata: [
            "source": .string(config.source), "watched": "\(config.watch.count)",
            "checks": "\(engine.checks.count)",
        ])
        let stopped = Result { try server.waitUntilStopped() }
        // In this order: no new advice can arrive once the server has stopped; the advice handed
        // over is queued in the store, the outbox worker finishes the item it is delivering, and
        // the store closes last.
        runtime.stop()
        metrics?.shutdown()
        withExtendedLifetime(sources) {}
        try stopped.get()
    }

    /// Reads the configuration, the rule files and the templates again and, when all of them are
    /// good, judges every message that starts from now on with them. Connections stay open; a
    /// message under way finishes under the configuration it started with. Anything broken is
    /// refused with one log line naming it, and heed keeps what it runs with.
    static func reload(path: String?, runtime: ServingRuntime, server: MilterServer, logger: Logger) {
        logger.info("signal received", metadata: ["signal": "SIGHUP"])
        let source = path ?? HeedConfig.embeddedSource
        do {
            let config = try HeedConfig.load(path: path)
            let engine = try CheckEngine(config: config)
            let reloaded = try runtime.reload(config: config, engine: engine)
            let restart = server.reload(config: config, evaluator: reloaded.evaluator, adviceSink: reloaded.advice)
                + reloaded.needRestart
            logger.notice("configuration reloaded", metadata: [
                "source": .string(source), "watched": "\(config.watch.count)", "checks": "\(engine.checks.count)",
            ])
            if !restart.isEmpty {
                logger.warning("changed settings that only a restart applies; still running with the old values",
                               metadata: ["keys": .string(restart.joined(separator: ","))])
            }
        } catch {
            logger.error("reload refused; still running with the previous configuration",
                         metadata: ["source": .string(source), "error": "\(error)"])
        }
    }
}
