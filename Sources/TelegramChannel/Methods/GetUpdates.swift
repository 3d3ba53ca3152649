/// `getUpdates`: long polling; `timeout` seconds (0 = short polling), updates from `offset` on.
public struct GetUpdates: TelegramMethod, Equatable {
    public typealias Result = UpdateBatch
    public static let name = "getUpdates"

    public var offset: Int64?
    /// 1–100.
    public var limit: Int?
    public var timeout: Int?
    /// Omitted keeps the previous setting (it is sticky on Telegram's side).
    public var allowedUpdates: [String]?

    public init(offset: Int64? = nil, limit: Int? = nil, timeout: Int? = nil, allowedUpdates: [String]? = nil) {
        self.offset = offset
        self.limit = limit
        self.timeout = timeout
        self.allowedUpdates = allowedUpdates
    }

    /// The update types the bot handles.
    public static let botUpdateTypes = ["message", "edited_message", "callback_query", "my_chat_member"]

    enum CodingKeys: String, CodingKey {
        case offset, limit, timeout
        case allowedUpdates = "allowed_updates"
    }
}
