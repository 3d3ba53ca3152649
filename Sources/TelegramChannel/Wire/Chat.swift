/// A chat (`Chat`): private, group, supergroup or channel.
public struct Chat: Sendable, Equatable, Codable {
    public var id: Int64
    /// "private", "group", "supergroup" or "channel".
    public var type: String
    public var title: String?
    public var username: String?
    public var firstName: String?
    public var isForum: Bool?

    public init(
        id: Int64, type: String, title: String? = nil, username: String? = nil, firstName: String? = nil,
        isForum: Bool? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.username = username
        self.firstName = firstName
        self.isForum = isForum
    }

    /// Whether this is a one-to-one chat with a user.
    public var isPrivate: Bool { type == "private" }

    enum CodingKeys: String, CodingKey {
        case id, type, title, username
        case firstName = "first_name"
        case isForum = "is_forum"
    }
}
