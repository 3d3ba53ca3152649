public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What an update from the officers' group means for the desk.
public enum OfficerGroupUpdate: Sendable, Equatable {
    case event(DeskEvent)
    /// Nothing for the desk (a bot, a service message, an edit); a press must still be answered.
    case ignored(reason: String, callbackQueryID: String?)
}

extension TelegramRenderer {
    /// Maps an update from the officers' group (`groupChatID`) to a desk event; nil when the update is not
    /// from that group.
    public func officerUpdate(from update: Update, groupChatID: Int64) -> OfficerGroupUpdate? {
        if let message = update.message, message.chat.id == groupChatID {
            return officerMessage(message)
        }
        if let message = update.editedMessage, message.chat.id == groupChatID {
            return .ignored(reason: "edited message in the officers' group", callbackQueryID: nil)
        }
        if let query = update.callbackQuery, let message = query.message, message.chat.id == groupChatID {
            guard let data = query.data else {
                return .ignored(reason: "button without data", callbackQueryID: query.id)
            }
            var threadID: Int64?
            if case .accessible(let card) = message, card.isTopicMessage == true { threadID = card.messageThreadID }
            return .event(
                .officerButton(
                    officer: Self.officerIdentity(query.from.id), data: data,
                    place: String(threadID ?? message.messageID)))
        }
        if let member = update.myChatMember, member.chat.id == groupChatID {
            return .ignored(reason: "membership change in the officers' group", callbackQueryID: nil)
        }
        return nil
    }

    private func officerMessage(_ message: Message) -> OfficerGroupUpdate {
        guard let from = message.from, from.isBot != true else {
            return .ignored(reason: "message from a bot", callbackQueryID: nil)
        }
        if message.isServiceMessage { return .ignored(reason: "service message", callbackQueryID: nil) }
        let content: EventContent
        if let text = message.text {
            content = .text(text)
        } else if let photo = message.largestPhoto {
            content = .attachment(
                Attachment(kind: .photo, fileID: photo.fileID, channel: Self.channel, size: photo.fileSize))
        } else if let document = message.document {
            content = .attachment(
                Attachment(
                    kind: .document, fileID: document.fileID, channel: Self.channel, fileName: document.fileName,
                    mimeType: document.mimeType,
                    size: document.fileSize))
        } else {
            content = .unsupported(kind: "other")
        }
        // Trust the thread only for topic messages: in a plain group it may be a reply thread.
        let threadID = message.isTopicMessage == true ? message.messageThreadID : nil
        // In a topic every message "replies" to the topic's creation message; that is not a real reply.
        let reply = message.replyToMessage.flatMap { $0.forumTopicCreated == nil ? $0.messageID : nil }
        // The place: the case's topic, or (a group without topics) the case message it replies to.
        return .event(
            .officerMessage(
                OfficerGroupMessage(
                    officer: Self.officerIdentity(from.id), officerName: from.firstName,
                    place: (threadID ?? reply).map { String($0) }, messageID: String(message.messageID),
                    content: content)))
    }

    /// An officer's identity as the desk knows it: "telegram:<user id>".
    public static func officerIdentity(_ userID: Int64) -> String { "\(channel):\(userID)" }
}
