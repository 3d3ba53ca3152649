/// `createForumTopic`: a topic in a forum supergroup (one per case in the officers' group).
public struct CreateForumTopic: TelegramMethod, Equatable {
    public typealias Result = ForumTopic
    public static let name = "createForumTopic"

    /// The colours Telegram accepts for `iconColor`.
    public static let iconColors = [7_322_096, 16_766_590, 13_338_331, 9_367_192, 16_749_490, 16_478_047]

    public var chatID: Int64
    /// 1–128 characters.
    public var name: String
    public var iconColor: Int?

    public init(chatID: Int64, name: String, iconColor: Int? = nil) {
        self.chatID = chatID
        self.name = name
        self.iconColor = iconColor
    }

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case name
        case iconColor = "icon_color"
    }
}
