// milter-bench: a load generator that speaks the milter protocol as Postfix does, for comparing
// heed with a no-op milter on libmilter (the protocol floor). A command, not a test.
//
//   milter-bench --target heed=inet:8891@127.0.0.1 --target noop=inet:8892@127.0.0.1 \
//                [--seconds 3] [--warmup 0.5] [--concurrency 1,8,64] [--idle 500 --pid heed=PID]
//                [--only WORKLOAD-NAME-PART]
//
// For each target, workload and concurrency it runs that many connections, each sending
// messages back to back for the given time, and prints msgs/s and p50/p99 latency (from MAIL to
// the final answer). Like Postfix it negotiates once per connection (version 6, all actions, all
// protocol flags offered), sends a macro frame before each event, skips the events the milter
// declined, waits for a reply only where the milter did not ask for none, stops at an accept
// at DATA, reads modifications up to the final end-of-message reply, and sends ABORT after
// every message. With --idle N it then opens N connections that negotiate and stay idle, and
// reads the resident memory of each --pid from /proc.
import Foundation
import Milter
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

// MARK: - Workloads

struct Workload {
    let name: String
    let recipient: String
    let headers: [(String, String)]
    let body: [UInt8]
}

func words(_ count: Int) -> String {
    let vocabulary = ["the", "seminar", "will", "take", "place", "in", "the", "main", "auditorium", "and", "is", "open",
                      "to", "everyone", "working", "on", "site", "please", "register", "before", "Friday", "coffee",
                      "served", "afterwards", "detector", "upgrade", "schedule", "meeting", "room", "building"]
    var generator = SystemRandomNumberGenerator()
    var out: [String] = []
    out.reserveCapacity(count)
    for index in 0..<count {
        out.append(vocabulary[Int(generator.next() % UInt64(vocabulary.count))])
        if index % 12 == 11 { out.append("\r\n") }
    }
    return out.joined(separator: " ")
}

func standardHeaders(subject: String, to: String, extra: [(String, String)] = []) -> [(String, String)] {
    [("From", " Jane Doe <jane.doe@cern.ch>"), ("To", " \(to)"), ("Subject", " \(subject)"),
     ("Date", " Tue, 24 Nov 2026 10:00:00 +0100"), ("Message-ID", " <bench.\(UUID().uuidString)@cern.ch>"),
     ("MIME-Version", " 1.0")] + extra
}

func base64Lines(_ count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    let raw = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    return Data(raw).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
}

let workloads: [Workload] = [
    Workload(name: "passthrough", recipient: "<friend@example.org>",
             headers: standardHeaders(subject: "Lunch?", to: "friend@example.org",
                                      extra: [("Content-Type", " text/plain; charset=utf-8")]),
             body: Array(words(150).utf8)),
    Workload(name: "announcement 10 KB", recipient: "<users-announce@cern.ch>",
             headers: standardHeaders(subject: "Seminar on the detector upgrade", to: "users-announce@cern.ch",
                                      extra: [("Content-Type", " text/plain; charset=utf-8")]),
             body: Array(String(words(1700).prefix(10_000)).utf8)),
    {
        let boundary = "=_bench_boundary"
        let text = words(300)
        let body = "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(text)\r\n"
            + "--\(boundary)\r\nContent-Type: application/pdf; name=\"slides.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"slides.pdf\"\r\n\r\n\(base64Lines(146_000))\r\n--\(boundary)--\r\n"
        return Workload(name: "announcement 200 KB + attachment", recipient: "<users-announce@cern.ch>",
                        headers: standardHeaders(subject: "Slides of the seminar", to: "users-announce@cern.ch",
                                                 extra: [("Content-Type", " multipart/mixed; boundary=\"\(boundary)\"")]),
                        body: Array(body.utf8))
    }(),
]

// MARK: - The conversation as Postfix has it

/// What Postfix 3.7 offers (milter-notes).
let postfixOffer = OptionNegotiation(version: 6, actions: MilterActions(rawValue: 0x1FF),
                                     protocolFlags: MilterProtocolFlags(rawValue: 0x1F_FFFF))

/// One write that ends with a command the milter answers; then wait for its final reply.
struct Step {
    var bytes: ByteBuffer
}

