public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Something the officers' desk must act on, queued durably like the inbox.
///
/// Beneficiary-side events are written in the same transaction as the step that caused them; officer-side
/// events (from the officers' group or the officer API) are appended as they arrive, deduplicated by id.
public enum DeskEvent: Sendable, Equatable, Codable {
    /// A beneficiary asked for a human.
    case handoff(HandoffRequest)
    /// What a beneficiary sent while a human has the conversation.
    case beneficiarySent(EventContent)
    /// A beneficiary left the queue (went back to the menu while waiting).
    case beneficiaryLeft(queue: String)
    /// A beneficiary rated the service after a case (the rating is tied to the case and its officer).
    case surveyAnswered(SurveyAnswer)
    /// A member of the officers' group wrote in it (text, command or file).
    case officerMessage(OfficerGroupMessage)
    /// A member of the officers' group pressed a button on a case card.
    case officerButton(userID: Int64, data: String, callbackID: String, threadID: Int64?)
}

/// A message written in the officers' group, as the desk needs it.
public struct OfficerGroupMessage: Sendable, Equatable, Codable {
    public var userID: Int64
    public var userName: String
    /// The forum topic, when the message is in one (`is_topic_message`).
    public var threadID: Int64?
    /// The message it replies to (groups without topics work by replies to the case card).
    public var replyToMessageID: Int64?
    public var messageID: Int64
    public var content: EventContent

    public init(
        userID: Int64, userName: String, threadID: Int64?, replyToMessageID: Int64?, messageID: Int64,
        content: EventContent
    ) {
        self.userID = userID
        self.userName = userName
        self.threadID = threadID
        self.replyToMessageID = replyToMessageID
        self.messageID = messageID
        self.content = content
    }
}

/// A desk event in the queue.
public struct DeskEventRecord: Sendable, Equatable {
    public var id: Int64
    /// The beneficiary's conversation, for beneficiary-side events.
    public var key: ConversationKey?
    public var event: DeskEvent
    public var at: Date

    public init(id: Int64, key: ConversationKey?, event: DeskEvent, at: Date) {
        self.id = id
        self.key = key
        self.event = event
        self.at = at
    }
}
