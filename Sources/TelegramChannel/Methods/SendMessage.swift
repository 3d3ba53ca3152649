/// `sendMessage`: a text message, optionally with an inline keyboard, optionally into a forum topic.
public struct SendMessage: TelegramMethod, Equatable {
    public typealias Result = MessageID
    public static let name = "sendMessage"

    public var chatID: Int64
    /// Plain text already escaped for `parseMode`; 1–4096 characters after entity parsing.
    public var text: String
    public var parseMode: String?
    public var replyMarkup: InlineKeyboardMarkup?
    /// Omit for the General topic: sending with 1 fails.
    public var messageThreadID: Int64?
    public var linkPreviewOptions: LinkPreviewOptions?
    public var replyParameters: ReplyParameters?

    public init(
        chatID: Int64, text: String, parseMode: String? = "HTML", replyMarkup: InlineKeyboardMarkup? = nil,
        messageThreadID: Int64? = nil, linkPreviewOptions: LinkPreviewOptions? = LinkPreviewOptions(isDisabled: true),
        replyParameters: ReplyParameters? = nil
    ) {
        self.chatID = chatID
        self.text = text
        self.parseMode = parseMode
        self.replyMarkup = replyMarkup
        self.messageThreadID = messageThreadID
        self.linkPreviewOptions = linkPreviewOptions
        self.replyParameters = replyParameters
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case text
        case parseMode = "parse_mode"
        case replyMarkup = "reply_markup"
        case messageThreadID = "message_thread_id"
        case linkPreviewOptions = "link_preview_options"
        case replyParameters = "reply_parameters"
    }
}
