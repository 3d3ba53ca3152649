import DialogCore
import Synchronization

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
    /// Held while events are read, stepped, committed and cached: the processing loop and a channel stepping
    /// its own events (`accept`) never step one conversation at once, nor read a state the other is replacing.
    let gate = ProcessingGate()

    public init(store: any RuntimeStore, dialogs: DialogHolder, cache: StateCache = StateCache()) {
        self.store = store
        self.dialogs = dialogs
        self.cache = cache
    }

    /// Stores `items` (and `setting`) and, when no earlier event waits in the inbox, steps them in the same
    /// transaction: what a channel's poller or webhook calls, on a thread that may block. Returns each item's
    /// record (nil for a duplicate) and the events processed (empty when they were left to the processing
    /// loop, which the caller must then wake).
    public func accept(_ items: [InboundItem], setting: StoreSetting?, now: Date = Date()) throws
        -> (records: [InboundRecord?], processed: [ProcessedEvent])
    {
        try gate.locked {
            var states: [ConversationKey: ConversationState] = [:]
            let result: (records: [InboundRecord?], commits: [StepCommit])
            do {
                result = try store.appendInbound(items, setting: setting) { records, storedState in
                    try records.map { record in
                        let stored =
                            try states[record.key] ?? cache.state(for: record.key) ?? storedState(record.key)
                            ?? ConversationState()
                        let (engine, state) = dialogs.engine(for: stored)
                        let result = engine.step(state, record.event)
                        states[record.key] = result.state
                        return Self.commit(for: record, result, at: now)
                    }
                }
            } catch {
                cache.removeAll()
                throw error
            }
            guard !result.commits.isEmpty else { return (result.records, []) }
            cache.store(states)
            let received = Dictionary(
                result.records.compactMap { $0.map { ($0.id, $0.receivedAt) } }, uniquingKeysWith: { first, _ in first })
            return (
                result.records,
                result.commits.map { ProcessedEvent(commit: $0, receivedAt: received[$0.inboundID] ?? now) }
            )
        }
    }

    /// Processes up to `limit` pending events; returns what was committed (empty when the inbox was empty).
    @discardableResult
    public func processPending(limit: Int = 256, now: Date = Date()) throws -> [ProcessedEvent] {
        try gate.locked { try processPendingLocked(limit: limit, now: now) }
    }

    private func processPendingLocked(limit: Int, now: Date) throws -> [ProcessedEvent] {
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
            case .addInformation(let reference, let content):
                commit.information.append(RequestInformation(reference: reference, content: content))
            }
        }
        commit.outbound = outbound
        return commit
    }
}

/// A lock around blocking work (a store transaction): for threads that may block, never the cooperative pool.
final class ProcessingGate: Sendable {
    private let mutex = Mutex(())

    func locked<T: Sendable>(_ body: () throws -> T) throws -> T {
        try mutex.withLock { _ in try body() }
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
