import Config

/// What happens to a message (product spec, "Verdicts and what the milter does").
public enum Verdict: String, Sendable, CaseIterable, Codable, Comparable {
    case accept, advise, hold, reject

    private var rank: Int {
        switch self {
        case .accept: 0
        case .advise: 1
        case .hold: 2
        case .reject: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}

/// How a list turns findings into a verdict. The defaults are the spec's table; a list's policy
/// in the configuration may change what a `block` finding does.
public struct VerdictPolicy: Sendable, Equatable {
    public enum OnBlock: String, Sendable { case hold, reject }
    public var onBlock: OnBlock
    /// Record and add headers only: never hold, reject or send advice.
    public var observe: Bool

    public init(onBlock: OnBlock = .hold, observe: Bool = false) {
        self.onBlock = onBlock
        self.observe = observe
    }

    public static let `default` = VerdictPolicy()

    /// The verdict for `findings` in `mode`:
    /// - passthrough: always accept (nothing is checked);
    /// - no finding above `info`: accept;
    /// - a `warning`: advise;
    /// - a `block`: hold, or reject where the policy says so — announcements only: a query is
    ///   always delivered, so its worst verdict is advise;
    /// - `observe`: accept whatever was found (the findings are still reported and recorded).
    public func verdict(mode: Mode, findings: [Finding]) -> Verdict {
        guard mode != .passthrough, !observe else { return .accept }
        let worst = findings.map(\.severity).max() ?? .info
        switch worst {
        case .info: return .accept
        case .warning: return .advise
        case .block:
            if mode == .query { return .advise }
            return onBlock == .reject ? .reject : .hold
        }
    }
}
