// heed-bench: figures, not tests. Prints throughput of heed's MIME model against libetpan's bare
// `mailmime_parse` over the same messages, in the same run, and their ratio.
//
//   heed-bench [--corpus DIR] [--rounds N] [--min-seconds S]
//
// Both sides get the same bytes, already in memory (mbox `From ` separator lines removed). "bare" is mailmime_parse plus a walk that
// counts parts and mailmime_free (C, see Sources/CEtPanBaseline). "heed" is MIMEParser.parse —
// pre-scan, libetpan parse, header fields with RFC 2047, addresses, RFC 2231 parameters, every
// text part decoded to UTF-8 (HTML to text) — plus decoding every attachment's bytes. Rounds
// alternate between the two so that machine noise hits both; the median round is reported.
import CEtPanBaseline
import Foundation
import MIME

struct Options {
    var corpus = "../shared/corpus/mime"
    var rounds = 7
    var minSeconds = 0.5
    /// For profiling one side alone: "heed" or "bare".
    var only: String? = nil
    /// Print the messages where heed spends the most time beyond bare libetpan.
    var perFile = false

    init(_ args: [String]) throws {
        var i = 1
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--corpus": corpus = try value()
            case "--rounds": rounds = max(1, Int(try value()) ?? 7)
            case "--min-seconds": minSeconds = max(0, Double(try value()) ?? 0.5)
            case "--only": only = try value()
            case "--per-file": perFile = true
            case "-h", "--help":
                print("usage: heed-bench [--corpus DIR] [--rounds N] [--min-seconds S] [--only heed|bare]")
                exit(0)
            default: throw BenchError("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

func loadCorpus(_ root: String) throws -> [[UInt8]] {
    let url = URL(fileURLWithPath: root)
    guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
        throw BenchError("cannot read \(root)")
    }
    var messages: [[UInt8]] = []
    for case let file as URL in walker {
        let rel = file.path.dropFirst(url.path.count + 1)
        let top = String(rel.split(separator: "/").first ?? "")
        if top.hasSuffix(".expected") || top == "LICENSES" || file.lastPathComponent.hasPrefix(".") { continue }
        if ["SOURCES.md", "SHA256SUMS", "README.md", "manifest.json"].contains(file.lastPathComponent) { continue }
        guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        var bytes = Array(try Data(contentsOf: file))
        // Some corpus files are mbox extracts that start with a `From ` separator line. It is not
        // part of the message (Postfix never sends it to a milter), libetpan gives up on it at
        // once, and heed skips it: both sides get the message without it, so both do real work.
        if bytes.starts(with: Array("From ".utf8)), let lf = bytes.firstIndex(of: 0x0A) {
            bytes.removeSubrange(...lf)
        }
        if !bytes.isEmpty { messages.append(bytes) }
    }
    guard !messages.isEmpty else { throw BenchError("no messages under \(root)") }
    return messages
}

/// One pass over every message; returns a checksum so that no work can be optimised away.
func bare(_ messages: [[UInt8]]) -> Int {
    var sum = 0
    for m in messages {
        var parts = 0
        _ = m.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                heed_baseline_parse($0, buf.count, &parts)
            }
        }
        sum &+= parts
    }
    return sum
}

/// heed's model as the checks read it: headers, addresses, every text part decoded; with
/// `attachments` every attachment's bytes decoded as well.
func full(_ messages: [[UInt8]], attachments: Bool = true) -> Int {
    var sum = 0
    for m in messages {
        guard let message = try? MIMEParser.parse(m) else { continue }
        sum &+= message.parts.count + message.header.from.count + message.header.to.count + message.header.cc.count
        for part in message.textParts { sum &+= part.text?.text.utf8.count ?? 0 }
        for attachment in message.attachments { sum &+= attachments ? attachment.bytes().count : 1 }
    }
    return sum
}

/// Repeats `pass` until `minSeconds` have gone by; returns seconds per pass.
func timed(_ minSeconds: Double, _ pass: () -> Int) -> (seconds: Double, checksum: Int) {
    let clock = ContinuousClock()
    var passes = 0
    var checksum = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        checksum &+= pass()
        passes += 1
        elapsed = clock.now - start
    } while elapsed < .milliseconds(Int(minSeconds * 1000))
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (seconds / Double(passes), checksum)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

do {
    let options = try Options(CommandLine.arguments)
    let messages = try loadCorpus(options.corpus)
    let bytes = messages.reduce(0) { $0 + $1.count }
    #if DEBUG
    print("note: debug build; figures are only meaningful from `swift build -c release`")
    #endif
    print("corpus: \(messages.count) messages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB (\(options.corpus))")
    if options.perFile {
        var rows: [(extra: Double, bare: Double, heed: Double, size: Int, index: Int)] = []
        for (i, m) in messages.enumerated() {
            let b = timed(0.02) { bare([m]) }.seconds, h = timed(0.02) { full([m]) }.seconds
            rows.append((h - b, b, h, m.count, i))
        }
        print("message#  bytes      bare ms   heed ms   extra ms")
        for r in rows.sorted(by: { $0.extra > $1.extra }).prefix(25) {
            print(String(format: "%5d %9d %9.3f %9.3f %9.3f", r.index, r.size, r.bare * 1000, r.heed * 1000, r.extra * 1000))
        }
        print(String(format: "sum extra: %.1f ms", rows.reduce(0) { $0 + $1.extra } * 1000))
        exit(0)
    }
    if let only = options.only {
        let t = timed(options.minSeconds * Double(options.rounds)) { only == "bare" ? bare(messages) : full(messages) }
        print(String(format: "%@: %.2f ms/pass", only, t.seconds * 1000))
        exit(0)
    }
    _ = bare(messages)  // warm caches and page in both code paths
    _ = full(messages)
    var bareTimes: [Double] = [], fullTimes: [Double] = [], lazyTimes: [Double] = []
    for _ in 0..<options.rounds {
        bareTimes.append(timed(options.minSeconds) { bare(messages) }.seconds)
        fullTimes.append(timed(options.minSeconds) { full(messages) }.seconds)
        lazyTimes.append(timed(options.minSeconds) { full(messages, attachments: false) }.seconds)
    }
    let b = median(bareTimes), f = median(fullTimes), l = median(lazyTimes)
    func row(_ name: String, _ t: Double) -> String {
        let msgs = Double(messages.count) / t
        let mb = Double(bytes) / 1e6 / t
        return name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: "%10.0f msgs/s %9.1f MB/s %9.2f ms/pass", msgs, mb, t * 1000)
    }
    print("median of \(options.rounds) rounds, each at least \(options.minSeconds) s:")
    print(row("libetpan mailmime_parse (bare, C)", b))
    print(row("heed MIME model (parse + decode everything)", f))
    print(row("heed MIME model, attachments left encoded", l))
    print(String(format: "ratio heed/bare: %.2f (goal >= 0.50); with attachments decoded on demand: %.2f", b / f, b / l))
} catch {
    FileHandle.standardError.write(Data("heed-bench: \(error)\n".utf8))
    exit(2)
}
