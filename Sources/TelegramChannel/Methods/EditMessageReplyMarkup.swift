/// `editMessageReplyMarkup`: replaces (or, with nil, removes) the inline keyboard of a sent message.
public struct EditMessageReplyMarkup: TelegramMethod, Equatable {
    /// The edited Message; the `Bool` form only answers inline-mode edits, which the bot does not make.
    public typealias Result = Message
    public static let name = "editMessageReplyMarkup"

    public var chatID: Int64
    public var messageID: Int64
    public var replyMarkup: InlineKeyboardMarkup?

    public init(chatID: Int64, messageID: Int64, replyMarkup: InlineKeyboardMarkup? = nil) {
        self.chatID = chatID
        self.messageID = messageID
        self.replyMarkup = replyMarkup
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case messageID = "message_id"
        case replyMarkup = "reply_markup"
    }
}
