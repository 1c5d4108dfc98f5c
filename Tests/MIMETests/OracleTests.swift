import Foundation
import MIME
import Testing

/// heed's part structure and decoded bodies against Apache James mime4j's own expected results
/// (`corpus/mime/mime4j-*.expected/X_decoded_<path>.(txt|bin)`: the decoded body of the leaf at
/// that path). Each oracle file must name a leaf heed found, with the same decoded bytes.
@Suite struct OracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let message: URL
        let oracles: [URL]
        var testDescription: String { message.lastPathComponent }
    }

    static func cases() throws -> [Case] {
        var result: [Case] = []
        for source in ["mime4j-mimetools-testmsgs", "mime4j-testmsgs"] {
            let dir = Fixtures.mimeCorpus.appendingPathComponent(source)
            let expected = Fixtures.mimeCorpus.appendingPathComponent(source + ".expected")
            let oracleFiles = try FileManager.default.contentsOfDirectory(atPath: expected.path)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".msg") {
                let stem = String(name.dropLast(4))
                let oracles = oracleFiles.filter {
                    $0.hasPrefix(stem + "_decoded_") && ($0.hasSuffix(".txt") || $0.hasSuffix(".bin"))
                        && $0.dropFirst(stem.count + 9).dropLast(4).allSatisfy { $0.isNumber || $0 == "_" }
                }
                if !oracles.isEmpty {
                    result.append(Case(message: dir.appendingPathComponent(name),
                                       oracles: oracles.sorted().map { expected.appendingPathComponent($0) }))
                }
            }
        }
        return result
    }

    /// Broken messages that libetpan 1.9.4 and mime4j read differently. Each still goes through
    /// heed (the corpus test); here the comparison runs inside `withKnownIssue`, so a change in
    /// behaviour (the difference going away) shows up in the test output.
    static let knownDifferences: [String: String] = {
        var d: [String: String] = [:]
        for name in ["2002_06_12_doublebound.msg", "double-bound.msg"] {
            d[name] = "nested multiparts reuse one boundary: libetpan and mime4j assign the delimiters to different levels"
        }
        for name in ["basic-plain-with-bad-header-separator.msg", "malformedHeader-nocrlfcrlf.msg", "malformedHeader-noheader.msg",
                     "malformedHeaderStartsBody-nocrlfcrlf.msg", "malformedHeaderStartsBody-noheader.msg", "hdr-fakeout.msg"] {
            d[name] = "no empty line after the header: libetpan and mime4j end the header at different lines"
        }
        for name in ["ending-boundaries.msg", "missing-inner-boundary.msg", "jt-0498.msg", "multipartemptypart.msg",
                     "multipartnestedemptyparts.msg", "multipartnestedemptypartsnorfc822.msg", "multipartdigestnestedemptyparts.msg"] {
            d[name] = "empty parts or missing delimiters: libetpan 1.9.4 makes no part for a delimiter followed by another and reads the rest as one body"
        }
        for name in ["frag.msg", "multi-frag.msg"] {
            d[name] = "base64 ending in a partial group: heed keeps the bytes it can decode, mime4j drops them"
        }
        d["multi-bad.msg"] = "body ending in empty lines before a malformed delimiter: one line break fewer than mime4j"
        for name in ["very-long-boundary.msg", "very-very-long-boundary.msg", "weird-boundary.msg"] {
            d[name] = "boundary RFC 2046 forbids (over 70 characters, trailing blanks): libetpan finds no delimiter and reads one text part"
        }
        return d
    }()

    static func lf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() where !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
            out.append(b)
        }
        return out
    }

    @Test(arguments: try cases())
    func decodedLeavesMatchMime4j(_ c: Case) throws {
        let message = try MIMEParser.parse(try Fixtures.bytes(c.message))
        if let reason = Self.knownDifferences[c.message.lastPathComponent] {
            try withKnownIssue(Comment(rawValue: reason)) { try compare(c, message) }
        } else {
            try compare(c, message)
        }
    }

    @Test func knownDifferencesAreFewAndNamed() throws {
        let all = try Self.cases()
        let names = Set(all.map(\.message.lastPathComponent))
        for name in Self.knownDifferences.keys { #expect(names.contains(name), "\(name) is not an oracle case") }
        // The oracle is meaningful only while most messages agree.
        #expect(Self.knownDifferences.count * 3 < all.count, "\(Self.knownDifferences.count) of \(all.count) differ")
    }

    func compare(_ c: Case, _ message: Message) throws {
        var byPath: [String: Part] = [:]
        for part in message.parts where part.kind == .leaf { byPath[message.mime4jPath(of: part)] = part }
        for oracle in c.oracles {
            let name = oracle.deletingPathExtension().lastPathComponent
            let path = String(name.split(separator: "_decoded_").last ?? "")
            guard let part = byPath[path] else {
                Issue.record("\(c.message.lastPathComponent): no leaf at mime4j path \(path); heed has \(byPath.keys.sorted())")
                continue
            }
            // mime4j writes the hard line breaks of quoted-printable as CR LF (canonical form), so
            // text is compared with line ends made equal; binary bodies byte for byte.
            let isText = oracle.pathExtension == "txt"
            let expected = isText ? Self.lf(try Fixtures.bytes(oracle)) : try Fixtures.bytes(oracle)
            let got = isText ? Self.lf(part.decodedBody()) : part.decodedBody()
            if got != expected {
                Issue.record("\(c.message.lastPathComponent) \(path): decoded body differs (heed \(got.count) bytes, mime4j \(expected.count))")
            }
        }
    }
}
