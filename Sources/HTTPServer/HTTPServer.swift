import CMicroHTTPD
import Synchronization

/// Handles one request; runs on Swift's concurrency pool while its connection is suspended.
public typealias HTTPHandler = @Sendable (HTTPRequest) async -> HTTPResponse

/// An HTTP/1.1 server over libmicrohttpd whose handlers are async and never block MHD threads.
public final class HTTPServer: Sendable {
    /// The daemon's life cycle.
    private enum LifeCycle {
        case idle
        case running(Daemon, port: UInt16)
        case stopped
    }

    /// The `struct MHD_Daemon *`.
    ///
    /// @unchecked Sendable: only HTTPServer's lock-protected life cycle holds it, and it is passed
    /// to MHD_stop_daemon exactly once, on the transition to `.stopped`.
    private struct Daemon: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let configuration: HTTPServerConfiguration
    private let context: ServerContext
    private let lifeCycle = Mutex(LifeCycle.idle)

    /// Creates a stopped server; call ``start()``.
    public init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.context = ServerContext(handler: handler, maxBodyBytes: configuration.maxBodyBytes)
    }

    deinit {
        stop()
    }

    /// Binds and starts the polling threads; throws ``HTTPServerError``.
    public func start() throws {
        guard let address = SocketAddress(host: configuration.host, port: configuration.port) else {
            throw HTTPServerError(code: .invalidAddress, message: "not a numeric IP address: \(configuration.host)")
        }
        try lifeCycle.withLock { state throws(HTTPServerError) in
            guard case .idle = state else {
                throw HTTPServerError(code: .invalidState, message: "start() on a server that is running or stopped")
            }
            var flags =
                MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
            if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
            let contextPointer = Unmanaged.passUnretained(context).toOpaque()
            let daemon = address.withSockaddr { sockaddr in
                cmhd_start_daemon(
                    flags, configuration.port, sockaddr,
                    serverAccessHandler, contextPointer,
                    serverRequestCompleted, contextPointer,
                    UInt32(clamping: configuration.maxConnections),
                    UInt32(clamping: configuration.connectionTimeoutSeconds),
                    configuration.connectionMemoryLimitBytes,
                    UInt32(clamping: configuration.threadPoolSize))
            }
            guard let daemon else {
                throw HTTPServerError(
                    code: .startFailed, message: "could not listen on \(configuration.host):\(configuration.port)")
            }
            state = .running(Daemon(pointer: daemon), port: cmhd_daemon_bind_port(daemon))
        }
    }

    /// The bound port while running (the ephemeral one when configured with 0), else 0.
    public var port: UInt16 {
        lifeCycle.withLock { state in
            if case .running(_, let port) = state { return port }
            return 0
        }
    }

    /// Stops the server: suspended requests are answered 503, handlers still running are
    /// abandoned (their results dropped), and MHD's threads are joined. Idempotent.
    public func stop() {
        let daemon = lifeCycle.withLock { state -> Daemon? in
            defer { state = .stopped }
            if case .running(let daemon, _) = state { return daemon }
            return nil
        }
        guard let daemon else { return }
        context.abandonSuspended()
        MHD_stop_daemon(daemon.pointer)
    }
}
