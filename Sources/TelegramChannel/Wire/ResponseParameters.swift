/// Why a request failed and how to recover (`ResponseParameters`).
public struct ResponseParameters: Sendable, Equatable, Codable {
    /// The group became a supergroup with this id: resend there.
    public var migrateToChatID: Int64?
    /// Seconds to wait before repeating the request (flood control).
    public var retryAfter: Int?

    public init(migrateToChatID: Int64? = nil, retryAfter: Int? = nil) {
        self.migrateToChatID = migrateToChatID
        self.retryAfter = retryAfter
    }

    enum CodingKeys: String, CodingKey {
        case migrateToChatID = "migrate_to_chat_id"
        case retryAfter = "retry_after"
    }
}
