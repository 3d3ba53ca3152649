/// A forum topic (`ForumTopic`), as returned by createForumTopic.
public struct ForumTopic: Sendable, Equatable, Codable {
    public var messageThreadID: Int64
    public var name: String
    public var iconColor: Int
    public var iconCustomEmojiID: String?

    public init(messageThreadID: Int64, name: String, iconColor: Int, iconCustomEmojiID: String? = nil) {
        self.messageThreadID = messageThreadID
        self.name = name
        self.iconColor = iconColor
        self.iconCustomEmojiID = iconCustomEmojiID
    }

    enum CodingKeys: String, CodingKey {
        case messageThreadID = "message_thread_id"
        case name
        case iconColor = "icon_color"
        case iconCustomEmojiID = "icon_custom_emoji_id"
    }
}

/// The service payload of a topic-creation message (`ForumTopicCreated`).
public struct ForumTopicCreated: Sendable, Equatable, Codable {
    public var name: String
    public var iconColor: Int
    public var iconCustomEmojiID: String?

    public init(name: String, iconColor: Int, iconCustomEmojiID: String? = nil) {
        self.name = name
        self.iconColor = iconColor
        self.iconCustomEmojiID = iconCustomEmojiID
    }

    enum CodingKeys: String, CodingKey {
        case name
        case iconColor = "icon_color"
        case iconCustomEmojiID = "icon_custom_emoji_id"
    }
}
