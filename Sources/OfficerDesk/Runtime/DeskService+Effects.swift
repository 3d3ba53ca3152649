import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DeskService {
    /// Carries out the book's effects: to beneficiaries through the outbox and inbox, to officers in the group.
    func perform(_ effects: [CaseEffect], eventID: Int64?) async {
        for effect in effects {
            do {
                try await perform(effect, eventID: eventID)
            } catch {
                logger.warning("desk_effect_failed", ["effect": Self.name(of: effect), "error": "\(error)"])
            }
        }
    }

    private func perform(_ effect: CaseEffect, eventID: Int64?) async throws {
        let store = self.store
        switch effect {
        case .tellBeneficiary(let key, let notice):
            let message = config.texts.message(for: notice, config: config)
            try await executor.run { try store.enqueueOutbound(key, [.message(message)], at: Date()) }
            wakeSender()
        case .relayToBeneficiary(let key, let caseID, _, let content):
            if try await executor.run({ try store.isBlocked(key) }) {
                // The message cannot arrive: say so where the officer wrote it.
                logger.info("relay_to_blocked_beneficiary", ["case": caseID])
                try await inCase(caseID) { workplace, place in
                    try await workplace.post(
                        OutgoingMessage(text: self.config.texts.topicBeneficiaryBlocked), in: place)
                }
                return
            }
            let payload: OutboundPayload =
                switch content {
                case .text(let text): .message(OutgoingMessage(text: text))
                case .attachment(let file): .file(file, caption: nil)
                }
            try await executor.run { try store.enqueueOutbound(key, [payload], at: Date()) }
            wakeSender()
        case .handBack(let key, let caseID, let node, let survey):
            // Through the inbox, so the engine speaks in order with everything else in the conversation.
            let platformID = "desk:handback:\(caseID):\(eventID.map(String.init) ?? "\(Date().timeIntervalSince1970)")"
            _ = try await executor.run {
                try store.appendInbound(
                    key: key, platformID: platformID, content: .handBack(node: node, survey: survey),
                    receivedAt: Date(),
                    meta: [:])
            }
            wakeProcessing()
        case .reengageBeneficiary(let key, _):
            try await executor.run { try store.enqueueOutbound(key, [.reengage], at: Date()) }
            wakeSender()
        case .openPlace(let caseID, let title):
            try await openPlace(caseID: caseID, title: title)
        case .postInPlace(let caseID, let text, let buttons):
            try await inCase(caseID) { workplace, place in
                try await workplace.post(OutgoingMessage(text: text, buttons: buttons), in: place)
            }
        case .relayToPlace(let caseID, let content):
            try await inCase(caseID) { workplace, place in
                let who = self.config.texts.whoBeneficiary
                switch content {
                case .attachment(let file): try await workplace.relay(file, caption: who, to: place)
                default:
                    try await workplace.post(OutgoingMessage(text: "\(who): \(CaseCard.describe(content))"), in: place)
                }
            }
        case .remindOfficers(_, let caseID, let text):
            try await inCase(caseID) { workplace, place in
                try await workplace.post(OutgoingMessage(text: text), in: place)
            }
        case .renamePlace(let caseID, let title):
            guard let workplace, let place = currentBook[caseID]?.place else { return }
            try await workplace.rename(place, to: title)
        case .closePlace(let caseID):
            guard let workplace, let place = currentBook[caseID]?.place else { return }
            try await workplace.close(place)
        case .audit(let entry):
            record(entry)
        }
    }

    /// Runs `body` at the case's place; a place that is gone is opened again and the case remapped.
    private func inCase(
        _ caseID: String, _ body: @Sendable (any OfficerWorkplace, String) async throws -> Void
    ) async throws {
        guard let workplace, let c = currentBook[caseID] else { return }
        if c.place == nil { try await openPlace(caseID: caseID, title: CaseCard.topicName(c, config: config)) }
        guard let place = currentBook[caseID]?.place else { return }
        do {
            try await body(workplace, place)
        } catch OfficerWorkplaceError.placeGone {
            logger.warning("place_gone", ["case": caseID])
            try await openPlace(caseID: caseID, title: CaseCard.topicName(c, config: config))
            if let fresh = currentBook[caseID]?.place, fresh != place {
                let card = CaseCard.render(currentBook[caseID] ?? c, config: config)
                try await workplace.post(OutgoingMessage(text: card), in: fresh)
                try await body(workplace, fresh)
            }
        }
    }

    /// Opens the case's place where officers work and records it with the case.
    private func openPlace(caseID: String, title: String) async throws {
        guard let workplace else { return }
        let place = try await workplace.openPlace(caseID: caseID, title: title)
        await perform(applyPlaceOpened(caseID: caseID, place: place), eventID: nil)
    }

    static func name(of effect: CaseEffect) -> String {
        switch effect {
        case .tellBeneficiary: "tellBeneficiary"
        case .relayToBeneficiary: "relayToBeneficiary"
        case .openPlace: "openPlace"
        case .postInPlace: "postInPlace"
        case .relayToPlace: "relayToPlace"
        case .renamePlace: "renamePlace"
        case .closePlace: "closePlace"
        case .remindOfficers: "remindOfficers"
        case .handBack: "handBack"
        case .reengageBeneficiary: "reengageBeneficiary"
        case .audit: "audit"
        }
    }
}
