import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The browser's proof that a conversation is its own: "<id>.<mac>", where `id` is 128 random bits in hex
/// (the conversation key's chat, safe to log) and `mac` an HMAC-SHA256 of it under the bot's secret.
///
/// Nothing is stored per token: a forged or altered id fails the MAC and is refused, and a log line naming
/// the conversation id does not let anyone take it over.
public struct ConversationToken: Sendable, Equatable {
    /// The conversation id: 32 lowercase hex digits.
    public let id: String
    /// The whole token, as the cookie or the embed's storage holds it.
    public let value: String

    /// A new conversation with a random id, signed with `secret`.
    public static func issue(secret: [UInt8]) -> ConversationToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let id = Hashing.hex(bytes)
        return ConversationToken(id: id, value: "\(id).\(mac(id, secret: secret))")
    }

    /// The token in `value` when it is well formed and signed with `secret`, else nil.
    public static func verify(_ value: String, secret: [UInt8]) -> ConversationToken? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 32, parts[1].utf8.count == 64,
            parts[0].utf8.allSatisfy(isHexDigit), parts[1].utf8.allSatisfy(isHexDigit)
        else { return nil }
        let id = String(parts[0])
        let expected = Array(mac(id, secret: secret).utf8)
        guard Hashing.constantTimeEquals(expected, Array(parts[1].utf8)) else { return nil }
        return ConversationToken(id: id, value: value)
    }

    private static func mac(_ id: String, secret: [UInt8]) -> String {
        Hashing.hex(Hashing.hmacSHA256(key: Data(secret), data: Data("safa-web-chat:\(id)".utf8)))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
