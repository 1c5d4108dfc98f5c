import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// The HTTP listener for Prometheus: `GET /metrics` (text exposition format 0.0.4) and
/// `GET /healthz` (200 "ok", or 503 with the health closure's reason); 404 for other paths and
/// 405 for other methods.
///
/// It answers one request per connection and closes it (`Connection: close`): Prometheus scrapes
/// cope, and it lets one per-connection byte limit bound the request. Limits: request headers
/// 8 KiB (a larger head is answered 400 by NIO's decoder), 16 KiB read per connection in all
/// (then the connection is closed), `idleTimeout` (10 s) without a byte (closed). It runs on its
/// own event loop thread, never on the milter's.
public final class MetricsEndpoint: Sendable {
    /// The bound address (with the real port when 0 was asked).
    public let localAddress: SocketAddress
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup
    private let logger: Logger
    /// Set by the first `shutdown()`: after it the event loop is gone, and a close scheduled on
    /// it would never complete.
    private let stopped = NIOLockedValueBox(false)

    static let maximumHeaderBytes = 8 * 1024
    static let maximumConnectionBytes = 16 * 1024

    private init(localAddress: SocketAddress, channel: any Channel, group: MultiThreadedEventLoopGroup, logger: Logger) {
        self.localAddress = localAddress
        self.channel = channel
        self.group = group
        self.logger = logger
    }

    /// Binds `host:port` and serves `registry` until `shutdown()`. Blocks until bound; throws
    /// when it cannot bind (the address is in use, the host is not local, ...).
    ///
    /// A host that is not a loopback address is allowed (a Prometheus on another machine) but
    /// logged as a warning: the counts are not secret, but the endpoint has no authentication.
    public static func start(
        host: String, port: Int, registry: PrometheusCollectorRegistry,
        health: @escaping @Sendable () -> Health, logger: Logger, idleTimeout: Duration = .seconds(10)
    ) throws -> MetricsEndpoint {
        let readTimeout = TimeAmount(idleTimeout)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let limits = {
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = maximumHeaderBytes
            limits.maxHeaderListSize = maximumHeaderBytes
            limits.maxHeaderFieldCount = 100
            return limits
        }()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 16)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(IdleStateHandler(readTimeout: readTimeout))
                    try operations.addHandler(ConnectionGuard(maximumBytes: maximumConnectionBytes))
                    try operations.configureHTTPServerPipeline(
                        withPipeliningAssistance: false, withErrorHandling: true,
                        withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits)
                    try operations.addHandler(MetricsHTTPHandler(registry: registry, health: health))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        guard let address = channel.localAddress else {
            try? channel.close().wait()
            try? group.syncShutdownGracefully()
            throw ChannelError.unknownLocalAddress
        }
        if !isLoopback(address) {
            logger.warning(
                "metrics endpoint on a non-loopback address: anyone who reaches it reads heed's counts",
                metadata: ["address": "\(address)"])
        }
        logger.info("metrics endpoint listening", metadata: ["address": "\(address)"])
        return MetricsEndpoint(localAddress: address, channel: channel, group: group, logger: logger)
    }

    /// Stops listening, closes open connections and ends the endpoint's thread. Blocks until done;
    /// call it from a thread that is not an event loop. Safe to call twice.
    public func shutdown() {
        let alreadyStopped = stopped.withLockedValue { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        // Errors here mean the channel or the loop is closing already: nothing left to stop.
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
        logger.debug("metrics endpoint stopped")
    }

    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }
}

/// Closes a connection that sends more than `maximumBytes`, or nothing for the idle timeout.
/// It sits before the HTTP decoder, so it bounds what a client can make heed buffer, whatever
/// the request looks like (a URI has no limit of its own in the decoder).
final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let maximumBytes: Int
    private var received = 0
    private var closing = false

    init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        received += unwrapInboundIn(data).readableBytes
        if received > maximumBytes {
            closing = true
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// Answers one request, when it has been read to its end, then closes the connection.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Route {
        case metrics, health, notFound, methodNotAllowed
    }

    private let registry: PrometheusCollectorRegistry
    private let health: @Sendable () -> Health
    /// Set by the request head, answered at its end.
    private var pending: (route: Route, version: HTTPVersion)?
    /// One answer per connection: a pipelined request after the first is ignored (the
    /// connection closes once the first answer is written).
    private var answered = false

    init(registry: PrometheusCollectorRegistry, health: @escaping @Sendable () -> Health) {
        self.registry = registry
        self.health = health
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard !answered else { return }
            pending = (Self.route(head), head.version)
        case .body:
            // A GET has no body worth reading; ConnectionGuard bounds how much of one arrives.
            break
        case .end:
            guard !answered, let (route, version) = pending else { return }
            answered = true
            respond(route, version: version, context: context)
        }
    }

    /// Any error ends the connection: a request NIO's decoder refused (HTTPServerProtocolErrorHandler
    /// has answered 400 already and leaves the closing to the handlers after it), or a reset.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private static func route(_ head: HTTPRequestHead) -> Route {
        guard head.method == .GET else { return .methodNotAllowed }
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch path {
        case "/metrics": return .metrics
        case "/healthz": return .health
        default: return .notFound
        }
    }

    private func respond(_ route: Route, version: HTTPVersion, context: ChannelHandlerContext) {
        let status: HTTPResponseStatus
        var contentType = "text/plain; charset=utf-8"
        var extra: [(String, String)] = []
        let body: ByteBuffer
        switch route {
        case .metrics:
            status = .ok
            contentType = "text/plain; version=0.0.4; charset=utf-8"
            body = ByteBuffer(bytes: registry.emitToBuffer())
        case .health:
            switch health() {
            case .healthy:
                status = .ok
                body = ByteBuffer(string: "ok\n")
            case .unhealthy(let reason):
                status = .serviceUnavailable
                body = ByteBuffer(string: reason + "\n")
            }
        case .notFound:
            status = .notFound
            body = ByteBuffer(string: "not found: heed serves /metrics and /healthz\n")
        case .methodNotAllowed:
            status = .methodNotAllowed
            extra = [("Allow", "GET")]
            body = ByteBuffer(string: "method not allowed: use GET\n")
        }
        var headers = HTTPHeaders([
            ("Content-Type", contentType), ("Content-Length", "\(body.readableBytes)"), ("Connection", "close"),
        ])
        headers.add(contentsOf: extra)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
