import Foundation
import Store
import Synchronization

/// Overposting counts in memory: for each sender and list, the times of the latest
/// announcements within the window. The store keeps every counted announcement (written by the
/// `RecordWriter`), and this counter is the authority while `heed serve` runs, so that counting
/// costs no database transaction on the scan path.
///
/// A sender and list the counter does not know yet start from the store (`seed`). That is exact
/// as long as the store holds every announcement this process counted for them that still
/// matters. It does: a pair is forgotten either once its window has passed (`dropFinished`:
/// its records can no longer count) or by `forgetAll()`, after which every seed flushes the
/// writer first (the caller's `seed` does that when `needsFlushBeforeSeed` is true).
/// (The one gap: an announcement being counted at the very moment all pairs are forgotten may
/// be missing from its pair's next seed, a count short by one after a rare event.)
/// One `heed serve` per store: a second process counting into the same file would not see this
/// one's counts until it seeds.
///
/// Memory is bounded: at most `limit` times per pair (callers pass the list's maximum + 1), and
/// at most `maximumPairs` pairs. Past that, pairs whose window has passed are dropped, and if
/// more than half remain, all are forgotten (and start from the store again).
public final class AnnouncementCounter: Sendable {
    public let maximumPairs: Int

    private struct Pair: Hashable {
        let sender: SenderPseudonym
        let list: String
    }

    private struct Window {
        /// Oldest first.
        var times: [Date]
        /// The window's length at the last count: a pair with no time within it of now is done.
        var length: TimeInterval
    }

    private struct State {
        var windows: [Pair: Window] = [:]
        /// Bumped by `forgetAll`: a seed read before it may miss records still being written.
        var generation = 0
    }

    private let state = Mutex(State())

    public init(maximumPairs: Int = 50_000) {
        self.maximumPairs = max(1, maximumPairs)
    }

    /// Whether a seed must flush the record writer first: true once pairs have been forgotten
    /// in this process (their latest records may still be waiting to be written).
    public var needsFlushBeforeSeed: Bool { state.withLock { $0.generation > 0 } }

    /// Counts one announcement by `sender` to `list` at `now` and returns how many fall in
    /// [windowStart, now], this one included, at most `limit`.
    /// - Parameter seed: the stored times for the pair since `windowStart`, newest first (at
    ///   most `limit`); called only when the pair is not in memory, outside the lock.
    ///
    /// Afterwards the caller checks `isOverCapacity` (see `dropFinished`).
    public func count(
        sender: SenderPseudonym, list: String, at now: Date, windowStart: Date, limit: Int,
        seed: () throws -> [Date]
    ) rethrows -> Int {
        let pair = Pair(sender: sender, list: list)
        let limit = max(1, limit)
        // A forgetting between the seed and its use makes the seed stale: read it again.
        while true {
            let (known, generation) = state.withLock { ($0.windows[pair] != nil, $0.generation) }
            let seeded: [Date]? = known ? nil : try seed()
            let counted: Int? = state.withLock { state in
                var window: Window
                if let existing = state.windows[pair] {
                    window = existing
                } else if let seeded, state.generation == generation {
                    window = Window(times: seeded.reversed(), length: 0)
                } else {
                    return nil
                }
                window.times.removeAll { $0 < windowStart }
                window.times.append(now)
                if window.times.count > limit { window.times.removeFirst(window.times.count - limit) }
                window.length = now.timeIntervalSince(windowStart)
                state.windows[pair] = window
                return window.times.count
            }
            if let counted { return counted }
        }
    }

    /// Whether more than `maximumPairs` pairs are held.
    public var isOverCapacity: Bool { state.withLock { $0.windows.count > maximumPairs } }

    /// Drops the pairs whose window has passed at `now` (no time within the window length of
    /// their last count); returns whether more than half of `maximumPairs` remain, in which case
    /// the caller calls `forgetAll` (no flush needed then: the seeds that follow flush first). The
    /// half keeps this O(pairs) sweep from running again before as many new pairs have come.
    public func dropFinished(now: Date) -> Bool {
        state.withLock { state in
            state.windows = state.windows.filter { _, window in
                window.times.contains { now.timeIntervalSince($0) <= window.length }
            }
            return state.windows.count > maximumPairs / 2
        }
    }

    /// Forgets every pair; each starts from the store again (after a flush of the writer).
    /// Also what a reload does, so that a changed window or maximum takes effect at once.
    public func forgetAll() {
        state.withLock { state in
            state.windows.removeAll()
            state.generation += 1
        }
    }

    /// Pairs held, for tests and logs.
    public var pairs: Int { state.withLock { $0.windows.count } }
}
