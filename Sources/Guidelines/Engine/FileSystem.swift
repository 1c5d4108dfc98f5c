import Foundation

/// The few file operations the rules need (listing a rule directory, reading a logo reference),
/// kept here so that the rest of the module does not depend on Foundation.
enum FileSystem {
    static func contentsOfDirectory(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path)
    }

    /// The bytes of a file of at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else { throw FileSystemError("larger than \(limit) bytes") }
        return Array(data)
    }
}

struct FileSystemError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
