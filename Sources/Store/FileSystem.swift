#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the store needs, with errors worded for an operator.
/// POSIX rather than FileManager because the store must choose permissions at creation (the
/// database and the key are private to heed) and report the exact path and errno that failed.
enum FileSystem {
    /// A failure, worded as "cannot create directory /var/lib/heed: Permission denied".
    struct Failure: Error {
        let message: String
    }

    /// The directory part of `path` ("." for a bare file name, "/" for a file at the root).
    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = path[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Creates `path` and any missing parents with `mode` (before the umask). Directories that
    /// already exist are left untouched, whatever their permissions.
    static func createDirectories(_ path: String, mode: mode_t) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(component) : "/" + component
            if component == "." || component == ".." { continue }
            if mkdir(prefix, mode) == 0 { continue }
            let error = errno
            guard error == EEXIST else {
                throw Failure(message: "cannot create directory \(prefix): \(describe(errno: error))")
            }
            guard isDirectory(prefix) else {
                throw Failure(message: "cannot create directory \(prefix): it exists and is not a directory")
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The permission bits of `path`, or nil when it cannot be examined.
    static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// Creates an empty file with `mode` if nothing exists at `path`; an existing file is left
    /// as it is. Used so that the database file is private from its first byte, rather than
    /// created by SQLite with the umask's permissions and fixed afterwards.
    static func createFileIfAbsent(_ path: String, mode: mode_t) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let error = errno
        if error == EEXIST { return }
        throw Failure(message: "cannot create file \(path): \(describe(errno: error))")
    }

    /// Writes `bytes` to a new file at `path` with `mode`, atomically: the content goes to a
    /// temporary file in the same directory, is synced, then linked into place. `link` fails if
    /// `path` appeared meanwhile, so two processes starting at once never overwrite each
    /// other's file and no reader ever sees a half-written one.
    /// - Returns: false when `path` already existed (the caller reads that file instead).
    static func createFileAtomically(_ path: String, bytes: [UInt8], mode: mode_t) throws(Failure) -> Bool {
        var randomness = SystemRandomNumberGenerator()
        let temporary = "\(path).tmp-\(String(randomness.next(), radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot create file \(temporary): \(describe(errno: errno))")
        }
        defer { unlink(temporary) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                let error = errno
                if error == EINTR { continue }
                close(descriptor)
                throw Failure(message: "cannot write file \(temporary): \(describe(errno: error))")
            }
            written += result
        }
        if fsync(descriptor) != 0 {
            let error = errno
            close(descriptor)
            throw Failure(message: "cannot sync file \(temporary): \(describe(errno: error))")
        }
        close(descriptor)
        if link(temporary, path) == 0 {
            syncDirectory(parentDirectory(of: path))
            return true
        }
        let error = errno
        if error == EEXIST { return false }
        throw Failure(message: "cannot create file \(path): \(describe(errno: error))")
    }

    /// Makes a new directory entry durable. Best effort: if it fails, the file is still there
    /// for this run, and at worst a power cut right now loses it.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The whole content of a small file.
    static func readFile(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot read file \(path): \(describe(errno: errno))")
        }
        defer { close(descriptor) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let error = errno
                if error == EINTR { continue }
                throw Failure(message: "cannot read file \(path): \(describe(errno: error))")
            }
            if count == 0 { return content }
            content.append(contentsOf: chunk[0..<count])
            if content.count > limit {
                throw Failure(message: "file \(path) is larger than \(limit) bytes")
            }
        }
    }

    static func describe(errno error: Int32) -> String {
        String(cString: strerror(error))
    }
}
