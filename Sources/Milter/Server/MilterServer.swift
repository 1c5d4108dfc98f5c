import Config
import Dispatch
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The milter server: SwiftNIO, a bounded number of connections, per-stage timeouts, scans on a
/// thread pool, graceful shutdown.
///
/// Lifecycle: `start()` binds and returns the bound address; `shutdown()` stops accepting, lets
/// messages in flight finish (up to the configured grace), closes the rest, and completes
/// `stopped`. The event loop group and the thread pool are the server's own unless given.
public final class MilterServer: Sendable {
    public let listen: ListenAddress
    private let settings: MilterSettings
    private let services: ServicesSource
    private let group: any EventLoopGroup
    private let ownsGroup: Bool
    private let ownsThreadPool: Bool
    private let registry: ConnectionRegistry
    /// The listening channel once bound; `shutdownRequested` remembers a shutdown() that came
    /// before the bind completed (a SIGTERM right at start), so that it is not lost.
    private let listener = NIOLockedValueBox<(channel: (any Channel)?, shutdownRequested: Bool)>((nil, false))
    private let stoppedPromise: EventLoopPromise<Void>
    /// Whether `stoppedPromise` is completed (NIO requires every promise to be completed once).
    private let stoppedCompleted = NIOLockedValueBox(false)
    private let logger: Logger

    /// Completes when the server has shut down and every connection is closed.
    public var stopped: EventLoopFuture<Void> { stoppedPromise.futureResult }

    /// - Parameters:
    ///   - config: watch rules, limits and the `milter:` settings.
    ///   - listen: overrides `config.milter.listen` (`heed serve --listen`).
    ///   - evaluator: decides about parsed messages; `EngineEvaluator` in production.
    public init(config: HeedConfig, listen: ListenAddress? = nil, evaluator: any MessageEvaluator,
                adviceSink: any AdviceSink = NoAdviceSink(), logger: Logger,
                group: (any EventLoopGroup)? = nil, threadPool: NIOThreadPool? = nil) {
        self.listen = listen ?? config.milter.listen
        self.settings = config.milter
        self.logger = logger
        if let group {
            self.group = group
            ownsGroup = false
        } else {
            self.group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
            ownsGroup = true
        }
        let pool: NIOThreadPool
        if let threadPool {
            pool = threadPool
            ownsThreadPool = false
        } else {
            pool = NIOThreadPool(numberOfThreads: max(2, System.coreCount))
            pool.start()
            ownsThreadPool = true
        }
        registry = ConnectionRegistry(maximum: config.milter.maxConnections)
        stoppedPromise = self.group.any().makePromise(of: Void.self)
        services = ServicesSource(
            Self.services(version: 0, config: config, evaluator: evaluator, adviceSink: adviceSink, pool: pool, logger: logger))
    }

    private static func services(
        version: Int, config: HeedConfig, evaluator: any MessageEvaluator, adviceSink: any AdviceSink,
        pool: NIOThreadPool, logger: Logger
    ) -> ConnectionServices {
        ConnectionServices(
            version: version, scanner: MessageScanner(limits: config.limits, evaluator: evaluator),
            threadPool: pool, adviceSink: adviceSink, settings: SessionSettings(config: config),
            negotiationTimeout: TimeAmount(config.milter.negotiationTimeout),
            commandTimeout: TimeAmount(config.milter.commandTimeout),
            evaluationTimeout: TimeAmount(config.milter.evaluationTimeout),
            logger: logger)
    }

    /// Judges every message that starts from now on with `config`, `evaluator` and
    /// `adviceSink`: on connections opened later and, from their next MAIL, on connections open
    /// now. A message under way finishes with the configuration it started with. Nothing is
    /// dropped. Returns the settings that only a restart changes (listen address, connection and
    /// frame bounds, shutdown grace), by configuration key, when `config` changes them.
    @discardableResult
    public func reload(config: HeedConfig, evaluator: any MessageEvaluator, adviceSink: any AdviceSink) -> [String] {
        var needRestart: [String] = []
        if config.milter.listen != settings.listen { needRestart.append("milter.listen") }
        if config.milter.maxConnections != settings.maxConnections { needRestart.append("milter.max_connections") }
        if config.milter.maxFrameSize != settings.maxFrameSize { needRestart.append("milter.max_frame_size") }
        if config.milter.shutdownGrace != settings.shutdownGrace { needRestart.append("milter.timeouts.shutdown") }
        services.update { current in
            Self.services(
                version: current.version + 1, config: config, evaluator: evaluator, adviceSink: adviceSink,
                pool: current.threadPool, logger: current.logger)
        }
        return needRestart
    }

    deinit {
        completeStopped(MilterServerError.droppedWithoutShutdown)
    }

