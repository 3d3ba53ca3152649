import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension CaseBook {
    mutating func open(
        _ key: ConversationKey, _ request: HandoffRequest, _ now: Date, _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        if let existing = openCase(for: key) {
            // Asking again while waiting: say the place again rather than open a second case.
            guard let position = position(of: existing.id) else { return .success([]) }
            return .success([.tellBeneficiary(key, waitingNotice(position, existing.queue, now, config))])
        }
        guard let queue = config.queue(request.queue) else { return .failure(.unknownQueue(request.queue)) }
        let id = "C\(nextNumber)"
        nextNumber += 1
        var c = Case(
            id: id, key: key, queue: queue.id, reason: request.reason, from: request.from, fields: request.fields,
            state: .waiting(since: now), openedAt: now)
        c.claimDeadline = Self.claimDeadline(from: now, queue: queue, hours: config.workingHours)
        cases[id] = c
        var effects: [CaseEffect] = [
            .tellBeneficiary(key, waitingNotice(position(of: id) ?? 1, queue.id, now, config))
        ]
        if config.hasWorkplace {
            effects.append(.openPlace(caseID: id, title: CaseCard.topicName(c, config: config)))
            effects.append(
                .postInPlace(
                    caseID: id, text: CaseCard.render(c, config: config), buttons: [CaseCard.claimButton(c, config)]))
        }
        effects.append(
            .audit(
                AuditEntry(
                    actor: "beneficiary", action: "open", caseID: id, at: now, via: key.channel, detail: queue.id)))
        return .success(effects)
    }

    func waitingNotice(_ position: Int, _ queue: String, _ now: Date, _ config: OfficerConfiguration)
        -> BeneficiaryNotice
    {
        let hours = config.workingHours
        if hours.isOpen(at: now) { return .waiting(position: position, queue: queue) }
        return .outsideHours(position: position, queue: queue, nextOpening: hours.nextOpening(after: now), asOf: now)
    }

    mutating func beneficiarySent(
        _ key: ConversationKey, _ content: EventContent, _ now: Date, _ config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        guard let c = openCase(for: key) else { return .failure(.unknownCase) }
        if case .button(let payload) = content {
            if payload == Self.mainMenuPayload { return beneficiaryLeft(key, now, config, handBack: true) }
            if payload == Self.keepWaitingPayload {
                guard let position = position(of: c.id) else { return .success([]) }
                return .success([.tellBeneficiary(key, .keepWaiting(position: position))])
            }
        }
        append(TranscriptEntry(who: .beneficiary, text: CaseCard.describe(content), at: now), to: c.id)
        guard config.hasWorkplace else { return .success([]) }
        return .success([.relayToPlace(caseID: c.id, content: content)])
    }

    /// The beneficiary left: by the engine's own `.leaveQueue` (`handBack` false: the engine already moved on)
    /// or by the claim-timeout "main menu" button (`handBack` true: the engine must be told).
    mutating func beneficiaryLeft(
        _ key: ConversationKey, _ now: Date, _ config: OfficerConfiguration, handBack: Bool
    ) -> Result<[CaseEffect], CaseError> {
        guard let c = openCase(for: key) else { return .failure(.unknownCase) }
        cases[c.id]?.state = .closed(at: now)
        cases[c.id]?.claimDeadline = nil
        cases[c.id]?.nextReminder = nil
        var effects: [CaseEffect] = []
        if handBack { effects.append(.handBack(key, caseID: c.id, node: nil, survey: false)) }
        if config.hasWorkplace {
            effects.append(.postInPlace(caseID: c.id, text: config.texts.topicBeneficiaryLeft, buttons: []))
            effects.append(.closePlace(caseID: c.id))
        }
        effects.append(
            .audit(AuditEntry(actor: "beneficiary", action: "left", caseID: c.id, at: now, via: key.channel)))
        return .success(effects)
    }

    mutating func survey(_ key: ConversationKey, _ answer: SurveyAnswer, _ now: Date) -> Result<[CaseEffect], CaseError>
    {
        guard let c = caseAwaitingSurvey(for: key), c.officerID != nil else { return .failure(.unknownCase) }
        cases[c.id]?.survey = answer
        return .success([
            .audit(
                AuditEntry(
                    actor: "beneficiary", action: "survey", caseID: c.id, at: now, via: key.channel, detail: c.queue))
        ])
    }
}
