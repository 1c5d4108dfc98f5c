import Foundation
import GRDB

/// The embedded store: one SQLite file through GRDB, in WAL mode.
///
/// Opening creates the file's directory (0700) and the file (0600) when they are missing,
/// then brings the schema up to date (`Schema`). Several processes may open the same file
/// (`heed serve` and `heed digest --send`): SQLite's locks serialise their writes, and a
/// writer waits up to `busyTimeout` for another before failing.
///
/// Threading: see `HeedStore`. Reads go to a pool of reader connections and run concurrently
/// (WAL); writes go to the single writer connection, one at a time, each in an IMMEDIATE
/// transaction. Durability: every write survives a crash of heed. Outbox and reply writes are
/// `synchronous = FULL` and also survive a power cut; decision records, announcement counts and
/// pruning are `NORMAL` (no fsync of their own: the next FULL commit or checkpoint carries them),
/// so a power cut may lose the last of them but never mail. An fsync per screened message capped
/// heed at a few hundred messages a second (milter-bench).
public final class SQLiteStore: HeedStore {
    /// Where heed keeps its database unless the configuration says otherwise.
    public static let defaultPath = "/var/lib/heed/heed.sqlite"

    /// The database file, or `:memory:`.
    public let path: String
    private let writer: any DatabaseWriter