/// The steps of one message for what the milter negotiated, and the ABORT that follows it.
func plan(_ workload: Workload, flags: MilterProtocolFlags) -> (steps: [Step], abort: ByteBuffer) {
    var steps: [Step] = []
    var pending = ByteBuffer()
    func add(_ command: MilterCommand, macroEvent: Character, macros: [Macro], declined: MilterProtocolFlags?,
             noReply: MilterProtocolFlags?) {
        // Postfix sends the macro frame even for declined events (milter-notes).
        MilterCommand.macro(command: macroEvent.asciiValue ?? 0, macros: macros).write(into: &pending)
        if let declined, flags.contains(declined) { return }
        command.write(into: &pending)
        let awaits = noReply.map { !flags.contains($0) } ?? true
        if awaits {
            steps.append(Step(bytes: pending))
            pending = ByteBuffer()
        }
    }
    add(.mail(sender: "<jane.doe@cern.ch>", arguments: ["BODY=8BITMIME"]), macroEvent: "M",
        macros: [Macro("{mail_addr}", "jane.doe@cern.ch")], declined: .noMail, noReply: .noReplyMail)
    add(.recipient(workload.recipient, arguments: []), macroEvent: "R",
        macros: [Macro("{rcpt_addr}", String(workload.recipient.dropFirst().dropLast()))], declined: .noRecipient, noReply: .noReplyRecipient)
    add(.data, macroEvent: "T", macros: [Macro("i", "4BENCH1")], declined: .noData, noReply: .noReplyData)
    for (name, value) in workload.headers {
        add(.header(name: name, value: ByteBuffer(string: flags.contains(.headerLeadingSpace) ? value : String(value.dropFirst()))),
            macroEvent: "L", macros: [], declined: .noHeaders, noReply: .noReplyHeader)
    }
    add(.endOfHeaders, macroEvent: "N", macros: [], declined: .noEndOfHeaders, noReply: .noReplyEndOfHeaders)
    var offset = 0
    while offset < workload.body.count {
        let end = min(offset + MilterProtocol.chunkSize, workload.body.count)
        add(.body(ByteBuffer(bytes: workload.body[offset..<end])), macroEvent: "B", macros: [], declined: .noBody, noReply: .noReplyBody)
        offset = end
    }
    add(.endOfMessage(ByteBuffer()), macroEvent: "E", macros: [Macro("i", "4BENCH1")], declined: nil, noReply: nil)
    var abort = ByteBuffer()
    MilterCommand.abort.write(into: &abort)
    return (steps, abort)
}

// MARK: - One connection

final class Results: Sendable {
    private let box = NIOLockedValueBox((latencies: [Int64](), errors: 0, rejected: 0))
    func add(_ latencies: [Int64], errors: Int, rejected: Int) {
        box.withLockedValue {
            $0.latencies += latencies
            $0.errors += errors
            $0.rejected += rejected
        }
    }
    var snapshot: (latencies: [Int64], errors: Int, rejected: Int) { box.withLockedValue { $0 } }
}

final class BenchConnection: ChannelInboundHandler {
    typealias InboundIn = MilterReply

    let workload: Workload
    let countFrom: NIODeadline
    let stopAt: NIODeadline
    let results: Results
    let finished: EventLoopPromise<Void>
    /// Only negotiate, then stay idle (the memory measurement).
    let idle: Bool

    private var steps: [Step] = []
    private var abort = ByteBuffer()
    private var stepIndex = -1
    private var started = NIODeadline.now()
    private var latencies: [Int64] = []
    private var errors = 0
    private var rejected = 0

