public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What an officer did in a case's place where officers work.
public enum PlaceInput: Sendable, Equatable {
    /// Typed text: a command ("/release help_request.review") or a reply for the beneficiary.
    case text(String)
    /// A photo or file for the beneficiary.
    case attachment(Attachment)
    /// A press on the card's claim button (its payload).
    case button(payload: String)
}

extension CaseBook {
    /// Handles one message or button press in a case's place, from the officer with platform `identity`
    /// ("telegram:12345").
    ///
    /// Commands and replies become case actions; anything refused comes back as an English answer
    /// posted in the place, so every command gets a confirmation or a reason. `nodeExists` checks a
    /// `/release` target against the loaded dialogs. Returns no effects for a place with no case.
    public mutating func handle(
        inPlace place: String, from identity: String, input: PlaceInput, now: Date, config: OfficerConfiguration,
        nodeExists: (String) -> Bool
    ) -> [CaseEffect] {
        guard let c = caseInPlace(place) else { return [] }
        let answer = { (text: String) in [CaseEffect.postInPlace(caseID: c.id, text: text, buttons: [])] }
        guard let officer = config.officer(identity: identity) else {
            return answer(CaseError.notAnOfficer.officerMessage)
        }
        let action: CaseAction
        switch input {
        case .attachment(let attachment):
            action = .reply(caseID: c.id, officerID: officer.id, content: .attachment(attachment), via: .workplace)
        case .button(let payload):
            guard CaseCard.caseID(fromClaimPayload: payload) == c.id else { return [] }
            action = .claim(caseID: c.id, officerID: officer.id, via: .workplace)
        case .text(let text):
            switch OfficerCommand.parse(text) {
            case .success(.release(let node?)) where !nodeExists(node):
                return answer(CaseError.unknownNode(node).officerMessage)
            case .success(let command):
                action = command.action(caseID: c.id, officerID: officer.id, via: .workplace)
            case .failure(.notACommand):
                action = .reply(caseID: c.id, officerID: officer.id, content: .text(text), via: .workplace)
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
