public import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// An update turned into an inbox entry for the runtime.
public struct InboundUpdate: Sendable, Equatable {
    public var key: ConversationKey
    /// "telegram:update:<update_id>": the inbox's idempotency key.
    public var platformID: String
    public var content: EventContent
    /// `callback_query_id` for button presses, `message_id` of the message concerned.
    public var meta: [String: String]
    public var receivedAt: Date

    public init(
        key: ConversationKey, platformID: String, content: EventContent, meta: [String: String], receivedAt: Date
    ) {
        self.key = key
        self.platformID = platformID
        self.content = content
        self.meta = meta
        self.receivedAt = receivedAt
    }

    /// The keys this channel puts in `meta`.
    public enum MetaKey {
        public static let callbackQueryID = "callback_query_id"
        public static let messageID = "message_id"
    }
}

/// What an update means for the runtime.
public enum TelegramInbound: Sendable, Equatable {
    /// Something for the dialog engine.
    case event(InboundUpdate)
    /// The user blocked or unblocked the bot (a private-chat `my_chat_member`).
    case membership(key: ConversationKey, platformID: String, change: MembershipChange, receivedAt: Date)
    /// Nothing for the engine; a button press must still be answered with `callbackQueryID`.
    case ignored(IgnoreReason, callbackQueryID: String?)
}

/// A change in whether the bot may write to a user.
public enum MembershipChange: String, Sendable, Equatable {
    case blocked, unblocked
}

/// Why an update is not handed to the engine.
public enum IgnoreReason: String, Sendable, Equatable {
    /// Groups, supergroups and channels are not beneficiary conversations.
    case nonPrivateChat
    /// Edits of earlier messages are not new answers.
    case editedMessage
    /// Members joined, topic created, pinned…
    case serviceMessage
    /// Stickers, voice, video, contacts, polls, buttons without data…
    case unsupportedContent
    /// A button on an inline-mode message (the bot does not use inline mode).
    case inlineMode
    /// An update type the bot does not handle.
    case unknownUpdateType
    /// A membership change that is neither a block nor an unblock.
    case otherMembershipChange
}
