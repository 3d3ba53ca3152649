/// A message (`Message`), reduced to what the bot reads; unknown fields are ignored.
public struct Message: Sendable, Equatable, Codable {
    public var messageID: Int64
    public var from: User?
    public var chat: Chat
    /// Unix seconds.
    public var date: Int64
    public var text: String?
    public var caption: String?
    /// Several resolutions, smallest first.
    public var photo: [PhotoSize]?
    public var document: Document?
    public var location: Location?
    public var contact: Contact?
    /// A topic id only when `isTopicMessage` is true; otherwise possibly a reply thread.
    public var messageThreadID: Int64?
    public var isTopicMessage: Bool?
    public var forumTopicCreated: ForumTopicCreated?
    public var newChatMembers: [User]?
    public var leftChatMember: User?
    /// True when the message carries one of the service fields (members joined, topic created, pinned…).
    public var isServiceMessage: Bool
    private var replyBox: MessageBox?

    /// The message this one replies to; in a forum topic, the topic's creation message.
    public var replyToMessage: Message? {
        get { replyBox?.message }
        set { replyBox = newValue.map(MessageBox.init) }
    }

    public init(
        messageID: Int64, from: User?, chat: Chat, date: Int64, text: String? = nil, caption: String? = nil,
        photo: [PhotoSize]? = nil, document: Document? = nil, location: Location? = nil, contact: Contact? = nil,
        messageThreadID: Int64? = nil, isTopicMessage: Bool? = nil, replyToMessage: Message? = nil,
        forumTopicCreated: ForumTopicCreated? = nil, newChatMembers: [User]? = nil, leftChatMember: User? = nil
    ) {
        self.messageID = messageID
        self.from = from
        self.chat = chat
        self.date = date
        self.text = text
        self.caption = caption
        self.photo = photo
        self.document = document
        self.location = location
        self.contact = contact
        self.messageThreadID = messageThreadID
        self.isTopicMessage = isTopicMessage
        self.forumTopicCreated = forumTopicCreated
        self.newChatMembers = newChatMembers
        self.leftChatMember = leftChatMember
        self.isServiceMessage = forumTopicCreated != nil || newChatMembers != nil || leftChatMember != nil
        self.replyBox = replyToMessage.map(MessageBox.init)
    }

    /// The largest photo resolution, the one worth keeping.
    public var largestPhoto: PhotoSize? {
        photo?.max { ($0.width * $0.height, $0.fileSize ?? 0) < ($1.width * $1.height, $1.fileSize ?? 0) }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case messageID = "message_id"
        case from, chat, date, text, caption, photo, document, location, contact
        case messageThreadID = "message_thread_id"
        case isTopicMessage = "is_topic_message"
        case replyToMessage = "reply_to_message"
        case forumTopicCreated = "forum_topic_created"
        case newChatMembers = "new_chat_members"
        case leftChatMember = "left_chat_member"
    }

    /// Service fields the bot does not model but must recognise so it does not answer them as "unsupported".
    static let serviceKeys: Set<String> = [
        "new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo", "delete_chat_photo",
        "group_chat_created", "supergroup_chat_created", "channel_chat_created", "migrate_to_chat_id",
        "migrate_from_chat_id", "pinned_message", "forum_topic_created", "forum_topic_edited",
        "forum_topic_closed", "forum_topic_reopened", "general_forum_topic_hidden",
        "general_forum_topic_unhidden", "message_auto_delete_timer_changed", "write_access_allowed",
        "video_chat_started", "video_chat_ended", "video_chat_scheduled", "video_chat_participants_invited",
        "users_shared", "chat_shared", "boost_added", "chat_background_set",
    ]

    /// A `CodingKey` for each of `serviceKeys`.
    private struct ServiceKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }

        static let all = Message.serviceKeys.map(ServiceKey.init(stringValue:))
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try c.decode(Int64.self, forKey: .messageID)
        from = try c.decodeIfPresent(User.self, forKey: .from)
        chat = try c.decode(Chat.self, forKey: .chat)
        date = try c.decode(Int64.self, forKey: .date)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        photo = try c.decodeIfPresent([PhotoSize].self, forKey: .photo)
        document = try c.decodeIfPresent(Document.self, forKey: .document)
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        messageThreadID = try c.decodeIfPresent(Int64.self, forKey: .messageThreadID)
        isTopicMessage = try c.decodeIfPresent(Bool.self, forKey: .isTopicMessage)
        replyBox = try c.decodeIfPresent(Message.self, forKey: .replyToMessage).map(MessageBox.init)
        forumTopicCreated = try c.decodeIfPresent(ForumTopicCreated.self, forKey: .forumTopicCreated)
        newChatMembers = try c.decodeIfPresent([User].self, forKey: .newChatMembers)
        leftChatMember = try c.decodeIfPresent(User.self, forKey: .leftChatMember)
        let service = try decoder.container(keyedBy: ServiceKey.self)
        isServiceMessage = ServiceKey.all.contains { service.contains($0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messageID, forKey: .messageID)
        try c.encodeIfPresent(from, forKey: .from)
        try c.encode(chat, forKey: .chat)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encodeIfPresent(caption, forKey: .caption)
        try c.encodeIfPresent(photo, forKey: .photo)
        try c.encodeIfPresent(document, forKey: .document)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(messageThreadID, forKey: .messageThreadID)
        try c.encodeIfPresent(isTopicMessage, forKey: .isTopicMessage)
        try c.encodeIfPresent(replyToMessage, forKey: .replyToMessage)
        try c.encodeIfPresent(forumTopicCreated, forKey: .forumTopicCreated)
        try c.encodeIfPresent(newChatMembers, forKey: .newChatMembers)
        try c.encodeIfPresent(leftChatMember, forKey: .leftChatMember)
    }
}

/// Heap storage that lets `Message` contain the message it replies to.
private final class MessageBox: Sendable, Equatable {
    let message: Message

    init(_ message: Message) { self.message = message }

    static func == (lhs: MessageBox, rhs: MessageBox) -> Bool { lhs.message == rhs.message }
}
