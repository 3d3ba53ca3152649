/// An incoming update (`Update`); at most one of the optional fields is present.
public struct Update: Sendable, Equatable, Codable {
    public var updateID: Int64
    public var message: Message?
    public var editedMessage: Message?
    public var callbackQuery: CallbackQuery?
    public var myChatMember: ChatMemberUpdated?

    public init(
        updateID: Int64, message: Message? = nil, editedMessage: Message? = nil,
        callbackQuery: CallbackQuery? = nil, myChatMember: ChatMemberUpdated? = nil
    ) {
        self.updateID = updateID
        self.message = message
        self.editedMessage = editedMessage
        self.callbackQuery = callbackQuery
        self.myChatMember = myChatMember
    }

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id"
        case message
        case editedMessage = "edited_message"
        case callbackQuery = "callback_query"
        case myChatMember = "my_chat_member"
    }
}
