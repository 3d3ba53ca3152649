/// Why the server could not start.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: Sendable, Equatable {
        /// The host is not a numeric IPv4 or IPv6 address.
        case invalidAddress
        /// libmicrohttpd refused to start (port in use, limits, resources).
        case startFailed
        /// start() was called on a server that is running or was stopped.
        case invalidState
    }

    /// What went wrong.
    public var code: Code
    /// A short explanation (host and port only, never request data).
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// "HTTP server startFailed: …".
    public var description: String { "HTTP server \(code): \(message)" }
}
