/// `setWebhook`: Telegram POSTs updates to `url`, with `secretToken` in X-Telegram-Bot-Api-Secret-Token.
public struct SetWebhook: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "setWebhook"

    public var url: String
    /// 1–256 characters of A-Z a-z 0-9 _ -.
    public var secretToken: String?
    public var allowedUpdates: [String]?
    /// 1–100, default 40.
    public var maxConnections: Int?
    public var dropPendingUpdates: Bool?

    public init(
        url: String, secretToken: String? = nil, allowedUpdates: [String]? = nil, maxConnections: Int? = nil,
        dropPendingUpdates: Bool? = nil
    ) {
        self.url = url
        self.secretToken = secretToken
        self.allowedUpdates = allowedUpdates
        self.maxConnections = maxConnections
        self.dropPendingUpdates = dropPendingUpdates
    }

    enum CodingKeys: String, CodingKey {
        case url
        case secretToken = "secret_token"
        case allowedUpdates = "allowed_updates"
        case maxConnections = "max_connections"
        case dropPendingUpdates = "drop_pending_updates"
    }
}

/// `deleteWebhook`: back to getUpdates.
public struct DeleteWebhook: TelegramMethod, Equatable {
    public typealias Result = Bool
    public static let name = "deleteWebhook"

    public var dropPendingUpdates: Bool?

    public init(dropPendingUpdates: Bool? = nil) { self.dropPendingUpdates = dropPendingUpdates }

    enum CodingKeys: String, CodingKey { case dropPendingUpdates = "drop_pending_updates" }
}
