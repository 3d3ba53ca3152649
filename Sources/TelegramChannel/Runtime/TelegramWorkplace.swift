public import BotRuntime
public import DialogCore
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The officers' Telegram group as the desk's ``OfficerWorkplace``: a forum topic per case (the place id is
/// the topic's thread id), or, in a group without topics, replies to the case's first message (the place id
/// is that message's id). Officers' messages come back through ``TelegramInboxWriter`` as desk events.
public final class TelegramWorkplace: OfficerWorkplace, Sendable {
    public let chatID: Int64
    let client: TelegramClient
    let renderer: TelegramRenderer
    let media: MediaSources
    /// Whether the group turned out to have no topics (cases then live in replies to their first message).
    private let withoutTopics: Mutex<Bool>
    /// Told once when the group turns out to have no topics, so the mode survives a restart.
    let onWithoutTopics: @Sendable () async -> Void

    public init(
        chatID: Int64, client: TelegramClient, renderer: TelegramRenderer = TelegramRenderer(),
        media: MediaSources = MediaSources(), withoutTopics: Bool = false,
        onWithoutTopics: @escaping @Sendable () async -> Void = {}
    ) {
        self.chatID = chatID
        self.client = client
        self.renderer = renderer
        self.media = media
        self.withoutTopics = Mutex(withoutTopics)
        self.onWithoutTopics = onWithoutTopics
    }

    /// Whether cases live in replies rather than topics.
    public var isWithoutTopics: Bool { withoutTopics.withLock { $0 } }

    public func openPlace(caseID: String, title: String) async throws -> String {
        if !isWithoutTopics {
            do {
                let trimmed = String(title.prefix(128))
                return String(
                    try await client.call(CreateForumTopic(chatID: chatID, name: trimmed.isEmpty ? "حالة" : trimmed))
                        .messageThreadID)
            } catch let error as TelegramAPIError where error.isNotAForum {
                withoutTopics.withLock { $0 = true }
                await onWithoutTopics()
            }
        }
        return String(try await send(OutgoingMessage(text: title), thread: nil, replyTo: nil))
    }

    public func post(_ message: OutgoingMessage, in place: String?) async throws {
        let (thread, reply) = target(place)
        do {
            _ = try await send(message, thread: thread, replyTo: reply)
        } catch let error as TelegramAPIError where error.isThreadGone && thread != nil {
            throw OfficerWorkplaceError.placeGone(place ?? "")
        }
    }

    public func relay(_ file: Attachment, caption: String?, to place: String) async throws {
        let (thread, _) = target(place)
        do {
            _ = try await client.sendFile(file, caption: caption, chatID: chatID, threadID: thread, media: media)
        } catch let error as TelegramAPIError where error.isThreadGone && thread != nil {
            throw OfficerWorkplaceError.placeGone(place)
        }
    }

    public func rename(_ place: String, to title: String) async throws {
        guard !isWithoutTopics, let thread = Int64(place) else { return }
        _ = try await client.call(
            EditForumTopic(chatID: chatID, messageThreadID: thread, name: String(title.prefix(128))))
    }

    public func close(_ place: String) async throws {
        guard !isWithoutTopics, let thread = Int64(place) else { return }
        _ = try await client.call(CloseForumTopic(chatID: chatID, messageThreadID: thread))
    }

    /// Where a place id points: a topic's thread, or (without topics) the message to reply to.
    private func target(_ place: String?) -> (thread: Int64?, replyTo: Int64?) {
        guard let id = place.flatMap({ Int64($0) }) else { return (nil, nil) }
        return isWithoutTopics ? (nil, id) : (id, nil)
    }

    /// Posts a message (split and escaped like any other); returns the id of its last part.
    private func send(_ message: OutgoingMessage, thread: Int64?, replyTo: Int64?) async throws -> Int64 {
        var lastID: Int64 = 0
        for var part in try renderer.render(message, chatID: chatID) {
            part.messageThreadID = thread
            if let replyTo { part.replyParameters = ReplyParameters(messageID: replyTo) }
            lastID = try await client.call(part).messageID
        }
        return lastID
    }
}

extension TelegramAPIError {
    /// The topic was deleted or cannot be posted to any more (it must be recreated).
    public var isThreadGone: Bool { code == 400 && description.contains("thread not found") }
    /// The group has no topics: cases work by replies to their card.
    public var isNotAForum: Bool { code == 400 && description.contains("not a forum") }
}