    /// Opens (and if needed creates) the database at `path`. Throws a `StoreError` naming the
    /// path when the directory or file cannot be created, the file is not a heed database,
    /// or it was written by a newer heed.
    public convenience init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        func failure(_ reason: String, _ underlying: (any Error)? = nil) -> StoreError {
            StoreError(kind: .open, path: path, operation: "open the database", reason: reason, underlying: underlying)
        }
        guard !path.isEmpty, path != ":memory:" else {
            throw failure("a database path is required (SQLiteStore.inMemory() makes a store in memory)")
        }
        do {
            try FileSystem.createDirectories(FileSystem.parentDirectory(of: path), mode: 0o700)
            try FileSystem.createFileIfAbsent(path, mode: 0o600)
        } catch {
            throw failure(error.message, error)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout.seconds)
        configuration.label = "heed-store"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB opens WAL databases with synchronous = NORMAL, which survives a crash of heed
            // but may lose the last commits in a power cut. The outbox promises that queued mail
            // survives both, so FULL is the writer connection's setting (the only one that
            // commits); `writeRecord` relaxes it for the per-message records.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw failure(Self.describe(error), error)
        }
        try self.init(path: path, writer: pool)
    }

    /// A store that lives in memory and disappears with the object: for `heed check`, which
    /// must not touch the production database, and for callers that need a throwaway store.
    /// Same schema and behaviour, except that there is no file (and so no WAL).
    public static func inMemory() throws -> SQLiteStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: Configuration())
        } catch {
            throw StoreError(
                kind: .open, path: ":memory:", operation: "open the database", reason: describe(error),
                underlying: error)
        }
        return try SQLiteStore(path: ":memory:", writer: queue)
    }

    private init(path: String, writer: any DatabaseWriter) throws {
        self.path = path
        self.writer = writer
        try migrate()
    }

    /// Closes the database. Later calls fail with a `StoreError`. Not needed before exit:
    /// SQLite's WAL keeps every committed write whether or not the store is closed.
    public func close() throws {
        do {
            try writer.close()
        } catch {
            throw StoreError(
                kind: .query, path: path, operation: "close the database", reason: Self.describe(error),
                underlying: error)
        }
    }

    private func migrate() throws {
        let migrator = Schema.migrator
        do {
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(
                    kind: .migration, path: path, operation: "use the database",
                    reason: "it was written by a newer version of heed (its schema has migrations this version"
                        + " does not know); run the newer heed, or restore a backup")
            }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                kind: .migration, path: path, operation: "bring the database schema up to date",
                reason: Self.describe(error), underlying: error)
        }
    }

    /// The names of the applied migrations, in order.
    func appliedMigrations() throws -> [String] {
        try read("read the schema version") { try Schema.migrator.appliedMigrations($0) }
    }

    /// The value of an SQLite pragma (e.g. "journal_mode", "wal" for a file database), as
    /// the writer connection sees it. `name` is a pragma name written in heed's code.
    func pragma(_ name: String) throws -> String {
        try write("read pragma \(name)") { try String.fetchOne($0, sql: "PRAGMA \(name)") ?? "" }
    }

    // MARK: - Decisions

    @discardableResult
    public func recordDecision(_ decision: DecisionRecord) throws -> Int64 {
        try writeRecord("record a decision") { db in try Self.insertDecision(db, decision) }
    }

    public func record(_ batch: RecordBatch) throws {
        guard !batch.isEmpty else { return }
        if let sent = batch.suppressedReplies.first(where: { if case .sent = $0.outcome { true } else { false } }) {
            throw StoreError(
                kind: .invalidArgument, path: path, operation: "record a batch",
                reason: "a sent reply (topic \(sent.topic ?? "-")) is recorded with its outbox entry, not in a batch")
        }
        try writeRecord("record a batch of \(batch.count) records") { db in
            for decision in batch.decisions { _ = try Self.insertDecision(db, decision) }
            for announcement in batch.announcements {
                try Self.insertAnnouncement(db, announcement)
            }
            for reply in batch.suppressedReplies { try Self.insertReply(db, reply) }
            return ()
        }
    }

    private static func insertDecision(_ db: Database, _ decision: DecisionRecord) throws -> Int64 {
        // Cached statements: a batch of records runs the same few inserts many times, and
        // compiling each again cost more than running it (milter-bench profile).
        try db.cachedStatement(
            sql: """
                INSERT INTO decision (time, list, mode, verdict, language, topic, sender, duration_us, queue_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                Time.millis(decision.time), decision.list, decision.mode, decision.verdict, decision.language,
                decision.topic, decision.sender?.hex, decision.duration.map(Time.microseconds), decision.queueID,
            ])
        let id = db.lastInsertedRowID
        for finding in decision.findings {
            try db.cachedStatement(
                sql: """
                    INSERT INTO finding (decision_id, category, rule, severity, guideline, evidence, part)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    id, finding.category, finding.rule, finding.severity, finding.guideline, finding.evidence,
                    finding.part,
                ])
        }
        return id
    }

    private static func insertAnnouncement(_ db: Database, _ announcement: AnnouncementRecord) throws {
        try db.cachedStatement(sql: "INSERT INTO announcement (time, sender, list) VALUES (?, ?, ?)").execute(
            arguments: [Time.millis(announcement.time), announcement.sender.hex, announcement.list])
    }

    public func decision(id: Int64) throws -> StoredDecision? {
        try read("read decision \(id)") { db in
            try self.fetchDecisions(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]).first
        }
    }

    public func decisions(queueID: String) throws -> [StoredDecision] {
        try read("read the decisions of queue id \(queueID)") { db in
            try self.fetchDecisions(
                db, sql: "SELECT * FROM decision WHERE queue_id = ? ORDER BY time, id", arguments: [queueID])
        }
    }

    private func fetchDecisions(_ db: Database, sql: String, arguments: StatementArguments) throws
        -> [StoredDecision]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let id = try row.decode(Int64.self, forColumn: "id")
            let senderHex = try row.decode(String?.self, forColumn: "sender")
            var sender: SenderPseudonym?
            if let senderHex {
                guard let pseudonym = SenderPseudonym(hex: senderHex) else {
                    throw corrupt("decision \(id) has a sender that is not a pseudonym")
                }
                sender = pseudonym
            }
            let findings = try Row.fetchAll(
                db, sql: "SELECT * FROM finding WHERE decision_id = ? ORDER BY id", arguments: [id]
            ).map { finding in
                FindingRecord(
                    category: try finding.decode(forColumn: "category"), rule: try finding.decode(forColumn: "rule"),
                    severity: try finding.decode(forColumn: "severity"),
                    guideline: try finding.decode(forColumn: "guideline"),
                    evidence: try finding.decode(forColumn: "evidence"), part: try finding.decode(forColumn: "part"))
            }
            let record = DecisionRecord(
                time: Time.date(try row.decode(forColumn: "time")), list: try row.decode(forColumn: "list"),
                mode: try row.decode(forColumn: "mode"), verdict: try row.decode(forColumn: "verdict"),
                language: try row.decode(forColumn: "language"), topic: try row.decode(forColumn: "topic"),
                sender: sender,
                duration: try row.decode(Int64?.self, forColumn: "duration_us").map { .microseconds($0) },
                queueID: try row.decode(forColumn: "queue_id"), findings: findings)
            return StoredDecision(id: id, decision: record)
        }
    }

    // MARK: - Overposting

    @discardableResult
    public func recordAnnouncement(
        sender: SenderPseudonym, list: String, at: Date, countingSince windowStart: Date, upTo limit: Int
    ) throws -> Int {
        try writeRecord("record an announcement") { db in
            try Self.insertAnnouncement(db, AnnouncementRecord(sender: sender, list: list, time: at))
            return try Self.countAnnouncements(db, sender: sender, list: list, since: windowStart, upTo: limit)
        }
    }

    public func announcementCount(sender: SenderPseudonym, list: String, since: Date) throws -> Int {
        try read("count announcements") { db in
            try Self.countAnnouncements(db, sender: sender, list: list, since: since)
        }
    }

    public func announcementTimes(sender: SenderPseudonym, list: String, since: Date, limit: Int) throws -> [Date] {
        try read("read announcement times") { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT time FROM announcement WHERE sender = ? AND list = ? AND time >= ? ORDER BY time DESC LIMIT ?",
                arguments: [sender.hex, list, Time.millis(since), max(0, limit)]
            ).map(Time.date)
        }
    }

    private static func countAnnouncements(
        _ db: Database, sender: SenderPseudonym, list: String, since: Date, upTo limit: Int = Int.max
    ) throws -> Int {
        // The LIMIT bounds the index range walked (SQLite's Int64 takes Int.max as is).
        try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM (SELECT 1 FROM announcement WHERE sender = ? AND list = ? AND time >= ? LIMIT ?)",
            arguments: [sender.hex, list, Time.millis(since), max(1, limit)]) ?? 0
    }

    // MARK: - Replies

    public func latestSentReply(to sender: SenderPseudonym, topic: String, since: Date) throws -> Date? {
        try read("look up earlier replies") { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT MAX(time) FROM reply WHERE sender = ? AND topic = ? AND outcome = 'sent' AND time >= ?",
                arguments: [sender.hex, topic, Time.millis(since)]
            ).map(Time.date)
        }
    }

    private static func hasSentReply(_ db: Database, sender: SenderPseudonym, topic: String, since: Date) throws
        -> Bool
    {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM reply
                               WHERE sender = ? AND topic = ? AND outcome = 'sent' AND time >= ?)
                """,
            arguments: [sender.hex, topic, Time.millis(since)]) ?? false
    }

    public func recordReply(_ event: ReplyEvent) throws {
        // A suppressed reply is a record for the digest (no fsync of its own); a sent one is
        // part of de-duplication's promise and is FULL.
        if case .suppressed = event.outcome {
            try writeRecord("record a reply") { db in try Self.insertReply(db, event) }
        } else {
            try write("record a reply") { db in try Self.insertReply(db, event) }
        }
    }

    private static func insertReply(_ db: Database, _ event: ReplyEvent) throws {
        let outcome: String
        let reason: String?
        switch event.outcome {
        case .sent:
            (outcome, reason) = ("sent", nil)
        case .suppressed(let suppression):
            (outcome, reason) = ("suppressed", suppression.rawValue)
        }
        try db.cachedStatement(sql: "INSERT INTO reply (time, sender, topic, outcome, reason) VALUES (?, ?, ?, ?, ?)").execute(
            arguments: [Time.millis(event.time), event.sender?.hex, event.topic, outcome, reason])
    }

    public func enqueueReplyOnce(
        sender: SenderPseudonym, topic: String, since: Date, mail: OutgoingMail, now: Date
    ) throws -> ReplyReservation {
        try validate(mail, operation: "queue a reply")
        return try write("queue a reply") { db in
            if try Self.hasSentReply(db, sender: sender, topic: topic, since: since) {
                try Self.insertReply(
                    db, ReplyEvent(time: now, sender: sender, topic: topic, outcome: .suppressed(.duplicate)))
                return .duplicate
            }
            let id = try self.insertOutgoing(db, mail, now: now)
            try Self.insertReply(db, ReplyEvent(time: now, sender: sender, topic: topic, outcome: .sent))
            return .queued(outboxID: id)
        }
    }

    // MARK: - Outbox

    @discardableResult
    public func enqueue(_ mail: OutgoingMail, now: Date) throws -> Int64 {
        try validate(mail, operation: "queue mail")
        return try write("queue mail") { db in
            try self.insertOutgoing(db, mail, now: now)
        }
    }

    /// Refuses mail the SMTP client could not submit safely: no recipient, or an envelope
    /// address with a line break (which would inject an SMTP command).
    private func validate(_ mail: OutgoingMail, operation: String) throws {
        func refuse(_ reason: String) -> StoreError {
            StoreError(kind: .invalidArgument, path: path, operation: operation, reason: reason)
        }
        guard !mail.recipients.isEmpty else { throw refuse("the mail has no recipient") }
        for address in [mail.envelopeFrom] + mail.recipients
        where address.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            throw refuse("an envelope address contains a line break or NUL")
        }
    }

    private func insertOutgoing(_ db: Database, _ mail: OutgoingMail, now: Date) throws -> Int64 {
        let recipients: String
        do {
            recipients = String(decoding: try JSONEncoder().encode(mail.recipients), as: UTF8.self)
        } catch {
            throw StoreError(
                kind: .invalidArgument, path: path, operation: "queue mail", reason: "cannot encode the recipients",
                underlying: error)
        }
        let created = Time.millis(now)
        try db.execute(
            sql: """
                INSERT INTO outbox (created, envelope_from, recipients, message, next_attempt)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [created, mail.envelopeFrom, recipients, Data(mail.message), created])
        return db.lastInsertedRowID
    }

    public func claimDueMail(now: Date, limit: Int, lease: Duration) throws -> [ClaimedMail] {
        guard limit > 0 else { return [] }
        guard lease > .zero else {
            // A lease that has already lapsed would let the next worker take the same item.
            throw StoreError(
                kind: .invalidArgument, path: path, operation: "claim outbox mail",
                reason: "the lease must be positive")
        }
        let nowMillis = Time.millis(now)
        let until = Time.millis(now.addingTimeInterval(lease.seconds))
        // Select and mark in one IMMEDIATE transaction: it holds SQLite's write lock, so no
        // other connection (thread or process) can select the same rows before they are marked.
        return try write("claim outbox mail") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, envelope_from, recipients, message, created, attempts, last_error FROM outbox
                    WHERE status = 'pending' AND next_attempt <= :now
                      AND (claimed_until IS NULL OR claimed_until <= :now)
                    ORDER BY next_attempt, id
                    LIMIT :limit
                    """,
                arguments: ["now": nowMillis, "limit": limit])
            return try rows.map { row in
                let id = try row.decode(Int64.self, forColumn: "id")
                let recipientsJSON = try row.decode(String.self, forColumn: "recipients")
                guard let recipients = try? JSONDecoder().decode([String].self, from: Data(recipientsJSON.utf8))
                else {
                    throw corrupt("outbox item \(id) has unreadable recipients")
                }
                let token = UUID().uuidString
                try db.execute(
                    sql: "UPDATE outbox SET claim_token = ?, claimed_until = ? WHERE id = ?",
                    arguments: [token, until, id])
                let message = try row.decode(Data.self, forColumn: "message")
                return ClaimedMail(
                    claim: OutboxClaim(id: id, token: token),
                    mail: OutgoingMail(
                        envelopeFrom: try row.decode(forColumn: "envelope_from"), recipients: recipients,
                        message: Array(message)),
                    created: Time.date(try row.decode(forColumn: "created")),
                    attempts: try row.decode(forColumn: "attempts"), lastError: try row.decode(forColumn: "last_error"),
                    claimedUntil: Time.date(until))
            }
        }
    }

    @discardableResult
    public func markSent(_ claim: OutboxClaim, now: Date) throws -> Bool {
        try write("mark outbox item \(claim.id) sent") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'sent', finished = ?, message = X'', claim_token = NULL,
                                      claimed_until = NULL
                    WHERE id = ? AND claim_token = ? AND status = 'pending'
                    """,
                arguments: [Time.millis(now), claim.id, claim.token])
            return db.changesCount == 1
        }
    }

    @discardableResult
    public func markFailed(_ claim: OutboxClaim, error: String, permanent: Bool, policy: RetryPolicy, now: Date)
        throws -> OutboxFailureOutcome
    {
        // SMTP replies are short; bound what a misbehaving server can make heed store.
        let lastError = String(error.prefix(2000))
        return try write("record a failed attempt on outbox item \(claim.id)") { db in
            guard
                let attempts = try Int.fetchOne(
                    db, sql: "SELECT attempts FROM outbox WHERE id = ? AND claim_token = ? AND status = 'pending'",
                    arguments: [claim.id, claim.token])
            else { return .claimLost }
            let failures = attempts + 1
            if permanent || policy.maximumAttempts.map({ failures >= $0 }) == true {
                try db.execute(
                    sql: """
                        UPDATE outbox SET status = 'failed', attempts = ?, last_error = ?, finished = ?,
                                          claim_token = NULL, claimed_until = NULL
                        WHERE id = ?
                        """,
                    arguments: [failures, lastError, Time.millis(now), claim.id])
                return .gaveUp
            }
            let next = Time.millis(now.addingTimeInterval(policy.delay(afterFailures: failures).seconds))
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = ?, last_error = ?, next_attempt = ?, claim_token = NULL,
                                      claimed_until = NULL
                    WHERE id = ?
                    """,
                arguments: [failures, lastError, next, claim.id])
            return .retry(at: Time.date(next))
        }
    }

    @discardableResult
    public func releaseClaim(_ claim: OutboxClaim) throws -> Bool {
        try write("release outbox item \(claim.id)") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET claim_token = NULL, claimed_until = NULL
                    WHERE id = ? AND claim_token = ? AND status = 'pending'
                    """,
                arguments: [claim.id, claim.token])
            return db.changesCount == 1
        }
    }

    public func outboxCounts(now: Date) throws -> OutboxCounts {
        try read("count outbox mail") { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT
                          COUNT(CASE WHEN status = 'pending' THEN 1 END) AS pending,
                          COUNT(CASE WHEN status = 'pending' AND next_attempt <= :now
                                      AND (claimed_until IS NULL OR claimed_until <= :now) THEN 1 END) AS due,
                          COUNT(CASE WHEN status = 'failed' THEN 1 END) AS failed,
                          COUNT(CASE WHEN status = 'sent' THEN 1 END) AS sent
                        FROM outbox
                        """,
                    arguments: ["now": Time.millis(now)])
            else { return OutboxCounts(pending: 0, due: 0, failed: 0, sent: 0) }
            return OutboxCounts(
                pending: try row.decode(forColumn: "pending"), due: try row.decode(forColumn: "due"),
                failed: try row.decode(forColumn: "failed"), sent: try row.decode(forColumn: "sent"))
        }
    }

    // MARK: - Retention

    @discardableResult
    public func prune(before cutoff: Date) throws -> PruneCounts {
        let cutoff = Time.millis(cutoff)
        return try writeRecord("delete expired records") { db in
            // Findings explicitly rather than by ON DELETE CASCADE, to count them.
            try db.execute(
                sql: "DELETE FROM finding WHERE decision_id IN (SELECT id FROM decision WHERE time < ?)",
                arguments: [cutoff])
            let findings = db.changesCount
            try db.execute(sql: "DELETE FROM decision WHERE time < ?", arguments: [cutoff])
            let decisions = db.changesCount
            try db.execute(sql: "DELETE FROM announcement WHERE time < ?", arguments: [cutoff])
            let announcements = db.changesCount
            try db.execute(sql: "DELETE FROM reply WHERE time < ?", arguments: [cutoff])
            let replies = db.changesCount
            try db.execute(
                sql: "DELETE FROM outbox WHERE status IN ('sent', 'failed') AND finished < ?", arguments: [cutoff])
            let outbox = db.changesCount
            return PruneCounts(
                decisions: decisions, findings: findings, announcements: announcements, replies: replies,
                outbox: outbox)
        }
    }

    // MARK: - Access

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                kind: .query, path: path, operation: operation, reason: Self.describe(error), underlying: error)
        }
    }

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                kind: .query, path: path, operation: operation, reason: Self.describe(error), underlying: error)
        }
    }

    /// `write` without an fsync of its own (`synchronous = NORMAL` for this transaction): for
    /// records a power cut may cost (decisions, counts), never for the outbox. Still atomic, and
    /// durable across a crash of heed.
    func writeRecord<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(kind: .query, path: path, operation: operation, reason: "the transaction returned nothing") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                kind: .query, path: path, operation: operation, reason: Self.describe(error), underlying: error)
        }
    }

    func corrupt(_ reason: String) -> StoreError {
        StoreError(kind: .query, path: path, operation: "read the database", reason: reason)
    }

    /// SQLite's own message and code rather than GRDB's description, which repeats the SQL.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "\(error.message ?? "SQLite error") (SQLite code \(error.extendedResultCode.rawValue))"
        }
        return String(describing: error)
    }
}

/// Conversions between `Date` and the schema's integer milliseconds.
enum Time {
    /// Milliseconds since 1970, rounded down; clamped to Int64 so that no date can trap.
    static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite else { return value < 0 ? .min : .max }
        if value >= 9.2e18 { return .max }
        if value <= -9.2e18 { return .min }
        return Int64(value)
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// Whole microseconds, clamped to Int64.
    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000_000)
        if overflowAgain { return seconds < 0 ? .min : .max }
        return total
    }
}
