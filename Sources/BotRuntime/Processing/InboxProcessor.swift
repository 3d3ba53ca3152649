import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Runs unprocessed inbox events through the engine and commits each batch in one transaction.
///
/// Synchronous: call it from the runtime's processing thread, never from the cooperative pool.
/// Events of one conversation are stepped in inbox order; a batch spans many conversations.
public struct InboxProcessor: Sendable {
    public let store: any RuntimeStore
    public let dialogs: DialogHolder
    let cache: StateCache

    public init(store: any RuntimeStore, dialogs: DialogHolder, cache: StateCache = StateCache()) {
        self.store = store
        self.dialogs = dialogs
        self.cache = cache
    }

    /// Processes up to `limit` pending events; returns what was committed (empty when the inbox was empty).
    @discardableResult
    public func processPending(limit: Int = 256, now: Date = Date()) throws -> [ProcessedEvent] {
        let records = try store.unprocessedInbound(limit: limit)
        guard !records.isEmpty else { return [] }
        var states: [ConversationKey: ConversationState] = [:]
        var commits: [StepCommit] = []
        commits.reserveCapacity(records.count)
        for record in records {
            let stored =
                try states[record.key] ?? cache.state(for: record.key) ?? store.conversation(record.key)
                ?? ConversationState()
            let (engine, state) = dialogs.engine(for: stored)
            let result = engine.step(state, record.event)
            states[record.key] = result.state
            commits.append(Self.commit(for: record, result, at: now))
        }
        do {
            try store.commit(commits)
        } catch {
            cache.removeAll()
            throw error
        }
        cache.store(states)
        return zip(records, commits).map { ProcessedEvent(commit: $1, receivedAt: $0.receivedAt) }
    }

    /// Turns a step's effects into what the store records in the same transaction.
    static func commit(for record: InboundRecord, _ result: StepResult, at now: Date) -> StepCommit {
        var outbound: [OutboundPayload] = []
        // A channel that marks messages read (WhatsApp) asks for it in the event's meta; it goes out first.
        if let platformMessageID = record.meta[InboundMeta.readReceiptID] {
            outbound.append(.readReceipt(platformMessageID: platformMessageID))
        }
        var commit = StepCommit(
            inboundID: record.id, key: record.key, state: result.state, outbound: [], committedAt: now)
        for effect in result.effects {
            switch effect {
            case .send(let message): outbound.append(.message(message))
            case .submitRequest(var request):
                request.attestation = request.attestation.map { $0.sealed(channel: record.key.channel) }
                commit.requests.append(request)
            case .handoff(let handoff):
                commit.handoffs.append(handoff)
                commit.deskEvents.append(.handoff(handoff))
            case .recordSurvey(let answer):
                commit.surveys.append(answer)
                commit.deskEvents.append(.surveyAnswered(answer))
            case .relayToOfficer(let content): commit.deskEvents.append(.beneficiarySent(content))
            case .leaveQueue(let queue): commit.deskEvents.append(.beneficiaryLeft(queue: queue))
            }
        }
        commit.outbound = outbound
        return commit
    }
}

/// One committed step and when its event was received (for latency metrics).
public struct ProcessedEvent: Sendable {
    public var commit: StepCommit
    public var receivedAt: Date
}

/// Keys of `InboundRecord.meta` that the runtime understands.
public enum InboundMeta {
    /// The platform's id of the message to mark read (WhatsApp's wamid): the step's replies are preceded by
    /// `.readReceipt(platformMessageID:)`. Channels without read receipts leave it out.
    public static let readReceiptID = "read_receipt_id"
}
