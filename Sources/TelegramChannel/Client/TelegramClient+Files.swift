public import BotRuntime
public import DialogCore
import HTTPClient

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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

    /// Sends a file from any channel: a Telegram one by its file id, another channel's downloaded through
    /// `media` and uploaded (multipart sendPhoto/sendDocument); returns the new message's id.
    public func sendFile(
        _ file: Attachment, caption: String?, chatID: Int64, threadID: Int64?, media: MediaSources
    ) async throws -> Int64 {
        guard file.channel != TelegramRenderer.channel else {
            return try await sendFile(file, caption: caption, chatID: chatID, threadID: threadID)
        }
        let fetched = try await media.download(file)
        return try await upload(fetched, kind: file.kind, caption: caption, chatID: chatID, threadID: threadID)
    }

    /// Uploads bytes as a photo or document (multipart/form-data through libcurl); returns the message id.
    public func upload(
        _ file: MediaFile, kind: Attachment.Kind, caption: String?, chatID: Int64, threadID: Int64?
    ) async throws -> Int64 {
        let method = kind == .photo ? SendPhoto.name : SendDocument.name
        let field = kind == .photo ? "photo" : "document"
        var parts = [HTTPFormPart(name: "chat_id", value: String(chatID))]
        if let threadID { parts.append(HTTPFormPart(name: "message_thread_id", value: String(threadID))) }
        if let caption {
            parts.append(HTTPFormPart(name: "caption", value: TelegramHTML.escape(String(caption.prefix(1024)))))
            parts.append(HTTPFormPart(name: "parse_mode", value: "HTML"))
        }
        let name = file.fileName ?? (kind == .photo ? "photo.jpg" : "file")
        parts.append(HTTPFormPart(name: field, data: file.bytes, fileName: name, contentType: file.mimeType))
        let answer = try await transport.postForm(method: method, parts: parts)
        return try Self.decodeResult(MessageID.self, method: method, status: answer.status, body: answer.body)
            .messageID
    }

    /// Downloads a file the bot received (getFile, then the file itself).
    public func download(_ file: Attachment) async throws -> MediaFile {
        let info = try await call(GetFile(fileID: file.fileID))
        guard let path = info.filePath else {
            throw MediaError.unavailable(channel: TelegramRenderer.channel, reason: "getFile gave no file_path")
        }
        let bytes = try await transport.download(filePath: path)
        return MediaFile(
            bytes: bytes, mimeType: file.mimeType ?? (file.kind == .photo ? "image/jpeg" : nil),
            fileName: file.fileName)
    }
}

/// Telegram's files for other channels: getFile, then a download with the bot token.
public struct TelegramMediaSource: MediaSource {
    public let channel = TelegramRenderer.channel
    let client: TelegramClient

    public init(client: TelegramClient) { self.client = client }

    public func download(_ attachment: Attachment) async throws -> MediaFile {
        try await client.download(attachment)
    }
}
