/// An inline keyboard under a message (`InlineKeyboardMarkup`).
public struct InlineKeyboardMarkup: Sendable, Equatable, Codable {
    public var inlineKeyboard: [[InlineKeyboardButton]]

    public init(inlineKeyboard: [[InlineKeyboardButton]]) { self.inlineKeyboard = inlineKeyboard }

    enum CodingKeys: String, CodingKey { case inlineKeyboard = "inline_keyboard" }
}

/// One inline button (`InlineKeyboardButton`); the bot only uses callback buttons.
public struct InlineKeyboardButton: Sendable, Equatable, Codable {
    public var text: String
    /// 1–64 bytes, sent back in `CallbackQuery.data`.
    public var callbackData: String

    public init(text: String, callbackData: String) {
        self.text = text
        self.callbackData = callbackData
    }

    enum CodingKeys: String, CodingKey {
        case text
        case callbackData = "callback_data"
    }
}

/// Link preview options (`LinkPreviewOptions`); the bot disables previews.
public struct LinkPreviewOptions: Sendable, Equatable, Codable {
    public var isDisabled: Bool

    public init(isDisabled: Bool = true) { self.isDisabled = isDisabled }

    enum CodingKeys: String, CodingKey { case isDisabled = "is_disabled" }
}
