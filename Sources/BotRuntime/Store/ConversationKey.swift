/// Identifies one beneficiary's conversation on one channel.
public struct ConversationKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// "telegram", "whatsapp" or "terminal".
    public var channel: String
    /// The platform's chat id (Telegram chat id, WhatsApp wa_id or BSUID, terminal session name).
    public var chat: String

    public init(channel: String, chat: String) {
        self.channel = channel
        self.chat = chat
    }

    public var description: String { "\(channel):\(chat)" }
}
