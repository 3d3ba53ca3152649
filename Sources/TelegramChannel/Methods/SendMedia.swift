/// `sendPhoto` by file_id: relays a photo already on Telegram's servers.
public struct SendPhoto: TelegramMethod, Equatable {
    public typealias Result = MessageID
    public static let name = "sendPhoto"

    public var chatID: Int64
    /// A file_id the bot received.
    public var photo: String
    /// 0–1024 characters after entity parsing.
    public var caption: String?
    public var parseMode: String?
    public var messageThreadID: Int64?

    public init(
        chatID: Int64, photo: String, caption: String? = nil, parseMode: String? = nil,
        messageThreadID: Int64? = nil
    ) {
        self.chatID = chatID
        self.photo = photo
        self.caption = caption
        self.parseMode = parseMode
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case photo, caption
        case parseMode = "parse_mode"
        case messageThreadID = "message_thread_id"
    }
}

/// `sendDocument` by file_id: relays a file already on Telegram's servers.
public struct SendDocument: TelegramMethod, Equatable {
    public typealias Result = MessageID
    public static let name = "sendDocument"

    public var chatID: Int64
    /// A file_id the bot received.
    public var document: String
    public var caption: String?
    public var parseMode: String?
    public var messageThreadID: Int64?

    public init(
        chatID: Int64, document: String, caption: String? = nil, parseMode: String? = nil,
        messageThreadID: Int64? = nil
    ) {
        self.chatID = chatID
        self.document = document
        self.caption = caption
        self.parseMode = parseMode
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case document, caption
        case parseMode = "parse_mode"
        case messageThreadID = "message_thread_id"
    }
}

/// `copyMessage`: relays any message (text, media…) without a "forwarded from" header.
public struct CopyMessage: TelegramMethod, Equatable {
    public typealias Result = MessageID
    public static let name = "copyMessage"

    public var chatID: Int64
    public var fromChatID: Int64
    public var messageID: Int64
    public var messageThreadID: Int64?

    public init(chatID: Int64, fromChatID: Int64, messageID: Int64, messageThreadID: Int64? = nil) {
        self.chatID = chatID
        self.fromChatID = fromChatID
        self.messageID = messageID
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case fromChatID = "from_chat_id"
        case messageID = "message_id"
        case messageThreadID = "message_thread_id"
    }
}
