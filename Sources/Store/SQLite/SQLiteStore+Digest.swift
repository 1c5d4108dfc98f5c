import Foundation
import GRDB

extension SQLiteStore {
    public func digest(from: Date, to: Date, top: Int) throws -> DigestData {
        guard from < to, top > 0 else {
            throw StoreError(
                kind: .invalidArgument, path: path, operation: "build the digest",
                reason: "the period must start before it ends and the lists must have room (top > 0)")
        }
        let previousFrom = from.addingTimeInterval(-to.timeIntervalSince(from))
        // One read transaction for both periods: a consistent snapshot even while heed writes.
        return try read("build the digest") { db in
            DigestData(
                current: try Self.period(db, from: from, to: to, top: top),
                previous: try Self.period(db, from: previousFrom, to: from, top: top))
        }
    }

    private static func period(_ db: Database, from: Date, to: Date, top: Int) throws -> DigestPeriod {
        let range: StatementArguments = ["from": Time.millis(from), "to": Time.millis(to)]
        var limited = range
        limited += ["top": top]

        let messages = try Row.fetchAll(
            db,
            sql: """
                SELECT mode, list, verdict, COUNT(*) AS n FROM decision
                WHERE time >= :from AND time < :to
                GROUP BY mode, list, verdict
                ORDER BY n DESC, mode, list, verdict
                """,
            arguments: range
        ).map { row in
            MessageCount(
                mode: try row.decode(forColumn: "mode"), list: try row.decode(forColumn: "list"),
                verdict: try row.decode(forColumn: "verdict"), count: try row.decode(forColumn: "n"))
        }

        let categories = try findingCounts(db, by: .category, arguments: limited)
        let rules = try findingCounts(db, by: .rule, arguments: limited)

        let topics = try Row.fetchAll(
            db,
            sql: """
                SELECT topic, COUNT(*) AS n FROM decision
                WHERE time >= :from AND time < :to AND topic IS NOT NULL
                GROUP BY topic
                ORDER BY n DESC, topic
                LIMIT :top
                """,
            arguments: limited
        ).map { row in
            TopicCount(topic: try row.decode(forColumn: "topic"), count: try row.decode(forColumn: "n"))
        }

        var repliesSent = 0
        var repliesSuppressed = 0
        var suppressions: [SuppressionCount] = []
        let replyRows = try Row.fetchAll(
            db,
            sql: """
                SELECT outcome, reason, COUNT(*) AS n FROM reply
                WHERE time >= :from AND time < :to
                GROUP BY outcome, reason
                ORDER BY n DESC, outcome, reason
                """,
            arguments: range)
        for row in replyRows {
            let count: Int = try row.decode(forColumn: "n")
            if try row.decode(String.self, forColumn: "outcome") == "sent" {
                repliesSent += count
            } else {
                repliesSuppressed += count
                let reason = try row.decode(String?.self, forColumn: "reason") ?? "unknown"
                suppressions.append(SuppressionCount(reason: ReplySuppression(rawValue: reason), count: count))
            }
        }

        return DigestPeriod(
            from: from, to: to, messages: messages, messageTotal: messages.reduce(0) { $0 + $1.count },
            categories: categories, rules: rules, topics: topics, repliesSent: repliesSent,
            repliesSuppressed: repliesSuppressed, suppressions: suppressions)
    }

    /// The column findings are grouped by; its raw value goes into the SQL text, so it is a
    /// fixed set of column names, never input.
    private enum FindingKey: String {
        case category
        case rule
    }

    /// The most frequent categories or rules, each with the most recent non-empty masked
    /// evidence of the period as its example.
    private static func findingCounts(_ db: Database, by grouping: FindingKey, arguments: StatementArguments)
        throws -> [FindingCount]
    {
        let key = grouping.rawValue
        return try Row.fetchAll(
            db,
            sql: """
                SELECT f.\(key) AS id, MAX(f.category) AS category, MAX(f.guideline) AS guideline,
                       COUNT(*) AS findings, COUNT(DISTINCT f.decision_id) AS messages,
                       (SELECT e.evidence FROM finding e JOIN decision ed ON ed.id = e.decision_id
                        WHERE e.\(key) = f.\(key) AND ed.time >= :from AND ed.time < :to
                          AND e.evidence IS NOT NULL AND e.evidence <> ''
                        ORDER BY ed.time DESC, e.id DESC
                        LIMIT 1) AS example
                FROM finding f JOIN decision d ON d.id = f.decision_id
                WHERE d.time >= :from AND d.time < :to
                GROUP BY f.\(key)
                ORDER BY findings DESC, id
                LIMIT :top
                """,
            arguments: arguments
        ).map { row in
            FindingCount(
                id: try row.decode(forColumn: "id"), category: try row.decode(forColumn: "category"),
                guideline: try row.decode(forColumn: "guideline"), findings: try row.decode(forColumn: "findings"),
                messages: try row.decode(forColumn: "messages"), example: try row.decode(forColumn: "example"))
        }
    }
}
