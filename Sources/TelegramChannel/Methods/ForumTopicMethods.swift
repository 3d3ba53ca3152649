/// `editForumTopic`: renames a topic (the bot created it, so no admin right beyond the group's is needed).
public struct EditForumTopic: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "editForumTopic"

    public var chatID: Int64
    public var messageThreadID: Int64
    /// 0–128 characters.
    public var name: String?

    public init(chatID: Int64, messageThreadID: Int64, name: String?) {
        self.chatID = chatID
        self.messageThreadID = messageThreadID
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageThreadID = "message_thread_id"
        case name
    }
}

/// `closeForumTopic`: closes a finished case's topic (it stays readable).
public struct CloseForumTopic: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "closeForumTopic"

    public var chatID: Int64
    public var messageThreadID: Int64

    public init(chatID: Int64, messageThreadID: Int64) {
        self.chatID = chatID
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageThreadID = "message_thread_id"
    }
}

/// Describes the message a new message replies to (groups without topics: replies to the case card).
public struct ReplyParameters: Encodable, Sendable, Equatable {
    public var messageID: Int64
    /// Send even if the card was deleted.
    public var allowSendingWithoutReply: Bool?

    public init(messageID: Int64, allowSendingWithoutReply: Bool? = true) {
        self.messageID = messageID
        self.allowSendingWithoutReply = allowSendingWithoutReply
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case allowSendingWithoutReply = "allow_sending_without_reply"
    }
}
