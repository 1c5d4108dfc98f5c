import Config
import Dispatch
import Foundation
import Guidelines
import Logging
import Milter
import Replies
import Store

/// Why `heed serve` cannot start its store or its replies. The description names the
/// configuration key, the file or directory, and what is wrong, e.g.
/// `store.path: heed store /var/lib/heed/heed.sqlite: cannot open the database: cannot create
/// directory /var/lib/heed: Permission denied`.
public struct StartupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Everything `heed serve` runs beside the milter: the store, the pseudonyms, the evaluator that
/// counts and records, the advice dispatcher, the outbox worker and the daily retention.
///
/// Lifecycle: `open` (before the milter listens; every broken file is reported then), `start`
/// (the outbox worker and the retention timer), then `stop` once the milter server has stopped:
/// the advice already handed over is queued and the records still waiting are written first,
/// then the worker stops after the item it is delivering, then the store is closed. Pending
/// outbox mail stays in the store for the next start.
public final class ServingRuntime: Sendable {
    /// Where `make install` puts the shipped templates; used when `replies.templates` is null.
    public static let installedTemplatesDirectory = "/usr/share/heed/templates"

    public let config: HeedConfig
    public let store: SQLiteStore
    public let pseudonymizer: SenderPseudonymizer
    /// The replies as configured; nil when `replies.enabled` is false (no templates are read).
    public let replies: ReplyService?
    public let outbox: OutboxWorker
    /// The milter's evaluator: the checks, overposting, and a record of every decision.
    public let evaluator: ServingEvaluator
    /// Writes the evaluators' records in batches; `records.flush()` before reading them back.
    public let records: RecordWriter
    /// Overposting counts, shared by the evaluators of every configuration.
    private let counter: AnnouncementCounter
    /// Replies remembered as sent, shared by the reply services of every configuration.
    private let sentReplies: SentReplies
    /// The milter's advice sink.
    public let advice: AdviceDispatcher
    public let retention: Retention
    private let logger: Logger
    /// The serial queue of advice and retention; reloaded dispatchers share it, so `stop`
    /// drains the advice of every configuration.
    private let queue: DispatchQueue
    private let clock: @Sendable () -> Date

    /// Reads the templates (unless replies are off), opens the store (creating its directory and
    /// file), loads or creates the pseudonym key and builds the rest. Throws a `StartupError`
    /// naming what is wrong; nothing is started yet.
    /// - Parameters:
    ///   - engine: the checks, built from the same configuration.
    ///   - clock: the time decisions, counts and replies are stamped with (tests fix it).
    public static func open(
        config: HeedConfig, engine: CheckEngine, logger: Logger = Logger(label: "heed.serving"),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws(StartupError) -> ServingRuntime {
        // Templates first: they are only read, so a broken one leaves no file behind.
        var templates: ReplyTemplates?
        var settings = repliesSettings(config, templatesDirectory: "")
        if config.replies.enabled {
            do {
                settings.templatesDirectory = try templatesDirectory(config)
                templates = try ReplyTemplates(settings: settings)
            } catch {
                throw StartupError("replies.templates: \(error)")
            }
        }
        let storePath = config.resolve(config.store.path)
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: storePath)
        } catch {
            throw StartupError("store.path: \(error)")
        }
        let keyPath = config.resolve(config.store.keyFile)
        let key: PseudonymKey
        do {
            let loaded = try PseudonymKey.loadOrCreate(path: keyPath)
            key = loaded.key
            if loaded.created {
                logger.notice("created a new pseudonym key; keep it secret and back it up with the store",
                              metadata: ["key_file": .string(keyPath)])
            }
        } catch {
            try? store.close()
            throw StartupError("store.key_file: \(error)")
        }
        let pseudonymizer = SenderPseudonymizer(key: key)

