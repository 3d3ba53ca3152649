/// Where the server listens and the limits it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// A numeric IPv4 or IPv6 address to bind (names are not resolved).
    public var host: String
    /// The port; 0 binds an ephemeral port, readable from ``HTTPServer/port`` after start.
    public var port: UInt16
    /// Larger request bodies are refused with 413 without being buffered (an ``HTTPAdmitter`` sets its own per route).
    public var maxBodyBytes: Int
    /// The most simultaneous connections (MHD_OPTION_CONNECTION_LIMIT).
    public var maxConnections: Int
    /// Idle connections are closed after this many seconds; suspended (in-handler) ones are not.
    public var connectionTimeoutSeconds: Int
    /// The number of libmicrohttpd polling threads.
    public var threadPoolSize: Int
    /// The per-connection memory pool for headers and upload buffering (MHD_OPTION_CONNECTION_MEMORY_LIMIT).
    public var connectionMemoryLimitBytes: Int
    /// The most simultaneous connections from one IP address (MHD_OPTION_PER_IP_CONNECTION_LIMIT); 0 = none.
    /// Behind a reverse proxy every connection comes from the proxy: raise it to `maxConnections` there.
    public var perIPConnectionLimit: Int
    /// A request's headers and body must have arrived within this many seconds of its start, however
    /// steadily they drip (the idle timeout alone lets slowloris hold a connection for ever); 0 = none.
    public var requestDeadlineSeconds: Int
    /// Refused credentials (401/403) one client may cause per ``failureWindowSeconds`` before its
    /// requests are answered 429 on their headers; 0 = unlimited.
    public var failureBudget: Int
    /// The window of ``failureBudget``.
    public var failureWindowSeconds: Int
    /// A header naming the real client (e.g. "X-Real-IP"), believed only when the peer is a loopback
    /// address (a reverse proxy on the same machine); it keys the failure budget. nil: the peer address.
    public var clientAddressHeader: String?

    /// Creates a configuration; the defaults bind 127.0.0.1 for a reverse proxy in front.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        maxBodyBytes: Int = 1 << 20,
        maxConnections: Int = 256,
        connectionTimeoutSeconds: Int = 30,
        threadPoolSize: Int = 4,
        connectionMemoryLimitBytes: Int = 64 << 10,
        perIPConnectionLimit: Int = 64,
        requestDeadlineSeconds: Int = 20,
        failureBudget: Int = 20,
        failureWindowSeconds: Int = 60,
        clientAddressHeader: String? = nil
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.threadPoolSize = threadPoolSize
        self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
        self.perIPConnectionLimit = perIPConnectionLimit
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.failureBudget = failureBudget
        self.failureWindowSeconds = failureWindowSeconds
        self.clientAddressHeader = clientAddressHeader
    }
}
