public import BotRuntime
public import DialogCore

/// Everything that can happen to cases; ``CaseBook/apply(_:now:config:)`` runs one.
public enum CaseAction: Sendable, Equatable {
    /// The engine's `.handoff`: open a case (or repeat the position if the conversation already has one).
    case open(ConversationKey, HandoffRequest)
    /// The engine's `.relayToOfficer`: the beneficiary wrote while with the officers' side.
    case beneficiarySent(ConversationKey, EventContent)
    /// The engine's `.leaveQueue`: the beneficiary went back to the menu by themselves.
    case beneficiaryLeft(ConversationKey)
    /// The runtime opened the case's place where officers work.
    case placeOpened(caseID: String, place: String)
    case claim(caseID: String, officerID: String, via: ActionSource)
    case reply(caseID: String, officerID: String, content: OfficerContent, via: ActionSource)
    /// Hand back to the bot, at `node` (qualified, already checked by the caller) or the main menu.
    case release(caseID: String, officerID: String, node: String?, via: ActionSource)
    case close(caseID: String, officerID: String, via: ActionSource)
    case note(caseID: String, officerID: String, text: String, via: ActionSource)
    case transfer(caseID: String, officerID: String, queue: String, via: ActionSource)
    /// An officer read the case (the API's case view): audited, nothing changes.
    case view(caseID: String, officerID: String, via: ActionSource)
    /// The engine's `.recordSurvey` after a case: kept with the case, its queue and officer.
    case survey(ConversationKey, SurveyAnswer)
    /// A message to the beneficiary was held back because their channel's reply window closed.
    case replyWindowClosed(ConversationKey)
    /// An officer asks the beneficiary to write again (the channel's re-engagement template).
    case reengage(caseID: String, officerID: String, via: ActionSource)
}

extension OfficerCommand {
    /// The case action this command means in `caseID`'s place, by `officerID`.
    public func action(caseID: String, officerID: String, via: ActionSource = .workplace) -> CaseAction {
        switch self {
        case .claim: .claim(caseID: caseID, officerID: officerID, via: via)
        case .release(let node): .release(caseID: caseID, officerID: officerID, node: node, via: via)
        case .close: .close(caseID: caseID, officerID: officerID, via: via)
        case .note(let text): .note(caseID: caseID, officerID: officerID, text: text, via: via)
        case .transfer(let queue): .transfer(caseID: caseID, officerID: officerID, queue: queue, via: via)
        case .reengage: .reengage(caseID: caseID, officerID: officerID, via: via)
        }
    }
}
