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
    /// An officer wrote where officers work (text, command or file).
    case officerMessage(OfficerGroupMessage)
    /// An officer pressed a button on a case card; `place` is where the card is, when the workplace can tell.
    case officerButton(officer: String, data: String, place: String?)
    /// A message to the beneficiary was held back: their channel takes only its re-engagement template until
    /// they write again (WhatsApp, 24 hours after their last message). Officers are told and may send it.
    case replyWindowClosed
}

/// A message an officer wrote where officers work (the Telegram officers' group…), as the desk needs it:
/// no platform types, only place and identity strings the workplace adapter chose.
public struct OfficerGroupMessage: Sendable, Equatable, Codable {
    /// Who wrote it, as "<channel>:<user id>" (e.g. "telegram:12345"); matched against officers' identities.
    public var officer: String
    /// The writer's display name on the platform.
    public var officerName: String
    /// The place it was written in (a case's place id, e.g. a forum topic or the card it replies to), when
    /// the workplace can tell; nil for the workplace's main room.
    public var place: String?
    /// The workplace's id for the message (for logs).
    public var messageID: String
    public var content: EventContent

    public init(officer: String, officerName: String, place: String?, messageID: String, content: EventContent) {
        self.officer = officer
        self.officerName = officerName
        self.place = place
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
