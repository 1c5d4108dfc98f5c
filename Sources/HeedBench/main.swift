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

func loadCorpus(_ root: String) throws -> [[UInt8]] { try loadNamedCorpus(root).map(\.bytes) }

func loadNamedCorpus(_ root: String) throws -> [(name: String, bytes: [UInt8])] {
    let url = URL(fileURLWithPath: root)
    guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
        throw BenchError("cannot read \(root)")
    }
    var messages: [(name: String, bytes: [UInt8])] = []
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
        if !bytes.isEmpty { messages.append((String(rel), bytes)) }
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

/// This thread's CPU time in seconds: unlike the wall clock, it does not count the time the
/// thread waits while other processes run, so figures taken on a busy machine stay comparable.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Repeats `pass` until `minSeconds` of wall time have gone by; returns wall and CPU seconds per pass.
func timed(_ minSeconds: Double, _ pass: () -> Int) -> (seconds: Double, cpu: Double, checksum: Int) {
    let clock = ContinuousClock()
    var passes = 0
    var checksum = 0
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    var elapsed = Duration.zero
    repeat {
        checksum &+= pass()
        passes += 1
        elapsed = clock.now - start
    } while elapsed < .milliseconds(Int(minSeconds * 1000))
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (seconds / Double(passes), (threadCPUSeconds() - cpuStart) / Double(passes), checksum)
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
        let names = try loadNamedCorpus(options.corpus).map(\.name)
        var rows: [(extra: Double, bare: Double, heed: Double, size: Int, index: Int)] = []
        for (i, m) in messages.enumerated() {
            let b = timed(0.02) { bare([m]) }.seconds, h = timed(0.02) { full([m]) }.seconds
            rows.append((h - b, b, h, m.count, i))
        }
        print("    bytes   bare ms   heed ms  extra ms  message")
        for r in rows.sorted(by: { $0.extra > $1.extra }).prefix(25) {
            print(String(format: "%9d %9.3f %9.3f %9.3f  ", r.size, r.bare * 1000, r.heed * 1000, r.extra * 1000) + names[r.index])
        }
        print(String(format: "sum extra: %.1f ms", rows.reduce(0) { $0 + $1.extra } * 1000))
        exit(0)
    }
    if let only = options.only {
        let t = timed(options.minSeconds * Double(options.rounds)) { only == "bare" ? bare(messages) : full(messages) }
        print("\(only): " + String(format: "%.2f ms/pass (%.2f ms CPU)", t.seconds * 1000, t.cpu * 1000))
        exit(0)
    }
    _ = bare(messages)  // warm caches and page in both code paths
    _ = full(messages)
    var bare_: [(Double, Double)] = [], full_: [(Double, Double)] = [], lazy_: [(Double, Double)] = []
    for _ in 0..<options.rounds {
        let b = timed(options.minSeconds) { bare(messages) }
        bare_.append((b.seconds, b.cpu))
        let f = timed(options.minSeconds) { full(messages) }
        full_.append((f.seconds, f.cpu))
        let l = timed(options.minSeconds) { full(messages, attachments: false) }
        lazy_.append((l.seconds, l.cpu))
    }
    func row(_ name: String, _ samples: [(Double, Double)]) -> String {
        let wall = median(samples.map(\.0)), cpu = median(samples.map(\.1))
        return name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: "%9.0f msgs/s %7.1f MB/s %8.2f ms | %9.0f msgs/s %7.1f MB/s %8.2f ms",
                     Double(messages.count) / cpu, Double(bytes) / 1e6 / cpu, cpu * 1000,
                     Double(messages.count) / wall, Double(bytes) / 1e6 / wall, wall * 1000)
    }
    print("median of \(options.rounds) rounds, each at least \(options.minSeconds) s; per CPU second (thread CPU time) | per wall-clock second:")
    print(row("libetpan mailmime_parse (bare, C)", bare_))
    print(row("heed MIME model (parse + decode everything)", full_))
    print(row("heed MIME model, attachments left encoded", lazy_))
    let bc = median(bare_.map(\.1)), fc = median(full_.map(\.1)), lc = median(lazy_.map(\.1))
    let bw = median(bare_.map(\.0)), fw = median(full_.map(\.0)), lw = median(lazy_.map(\.0))
    print(String(format: "ratio heed/bare (goal >= 0.50): CPU time %.2f (attachments on demand %.2f); wall clock %.2f (%.2f)",
                 bc / fc, bc / lc, bw / fw, bw / lw))
} catch {
    FileHandle.standardError.write(Data("heed-bench: \(error)\n".utf8))
    exit(2)
}
