#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One HTTP request for ``HTTPClient/send(_:)``.
public struct HTTPClientRequest: Sendable {
    /// The method, e.g. "GET" or "POST" (upper case as sent).
    public var method: String
    /// The absolute http or https URL.
    public var url: String
    /// Request headers in order; duplicates are sent as given.
    public var headers: [(String, String)]
    /// The request body, if any.
    public var body: Data?
    /// The limit for the whole transfer, including a long poll's wait.
    public var timeout: Duration
    /// The limit for establishing the connection (DNS, TCP, TLS).
    public var connectTimeout: Duration

    /// Creates a request; GET with a 30 s total and 10 s connect timeout by default.
    public init(
        method: String = "GET",
        url: String,
        headers: [(String, String)] = [],
        body: Data? = nil,
        timeout: Duration = .seconds(30),
        connectTimeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}