    init(workload: Workload, countFrom: NIODeadline, stopAt: NIODeadline, results: Results, finished: EventLoopPromise<Void>, idle: Bool) {
        self.workload = workload
        self.countFrom = countFrom
        self.stopAt = stopAt
        self.results = results
        self.finished = finished
        self.idle = idle
    }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 32)
        MilterCommand.optionNegotiation(postfixOffer).write(into: &buffer)
        context.writeAndFlush(NIOAny(buffer), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if case .optionNegotiation(let agreed) = reply {
            (steps, abort) = plan(workload, flags: agreed.protocolFlags)
            if idle {
                finished.succeed(())
                return
            }
            startMessage(context: context, after: nil)
            return
        }
        guard reply.isFinal, stepIndex >= 0 else { return }  // modifications before the final reply
        switch reply {
        case .continue where stepIndex + 1 < steps.count:
            stepIndex += 1
            context.writeAndFlush(NIOAny(steps[stepIndex].bytes), promise: nil)
        case .continue, .accept:
            messageDone(context: context)
        case .reject, .replyCode, .discard:
            rejected += 1
            messageDone(context: context)
        default:
            errors += 1
            messageDone(context: context)
        }
    }

    private func messageDone(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        if started >= countFrom { latencies.append((now - started).nanoseconds) }
        startMessage(context: context, after: abort)
    }

    private func startMessage(context: ChannelHandlerContext, after abort: ByteBuffer?) {
        if let abort { context.write(NIOAny(abort), promise: nil) }
        guard NIODeadline.now() < stopAt, !steps.isEmpty else {
            context.flush()
            results.add(latencies, errors: errors, rejected: rejected)
            var quit = ByteBuffer()
            MilterCommand.quit.write(into: &quit)
            context.writeAndFlush(NIOAny(quit)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            finished.succeed(())
            return
        }
        stepIndex = 0
        started = .now()
        context.writeAndFlush(NIOAny(steps[0].bytes), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        errors += 1
        results.add(latencies, errors: errors, rejected: rejected)
        context.close(promise: nil)
        finished.fail(error)
    }
}

// MARK: - Running

struct Target {
    let name: String
    let address: SocketAddress
}

func parseTarget(_ text: String) throws -> Target {
    guard let equals = text.firstIndex(of: "=") else { throw BenchError("--target NAME=inet:PORT@HOST") }
    let name = String(text[..<equals])
    guard case .inet(let host, let port) = try ListenAddressText.parse(String(text[text.index(after: equals)...])) else {
        throw BenchError("only inet targets")
    }
    return Target(name: name, address: try SocketAddress(ipAddress: host, port: port))
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The milter socket spellings, as heed reads them (without depending on Config here).
enum ListenAddressText {
    enum Parsed { case inet(String, Int) }
    static func parse(_ text: String) throws -> Parsed {
        guard text.hasPrefix("inet:") else { throw BenchError("\(text): expected inet:PORT@HOST") }
        let rest = text.dropFirst(5)
        if let at = rest.firstIndex(of: "@"), let port = Int(rest[..<at]) { return .inet(String(rest[rest.index(after: at)...]), port) }
        if let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) { return .inet(String(rest[..<colon]), port) }
        throw BenchError("\(text): expected inet:PORT@HOST")
    }
}

func connect(_ target: Target, group: any EventLoopGroup, handler: @escaping @Sendable () -> BenchConnection) -> EventLoopFuture<any Channel> {
    ClientBootstrap(group: group)
        .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(MilterFrameDecoder<MilterReply>(replyFrameSize: 1 << 20)),
                    handler(),
                ])
            }
        }
        .connect(to: target.address)
}

struct Cell {
    let messagesPerSecond: Double
    let p50: Double
    let p99: Double
    let errors: Int
    let rejected: Int
}

func run(_ target: Target, _ workload: Workload, concurrency: Int, seconds: Double, warmup: Double, group: any EventLoopGroup) throws -> Cell {
    let results = Results()
    let begin = NIODeadline.now()
    let countFrom = begin + .nanoseconds(Int64(warmup * 1e9))
    let stopAt = countFrom + .nanoseconds(Int64(seconds * 1e9))
    var futures: [EventLoopFuture<Void>] = []
    for _ in 0..<concurrency {
        let loop = group.next()
        let finished = loop.makePromise(of: Void.self)
        futures.append(finished.futureResult)
        connect(target, group: loop) {
            BenchConnection(workload: workload, countFrom: countFrom, stopAt: stopAt, results: results, finished: finished, idle: false)
        }.whenFailure { finished.fail($0) }
    }
    for future in futures { try future.wait() }
    let end = NIODeadline.now()
    let snapshot = results.snapshot
    let sorted = snapshot.latencies.sorted()
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1e6
    }
    let measured = Double((min(end, stopAt + .seconds(60)) - countFrom).nanoseconds) / 1e9
    return Cell(messagesPerSecond: Double(sorted.count) / max(measured, 1e-9), p50: percentile(0.5), p99: percentile(0.99),
                errors: snapshot.errors, rejected: snapshot.rejected)
}

func residentKiB(pid: Int32) -> (rss: Int, peak: Int)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func field(_ name: String) -> Int? {
        status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }
    guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return nil }
    return (rss, peak)
}

// MARK: - Command line

