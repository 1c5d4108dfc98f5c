import Foundation
import MIME

/// Where the shared test data lives: `../shared` beside the repository (as in CI), or
/// `$HEED_SHARED`.
enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shared: URL {
        if let env = ProcessInfo.processInfo.environment["HEED_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var mimeCorpus: URL { shared.appendingPathComponent("corpus/mime") }

    /// Every raw message of the MIME corpus (not the `.expected` oracles, licences or notes).
    static func corpusMessages() throws -> [URL] {
        let root = mimeCorpus
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw FixtureError("cannot list \(root.path): is ../shared beside the repository?")
        }
        var files: [URL] = []
        for case let url as URL in walker {
            let rel = url.path.dropFirst(root.path.count + 1)
            let top = rel.split(separator: "/").first.map(String.init) ?? ""
            if top.hasSuffix(".expected") || top == "LICENSES" || url.lastPathComponent.hasPrefix(".") { continue }
            if ["SOURCES.md", "SHA256SUMS"].contains(url.lastPathComponent) { continue }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        guard !files.isEmpty else { throw FixtureError("no messages under \(root.path)") }
        return files.sorted { $0.path < $1.path }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    static func parse(_ text: String, limits: MIMELimits = MIMELimits()) throws -> Message {
        try MIMEParser.parse(Array(text.utf8), limits: limits)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Message {
    /// The path mime4j gives a part in its `X_decoded_<path>` oracle files: the top-level body is
    /// 1, a multipart's children are `P_k`, a message part's body is `P_1`.
    func mime4jPath(of part: Part) -> String {
        var components: [String] = []
        var current = part
        while let parentIndex = current.parent {
            let parent = parts[parentIndex]
            switch parent.kind {
            case .multipart:
                let position = (parent.children.firstIndex(of: current.index) ?? 0) + 1
                components.append(String(position))
            default:
                components.append("1")
            }
            current = parent
        }
        components.append("1")
        return components.reversed().joined(separator: "_")
    }
}
