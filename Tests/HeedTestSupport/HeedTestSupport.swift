import Foundation
import Logging
import Synchronization

// What several test targets need alike: captured log lines, a hand-moved clock and a fresh
// directory. A library target of its own (Tests/HeedTestSupport), so that each test target
// imports it instead of keeping its own copy.

/// Collects log records, so tests can assert on what heed says (and that it says it once).
public final class LogCapture: Sendable {
    public struct Record: Sendable {
        public let level: Logger.Level
        public let message: String
        public let metadata: [String: String]
    }

    private let stored = Mutex<[Record]>([])

    public init() {}

    public var records: [Record] { stored.withLock { $0 } }

    public func append(_ record: Record) { stored.withLock { $0.append(record) } }

    /// The records whose message is exactly `text`.
    public func messages(_ text: String) -> [Record] { records.filter { $0.message == text } }

    /// A logger at `trace` whose every record lands here.
    public var logger: Logger { Logger(label: "test") { _ in Handler(capture: self) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            var merged = metadata
            if let extra = event.metadata { merged.merge(extra) { $1 } }
            capture.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}

/// A clock a test moves by hand, so that decisions, counts and replies have fixed times.
public final class TestClock: Sendable {
    private let value: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { value = Mutex(start) }

    public var now: Date { value.withLock { $0 } }

    public func set(_ date: Date) { value.withLock { $0 = date } }

    public func advance(hours: Double) { value.withLock { $0 = $0.addingTimeInterval(hours * 3600) } }
}

/// A fresh directory under the system's temporary directory for one test, removed afterwards.
/// Real files, real SQLite: nothing is mocked.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("heed-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
