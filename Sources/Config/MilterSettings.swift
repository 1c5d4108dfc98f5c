import Yams

/// Where `heed serve` listens, in the spellings MTAs use.
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
    /// A TCP socket. `host` is an IP address or a name (`127.0.0.1`, `::1`, `localhost`).
    case inet(host: String, port: Int)
    /// A local (unix-domain) socket.
    case unix(path: String)

    /// Parses `inet:PORT@HOST` (libmilter, Sendmail), `inet:HOST:PORT` (Postfix),
    /// `inet6:PORT@HOST`, `inet:[::1]:PORT`, `unix:PATH` and `local:PATH`. Returns why not on failure.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressError> {
        let trimmed = String(Substring(text).trimmingSpaces())
        guard let colon = trimmed.firstIndex(of: ":") else { return .failure(.init(text: text, problem: "it has no kind; write inet:PORT@HOST, inet:HOST:PORT or unix:PATH")) }
        let kind = trimmed[..<colon].lowercased()
        let rest = String(trimmed[trimmed.index(after: colon)...])
        switch kind {
        case "unix", "local":
            guard rest.hasPrefix("/") else { return .failure(.init(text: text, problem: "a unix socket needs an absolute path")) }
            // sockaddr_un.sun_path holds 108 bytes on Linux, including the terminating NUL.
            guard rest.utf8.count < 108 else { return .failure(.init(text: text, problem: "the socket path is longer than 107 bytes")) }
            return .success(.unix(path: rest))
        case "inet", "inet6":
            let host: Substring
            let port: Substring
            if let at = rest.lastIndex(of: "@") {
                port = rest[..<at]
                host = rest[rest.index(after: at)...]
            } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                host = rest[rest.index(after: rest.startIndex)..<close]
                let after = rest[rest.index(after: close)...]
                guard after.hasPrefix(":") else { return .failure(.init(text: text, problem: "expected :PORT after ]")) }
                port = after.dropFirst()
            } else if let last = rest.lastIndex(of: ":") {
                host = rest[..<last]
                port = rest[rest.index(after: last)...]
            } else {
                return .failure(.init(text: text, problem: "it has no port; write inet:PORT@HOST or inet:HOST:PORT"))
            }
            guard let number = Int(port), (1...65_535).contains(number) else {
                return .failure(.init(text: text, problem: "\"\(port)\" is not a port (1 to 65535)"))
            }
            var bareHost = String(host)
            if bareHost.hasPrefix("["), bareHost.hasSuffix("]") { bareHost = String(bareHost.dropFirst().dropLast()) }
            guard !bareHost.isEmpty, !bareHost.contains(where: \.isWhitespace) else {
                return .failure(.init(text: text, problem: "it has no host; write inet:PORT@HOST or inet:HOST:PORT"))
            }
            return .success(.inet(host: bareHost, port: number))
        default:
            return .failure(.init(text: text, problem: "unknown kind \"\(kind)\"; expected inet, inet6 or unix"))
        }
    }

    /// The libmilter spelling, which `parse` reads back.
    public var description: String {
        switch self {
        case .inet(let host, let port): "inet:\(port)@\(host)"
        case .unix(let path): "unix:\(path)"
        }
    }
}

public struct ListenAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let problem: String
    public var description: String { "\"\(text)\" is not a listen address: \(problem)" }
}

