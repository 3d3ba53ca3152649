/// How the web chat behaves: its secret, who may embed it, and the limits it enforces.
public struct WebChatConfiguration: Sendable {
    /// Signs conversation tokens (HMAC-SHA256); from the environment (`SAFA_WEBCHAT_SECRET`) only.
    public var secret: [UInt8]
    /// Origins allowed to embed the chat ("https://safa.org.sa"): CORS and `frame-ancestors`.
    public var allowedOrigins: [String]
    /// How long a fetch for new replies waits before it answers empty (proxies cut idle requests near 60 s).
    public var waitSeconds: Int
    /// The longest message a beneficiary may type, in characters.
    public var maxTextLength: Int
    /// Entries per fetch; a page further behind fetches again at once.
    public var entriesPerFetch: Int
    /// The largest file a beneficiary may upload (the HTTP server's body limit applies first).
    public var maxUploadBytes: Int
    /// Whether the conversation cookie carries `Secure` (off only for a plain-HTTP test on a LAN address).
    public var secureCookie: Bool

    public init(
        secret: [UInt8], allowedOrigins: [String] = [], waitSeconds: Int = 25, maxTextLength: Int = 2000,
        entriesPerFetch: Int = 100, maxUploadBytes: Int = 5 << 20, secureCookie: Bool = true
    ) {
        self.maxUploadBytes = maxUploadBytes
        self.secret = secret
        self.allowedOrigins = allowedOrigins
        self.waitSeconds = waitSeconds
        self.maxTextLength = maxTextLength
        self.entriesPerFetch = entriesPerFetch
        self.secureCookie = secureCookie
    }
}
