public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What an officer did in a case's topic of the officers' group.
public enum TopicInput: Sendable, Equatable {
    /// Typed text: a command ("/release help_request.review") or a reply for the beneficiary.
    case text(String)
    /// A photo or file for the beneficiary.
    case attachment(Attachment)
    /// A press on the card's claim button (its payload).
    case button(payload: String)
}

extension CaseBook {
    /// Handles one message or button press in a case's topic, from Telegram user `telegramUserID`.
    ///
    /// Commands and replies become case actions; anything refused comes back as an English answer
    /// posted in the topic, so every command gets a confirmation or a reason. `nodeExists` checks a
    /// `/release` target against the loaded dialogs. Returns no effects for a topic with no case.
    public mutating func handleTopic(
        threadID: Int64, telegramUserID: Int64, input: TopicInput, now: Date, config: OfficerConfiguration,
        nodeExists: (String) -> Bool
    ) -> [CaseEffect] {
        guard let c = caseForTopic(threadID) else { return [] }
        let answer = { (text: String) in [CaseEffect.postToTopic(caseID: c.id, text: text, buttons: [])] }
        guard let officer = config.officer(telegramUserID: telegramUserID) else {
            return answer(CaseError.notAnOfficer.officerMessage)
        }
        let action: CaseAction
        switch input {
        case .attachment(let attachment):
            action = .reply(caseID: c.id, officerID: officer.id, content: .attachment(attachment), via: .telegram)
        case .button(let payload):
            guard CaseCard.caseID(fromClaimPayload: payload) == c.id else { return [] }
            action = .claim(caseID: c.id, officerID: officer.id, via: .telegram)
        case .text(let text):
            switch OfficerCommand.parse(text) {
            case .success(.release(let node?)) where !nodeExists(node):
                return answer(CaseError.unknownNode(node).officerMessage)
            case .success(let command):
                action = command.action(caseID: c.id, officerID: officer.id, via: .telegram)
            case .failure(.notACommand):
                action = .reply(caseID: c.id, officerID: officer.id, content: .text(text), via: .telegram)
            case .failure(let error):
                return answer(error.message)
            }
        }
        switch apply(action, now: now, config: config) {
        case .success(let effects): return effects
        case .failure(let error): return answer(error.officerMessage)
        }
    }
}