/// The `milter:` section: how `heed serve` listens, and the bounds that keep one connection or
/// one message from taking the server down.
public struct MilterSettings: Sendable, Equatable {
    public var listen: ListenAddress
    /// Connections served at once; a connection past it is closed at once (logged), and the MTA
    /// applies its `milter_default_action` to that SMTP session.
    public var maxConnections: Int
    /// Largest frame heed reads from the MTA. Postfix sends body chunks of at most 64 KiB; a
    /// header or macro frame is bounded by Postfix's `header_size_limit` (100 KiB by default).
    public var maxFrameSize: Int
    /// Largest message heed buffers and scans. A larger watched message is delivered with
    /// `X-Heed: not scanned (size)` and a log line.
    public var maxScannedSize: Int
    /// Between connect and option negotiation.
    public var negotiationTimeout: Duration
    /// Between two commands of an SMTP session. Keep it above Postfix's `smtpd_timeout`
    /// (300 s): a slow SMTP client is not the milter's fault.
    public var commandTimeout: Duration
    /// Time for parsing and checking one message. Keep it below Postfix's
    /// `milter_content_timeout` (300 s), so heed answers before Postfix gives up on it.
    public var evaluationTimeout: Duration
    /// Time SIGTERM leaves messages in flight before heed closes their connections.
    public var shutdownGrace: Duration
    /// What heed answers when it cannot scan a watched message (timeout, internal error).
    public var onError: OnError

    /// `accept`: deliver with `X-Heed: not scanned (reason)`; `tempfail`: the MTA answers 4xx and
    /// the sender retries later. Same choice as Postfix's `milter_default_action` for when
    /// heed is unreachable (see Deploy/postfix/main.cf).
    public enum OnError: String, Sendable, CaseIterable {
        case accept, tempfail
    }

    public init(listen: ListenAddress, maxConnections: Int, maxFrameSize: Int, maxScannedSize: Int,
                negotiationTimeout: Duration, commandTimeout: Duration, evaluationTimeout: Duration,
                shutdownGrace: Duration, onError: OnError) {
        self.listen = listen
        self.maxConnections = maxConnections
        self.maxFrameSize = maxFrameSize
        self.maxScannedSize = maxScannedSize
        self.negotiationTimeout = negotiationTimeout
        self.commandTimeout = commandTimeout
        self.evaluationTimeout = evaluationTimeout
        self.shutdownGrace = shutdownGrace
        self.onError = onError
    }

    /// The embedded default's values (EmbeddedDefault.swift and Deploy/heed.yaml say the same).
    public static let `default` = MilterSettings(
        listen: .inet(host: "127.0.0.1", port: 8891), maxConnections: 1000, maxFrameSize: 1 << 20,
        maxScannedSize: 16 << 20, negotiationTimeout: .seconds(30), commandTimeout: .seconds(600),
        evaluationTimeout: .seconds(60), shutdownGrace: .seconds(30), onError: .accept)
}

/// Durations as written in the configuration: `500ms`, `30s`, `10m`, `1h`, `7d`, `2w`. Each
/// setting bounds its own range (the milter timeouts to 24h).
enum DurationText {
    static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000),
    ]

    static func parse(_ raw: String) -> Duration? {
        let text = String(Substring(raw).trimmingSpaces()).lowercased()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingSpaces()
        guard !digits.isEmpty, let value = Int64(digits),
              let factor = units.first(where: { $0.suffix == unit })?.milliseconds
        else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : .milliseconds(product)
    }
}

// MARK: - Reading the section

