public import HTTPServer

/// One route of the web chat, as the bot's HTTP server needs it: an exact path, the methods it serves
/// (others are refused on their headers) and the largest body it reads (larger is 413 before reading).
public struct WebChatRoute: Sendable {
    /// A message post: ``WebChatConfiguration/maxTextLength`` characters, each written as a six-byte
    /// `\uXXXX` escape, and the key and button fit with room to spare.
    public static let postBodyBytes = 16 << 10

    public var path: String
    public var methods: Set<String>
    public var maxBodyBytes: Int
    public var handler: HTTPHandler

    public init(path: String, methods: Set<String>, maxBodyBytes: Int, handler: @escaping HTTPHandler) {
        self.path = path
        self.methods = methods
        self.maxBodyBytes = maxBodyBytes
        self.handler = handler
    }
}