var targets: [Target] = []
var pids: [(String, Int32)] = []
var seconds = 3.0
var warmup = 0.5
var levels = [1, 8, 64]
var idleCount = 0
var only: String?
var arguments = CommandLine.arguments.dropFirst()
do {
    while let option = arguments.popFirst() {
        guard let value = arguments.popFirst() else { throw BenchError("\(option) needs a value") }
        switch option {
        case "--target": targets.append(try parseTarget(value))
        case "--seconds": seconds = Double(value) ?? seconds
        case "--warmup": warmup = Double(value) ?? warmup
        case "--concurrency": levels = value.split(separator: ",").compactMap { Int($0) }
        case "--idle": idleCount = Int(value) ?? 0
        case "--only": only = value
        case "--pid":
            let parts = value.split(separator: "=")
            guard parts.count == 2, let pid = Int32(parts[1]) else { throw BenchError("--pid NAME=PID") }
            pids.append((String(parts[0]), pid))
        default: throw BenchError("unknown option \(option)")
        }
    }
    guard !targets.isEmpty else { throw BenchError("give at least one --target NAME=inet:PORT@HOST") }
} catch {
    FileHandle.standardError.write(Data("milter-bench: \(error)\n".utf8))
    exit(64)
}

// One event loop: the generator leaves the other core to the milter under test.
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
print("milter-bench: \(Int(seconds)) s per cell after \(warmup) s warm-up; latency from MAIL to the final reply")
print("")
// With several targets, each but the last is also given as a ratio to the last (the floor).
let floor = targets.last?.name ?? ""
let compared = targets.dropLast()
print("| workload | concurrency | " + targets.map { "\($0.name) msgs/s | \($0.name) p50 ms | \($0.name) p99 ms" }.joined(separator: " | ")
      + compared.map { " | \($0.name)/\(floor)" }.joined() + " |")
print("|---|---:|" + String(repeating: "---:|---:|---:|", count: targets.count) + String(repeating: "---:|", count: compared.count))
var failures = 0
for workload in workloads where only.map({ workload.name.contains($0) }) ?? true {
    for level in levels {
        var cells: [Cell] = []
        for target in targets {
            do {
                cells.append(try run(target, workload, concurrency: level, seconds: seconds, warmup: warmup, group: group))
            } catch {
                FileHandle.standardError.write(Data("milter-bench: \(target.name), \(workload.name), \(level): \(error)\n".utf8))
                cells.append(Cell(messagesPerSecond: 0, p50: .nan, p99: .nan, errors: 1, rejected: 0))
            }
        }
        failures += cells.reduce(0) { $0 + $1.errors }
        var row = "| \(workload.name) | \(level) | "
        row += cells.map { String(format: "%.0f | %.2f | %.2f", $0.messagesPerSecond, $0.p50, $0.p99) }.joined(separator: " | ")
        if let last = cells.last, cells.count > 1 {
            for cell in cells.dropLast() { row += String(format: " | %.2f×", cell.messagesPerSecond / max(last.messagesPerSecond, 1e-9)) }
        }
        print(row + " |")
    }
}

if idleCount > 0 {
    print("")
    for target in targets where pids.contains(where: { $0.0 == target.name }) {
        var channels: [any Channel] = []
        var ready: [EventLoopFuture<Void>] = []
        for _ in 0..<idleCount {
            let loop = group.next()
            let finished = loop.makePromise(of: Void.self)
            ready.append(finished.futureResult)
            if let channel = try? connect(target, group: loop, handler: {
                BenchConnection(workload: workloads[0], countFrom: .now(), stopAt: .now(), results: Results(), finished: finished, idle: true)
            }).wait() {
                channels.append(channel)
            } else {
                finished.fail(BenchError("connect failed"))
            }
        }
        let negotiated = ready.reduce(0) { count, future in (try? future.wait()) == nil ? count : count + 1 }
        Thread.sleep(forTimeInterval: 0.5)
        for (name, pid) in pids where name == target.name {
            if let memory = residentKiB(pid: pid) {
                print(String(format: "%@: %d idle connections (negotiated: %d): RSS %.1f MB, peak RSS of the whole run %.1f MB",
                             name, channels.count, negotiated, Double(memory.rss) / 1024, Double(memory.peak) / 1024))
            }
        }
        for channel in channels { try? channel.close().wait() }
    }
}
try? group.syncShutdownGracefully()
exit(failures == 0 ? 0 : 1)
