#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One complete inbound HTTP request, as libmicrohttpd parsed it.
public struct HTTPRequest: Sendable {
    /// The method, e.g. "GET".
    public var method: String
    /// The percent-decoded path, without the query string.
    public var path: String
    /// Percent-decoded query arguments; for a repeated name, the first value.
    public var query: [String: String]
    /// Headers keyed by lowercased name; for a repeated name, the values joined with ", ".
    public var headers: [String: String]
    /// The raw body, never larger than ``HTTPServerConfiguration/maxBodyBytes``.
    public var body: Data
    /// The peer's numeric IP address, if known.
    public var remoteAddress: String?

    /// Creates a request value (tests and handlers that forward requests use this).
    public init(
        method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
        body: Data = Data(), remoteAddress: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }
}
