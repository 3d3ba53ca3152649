/// A change of the bot's (or a member's) status in a chat (`ChatMemberUpdated`), minimal.
///
/// In private chats it arrives only when the user blocks ("kicked") or unblocks ("member") the bot.
public struct ChatMemberUpdated: Sendable, Equatable, Codable {
    public var chat: Chat
    public var from: User
    public var date: Int64
    public var oldChatMember: ChatMember
    public var newChatMember: ChatMember

    public init(chat: Chat, from: User, date: Int64, oldChatMember: ChatMember, newChatMember: ChatMember) {
        self.chat = chat
        self.from = from
        self.date = date
        self.oldChatMember = oldChatMember
        self.newChatMember = newChatMember
    }

    enum CodingKeys: String, CodingKey {
        case chat, from, date
        case oldChatMember = "old_chat_member"
        case newChatMember = "new_chat_member"
    }
}

/// A member of a chat (`ChatMember`), reduced to its status and user.
public struct ChatMember: Sendable, Equatable, Codable {
    /// "creator", "administrator", "member", "restricted", "left" or "kicked".
    public var status: String
    public var user: User

    public init(status: String, user: User) {
        self.status = status
        self.user = user
    }
}
