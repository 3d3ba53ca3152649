/// A press on an inline-keyboard button (`CallbackQuery`); must be answered with answerCallbackQuery.
public struct CallbackQuery: Sendable, Equatable, Codable {
    public var id: String
    public var from: User
    /// Absent for buttons on inline-mode messages.
    public var message: MaybeInaccessibleMessage?
    public var inlineMessageID: String?
    /// Always sent by today's API; optional because the 2015 webhook-guide example lacks it.
    public var chatInstance: String?
    /// The button's `callback_data`.
    public var data: String?

    public init(
        id: String, from: User, message: MaybeInaccessibleMessage? = nil, inlineMessageID: String? = nil,
        chatInstance: String? = nil, data: String? = nil
    ) {
        self.id = id
        self.from = from
        self.message = message
        self.inlineMessageID = inlineMessageID
        self.chatInstance = chatInstance
        self.data = data
    }

    enum CodingKeys: String, CodingKey {
        case id, from, message
        case inlineMessageID = "inline_message_id"
        case chatInstance = "chat_instance"
        case data
    }
}
