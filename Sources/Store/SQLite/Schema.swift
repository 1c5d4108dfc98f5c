import GRDB

/// The SQLite schema, as named migrations. A migration, once released, never changes: a new
/// column or table is a new migration appended to the list, so every database (whatever
/// version of heed created it) reaches the same schema. GRDB records the applied names in
/// `grdb_migrations`.
///
/// Conventions, chosen so that a PostgreSQL backend can mirror the tables one to one:
/// - times are INTEGER milliseconds since 1970-01-01 UTC (exact comparisons, no time zones);
/// - ids of the spec (modes, verdicts, categories, topics, ...) are TEXT, as given;
/// - `sender` is a 64-digit hex pseudonym, never an address;
/// - no table holds an incoming message's body.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("1 decisions and findings") { db in
            // One row per screened message. AUTOINCREMENT: ids are never reused after
            // retention, so an id in an old log line never points at another message.
            try db.execute(
                sql: """
                    CREATE TABLE decision (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        time INTEGER NOT NULL,
                        list TEXT,
                        mode TEXT NOT NULL,
                        verdict TEXT NOT NULL,
                        language TEXT,
                        topic TEXT,
                        sender TEXT,
                        duration_us INTEGER,
                        queue_id TEXT
                    );
                    CREATE INDEX decision_time ON decision(time);
                    CREATE INDEX decision_queue_id ON decision(queue_id);

                    CREATE TABLE finding (
                        id INTEGER PRIMARY KEY,
                        decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
                        category TEXT NOT NULL,
                        rule TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        guideline TEXT NOT NULL,
                        evidence TEXT,
                        part TEXT
                    );
                    CREATE INDEX finding_decision ON finding(decision_id);
                    """)
        }

        migrator.registerMigration("2 announcements and replies") { db in
            // Announcement counts for the overposting window: one row per announcement, so a
            // rolling window of any length is a range count on the index.
            try db.execute(
                sql: """
                    CREATE TABLE announcement (
                        id INTEGER PRIMARY KEY,
                        time INTEGER NOT NULL,
                        sender TEXT NOT NULL,
                        list TEXT NOT NULL
                    );
                    CREATE INDEX announcement_window ON announcement(sender, list, time);
                    CREATE INDEX announcement_time ON announcement(time);

                    CREATE TABLE reply (
                        id INTEGER PRIMARY KEY,
                        time INTEGER NOT NULL,
                        sender TEXT,
                        topic TEXT,
                        outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'suppressed')),
                        reason TEXT
                    );
                    CREATE INDEX reply_dedup ON reply(sender, topic, time);
                    CREATE INDEX reply_time ON reply(time);
                    """)
        }

        migrator.registerMigration("3 outbox") { db in
            // status: pending (waiting or being delivered), sent, failed (given up).
            // claim_token/claimed_until: the worker holding a pending item, until when.
            // finished: when it was sent or given up (retention counts from there).
            try db.execute(
                sql: """
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        created INTEGER NOT NULL,
                        envelope_from TEXT NOT NULL,
                        recipients TEXT NOT NULL,
                        message BLOB NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt INTEGER NOT NULL,
                        claim_token TEXT,
                        claimed_until INTEGER,
                        last_error TEXT,
                        finished INTEGER
                    );
                    CREATE INDEX outbox_due ON outbox(status, next_attempt);
                    CREATE INDEX outbox_finished ON outbox(status, finished);
                    """)
        }

        return migrator
    }
}
