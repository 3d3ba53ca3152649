import CMicroHTTPD
import Dispatch
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
    private let reaper = Mutex<(any DispatchSourceTimer)?>(nil)
    /// Requests refused before or instead of their handler, by reason (for `/metrics`).
    public let refusals: HTTPRefusals

    /// Creates a stopped server; call ``start()``.
    ///
    /// `admit` decides on each request's headers, before any body is read: which body size to accept, or
    /// which answer to give at once (unknown path, wrong method, wrong credentials). Without it every
    /// request may send up to ``HTTPServerConfiguration/maxBodyBytes``.
    public init(
        configuration: HTTPServerConfiguration, refusals: HTTPRefusals = HTTPRefusals(), admit: HTTPAdmitter? = nil,
        handler: @escaping HTTPHandler
    ) {
        self.configuration = configuration
        self.refusals = refusals
        self.context = ServerContext(configuration: configuration, refusals: refusals, admit: admit, handler: handler)
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
                    UInt32(clamping: configuration.threadPoolSize),
                    UInt32(clamping: configuration.perIPConnectionLimit),
                    serverConnectionNotified, contextPointer)
            }
            guard let daemon else {
                throw HTTPServerError(
                    code: .startFailed, message: "could not listen on \(configuration.host):\(configuration.port)")
            }
            state = .running(Daemon(pointer: daemon), port: cmhd_daemon_bind_port(daemon))
        }
        if let deadlines = context.deadlines { reaper.withLock { $0 = deadlines.startReaping() } }
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
        reaper.withLock { $0?.cancel() }
        context.deadlines?.stop()
        context.abandonSuspended()
        MHD_stop_daemon(daemon.pointer)
    }
}
