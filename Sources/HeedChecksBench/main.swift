// heed-checks-bench: figures, not tests. How much the guideline checks cost next to parsing.
//
//   heed-checks-bench [--corpus DIR]... [--rounds N] [--adversarial MB] [--as-is] [--config FILE] [--detail] [--fastest]
//
// For each corpus (default: ../shared/corpus/guidelines/dev and ../shared/corpus/mime) it times,
// in the same run and on the same bytes already in memory:
//   parse   MIMEParser.parse (pre-scan, libetpan, headers, text decoding);
//   checks  CheckEngine.evaluate on the parsed messages: every built-in check, language, verdict.
// Messages are checked as announcements to a wide-audience list (every check runs; with --as-is
// their own recipients decide, so passthrough mail costs nothing). Rounds alternate parse and
// checks; the median round (with --fastest, the fastest) is reported, as msgs/s and MB/s of raw
// message bytes and as µs per message. Times are the thread's CPU time, not wall time: on a
// machine other jobs share, the scheduler's pauses would otherwise land in the figures. Each
// corpus is also reported split into text-only messages and messages with images, and a
// synthetic 10 KB announcement (MilterBench's workload) is timed last. --detail adds the
// costliest rules and analysis steps of each class.
//
// --adversarial MB also times the checks alone on hostile bodies of that size (runs of one
// character, digits, nested brackets, repeated insults, ...): each must finish in under a second
// in a release build.
import Config
import Foundation
@_spi(Bench) import Guidelines
import MIME

struct Options {
    var corpora: [String] = []
    var rounds = 5
    var adversarialMB = 10
    var asIs = false
    /// Only this adversarial body (by name), for profiling.
    var only: String?
    /// A configuration file (e.g. one that disables some categories, to time the others).
    var config: String?
    /// Also print the costliest rules and analysis steps of each class.
    var detail = false
    /// Report the fastest round instead of the median: steadier on a machine other jobs share.
    var fastest = false

    init(_ args: [String]) throws {
        var i = 1
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw BenchError("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--corpus": corpora.append(try value())
            case "--rounds": rounds = max(1, Int(try value()) ?? 5)
            case "--adversarial": adversarialMB = max(0, Int(try value()) ?? 10)
            case "--as-is": asIs = true
            case "--only": only = try value()
            case "--config": config = try value()
            case "--detail": detail = true
            case "--fastest": fastest = true
            case "-h", "--help":
                print("usage: heed-checks-bench [--corpus DIR]... [--rounds N] [--adversarial MB] [--as-is] [--config FILE] [--only NAME] [--detail] [--fastest]")
                exit(0)
            default: throw BenchError("unknown argument \(args[i])")
            }
            i += 1
        }
        if corpora.isEmpty { corpora = ["../shared/corpus/guidelines/dev", "../shared/corpus/mime"] }
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
        if bytes.starts(with: Array("From ".utf8)), let lf = bytes.firstIndex(of: 0x0A) { bytes.removeSubrange(...lf) }
        if !bytes.isEmpty { messages.append(bytes) }
    }
    guard !messages.isEmpty else { throw BenchError("no messages under \(root)") }
    return messages
}

