import CoreMetrics
import NIOConcurrencyHelpers
import NIOCore

/// The open milter connections: bounds their number and reaches them all at shutdown.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var closed = false
    }

    private let state = NIOLockedValueBox(State())
    let maximum: Int
    /// `heed_connections`: open milter connections (a no-op until metrics are bootstrapped).
    private let gauge = Gauge(label: "heed_connections")

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Adds the channel unless the server is full or shutting down.
    func admit(_ channel: any Channel) -> Bool {
        let count: Int? = state.withLockedValue { state in
            guard !state.closed, state.channels.count < maximum else { return nil }
            state.channels[ObjectIdentifier(channel)] = channel
            return state.channels.count
        }
        guard let count else { return false }
        gauge.record(count)
        return true
    }

    func remove(_ channel: any Channel) {
        let count = state.withLockedValue { state in
            _ = state.channels.removeValue(forKey: ObjectIdentifier(channel))
            return state.channels.count
        }
        gauge.record(count)
    }

    var count: Int { state.withLockedValue { $0.channels.count } }

    /// Refuses new connections from now on and returns the open ones.
    func close() -> [any Channel] {
        state.withLockedValue { state in
            state.closed = true
            return Array(state.channels.values)
        }
    }
}
