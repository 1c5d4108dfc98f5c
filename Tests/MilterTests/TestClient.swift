import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

@testable import Milter

/// An MTA for tests: writes commands, reads replies in order.
final class MilterTestClient: Sendable {
    struct Closed: Error {}

    final class Queue: Sendable {
        private struct State {
            var replies: [MilterReply] = []
            var waiters: [EventLoopPromise<MilterReply>] = []
            var closed = false
        }
        private let state = NIOLockedValueBox(State())

        func push(_ reply: MilterReply) {
            let waiter: EventLoopPromise<MilterReply>? = state.withLockedValue { state in
                if state.waiters.isEmpty {
                    state.replies.append(reply)
                    return nil
                }
                return state.waiters.removeFirst()
            }
            waiter?.succeed(reply)
        }

        func close() {
            let waiters = state.withLockedValue { state in
                state.closed = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.fail(Closed()) }
        }

        func next(on loop: any EventLoop) -> EventLoopFuture<MilterReply> {
            state.withLockedValue { state in
                if !state.replies.isEmpty { return loop.makeSucceededFuture(state.replies.removeFirst()) }
                if state.closed { return loop.makeFailedFuture(Closed()) }
                let promise = loop.makePromise(of: MilterReply.self)
                state.waiters.append(promise)
                return promise.futureResult
            }
        }
    }

    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = MilterReply
        let queue: Queue
        init(queue: Queue) { self.queue = queue }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { queue.push(unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { queue.close() }
        func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
    }

    let channel: any Channel
    let queue: Queue

    private init(channel: any Channel, queue: Queue) {
        self.channel = channel
        self.queue = queue
    }

    static func connect(to address: SocketAddress, group: any EventLoopGroup) async throws -> MilterTestClient {
        let queue = Queue()
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(MilterFrameDecoder<MilterReply>(replyFrameSize: 1 << 20)),
                        MessageToByteHandler(MilterCommandEncoder()),
                        Collector(queue: queue),
                    ])
                }
            }
            .connect(to: address).get()
        return MilterTestClient(channel: channel, queue: queue)
    }

    func send(_ commands: [MilterCommand]) async throws {
        for command in commands { channel.write(command, promise: nil) }
        channel.flush()
    }

    /// A bare connection for writing malformed bytes: no codec at all.
    static func connectRaw(to address: SocketAddress, group: any EventLoopGroup) async throws -> any Channel {
        try await ClientBootstrap(group: group).connect(to: address).get()
    }

    func next() async throws -> MilterReply {
        try await queue.next(on: channel.eventLoop).get()
    }

    /// Replies up to and including the first final one (accept, continue, reply code, ...).
    func untilFinal() async throws -> [MilterReply] {
        var replies: [MilterReply] = []
        while true {
            let reply = try await next()
            replies.append(reply)
            if reply.isFinal { return replies }
        }
    }

    /// After a whole message: DATA's `continue`, then the end-of-message replies (returned).
    func endOfMessageReplies() async throws -> [MilterReply] {
        let atData = try await untilFinal()
        guard atData == [.continue] else { return atData }
        return try await untilFinal()
    }

    func negotiate() async throws -> MilterReply {
        try await send([.optionNegotiation(postfixOffer)])
        return try await next()
    }

    func close() async {
        try? await channel.close().get()
    }
}
