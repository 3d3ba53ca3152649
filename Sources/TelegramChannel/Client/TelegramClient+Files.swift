public import DialogCore

extension TelegramClient {
    /// Sends a file by its Telegram file id (valid for this bot in any chat), caption escaped and cut to 1024;
    /// returns the new message's id.
    public func sendFile(_ file: Attachment, caption: String?, chatID: Int64, threadID: Int64?) async throws -> Int64 {
        let text = caption.map { TelegramHTML.escape(String($0.prefix(1024))) }
        let parseMode = text == nil ? nil : "HTML"
        switch file.kind {
        case .photo:
            return try await call(
                SendPhoto(
                    chatID: chatID, photo: file.fileID, caption: text, parseMode: parseMode, messageThreadID: threadID)
            ).messageID
        case .document:
            return try await call(
                SendDocument(
                    chatID: chatID, document: file.fileID, caption: text, parseMode: parseMode,
                    messageThreadID: threadID)
            ).messageID
        }
    }
}
