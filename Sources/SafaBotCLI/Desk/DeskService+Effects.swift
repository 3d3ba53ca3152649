import BotRuntime
import DialogCore
import OfficerDesk
import TelegramChannel

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
                try await inCase(caseID) { group, place in
                    try await group.post(OutgoingMessage(text: self.config.texts.topicBeneficiaryBlocked), at: place)
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
        case .createTopic(let caseID, let name):
            try await createTopic(caseID: caseID, name: name)
        case .postToTopic(let caseID, let text, let buttons):
            try await inCase(caseID) { group, place in
                try await group.post(OutgoingMessage(text: text, buttons: buttons), at: place)
            }
        case .relayToTopic(let caseID, let content):
            try await inCase(caseID) { group, place in
                let who = self.config.texts.whoBeneficiary
                switch content {
                case .attachment(let file): try await group.send(file, caption: who, at: place)
                default: try await group.post(OutgoingMessage(text: "\(who): \(CaseCard.describe(content))"), at: place)
                }
            }
        case .remindOfficers(_, let caseID, let text):
            try await inCase(caseID) { group, place in try await group.post(OutgoingMessage(text: text), at: place) }
        case .renameTopic(let caseID, let name):
            guard let group, !groupWithoutTopics, let thread = currentBook[caseID]?.topicThreadID else { return }
            try await group.rename(thread: thread, to: name)
        case .closeTopic(let caseID):
            guard let group, !groupWithoutTopics, let thread = currentBook[caseID]?.topicThreadID else { return }
            try await group.close(thread: thread)
        case .audit(let entry):
            record(entry)
        }
    }

    /// Runs `body` at the case's place in the group; a topic that is gone is recreated and the case remapped.
    private func inCase(_ caseID: String, _ body: @Sendable (OfficerGroup, CasePlace) async throws -> Void) async throws
    {
        guard let group, let c = currentBook[caseID] else { return }
        if c.topicThreadID == nil { try await createTopic(caseID: caseID, name: CaseCard.topicName(c, config: config)) }
        guard let key = currentBook[caseID]?.topicThreadID else { return }
        do {
            try await body(group, place(forTopicKey: key))
        } catch let error as TelegramAPIError where error.isThreadGone && !groupWithoutTopics {
            logger.warning("topic_gone", ["case": caseID])
            try await createTopic(caseID: caseID, name: CaseCard.topicName(c, config: config))
            if let fresh = currentBook[caseID]?.topicThreadID {
                let card = CaseCard.render(currentBook[caseID] ?? c, config: config)
                try await group.post(OutgoingMessage(text: card), at: .topic(threadID: fresh))
                try await body(group, .topic(threadID: fresh))
            }
        }
    }

    /// Opens the case's place: a forum topic, or in a group without topics an anchor message to reply to.
    private func createTopic(caseID: String, name: String) async throws {
        guard let group else { return }
        var threadID: Int64
        if groupWithoutTopics {
            threadID = try await group.post(OutgoingMessage(text: name), at: .group)
        } else {
            do {
                threadID = try await group.createTopic(name: name)
            } catch let error as TelegramAPIError where error.isNotAForum {
                await rememberGroupWithoutTopics()
                threadID = try await group.post(OutgoingMessage(text: name), at: .group)
            }
        }
        await perform(applyTopicCreated(caseID: caseID, threadID: threadID), eventID: nil)
    }

    func place(forTopicKey key: Int64) -> CasePlace {
        groupWithoutTopics ? .replies(toCard: key) : .topic(threadID: key)
    }

    static func name(of effect: CaseEffect) -> String {
        switch effect {
        case .tellBeneficiary: "tellBeneficiary"
        case .relayToBeneficiary: "relayToBeneficiary"
        case .createTopic: "createTopic"
        case .postToTopic: "postToTopic"
        case .relayToTopic: "relayToTopic"
        case .renameTopic: "renameTopic"
        case .closeTopic: "closeTopic"
        case .remindOfficers: "remindOfficers"
        case .handBack: "handBack"
        case .audit: "audit"
        }
    }
}
