/// Where the server listens and the limits it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// A numeric IPv4 or IPv6 address to bind (names are not resolved).
    public var host: String
    /// The port; 0 binds an ephemeral port, readable from ``HTTPServer/port`` after start.
    public var port: UInt16
    /// Larger request bodies are refused with 413 without being buffered.
    public var maxBodyBytes: Int
    /// The most simultaneous connections (MHD_OPTION_CONNECTION_LIMIT).
    public var maxConnections: Int
    /// Idle connections are closed after this many seconds; suspended (in-handler) ones are not.
    public var connectionTimeoutSeconds: Int
    /// The number of libmicrohttpd polling threads.
    public var threadPoolSize: Int
    /// The per-connection memory pool for headers and upload buffering (MHD_OPTION_CONNECTION_MEMORY_LIMIT).
    public var connectionMemoryLimitBytes: Int

    /// Creates a configuration; the defaults bind 127.0.0.1 for a reverse proxy in front.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 0,
        maxBodyBytes: Int = 1 << 20,
        maxConnections: Int = 256,
        connectionTimeoutSeconds: Int = 30,
        threadPoolSize: Int = 4,
        connectionMemoryLimitBytes: Int = 64 << 10
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.threadPoolSize = threadPoolSize
        self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
    }
}