/// The words and layout of MilterBench's "announcement 10 KB" (twelve words a line, no
/// punctuation), drawn with a fixed-seed generator.
func syntheticAnnouncement() -> [UInt8] {
    let vocabulary = ["the", "seminar", "will", "take", "place", "in", "the", "main", "auditorium", "and", "is", "open",
                      "to", "everyone", "working", "on", "site", "please", "register", "before", "Friday", "coffee",
                      "served", "afterwards", "detector", "upgrade", "schedule", "meeting", "room", "building"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var out: [String] = []
    for index in 0..<1700 {
        // xorshift64*: any fixed sequence will do.
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        out.append(vocabulary[Int((state &* 0x2545_F491_4F6C_DD1D) % UInt64(vocabulary.count))])
        if index % 12 == 11 { out.append("\r\n") }
    }
    let body = String(out.joined(separator: " ").prefix(10_000))
    let header = "From: Jane Doe <jane.doe@cern.ch>\r\nTo: users-announce@cern.ch\r\nSubject: Seminar on the detector upgrade\r\n"
        + "Date: Tue, 24 Nov 2026 10:00:00 +0100\r\nMessage-ID: <bench.1@cern.ch>\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    return Array((header + body).utf8)
}

/// CPU time of this thread, not wall time: on a shared machine other processes take the CPU for
/// milliseconds at a time, which would land in whichever measurement was running.
func seconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    body()
    return now() - start
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func rate(_ count: Int, _ bytes: Int, _ time: Double) -> String {
    String(format: "%9.0f msgs/s %8.1f MB/s", Double(count) / time, Double(bytes) / 1e6 / time)
}

func run() throws {
    let options = try Options(CommandLine.arguments)
    let config = try HeedConfig.load(path: options.config)
    let engine = try CheckEngine(config: config)
    let limits = MIMELimits(maxMessageSize: 64 << 20)
    let recipients: [String]? = options.asIs ? nil : ["announcements@cern.ch"]
    print("heed-checks-bench: \(options.rounds) rounds, median; checks as \(options.asIs ? "addressed" : "announcements to a wide list")")
    var classes: [(name: String, raw: [[UInt8]])] = []
    for corpus in options.only == nil ? options.corpora : [] {
        let raw = try loadCorpus(corpus)
        classes.append((corpus, raw))
        // The same corpus split by what its messages carry: the logo matcher only works on
        // images, so text-only mail and mail with images cost very different amounts.
        let withImages = raw.filter { bytes in
            guard let message = try? MIMEParser.parse(bytes, limits: limits) else { return false }
            return message.attachments.contains { $0.mediaType.hasPrefix("image/") }
        }
        let textOnly = raw.filter { bytes in
            guard let message = try? MIMEParser.parse(bytes, limits: limits) else { return true }
            return !message.attachments.contains { $0.mediaType.hasPrefix("image/") }
        }
        if !withImages.isEmpty, !textOnly.isEmpty {
            classes.append(("  \(corpus) text only", textOnly))
            classes.append(("  \(corpus) with images", withImages))
        }
    }
    if options.only == nil {
        // The milter benchmark's "announcement 10 KB" workload (Sources/MilterBench), with a fixed
        // seed so that every run checks the same words.
        classes.append(("synthetic announcement 10 KB", [syntheticAnnouncement()]))
    }
    for (name, raw) in classes {
        let bytes = raw.reduce(0) { $0 + $1.count }
        let parsed = raw.compactMap { try? MIMEParser.parse($0, limits: limits) }
        // Small classes are repeated so that one round takes a measurable time.
        let repeats = max(1, 200_000 / max(1, bytes))
        var parseTimes: [Double] = [], checkTimes: [Double] = []
        var sink = 0
        for _ in 0..<options.rounds {
            parseTimes.append(seconds {
                for _ in 0..<repeats {
                    for message in raw { if let m = try? MIMEParser.parse(message, limits: limits) { sink &+= m.parts.count } }
                }
            })
            checkTimes.append(seconds {
                for _ in 0..<repeats {
                    for message in parsed { sink &+= engine.evaluate(message, recipients: recipients).findings.count }
                }
            })
        }
        func statistic(_ values: [Double]) -> Double { options.fastest ? values.min() ?? 0 : median(values) }
        let parse = statistic(parseTimes) / Double(repeats), checks = statistic(checkTimes) / Double(repeats)
        print("\(name): \(raw.count) messages, \(String(format: "%.2f", Double(bytes) / 1e6)) MB")
        print("  parse   \(rate(raw.count, bytes, parse))")
        print("  checks  \(rate(parsed.count, bytes, checks))   (checks/parse time \(String(format: "%.2f", checks / parse)))")
        // Where the checks' time goes (one more pass, stage by stage).
        var stages: [String: Int] = [:]
        var order: [String] = []
        for message in parsed {
            for (stage, ns) in engine.stageTimes(message, recipients: recipients) {
                if stages[stage] == nil { order.append(stage) }
                stages[stage, default: 0] += ns
            }
        }
        let total = max(1, stages.values.reduce(0, +))
        let shares = order.map { "\($0) \(Int((Double(stages[$0] ?? 0) / Double(total) * 100).rounded()))%" }
        print("  checks by stage: " + shares.joined(separator: ", "))
        let perMessage = Double(total) / 1000 / Double(max(1, parsed.count))
        print(String(format: "  per message: parse %.1f µs, checks %.1f µs (stages %.1f µs)", parse * 1e6 / Double(raw.count),
                     checks * 1e6 / Double(max(1, parsed.count)), perMessage))
        if options.detail {
            // Each rule and analysis step, the costliest first: each round's total per step, of
            // which the median (or fastest) round is shown.
            var rounds: [[String: Int]] = []
            for _ in 0..<options.rounds {
                var round: [String: Int] = [:]
                for _ in 0..<repeats {
                    for message in parsed {
                        for (stage, ns) in engine.detailedTimes(message, recipients: recipients, measure: { Int(seconds($0) * 1e9) }) {
                            round[stage, default: 0] += ns
                        }
                    }
                }
                rounds.append(round)
            }
            var detail: [String: Int] = [:]
            for stage in rounds.first?.keys.sorted() ?? [] {
                detail[stage] = Int(statistic(rounds.map { Double($0[stage] ?? 0) }))
            }
            let passes = Double(repeats * max(1, parsed.count))
            let top = detail.sorted { $0.value > $1.value }.prefix(25)
            print("  costliest steps (µs per message): " + top.map { "\($0.key) \(String(format: "%.1f", Double($0.value) / 1000 / passes))" }
                .joined(separator: ", "))
        }
        if sink == Int.min { print("") }
    }
    guard options.adversarialMB > 0 else { return }
    let size = options.adversarialMB << 20
    print("adversarial bodies of \(options.adversarialMB) MB, checks only (parse excluded):")
    let units = [
        ("a", "a"), ("digits", "7"), ("nested brackets", "([{"), ("phone-like", "+41 79 "), ("digit groups", "12 34 56 "),
        ("ab-", "ab-"), ("insults", "idiot "), ("é", "\u{E9}"), ("signature lines", "-- \n"), ("blank lines", "\n"),
        ("password lines", "password: "), ("addresses", "a@b.c "), ("URLs", "https://x.org/a "), ("words", "the quick brown fox. "),
        ("official", "CERN ANNOUNCES "), ("indented", "    word\n"), ("closing brackets", ")]}"),
    ]
    var worst = 0.0
    for (name, unit) in units where options.only == nil || options.only == name {
        let body = String(repeating: unit, count: size / unit.utf8.count)
        let text = "From: a@cern.ch\r\nTo: announcements@cern.ch\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
        guard let message = try? MIMEParser.parse(Array(text.utf8), limits: limits) else { continue }
        var findings = 0
        let time = seconds { findings = engine.evaluate(message).findings.count }
        worst = max(worst, time)
        let label = name.padding(toLength: 18, withPad: " ", startingAt: 0)
        print("  \(label) \(String(format: "%6.3f", time)) s  \(findings) findings\(time >= 1 ? "  OVER 1 s" : "")")
    }
    print(String(format: "  worst %.3f s", worst))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("heed-checks-bench: \(error)\n".utf8))
    exit(1)
}
