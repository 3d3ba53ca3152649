/// Why a channel-neutral message cannot be sent on Telegram; a dialog bug, never truncated silently.
public enum TelegramRenderError: Error, Sendable, Equatable {
    /// The text is empty or only whitespace (Telegram refuses such messages).
    case emptyText
    /// A button's payload exceeds 64 bytes of UTF-8 (`callback_data` limit); the payload is a dialog id.
    case callbackDataTooLong(payload: String, byteCount: Int)
    /// A button has an empty payload.
    case emptyCallbackData
    /// A button has an empty label.
    case emptyButtonLabel(payload: String)
}