        let outbox = OutboxWorker(store: store, settings: settings, logger: Logger(label: "heed.replies.outbox"))
        let records = RecordWriter(store: store, logger: logger)
        let counter = AnnouncementCounter()
        let sentReplies = SentReplies()
        let replies = templates.map {
            ReplyService(
                settings: settings, store: store, pseudonymizer: pseudonymizer, templates: $0, worker: outbox,
                recorder: records, sent: sentReplies, logger: Self.replyLogger)
        }
        let queue = DispatchQueue(label: "heed.serving")
        let runtime = ServingRuntime(
            config: config, store: store, pseudonymizer: pseudonymizer, replies: replies, outbox: outbox,
            evaluator: ServingEvaluator(
                engine: engine, store: store, writer: records, counter: counter, pseudonymizer: pseudonymizer,
                clock: clock, logger: logger),
            records: records, counter: counter, sentReplies: sentReplies,
            advice: AdviceDispatcher(config: config, replies: replies, queue: queue, clock: clock, logger: logger),
            retention: Retention(store: store, days: config.store.retentionDays, queue: queue, clock: clock, logger: logger),
            logger: logger, queue: queue, clock: clock)
        logger.info("store open", metadata: [
            "path": .string(storePath), "retention_days": "\(config.store.retentionDays)",
            "replies": .string(replies == nil ? "off" : "on"),
            "templates": .string(replies?.settings.templatesDirectory ?? "-"),
            "relay": .string("\(settings.relayHost):\(settings.relayPort)"),
        ])
        return runtime
    }

    private init(
        config: HeedConfig, store: SQLiteStore, pseudonymizer: SenderPseudonymizer, replies: ReplyService?,
        outbox: OutboxWorker, evaluator: ServingEvaluator, records: RecordWriter, counter: AnnouncementCounter,
        sentReplies: SentReplies, advice: AdviceDispatcher, retention: Retention, logger: Logger, queue: DispatchQueue,
        clock: @escaping @Sendable () -> Date
    ) {
        self.records = records
        self.counter = counter
        self.sentReplies = sentReplies
        self.queue = queue
        self.clock = clock
        self.config = config
        self.store = store
        self.pseudonymizer = pseudonymizer
        self.replies = replies
        self.outbox = outbox
        self.evaluator = evaluator
        self.advice = advice
        self.retention = retention
        self.logger = logger
    }

    /// What a reload gives the milter: the evaluator and advice sink of the new configuration.
    public struct Reloaded: Sendable {
        public let evaluator: ServingEvaluator
        public let advice: AdviceDispatcher
        /// Configuration keys that changed but only take effect at the next start.
        public let needRestart: [String]
    }

    /// The evaluator and advice of a new configuration (SIGHUP), on the open store with the same
    /// pseudonym key, outbox worker and retention timer. Templates are read again, so a broken
    /// one throws (naming the file) and nothing changes. Store paths, retention, the relay and
    /// the retry policy belong to the parts that keep running: a change to them is reported in
    /// `needRestart`.
    public func reload(config newConfig: HeedConfig, engine: CheckEngine) throws(StartupError) -> Reloaded {
        var replies: ReplyService?
        if newConfig.replies.enabled {
            var settings = Self.repliesSettings(newConfig, templatesDirectory: "")
            let templates: ReplyTemplates
            do {
                settings.templatesDirectory = try Self.templatesDirectory(newConfig)
                templates = try ReplyTemplates(settings: settings)
            } catch {
                throw StartupError("replies.templates: \(error)")
            }
            replies = ReplyService(
                settings: settings, store: store, pseudonymizer: pseudonymizer, templates: templates, worker: outbox,
                recorder: records, sent: sentReplies, logger: Self.replyLogger)
        }
        var needRestart: [String] = []
        let old = config
        if old.resolve(old.store.path) != newConfig.resolve(newConfig.store.path) { needRestart.append("store.path") }
        if old.resolve(old.store.keyFile) != newConfig.resolve(newConfig.store.keyFile) { needRestart.append("store.key_file") }
        if old.store.retentionDays != newConfig.store.retentionDays { needRestart.append("store.retention_days") }
        if old.replies.relayHost != newConfig.replies.relayHost || old.replies.relayPort != newConfig.replies.relayPort
            || old.replies.relayTimeout != newConfig.replies.relayTimeout {
            needRestart.append("replies.relay")
        }
        if old.replies.retryFirst != newConfig.replies.retryFirst || old.replies.retryMaximum != newConfig.replies.retryMaximum
            || old.replies.retryAttempts != newConfig.replies.retryAttempts {
            needRestart.append("replies.retry")
        }
        // A changed window or maximum applies at once: counts start from the store again.
        counter.forgetAll()
        return Reloaded(
            evaluator: ServingEvaluator(
                engine: engine, store: store, writer: records, counter: counter, pseudonymizer: pseudonymizer,
                clock: clock, logger: logger),
            advice: AdviceDispatcher(config: newConfig, replies: replies, queue: queue, clock: clock, logger: logger),
            needRestart: needRestart)
    }

    /// Starts the outbox worker (it delivers what an earlier run left pending, even with
    /// replies off: that mail was accepted for delivery) and the daily retention.
    public func start() {
        outbox.start()
        retention.start()
    }

    /// After the milter server has stopped: queues the advice already handed over, writes the
    /// records still waiting (the advice's own included), stops the retention timer and the
    /// outbox worker, closes the store.
    public func stop() {
        advice.drain()
        records.flush()
        retention.stop()
        outbox.stop()
        do {
            try store.close()
        } catch {
            logger.error("cannot close the store", metadata: ["error": "\(error)"])
        }
    }

    /// The dispatcher logs each reply's outcome with the message's queue id; the service's own
    /// info lines would say the same without it.
    private static var replyLogger: Logger {
        var logger = Logger(label: "heed.replies")
        logger.logLevel = .notice
        return logger
    }

    /// The replies settings of a configuration. The worker polls at least as often as the
    /// first retry is due (at most every 5 s), so a short `retry.first` is honoured; a lease is
    /// ten SMTP timeouts (connect, greeting, EHLO, MAIL, RCPT, DATA, QUIT and slack), at least
    /// 5 minutes, so that a slow relay never lets another worker take an item being delivered.
    public static func repliesSettings(_ config: HeedConfig, templatesDirectory: String) -> RepliesSettings {
        let replies = config.replies
        var urls: [ReplyLanguage: String] = [:]
        for (code, url) in replies.guidelinesURL {
            if let language = ReplyLanguage(rawValue: code) { urls[language] = url }
        }
        return RepliesSettings(
            teamAddress: replies.from, ownDomains: config.ownDomains, relayHost: replies.relayHost,
            relayPort: UInt16(clamping: replies.relayPort), replyPeriod: replies.period,
            noticePeriod: replies.noticePeriod, templatesDirectory: templatesDirectory, guidelinesURL: urls,
            contacts: config.contacts.byTopic,
            retryPolicy: RetryPolicy(
                initialDelay: replies.retryFirst, maximumDelay: replies.retryMaximum,
                maximumAttempts: replies.retryAttempts),
            lease: max(.seconds(300), replies.relayTimeout * 10), smtpTimeout: replies.relayTimeout,
            pollInterval: min(.seconds(5), replies.retryFirst))
    }

    /// `replies.templates` resolved against the configuration file, or the shipped templates:
    /// the installed ones when present, else the source tree's (`swift run`, tests). Throws
    /// when the chosen directory does not exist.
    public static func templatesDirectory(_ config: HeedConfig) throws(StartupError) -> String {
        if let configured = config.replies.templates {
            let path = config.resolve(configured)
            guard isDirectory(path) else {
                throw StartupError("template directory \(path) (from \(config.source)) does not exist or is not a directory")
            }
            return path
        }
        let candidates = [installedTemplatesDirectory, RepliesSettings.developmentTemplatesDirectory]
        guard let found = candidates.first(where: isDirectory) else {
            throw StartupError(
                "no shipped templates: neither \(candidates.joined(separator: " nor ")) is a directory; install them"
                    + " (make install) or set replies.templates")
        }
        return found
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
