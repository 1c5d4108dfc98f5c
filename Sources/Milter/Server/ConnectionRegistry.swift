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

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Adds the channel unless the server is full or shutting down.
    func admit(_ channel: any Channel) -> Bool {
        state.withLockedValue { state in
            guard !state.closed, state.channels.count < maximum else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func remove(_ channel: any Channel) {
        state.withLockedValue { _ = $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
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
