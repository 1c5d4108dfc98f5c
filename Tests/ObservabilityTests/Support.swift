import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An HTTP answer as it came over the wire.
struct RawResponse {
    /// Everything the server sent before it closed ("" when it closed without answering).
    let text: String
    /// True when the client gave up (15 s) and closed: the server never closed the connection.
    var timedOut = false

    /// "HTTP/1.1 200 OK", or "" when nothing came.
    var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }

    var status: Int? {
        let parts = statusLine.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }

    /// Header values by lower-case name.
    var headers: [String: String] {
        guard let end = text.range(of: "\r\n\r\n") else { return [:] }
        var result: [String: String] = [:]
        for line in text[..<end.lowerBound].components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    var body: String {
        guard let end = text.range(of: "\r\n\r\n") else { return "" }
        return String(text[end.upperBound...])
    }

    /// The exposition lines (for /metrics).
    var lines: [String] { body.components(separatedBy: "\n") }
}

/// Sends `request` as raw bytes to 127.0.0.1:`port` over a real TCP connection and returns what
/// the server sends until it closes the connection (the endpoint answers once and closes). A
/// reset counts as a close. Gives up after 15 s so that a server that never closes fails the
/// test instead of hanging it.
func exchange(port: Int, _ request: String) async throws -> RawResponse {
    try await exchange(port: port, Array(request.utf8))
}

func exchange(port: Int, _ request: [UInt8]) async throws -> RawResponse {
    let group = MultiThreadedEventLoopGroup.singleton
    let done = group.next().makePromise(of: String.self)
    let channel = try await ClientBootstrap(group: group)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(Collector(request: request, done: done))
            }
        }
        .connect(host: "127.0.0.1", port: port).get()
    let gaveUp = NIOLockedValueBox(false)
    let timeout = channel.eventLoop.scheduleTask(in: .seconds(15)) {
        gaveUp.withLockedValue { $0 = true }
        channel.close(promise: nil)
    }
    defer { timeout.cancel() }
    let text = try await done.futureResult.get()
    return RawResponse(text: text, timedOut: gaveUp.withLockedValue { $0 })
}

/// Sends the request as soon as the connection is up, collects the bytes of the answer, and
/// completes `done` when the connection ends. The request is written on the event loop, not after
/// the test's `await` of the connect: with CPU-heavy tests in parallel the test task may resume
/// seconds later, and the endpoint would rightly close an idle connection meanwhile.
private final class Collector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let request: [UInt8]
    private let done: EventLoopPromise<String>
    private var received = ByteBuffer()

    init(request: [UInt8], done: EventLoopPromise<String>) {
        self.request = request
        self.done = done
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: request)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        received.writeBuffer(&chunk)
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.succeed(String(buffer: received))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A reset after the server closed on an oversized request: what arrived is the answer.
        context.close(promise: nil)
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "heed.metrics.tests")
    logger.logLevel = .warning
    return logger
}()
