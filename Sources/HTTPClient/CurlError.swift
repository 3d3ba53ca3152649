/// A failed transfer: libcurl's code and message, and the URL with secrets removed.
public struct CurlError: Error, Sendable, CustomStringConvertible {
    /// The CURLcode (or CURLMcode for multi failures), or ``CurlError/shutdownCode`` when the client shut down.
    public var code: Int32
    /// curl's explanation, with any bot token removed.
    public var message: String
    /// The request URL, redacted: `/bot<token>/` segments become `bot<redacted>`, no query, no user info.
    public var url: String

    /// The code used when a transfer ends because ``HTTPClient/shutdown()`` was called.
    public static let shutdownCode: Int32 = -1

    /// Creates an error, redacting `url` and `message`.
    public init(code: Int32, message: String, url: String) {
        self.code = code
        self.message = URLRedactor.redactText(message)
        self.url = URLRedactor.redact(url)
    }

    /// True when the total or connect timeout ran out (CURLE_OPERATION_TIMEDOUT).
    public var isTimeout: Bool { code == 28 }

    /// True when no usable connection was had: resolve failures (5, 6), refused or
    /// unreachable (7), and a connection dropped with nothing or partial data (52, 55, 56).
    public var isConnectionFailure: Bool { [5, 6, 7, 52, 55, 56].contains(code) }

    /// "curl error 7 (…) for https://host/bot<redacted>/getMe".
    public var description: String { "curl error \(code) (\(message)) for \(url)" }
}
