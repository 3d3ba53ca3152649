public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension TelegramRenderer {
    /// The conversation key of a Telegram chat.
    public static func conversationKey(chatID: Int64) -> ConversationKey {
        ConversationKey(channel: channel, chat: String(chatID))
    }

    /// Maps an update to an inbox event, a block/unblock, or a reason to ignore it.
    public func inbound(from update: Update, receivedAt: Date) -> TelegramInbound {
        let platformID = "telegram:update:\(update.updateID)"
        if let message = update.message {
            return inbound(message: message, platformID: platformID, receivedAt: receivedAt)
        }
        if let query = update.callbackQuery {
            return inbound(callback: query, platformID: platformID, receivedAt: receivedAt)
        }
        if let member = update.myChatMember {
            guard member.chat.isPrivate else { return .ignored(.nonPrivateChat, callbackQueryID: nil) }
            let key = Self.conversationKey(chatID: member.chat.id)
            let old = member.oldChatMember.status
            switch member.newChatMember.status {
            case "kicked":
                return .membership(key: key, platformID: platformID, change: .blocked, receivedAt: receivedAt)
            case "member" where old == "kicked" || old == "left":
                return .membership(key: key, platformID: platformID, change: .unblocked, receivedAt: receivedAt)
            default:
                return .ignored(.otherMembershipChange, callbackQueryID: nil)
            }
        }
        if update.editedMessage != nil { return .ignored(.editedMessage, callbackQueryID: nil) }
        return .ignored(.unknownUpdateType, callbackQueryID: nil)
    }

    private func inbound(message: Message, platformID: String, receivedAt: Date) -> TelegramInbound {
        guard message.chat.isPrivate else { return .ignored(.nonPrivateChat, callbackQueryID: nil) }
        let content: EventContent
        if let text = message.text {
            content = Self.isStartCommand(text) ? .start : .text(text)
        } else if let photo = message.largestPhoto {
            content = .attachment(
                Attachment(kind: .photo, fileID: photo.fileID, channel: Self.channel, size: photo.fileSize))
        } else if let document = message.document {
            content = .attachment(
                Attachment(
                    kind: .document, fileID: document.fileID, channel: Self.channel, fileName: document.fileName,
                    mimeType: document.mimeType, size: document.fileSize))
        } else if let location = message.location {
            content = .location(latitude: location.latitude, longitude: location.longitude)
        } else if message.isServiceMessage {
            return .ignored(.serviceMessage, callbackQueryID: nil)
        } else {
            // A voice note or a sticker still deserves an answer: the engine asks for text instead.
            content = .unsupported(kind: Self.contentKind(of: message))
        }
        return .event(
            InboundUpdate(
                key: Self.conversationKey(chatID: message.chat.id), platformID: platformID, content: content,
                meta: [InboundUpdate.MetaKey.messageID: String(message.messageID)], receivedAt: receivedAt))
    }

    private func inbound(callback query: CallbackQuery, platformID: String, receivedAt: Date) -> TelegramInbound {
        guard let message = query.message else { return .ignored(.inlineMode, callbackQueryID: query.id) }
        guard message.chat.isPrivate else { return .ignored(.nonPrivateChat, callbackQueryID: query.id) }
        guard let data = query.data else { return .ignored(.unsupportedContent, callbackQueryID: query.id) }
        let meta = [
            InboundUpdate.MetaKey.callbackQueryID: query.id,
            InboundUpdate.MetaKey.messageID: String(message.messageID),
        ]
        return .event(
            InboundUpdate(
                key: Self.conversationKey(chatID: message.chat.id), platformID: platformID,
                content: .button(payload: data), meta: meta, receivedAt: receivedAt))
    }

    /// A name for what the message carries, for logs (never its content).
    static func contentKind(of message: Message) -> String {
        message.contact != nil ? "contact" : "other"
    }

    /// `/start`, `/start <payload>` or `/start@BotName`.
    static func isStartCommand(_ text: String) -> Bool {
        let command = text.split(whereSeparator: \.isWhitespace).first ?? ""
        return command == "/start" || command.hasPrefix("/start@")
    }
}
