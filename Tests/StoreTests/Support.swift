import Foundation
import Synchronization
import Testing

@testable import Store
// Log capture, the test clock and temporary directories, for every file of this target.
@_exported import HeedTestSupport

/// A store in a fresh temporary directory.
func withStore<T>(_ body: (SQLiteStore, String) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let path = directory + "/heed.sqlite"
        let store = try SQLiteStore(path: path)
        return try body(store, path)
    }
}

/// A fixed instant, so that tests read as "t0 + 2 hours"; no test reads the clock.
let t0 = Date(timeIntervalSince1970: 1_780_000_000)

func hours(_ count: Double) -> TimeInterval { count * 3600 }
func days(_ count: Double) -> TimeInterval { count * 86_400 }

let testKey: PseudonymKey = {
    do {
        return try PseudonymKey(bytes: Array(0..<32))
    } catch {
        fatalError("32 bytes make a key: \(error)")
    }
}()

func pseudonym(_ address: String, key: PseudonymKey = testKey) throws -> SenderPseudonym {
    try #require(SenderPseudonymizer(key: key).pseudonym(for: address))
}

func mail(to recipient: String, body: String = "Hello") -> OutgoingMail {
    OutgoingMail(
        envelopeFrom: "", recipients: [recipient],
        message: Array("From: social-media@cern.ch\r\nTo: \(recipient)\r\nSubject: Re\r\n\r\n\(body)\r\n".utf8))
}

/// Runs `body(index)` on `count` separate threads at once and waits for all of them. Errors
/// are collected and rethrown, so a failure on a thread fails the test.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let errors = Mutex<[any Error]>([])
    let done = DispatchSemaphore(value: 0)
    let start = DispatchSemaphore(value: 0)
    for index in 0..<count {
        let thread = Thread {
            start.wait()
            do {
                try body(index)
            } catch {
                errors.withLock { $0.append(error) }
            }
            done.signal()
        }
        thread.start()
    }
    // Release the threads together so that they really contend.
    for _ in 0..<count { start.signal() }
    for _ in 0..<count { done.wait() }
    if let first = errors.withLock({ $0.first }) { throw first }
}

/// A reusable barrier: `wait()` returns once `parties` threads have called it, then the next
/// round begins. Unchecked Sendable: every stored property is only touched under `condition`.
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var waiting = 0
    private var round = 0

    init(parties: Int) {
        self.parties = parties
    }

    func wait() {
        condition.lock()
        defer { condition.unlock() }
        let arrivedIn = round
        waiting += 1
        if waiting == parties {
            waiting = 0
            round += 1
            condition.broadcast()
            return
        }
        while arrivedIn == round {
            condition.wait()
        }
    }
}
