public import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What a case transition asks the outside world to do; committed with the new ``CaseBook`` and delivered in order.
public enum CaseEffect: Sendable, Equatable, Codable {
    /// A notice for the beneficiary; ``OfficerTexts/message(for:config:)`` turns it into Arabic.
    case tellBeneficiary(ConversationKey, BeneficiaryNotice)
    /// What an officer wrote, for the beneficiary.
    case relayToBeneficiary(ConversationKey, caseID: String, officerName: String, content: OfficerContent)
    /// Open the case's place where officers work, then report ``CaseAction/placeOpened(caseID:place:)``.
    case openPlace(caseID: String, title: String)
    /// Post in the case's place (the card, confirmations); `buttons` go under the text.
    case postInPlace(caseID: String, text: String, buttons: [Button])
    /// Copy what the beneficiary sent into the case's place.
    case relayToPlace(caseID: String, content: EventContent)
    case renamePlace(caseID: String, title: String)
    case closePlace(caseID: String)
    /// A waiting case needs someone: post `text` in its place (and wherever else officers look).
    case remindOfficers(queue: String, caseID: String, text: String)
    /// Return the conversation to the bot: at `node` (qualified "flow.node") or the main menu when nil,
    /// after the satisfaction survey when `survey` is true. Collected form data stays.
    case handBack(ConversationKey, caseID: String, node: String?, survey: Bool)
    /// Send the beneficiary's channel's re-engagement template (outside its reply window).
    case reengageBeneficiary(ConversationKey, caseID: String)
    /// Record in the audit log.
    case audit(AuditEntry)
}

/// A notice to the beneficiary about their place with the officers, as values; texts come from ``OfficerTexts``.
public enum BeneficiaryNotice: Sendable, Equatable, Codable {
    /// Joined the queue in working hours.
    case waiting(position: Int, queue: String)
    /// Joined outside working hours; `asOf` is when, so "today"/"tomorrow" read right.
    case outsideHours(position: Int, queue: String, nextOpening: Date?, asOf: Date)
    /// Nobody claimed in time: keep waiting or go back to the menu (two buttons).
    case claimTimeout
    /// Chose to keep waiting.
    case keepWaiting(position: Int)
    case officerJoined(officerName: String, queue: String)
    case transferred(queue: String, position: Int)
    /// The officer ended the conversation; the bot takes over.
    case handedBack
}

/// What an officer sends to a beneficiary.
public enum OfficerContent: Sendable, Equatable, Codable {
    case text(String)
    case attachment(Attachment)
}

/// Where an officer acted from, for the audit log: the shared place where officers work, or the API.
public enum ActionSource: String, Sendable, Equatable, Codable {
    /// Written "telegram" in audit entries, as before other workplaces were possible.
    case workplace = "telegram"
    case api
}

/// One line of the audit log: who did what to which case, and when. Never carries message text.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// "officer:<id>", "beneficiary" or "system".
    public var actor: String
    /// "open", "claim", "message", "release", "close", "note", "transfer", "view", "left", "timeout", "survey".
    public var action: String
    public var caseID: String
    public var at: Date
    /// "telegram", "api" or "bot".
    public var via: String
    /// Non-personal detail: a node, a queue.
    public var detail: String?

    public init(actor: String, action: String, caseID: String, at: Date, via: String, detail: String? = nil) {
        self.actor = actor
        self.action = action
        self.caseID = caseID
        self.at = at
        self.via = via
        self.detail = detail
    }
}
