import BotRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A channel's reply window (WhatsApp: 24 hours after the beneficiary's last message): outside it only the
/// channel's re-engagement template reaches them, so officers are told and may send it.
extension CaseBook {
    /// An officer's message (or the bot's) was held back: say so in the case, where officers and the API see it.
    mutating func replyWindowClosed(
        _ key: ConversationKey, _ now: Date, _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        guard let c = openCase(for: key) else { return .failure(.unknownCase) }
        append(TranscriptEntry(who: .bot, text: config.texts.topicWindowClosed, at: now), to: c.id)
        guard config.hasWorkplace else { return .success([]) }
        return .success([.postInPlace(caseID: c.id, text: config.texts.topicWindowClosed, buttons: [])])
    }

    /// The officer holding the case sends the re-engagement template.
    mutating func reengage(
        _ id: String, _ officerID: String, _ via: ActionSource, _ now: Date, _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let (c, officer): (Case, Officer)
        switch authorize(id, officerID, config) {
        case .success(let pair): (c, officer) = pair
        case .failure(let error): return .failure(error)
        }
        switch c.state {
        case .claimed(let holder, _) where holder == officer.id:
            append(TranscriptEntry(who: .officer(id: officer.id), text: config.texts.topicReengaged, at: now), to: id)
            var effects: [CaseEffect] = [.reengageBeneficiary(c.key, caseID: id)]
            if config.hasWorkplace {
                effects.append(
                    .postInPlace(
                        caseID: id, text: OfficerTexts.fill(config.texts.topicReengagedBy, ["name": officer.name]),
                        buttons: []))
            }
            effects.append(audit(officer, "reengage", id, now, via))
            return .success(effects)
        case .claimed(let holder, _): return .failure(.alreadyClaimed(by: displayName(holder, config)))
        case .waiting: return .failure(.notClaimed)
        case .released, .closed: return .failure(.caseClosed)
        }
    }
}
