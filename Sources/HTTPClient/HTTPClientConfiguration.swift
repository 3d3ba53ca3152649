/// Settings shared by every transfer of one ``HTTPClient``.
public struct HTTPClientConfiguration: Sendable {
    /// How many transfers run at once; further sends wait in a FIFO queue.
    public var maxConcurrentTransfers: Int
    /// The most connections opened to one host (CURLMOPT_MAX_HOST_CONNECTIONS); 0 means no limit.
    public var maxConnectionsPerHost: Int
    /// The User-Agent header sent unless a request sets its own.
    public var userAgent: String
    /// Whether TLS peer and host names are verified. Only ever turn off against a local test server.
    public var verifyTLS: Bool
    /// A response body larger than this aborts the transfer with a CurlError (CURLE_WRITE_ERROR).
    public var maxResponseBodyBytes: Int

    /// Creates a configuration; the defaults suit the Telegram and WhatsApp APIs.
    public init(
        maxConcurrentTransfers: Int = 64,
        maxConnectionsPerHost: Int = 32,
        userAgent: String = "SafaBot/1.0",
        verifyTLS: Bool = true,
        maxResponseBodyBytes: Int = 64 << 20
    ) {
        self.maxConcurrentTransfers = maxConcurrentTransfers
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.userAgent = userAgent
        self.verifyTLS = verifyTLS
        self.maxResponseBodyBytes = maxResponseBodyBytes
    }
}
