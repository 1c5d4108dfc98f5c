import Foundation
import Store
import Testing

@testable import Replies

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed instant; no test reads the clock for a decision.
let t0 = Date(timeIntervalSince1970: 1_780_000_000)

let testKey: PseudonymKey = {
    do {
        return try PseudonymKey(bytes: Array(0..<32))
    } catch {
        fatalError("32 bytes make a key: \(error)")
    }
}()

/// The repository's templates.
let testSettings = RepliesSettings(contacts: ["logo": "visual.identity@cern.ch", "security": "computer.security@cern.ch"])

/// A real SQLite store in a fresh temporary directory, removed afterwards.
func withStore<T>(_ body: (SQLiteStore) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("heed-replies-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(try SQLiteStore(path: path + "/heed.sqlite"))
}

/// A deterministic generator (SplitMix64) for reproducible Message-IDs and boundaries.
struct FixedRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A minimal SMTP server on 127.0.0.1 for submission tests: answers every command, records
/// each message's envelope and DATA, and can refuse RCPT with a 5xx. One connection at a time
/// on a background thread.
final class SMTPSink: @unchecked Sendable {
    // @unchecked: `messages` is only touched under `lock`; `listener` is set before the thread
    // starts and closed by `stop()`.
    struct Received: Sendable {
        var from: String
        var recipients: [String]
        var data: String
    }

    let port: UInt16
    private let listener: Int32
    private let rejectRecipients: Bool
    private let lock = NSLock()
    private var received: [Received] = []
    private let done = DispatchSemaphore(value: 0)

    /// Listens on `port` (0: an ephemeral one).
    init(port: UInt16 = 0, rejectRecipients: Bool = false) throws {
        self.rejectRecipients = rejectRecipients
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SinkError.socket }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw SinkError.bind
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        listener = fd
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    enum SinkError: Error { case socket, bind }

    var messages: [Received] { lock.withLock { received } }

    /// Closes the listener and waits for the thread.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        done.wait()
    }

    /// A port that nothing listens on (bound once, then released).
    static func unusedPort() throws -> UInt16 {
        let sink = try SMTPSink()
        let port = sink.port
        sink.stop()
        return port
    }

    private func serve() {
        defer { done.signal() }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var buffer: [UInt8] = []
        func send(_ line: String) {
            let bytes = Array((line + "\r\n").utf8)
            _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
        }
        func readLine() -> String? {
            while true {
                if let index = buffer.firstIndex(of: 0x0A) {
                    let line = Array(buffer[..<index])
                    buffer.removeSubrange(...index)
                    return String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
                if count <= 0 { return nil }
                buffer += chunk[..<count]
            }
        }
        send("220 sink ESMTP")
        var current = Received(from: "", recipients: [], data: "")
        while let line = readLine() {
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") || upper.hasPrefix("HELO") {
                send("250-sink")
                send("250 8BITMIME")
            } else if upper.hasPrefix("MAIL FROM:") {
                current = Received(from: String(line.dropFirst(10)), recipients: [], data: "")
                send("250 ok")
            } else if upper.hasPrefix("RCPT TO:") {
                if rejectRecipients {
                    send("550 5.1.1 no such user")
                } else {
                    current.recipients.append(String(line.dropFirst(8)))
                    send("250 ok")
                }
            } else if upper == "DATA" {
                send("354 go ahead")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine)
                }
                current.data = lines.joined(separator: "\r\n") + "\r\n"
                lock.withLock { received.append(current) }
                send("250 queued")
            } else if upper == "QUIT" {
                send("221 bye")
                return
            } else {
                send("250 ok")
            }
        }
    }
}
