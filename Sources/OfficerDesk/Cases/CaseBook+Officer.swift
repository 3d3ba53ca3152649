import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CaseBook {
    mutating func claim(
        _ id: String, _ officerID: String, _ via: ActionSource, _ now: Date, _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let (c, officer): (Case, Officer)
        switch authorize(id, officerID, config) {
        case .success(let pair): (c, officer) = pair
        case .failure(let error): return .failure(error)
        }
        switch c.state {
        case .waiting:
            cases[id]?.state = .claimed(officer: officer.id, at: now)
            cases[id]?.officerID = officer.id
            cases[id]?.claimDeadline = nil
            cases[id]?.nextReminder = nil
            let title = config.queue(c.queue)?.title ?? c.queue
            return .success([
                .tellBeneficiary(c.key, .officerJoined(officerName: officer.name, queue: title)),
                .postInPlace(
                    caseID: id, text: OfficerTexts.fill(config.texts.topicClaimed, ["name": officer.name]), buttons: []),
                audit(officer, "claim", id, now, via),
            ])
        case .claimed(let holder, _):
            // Claiming one's own case again (a retried request, a double tap) changes nothing.
            return holder == officer.id ? .success([]) : .failure(.alreadyClaimed(by: displayName(holder, config)))
        case .released, .closed:
            return .failure(.caseClosed)
        }
    }

    mutating func reply(
        _ id: String, _ officerID: String, _ content: OfficerContent, _ via: ActionSource, _ now: Date,
        _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let (c, officer): (Case, Officer)
        switch authorize(id, officerID, config) {
        case .success(let pair): (c, officer) = pair
        case .failure(let error): return .failure(error)
        }
        switch c.state {
        case .claimed(let holder, _) where holder == officer.id:
            let text: String
            switch content {
            case .text(let s): text = s
            case .attachment(let a): text = CaseCard.describe(.attachment(a))
            }
            append(TranscriptEntry(who: .officer(id: officer.id), text: text, at: now), to: id)
            var effects: [CaseEffect] = [
                .relayToBeneficiary(c.key, caseID: id, officerName: officer.name, content: content)
            ]
            // Written over the API: colleagues in the topic should see it too.
            if via == .api, config.hasWorkplace {
                effects.append(.postInPlace(caseID: id, text: "💬 \(officer.name): \(text)", buttons: []))
            }
            effects.append(audit(officer, "message", id, now, via))
            return .success(effects)
        case .claimed(let holder, _): return .failure(.alreadyClaimed(by: displayName(holder, config)))
        case .waiting: return .failure(.notClaimed)
        case .released, .closed: return .failure(.caseClosed)
        }
    }

    /// Release (`release` true, back to `node` or the main menu) or close. A waiting case may be closed by
    /// any officer of its queue (nobody served it, so no survey); everything else needs the claimant.
    mutating func finish(
        _ id: String, _ officerID: String, release: Bool, node: String?, _ via: ActionSource, _ now: Date,
        _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let (c, officer): (Case, Officer)
        switch authorize(id, officerID, config) {
        case .success(let pair): (c, officer) = pair
        case .failure(let error): return .failure(error)
        }
        let served: Bool
        switch c.state {
        case .claimed(let holder, _) where holder == officer.id: served = true
        case .claimed(let holder, _): return .failure(.alreadyClaimed(by: displayName(holder, config)))
        case .waiting where !release: served = false
        case .waiting: return .failure(.notClaimed)
        case .released, .closed: return .failure(.caseClosed)
        }
        cases[id]?.state = release ? .released(at: now, toNode: node) : .closed(at: now)
        cases[id]?.claimDeadline = nil
        cases[id]?.nextReminder = nil
        let texts = config.texts
        let topicText =
            release
            ? OfficerTexts.fill(
                texts.topicReleased, ["name": officer.name, "node": node ?? config.texts.mainMenuButton])
            : OfficerTexts.fill(texts.topicClosed, ["name": officer.name])
        var effects: [CaseEffect] = [
            .tellBeneficiary(c.key, .handedBack),
            .handBack(c.key, caseID: id, node: node, survey: served),
        ]
        if config.hasWorkplace {
            effects.append(.postInPlace(caseID: id, text: topicText, buttons: []))
            effects.append(.closePlace(caseID: id))
        }
        effects.append(audit(officer, release ? "release" : "close", id, now, via, detail: node))
        return .success(effects)
    }

    mutating func note(
        _ id: String, _ officerID: String, _ text: String, _ via: ActionSource, _ now: Date,
        _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let officer: Officer
        switch authorize(id, officerID, config) {
        case .success(let pair): officer = pair.1
        case .failure(let error): return .failure(error)
        }
        append(TranscriptEntry(who: .note(officer: officer.id), text: text, at: now), to: id)
        var effects: [CaseEffect] = []
        if config.hasWorkplace {
            effects.append(
                .postInPlace(
                    caseID: id, text: OfficerTexts.fill(config.texts.topicNoted, ["name": officer.name]), buttons: []))
        }
        effects.append(audit(officer, "note", id, now, via))
        return .success(effects)
    }

    mutating func transfer(
        _ id: String, _ officerID: String, _ queueID: String, _ via: ActionSource, _ now: Date,
        _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        let (c, officer): (Case, Officer)
        switch authorize(id, officerID, config) {
        case .success(let pair): (c, officer) = pair
        case .failure(let error): return .failure(error)
        }
        guard let target = config.queue(queueID) else { return .failure(.unknownQueue(queueID)) }
        guard target.id != c.queue else { return .failure(.sameQueue) }
        switch c.state {
        case .waiting: break
        case .claimed(let holder, _) where holder == officer.id: break
        case .claimed(let holder, _): return .failure(.alreadyClaimed(by: displayName(holder, config)))
        case .released, .closed: return .failure(.caseClosed)
        }
        cases[id]?.queue = target.id
        cases[id]?.state = .waiting(since: now)
        cases[id]?.claimDeadline = Self.claimDeadline(from: now, queue: target, hours: config.workingHours)
        cases[id]?.nextReminder = nil
        guard let moved = cases[id] else { return .failure(.unknownCase) }
        var effects: [CaseEffect] = [
            .tellBeneficiary(c.key, .transferred(queue: target.title, position: position(of: id) ?? 1))
        ]
        if config.hasWorkplace {
            effects.append(.renamePlace(caseID: id, title: CaseCard.topicName(moved, config: config)))
            effects.append(
                .postInPlace(
                    caseID: id,
                    text: OfficerTexts.fill(
                        config.texts.topicTransferred, ["name": officer.name, "queue": target.title]),
                    buttons: []))
            effects.append(
                .postInPlace(
                    caseID: id, text: CaseCard.render(moved, config: config),
                    buttons: [CaseCard.claimButton(moved, config)]))
        }
        effects.append(audit(officer, "transfer", id, now, via, detail: "\(c.queue)→\(target.id)"))
        return .success(effects)
    }

    func audit(
        _ officer: Officer, _ action: String, _ id: String, _ now: Date, _ via: ActionSource, detail: String? = nil
    )
        -> CaseEffect
    {
        .audit(
            AuditEntry(
                actor: "officer:\(officer.id)", action: action, caseID: id, at: now, via: via.rawValue, detail: detail))
    }
}