    /// Binds and starts accepting. Returns the bound address (with the real port when 0 was asked).
    public func start() -> EventLoopFuture<SocketAddress> {
        let services = self.services
        let registry = self.registry
        let logger = self.logger
        let maximumFrameSize = settings.maxFrameSize
        var bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .childChannelInitializer { channel in
                guard registry.admit(channel) else {
                    logger.warning("connection refused: too many connections or shutting down",
                                   metadata: ["max_connections": "\(registry.maximum)"])
                    channel.close(promise: nil)
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                channel.closeFuture.whenComplete { _ in registry.remove(channel) }
                let peer = channel.remoteAddress.map { "\($0)" } ?? "local"
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(MilterFrameDecoder<MilterCommand>(maximumFrameSize: maximumFrameSize)),
                        MessageToByteHandler(MilterReplyEncoder()),
                        MilterChannelHandler(source: services, peer: peer),
                    ])
                }
            }
        let bound: EventLoopFuture<any Channel>
        switch listen {
        case .inet(let host, let port):
            // One flush per step is only half of the Nagle fix: the other half is TCP_NODELAY.
            bootstrap = bootstrap.childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            bound = bootstrap.bind(host: host, port: port)
        case .unix(let path):
            bound = bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true)
        }
        return bound.flatMapThrowing { channel in
            let stopAtOnce = self.listener.withLockedValue { listener in
                listener.channel = channel
                return listener.shutdownRequested
            }
            guard let address = channel.localAddress else { throw MilterServerError.noLocalAddress }
            logger.info("heed milter listening", metadata: ["listen": "\(self.listen)", "address": "\(address)"])
            if stopAtOnce { self.shutdown() }
            return address
        }
    }

    /// Stops accepting, lets messages in flight finish within the shutdown grace, closes the
    /// rest, then releases the event loops and thread pool the server owns. Safe to call twice.
    public func shutdown() {
        let channel = listener.withLockedValue { listener in
            defer {
                listener.channel = nil
                listener.shutdownRequested = true
            }
            return listener.channel
        }
        guard let channel else { return }  // not bound yet (start() shuts down once it is), or done
        logger.info("shutting down: no new connections; finishing messages in flight",
                    metadata: ["connections": "\(registry.count)"])
        let loop = group.any()
        channel.close().whenComplete { _ in
            for connection in self.registry.close() {
                connection.pipeline.fireUserInboundEventTriggered(DrainEvent())
            }
            self.waitForConnections(on: loop, until: .now() + TimeAmount(self.settings.shutdownGrace))
        }
    }

    private func waitForConnections(on loop: any EventLoop, until deadline: NIODeadline) {
        let remaining = registry.count
        if remaining == 0 || NIODeadline.now() >= deadline {
            if remaining > 0 {
                logger.warning("shutdown grace over; closing connections still busy", metadata: ["connections": "\(remaining)"])
                for connection in registry.close() { connection.close(promise: nil) }
            }
            finish()
            return
        }
        loop.scheduleTask(in: .milliseconds(20)) { self.waitForConnections(on: loop, until: deadline) }
    }

    private func finish() {
        logger.info("heed milter stopped")
        let pool = ownsThreadPool ? services.current.threadPool : nil
        let group = ownsGroup ? self.group : nil
        // Threads cannot be joined from one of their own: release them from a fresh thread.
        DispatchQueue.global().async {
            try? pool?.syncShutdownGracefully()
            self.completeStopped()
            try? group?.syncShutdownGracefully()
        }
    }
}

extension MilterServer {
    private func completeStopped(_ error: (any Error)? = nil) {
        let first = stoppedCompleted.withLockedValue { completed in
            defer { completed = true }
            return !completed
        }
        guard first else { return }
        if let error { stoppedPromise.fail(error) } else { stoppedPromise.succeed(()) }
    }
}

/// The current `ConnectionServices`, replaced whole by a reload.
final class ServicesSource: Sendable {
    private let box: NIOLockedValueBox<ConnectionServices>

    init(_ services: ConnectionServices) { box = NIOLockedValueBox(services) }

    var current: ConnectionServices { box.withLockedValue { $0 } }

    func update(_ make: (ConnectionServices) -> ConnectionServices) {
        box.withLockedValue { $0 = make($0) }
    }
}

public enum MilterServerError: Error, CustomStringConvertible {
    case noLocalAddress
    case droppedWithoutShutdown
    public var description: String {
        switch self {
        case .noLocalAddress: "the listening socket has no local address"
        case .droppedWithoutShutdown: "the server was released without shutdown()"
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}


extension MilterServer {
    /// Blocking form of `start()` for a command-line main thread. Returns the bound address as text.
    public func startAndWait() throws -> String {
        "\(try start().wait())"
    }

    /// Blocks until `shutdown()` has finished (call from a thread that is not an event loop).
    public func waitUntilStopped() throws {
        try stopped.wait()
    }
}
