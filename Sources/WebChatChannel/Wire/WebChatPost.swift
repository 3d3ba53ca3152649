#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the page posts to `/chat/send`: text or a button press, with the page's idempotency key.
struct WebChatPost: Decodable, Sendable {
    /// Chosen by the page per message and reused on retries: a retried post is handled once.
    var key: String
    var text: String?
    /// A button's payload, and its label for the echo.
    var button: String?
    var label: String?

    /// Keys are 8–64 characters of [A-Za-z0-9_-] (a UUID fits); anything else is refused.
    static func isValidKey(_ key: String) -> Bool {
        (8...64).contains(key.utf8.count)
            && key.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}

/// What the page posts to `/chat/ack`: the last entry it has shown.
struct WebChatAck: Decodable, Sendable {
    var upTo: Int64
}
