/// Why a configuration could not be loaded.
///
/// Every error names the file it comes from, and where the problem is known, the key path
/// (`limits.max_parts`, `watch[2].mode`; list indexes count from 0) and the line:column
/// Yams reports for the offending node. `description` is the one line heed prints, e.g.
///
///     heed: /etc/heed/heed.yaml:14:12: watch[2].mode: unknown mode "announce"; expected one of query, announcement
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file's path as given, or "embedded default".
    public let file: String
    /// Where in the configuration the problem is, or nil for problems with the file as a whole.
    public let keyPath: String?
    /// 1-based line of the offending node, when known.
    public let line: Int?
    /// 1-based column (in Unicode scalars, as libyaml counts) of the offending node, when known.
    public let column: Int?
    /// What is wrong, in plain words.
    public let message: String

    public init(file: String, keyPath: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = "heed: \(file)"
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let keyPath, !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message
    }
}
