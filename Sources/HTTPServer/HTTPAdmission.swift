/// What the server knows about a request once its headers have arrived, before any body is read.
public struct HTTPRequestHead: Sendable {
    /// The method, e.g. "POST".
    public var method: String
    /// The percent-decoded path, without the query string.
    public var path: String
    /// Headers keyed by lowercased name (as in ``HTTPRequest/headers``).
    public var headers: [String: String]
    /// The peer's numeric IP address, if known.
    public var remoteAddress: String?

    /// Creates a request head (tests use this).
    public init(method: String, path: String, headers: [String: String] = [:], remoteAddress: String? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.remoteAddress = remoteAddress
    }
}

/// The decision taken on a request's head: read a body of at most so many bytes, or answer now.
///
/// Refusing here costs the server nothing: the body is never read (and a client that sent
/// `Expect: 100-continue` never sends it). Unknown paths, wrong methods and wrong credentials belong here.
public enum HTTPAdmission: Sendable {
    /// Read the body (at most `maxBodyBytes`, else 413) and call the handler. `countsFailures`: a 401/403
    /// from the handler spends the client's failure budget — for routes whose handler checks a credential
    /// (a webhook signature, an API key); not for one whose 401 is an ordinary "start again" (an expired
    /// web chat cookie), where it would lock out everyone behind the same proxy address.
    case accept(maxBodyBytes: Int, countsFailures: Bool = true)
    /// Answer `response` without reading the body; `reason` labels the refusal in ``HTTPRefusals``
    /// ("not_found", "method_not_allowed", "unauthorized", …).
    case refuse(HTTPResponse, reason: String)
}

/// Decides on a request's head; runs on a libmicrohttpd thread, so it must be quick and must not block.
public typealias HTTPAdmitter = @Sendable (HTTPRequestHead) -> HTTPAdmission
