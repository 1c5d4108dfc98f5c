/// Why a store operation failed, and on which file. Every error a store method throws is a
/// `StoreError`, so callers can log it as it is: the description names the operation, the
/// path and the cause, e.g. `heed store /var/lib/heed/heed.sqlite: cannot open the database:
/// cannot create directory /var/lib/heed: Permission denied`.
public struct StoreError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The database (or its directory) could not be created or opened.
        case open
        /// The schema could not be brought up to date, or the file belongs to a newer heed.
        case migration
        /// A read or write failed (disk full, lock timeout, a row heed cannot read back).
        case query
        /// The pseudonym key file could not be created, read, or is not a valid key.
        case keyFile
        /// The caller passed a value the store refuses (documented on the method).
        case invalidArgument
    }

    public let kind: Kind
    /// The database file, the key file, or `:memory:`.
    public let path: String
    /// What heed was doing, as a phrase that follows "cannot": "open the database".
    public let operation: String
    /// The cause, in words (SQLite's message, the system error, or heed's own check).
    public let reason: String
    /// The error that caused this one, when there is one.
    public let underlying: (any Error)?

    public init(kind: Kind, path: String, operation: String, reason: String, underlying: (any Error)? = nil) {
        self.kind = kind
        self.path = path
        self.operation = operation
        self.reason = reason
        self.underlying = underlying
    }

    public var description: String {
        let subject = kind == .keyFile ? "heed pseudonym key \(path)" : "heed store \(path)"
        return "\(subject): cannot \(operation): \(reason)"
    }
}
