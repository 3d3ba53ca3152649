/// A Bot API failure (`ok: false`): the code, Telegram's description, and how to recover.
public struct TelegramAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `error_code` (or the HTTP status when the body was not a Bot API answer).
    public var code: Int
    /// Telegram's description, e.g. "Forbidden: bot was blocked by the user"; never carries our data.
    public var description: String
    /// Seconds to wait before repeating (429).
    public var retryAfter: Int?
    /// The supergroup the group became: resend there.
    public var migrateToChatID: Int64?

    public init(code: Int, description: String, retryAfter: Int? = nil, migrateToChatID: Int64? = nil) {
        self.code = code
        self.description = description
        self.retryAfter = retryAfter
        self.migrateToChatID = migrateToChatID
    }

    /// Builds the error from a decoded `ok: false` envelope; `status` stands in for a missing `error_code`.
    public init<T>(response: APIResponse<T>, status: Int) {
        self.init(
            code: response.errorCode ?? status, description: response.description ?? "HTTP \(status)",
            retryAfter: response.parameters?.retryAfter, migrateToChatID: response.parameters?.migrateToChatID)
    }

    /// Worth repeating later: flood control or a server-side failure.
    public var isRetryable: Bool { code == 429 || code >= 500 }

    /// The user blocked the bot (or deleted their account): stop writing to this chat.
    public var isBlockedByUser: Bool {
        code == 403 && (description.contains("blocked by the user") || description.contains("user is deactivated"))
    }
}
