public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where in the officers' group a case lives: its forum topic, or (a group without topics) replies to its card.
public enum CasePlace: Sendable, Equatable {
    case topic(threadID: Int64)
    case replies(toCard: Int64)
    /// The General topic or the group itself.
    case group
}

/// Posts into the officers' group: topics per case, case cards, relayed messages and files.
public struct OfficerGroup: Sendable {
    public let chatID: Int64
    let client: TelegramClient
    let renderer: TelegramRenderer

    public init(chatID: Int64, client: TelegramClient, renderer: TelegramRenderer = TelegramRenderer()) {
        self.chatID = chatID
        self.client = client
        self.renderer = renderer
    }

    /// Creates a forum topic; returns its thread id. Fails with 400 "the chat is not a forum" in a plain group.
    public func createTopic(name: String) async throws -> Int64 {
        let trimmed = String(name.prefix(128))
        return try await client.call(CreateForumTopic(chatID: chatID, name: trimmed.isEmpty ? "حالة" : trimmed))
            .messageThreadID
    }

    /// Posts a message (split and escaped like any other); returns the id of its last part.
    @discardableResult
    public func post(_ message: OutgoingMessage, at place: CasePlace) async throws -> Int64 {
        var lastID: Int64 = 0
        for var part in try renderer.render(message, chatID: chatID) {
            switch place {
            case .topic(let thread): part.messageThreadID = thread
            case .replies(let card): part.replyParameters = ReplyParameters(messageID: card)
            case .group: break
            }
            lastID = try await client.call(part).messageID
        }
        return lastID
    }

    /// Sends a file by its file id (one the bot received, valid in any chat), with a caption.
    @discardableResult
    public func send(_ file: Attachment, caption: String?, at place: CasePlace) async throws -> Int64 {
        let thread: Int64? = if case .topic(let id) = place { id } else { nil }
        return try await client.sendFile(file, caption: caption, chatID: chatID, threadID: thread)
    }

    public func rename(thread: Int64, to name: String) async throws {
        _ = try await client.call(
            EditForumTopic(chatID: chatID, messageThreadID: thread, name: String(name.prefix(128))))
    }

    public func close(thread: Int64) async throws {
        _ = try await client.call(CloseForumTopic(chatID: chatID, messageThreadID: thread))
    }

    /// Answers a button press in the group, with a short notice shown to the officer.
    public func answer(callbackID: String, text: String?) async throws {
        _ = try await client.call(
            AnswerCallbackQuery(callbackQueryID: callbackID, text: text.map { String($0.prefix(200)) }))
    }
}

extension TelegramAPIError {
    /// The topic was deleted or cannot be posted to any more (it must be recreated).
    public var isThreadGone: Bool { code == 400 && description.contains("thread not found") }
    /// The group has no topics: cases work by replies to their card.
    public var isNotAForum: Bool { code == 400 && description.contains("not a forum") }
}
