public import DialogCore

/// Fits channel-neutral messages to Telegram (and, in `TelegramRenderer+Inbound`, updates to events).
public struct TelegramRenderer: Sendable {
    /// The channel name in conversation keys and attachments.
    public static let channel = "telegram"
    /// Telegram's text limit, in characters after entity parsing (UTF-16 units).
    public static let maxTextLength = 4096
    /// Telegram's `callback_data` limit in UTF-8 bytes.
    public static let maxCallbackDataBytes = 64
    /// Labels longer than this get a row each; shorter ones go two to a row.
    public static let shortLabelLength = 20

    public var maxTextLength: Int

    public init(maxTextLength: Int = TelegramRenderer.maxTextLength) { self.maxTextLength = maxTextLength }

    /// The sendMessage calls for `message`: HTML-escaped parts of at most `maxTextLength` characters,
    /// the inline keyboard on the last part only.
    public func render(
        _ message: OutgoingMessage, chatID: Int64, messageThreadID: Int64? = nil
    ) throws(TelegramRenderError) -> [SendMessage] {
        let keyboard = try self.keyboard(for: message.buttons)
        let parts = TelegramTextSplitter.split(message.text, limit: maxTextLength)
            .filter { !$0.allSatisfy(\.isWhitespace) }
        guard !parts.isEmpty else { throw .emptyText }
        return parts.enumerated().map { index, part in
            SendMessage(
                chatID: chatID, text: TelegramHTML.escape(part), parseMode: "HTML",
                replyMarkup: index == parts.count - 1 ? keyboard : nil, messageThreadID: messageThreadID)
        }
    }

    /// The inline keyboard for `buttons`, or nil when there are none.
    public func keyboard(for buttons: [Button]) throws(TelegramRenderError) -> InlineKeyboardMarkup? {
        guard !buttons.isEmpty else { return nil }
        var row: [InlineKeyboardButton] = []
        var rows: [[InlineKeyboardButton]] = []
        let perRow = buttons.contains { $0.label.count > Self.shortLabelLength } ? 1 : 2
        for button in buttons {
            let bytes = button.payload.utf8.count
            if bytes == 0 { throw .emptyCallbackData }
            if bytes > Self.maxCallbackDataBytes {
                throw .callbackDataTooLong(payload: button.payload, byteCount: bytes)
            }
            if button.label.allSatisfy(\.isWhitespace) { throw .emptyButtonLabel(payload: button.payload) }
            row.append(InlineKeyboardButton(text: button.label, callbackData: button.payload))
            if row.count == perRow {
                rows.append(row)
                row = []
            }
        }
        if !row.isEmpty { rows.append(row) }
        return InlineKeyboardMarkup(inlineKeyboard: rows)
    }
}
