#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// heed's secret key for sender pseudonyms: 32 random bytes.
///
/// On disk (the path comes from the configuration) the key is 64 hexadecimal digits and a
/// newline, in a file only heed's user may read (0600). heed creates it on first start from the
/// system's random number generator (`getrandom` on Linux); an operator may create it instead,
/// e.g. `openssl rand -hex 32 > key && chmod 600 key`.
///
/// Rotating the key means new pseudonyms for everyone: overposting windows and reply
/// de-duplication restart, and the digest's previous period cannot be linked to senders in
/// the new one (it only counts them, so its figures are unaffected). To rotate, stop heed,
/// remove or replace the file, start heed.
public struct PseudonymKey: Sendable {
    public static let byteCount = 32

    let bytes: [UInt8]

    /// A key from raw bytes (tests, or a key held elsewhere). Throws unless there are exactly
    /// 32 bytes.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == Self.byteCount else {
            throw StoreError(
                kind: .invalidArgument, path: "(in memory)", operation: "use the pseudonym key",
                reason: "a key has \(Self.byteCount) bytes, got \(bytes.count)")
        }
        self.bytes = bytes
    }

    /// A new key from the system's random number generator.
    public static func generate() -> PseudonymKey {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for _ in 0..<(byteCount / 8) {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return PseudonymKey(trusted: bytes)
    }

    private init(trusted bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the key at `path`, or creates it (and its directory, 0700) when the file does not
    /// exist.
    ///
    /// An existing file is never replaced: a file that is not a valid key, or that other users
    /// may read or write, is an error naming the file, because silently making a new key would
    /// change every pseudonym and a readable key would let anyone link addresses to pseudonyms.
    /// Safe when two processes start at once: exactly one creates the file, the other reads it.
    /// - Returns: the key, and whether this call created the file (worth a log line).
    public static func loadOrCreate(path: String) throws -> (key: PseudonymKey, created: Bool) {
        func failure(_ operation: String, _ reason: String) -> StoreError {
            StoreError(kind: .keyFile, path: path, operation: operation, reason: reason)
        }
        if !FileSystem.exists(path) {
            let key = generate()
            do {
                try FileSystem.createDirectories(FileSystem.parentDirectory(of: path), mode: 0o700)
                let text = Array((key.bytes.lowercaseHex + "\n").utf8)
                if try FileSystem.createFileAtomically(path, bytes: text, mode: 0o600) {
                    return (key, true)
                }
            } catch {
                throw failure("create the key", error.message)
            }
        }
        let content: [UInt8]
        do {
            content = try FileSystem.readFile(path, limit: 4096)
        } catch {
            throw failure("read the key", error.message)
        }
        guard let mode = FileSystem.permissions(of: path) else {
            throw failure("read the key", "cannot examine its permissions")
        }
        if mode & 0o077 != 0 {
            throw failure(
                "use the key",
                "its group or other users may access it (mode \(String(mode, radix: 8))); run chmod 600 on it")
        }
        let text = String(decoding: content, as: UTF8.self).trimmingWhitespace
        guard text.utf8.count == byteCount * 2, let bytes = decodeHex(text) else {
            throw failure(
                "use the key",
                "it must hold \(byteCount * 2) hexadecimal digits (\(byteCount) bytes) and holds \(text.utf8.count)"
                    + " characters that are not such a key; fix it, or remove it so that heed generates a new key"
                    + " (this changes every pseudonym)")
        }
        return (PseudonymKey(trusted: bytes), false)
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
