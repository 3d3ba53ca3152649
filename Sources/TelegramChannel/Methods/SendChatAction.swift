/// `sendChatAction`: shows "typing…" (or another action) for up to 5 seconds.
public struct SendChatAction: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "sendChatAction"

    public var chatID: Int64
    /// "typing", "upload_photo", "upload_document", …
    public var action: String
    public var messageThreadID: Int64?

    public init(chatID: Int64, action: String = "typing", messageThreadID: Int64? = nil) {
        self.chatID = chatID
        self.action = action
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case action
        case messageThreadID = "message_thread_id"
    }
}