extension NodeReader {
    func milterSettings(_ node: Node, at path: ConfigPath, into settings: inout MilterSettings) throws(ConfigError) {
        let keys = ["listen", "max_connections", "max_frame_size", "max_scanned_size", "timeouts", "on_error"]
        try mapping(
            node, at: path, expecting: "a mapping such as {listen: \"inet:8891@127.0.0.1\"}",
            keys: keys, requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            switch key {
            case "listen":
                let raw = try text(value, at: keyPath, expecting: "a listen address such as inet:8891@127.0.0.1")
                switch ListenAddress.parse(raw) {
                case .success(let address): settings.listen = address
                case .failure(let failure): throw error(failure.description, at: keyPath, node: value)
                }
            case "max_connections":
                settings.maxConnections = try milterNumber(
                    value, at: keyPath, isByteSize: false, maximum: 100_000,
                    why: "each connection holds a socket and a buffer")
            case "max_frame_size":
                settings.maxFrameSize = try milterNumber(
                    value, at: keyPath, isByteSize: true, maximum: 64 << 20,
                    why: "a milter frame is a header, a macro list or a body chunk of at most 1 MiB")
                guard settings.maxFrameSize >= MilterSettings.smallestFrameCap else {
                    throw error(
                        "must be at least 64 KiB (\(MilterSettings.smallestFrameCap) bytes): the MTA sends body chunks that large",
                        at: keyPath, node: value)
                }
            case "max_scanned_size":
                settings.maxScannedSize = try milterNumber(
                    value, at: keyPath, isByteSize: true, maximum: 1 << 30,
                    why: "heed holds a message in memory while it checks it")
            case "timeouts":
                try milterTimeouts(value, at: keyPath, into: &settings)
            default:
                let names = MilterSettings.OnError.allCases.map(\.rawValue).joined(separator: ", ")
                let raw = try text(value, at: keyPath, expecting: "one of \(names)")
                guard let parsed = MilterSettings.OnError(rawValue: raw) else {
                    throw error("unknown value \"\(raw)\"; expected one of \(names)", at: keyPath, node: value)
                }
                settings.onError = parsed
            }
        }
    }

    /// A positive count or byte size, read like the `limits` values (same units, same errors).
    func milterNumber(_ node: Node, at path: ConfigPath, isByteSize: Bool, maximum: Int, why: String) throws(ConfigError) -> Int {
        let expected = isByteSize ? "a size in bytes such as 1048576, 1MiB or 512KiB" : "a whole number"
        let describe = { (value: Int) in isByteSize ? ByteCount.describe(value) : String(value) }
        let raw = try text(node, at: path, expecting: expected)
        switch Quantity.parse(raw, allowingUnits: isByteSize) {
        case .value(let value) where value >= 1 && value <= maximum:
            return value
        case .value(let value) where value > maximum:
            throw error("\(describe(value)) is more than heed accepts (\(describe(maximum)) at most: \(why))", at: path, node: node)
        case .tooLarge:
            throw error("\(raw) is more than heed accepts (\(describe(maximum)) at most: \(why))", at: path, node: node)
        case .value, .negative:
            throw error("must be positive, not \(raw)", at: path, node: node)
        case .malformed:
            throw error("expected \(expected), found \"\(raw)\"\(isByteSize ? Quantity.unitHelp : "")", at: path, node: node)
        }
    }

    func milterTimeouts(_ node: Node, at path: ConfigPath, into settings: inout MilterSettings) throws(ConfigError) {
        let fields: [(key: String, property: WritableKeyPath<MilterSettings, Duration>)] = [
            ("negotiation", \.negotiationTimeout), ("command", \.commandTimeout),
            ("evaluation", \.evaluationTimeout), ("shutdown", \.shutdownGrace),
        ]
        try mapping(
            node, at: path, expecting: "a mapping of timeouts such as {evaluation: 60s}",
            keys: fields.map(\.key), requireAll: requireEveryKey
        ) { key, value, keyPath throws(ConfigError) in
            guard let field = fields.first(where: { $0.key == key }) else { return }
            let expected = "a duration such as 500ms, 30s, 10m or 1h"
            let raw = try text(value, at: keyPath, expecting: expected)
            guard let duration = DurationText.parse(raw) else {
                throw error("expected \(expected), found \"\(raw)\"", at: keyPath, node: value)
            }
            guard duration > .zero, duration <= .seconds(86_400) else {
                throw error("must be more than 0 and at most 24h, not \(raw)", at: keyPath, node: value)
            }
            settings[keyPath: field.property] = duration
        }
    }
}

extension MilterSettings {
    /// The smallest frame cap that still lets a full body chunk through (MILTER_CHUNK_SIZE plus
    /// the command byte).
    public static let smallestFrameCap = 65_536
}
