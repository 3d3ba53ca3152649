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
    /// The header the TLS proxy in front puts the client's address in ("X-Real-IP", "X-Forwarded-For"),
    /// trusted only on requests from the loopback address; nil uses the connection's peer.
    public var clientAddressHeader: String?
    /// Pacing and caps per address and per conversation.
    public var limits: WebChatLimits.Configuration
    /// Whether the conversation cookie carries `Secure` (off only for a plain-HTTP test on a LAN address).
    public var secureCookie: Bool

    public init(
        secret: [UInt8], allowedOrigins: [String] = [], waitSeconds: Int = 25, maxTextLength: Int = 2000,
        entriesPerFetch: Int = 100, maxUploadBytes: Int = 5 << 20, clientAddressHeader: String? = nil,
        limits: WebChatLimits.Configuration = .init(), secureCookie: Bool = true
    ) {
        self.clientAddressHeader = clientAddressHeader
        self.limits = limits
        self.maxUploadBytes = maxUploadBytes
        self.secret = secret
        self.allowedOrigins = allowedOrigins
        self.waitSeconds = waitSeconds
        self.maxTextLength = maxTextLength
        self.entriesPerFetch = entriesPerFetch
        self.secureCookie = secureCookie
    }
}
