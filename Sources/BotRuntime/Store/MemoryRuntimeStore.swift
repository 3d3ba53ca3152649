public import DialogCore
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A `RuntimeStore` held in memory, for tests and the terminal channel: same behaviour as the SQLite store,
/// nothing survives the process.
///
/// Behaviour shared with `SQLiteRuntimeStore` (the contract tests run both):
/// - an inbound event from a blocked conversation clears the block (the user can only write after unblocking);
/// - `commit` rejects an unknown or already processed inbound row and a reused request reference, and
///   then changes nothing;
/// - `dueOutbound` returns at most one row per conversation: the oldest pending one, if it is due;
/// - rows added for, or pending in, a blocked conversation are failed with reason "blocked".
public final class MemoryRuntimeStore: RuntimeStore, Sendable {
    private let storage = Mutex(Storage())

    public init() {}

    /// Why a pending row was failed when its conversation is blocked.
    static let blockedReason = "blocked"

    private enum Status: Equatable { case pending, sent, failed }

    private struct OutboxRow {
        var record: OutboundRecord
        var status: Status
        var platformMessageID: String?
        var lastError: String?
        var deliveryStatus: String?
    }

    private struct Storage {
        var inbox: [InboundRecord] = []
        var processed: Set<Int64> = []
        var platformIDs: Set<String> = []
        var lastInboundID: Int64 = 0
        var states: [ConversationKey: ConversationState] = [:]
        var blocked: [ConversationKey: Date] = [:]
        var outbox: [OutboxRow] = []
        var lastOutboundID: Int64 = 0
        var requests: [SubmittedRequest] = []
        var references: Set<String> = []
        var handoffs: [HandoffRequest] = []
        var surveys: [SurveyAnswer] = []
        var values: [String: String] = [:]
        var deskEvents: [(record: DeskEventRecord, processed: Bool)] = []
        var deskPlatformIDs: Set<String> = []
        var lastDeskEventID: Int64 = 0
    }

    private func locked<T>(_ body: (inout Storage) throws -> T) rethrows -> T {
        try storage.withLock { try body(&$0) }
    }

    // MARK: RuntimeStore

    public func appendInbound(
        key: ConversationKey, platformID: String, content: EventContent, receivedAt: Date, meta: [String: String]
    ) throws -> InboundRecord? {
        locked { storage in
            guard storage.platformIDs.insert(platformID).inserted else { return nil }
            storage.lastInboundID += 1
            let record = InboundRecord(
                id: storage.lastInboundID, key: key, platformID: platformID, content: content,
                receivedAt: receivedAt, meta: meta)
            storage.inbox.append(record)
            storage.blocked[key] = nil
            return record
        }
    }

    public func unprocessedInbound(limit: Int) throws -> [InboundRecord] {
        locked { storage in
            let processed = storage.processed
            return Array(storage.inbox.lazy.filter { !processed.contains($0.id) }.prefix(max(0, limit)))
        }
    }

    public func conversation(_ key: ConversationKey) throws -> ConversationState? {
        locked { $0.states[key] }
    }

    public func commit(_ steps: [StepCommit]) throws {
        try locked { storage in
            // Work on a copy and keep it only if every step applies: all or nothing.
            var draft = storage
            for step in steps { try Self.apply(step, to: &draft) }
            storage = draft
        }
    }

    private static func apply(_ step: StepCommit, to storage: inout Storage) throws {
        guard storage.inbox.contains(where: { $0.id == step.inboundID }) else {
            throw RuntimeStoreError.unknownInbound(id: step.inboundID)
        }
        guard storage.processed.insert(step.inboundID).inserted else {
            throw RuntimeStoreError.inboundAlreadyProcessed(id: step.inboundID)
        }
        storage.states[step.key] = step.state
        let blocked = storage.blocked[step.key] != nil
        for payload in step.outbound {
            storage.lastOutboundID += 1
            storage.outbox.append(
                OutboxRow(
                    record: OutboundRecord(
                        id: storage.lastOutboundID, key: step.key, payload: payload, notBefore: step.committedAt),
                    status: blocked ? .failed : .pending,
                    lastError: blocked ? blockedReason : nil))
        }
        for request in step.requests {
            guard storage.references.insert(request.reference).inserted else {
                throw RuntimeStoreError.duplicateRequestReference
            }
            storage.requests.append(request)
        }
        storage.handoffs += step.handoffs
        storage.surveys += step.surveys
        for event in step.deskEvents {
            storage.lastDeskEventID += 1
            storage.deskEvents.append(
                (DeskEventRecord(id: storage.lastDeskEventID, key: step.key, event: event, at: step.committedAt), false)
            )
        }
    }

    public func enqueueOutbound(_ key: ConversationKey, _ payloads: [OutboundPayload], at: Date) throws {
        locked { storage in
            let blocked = storage.blocked[key] != nil
            for payload in payloads {
                storage.lastOutboundID += 1
                storage.outbox.append(
                    OutboxRow(
                        record: OutboundRecord(id: storage.lastOutboundID, key: key, payload: payload, notBefore: at),
                        status: blocked ? .failed : .pending, lastError: blocked ? Self.blockedReason : nil))
            }
        }
    }

    @discardableResult
    public func appendDeskEvent(platformID: String?, key: ConversationKey?, event: DeskEvent, at: Date) throws -> Bool {
        locked { storage in
            if let platformID, !storage.deskPlatformIDs.insert(platformID).inserted { return false }
            storage.lastDeskEventID += 1
            storage.deskEvents.append(
                (DeskEventRecord(id: storage.lastDeskEventID, key: key, event: event, at: at), false))
            return true
        }
    }

    public func pendingDeskEvents(limit: Int) throws -> [DeskEventRecord] {
        locked { storage in
            Array(storage.deskEvents.lazy.filter { !$0.processed }.map(\.record).prefix(max(0, limit)))
        }
    }

    public func markDeskEventsProcessed(_ ids: [Int64], at: Date) throws {
        locked { storage in
            let done = Set(ids)
            for index in storage.deskEvents.indices where done.contains(storage.deskEvents[index].record.id) {
                storage.deskEvents[index].processed = true
            }
        }
    }

    public func dueOutbound(now: Date, limit: Int) throws -> [OutboundRecord] {
        locked { storage in
            var seen = Set<ConversationKey>()
            var due: [OutboundRecord] = []
            for row in storage.outbox where row.status == .pending && due.count < limit {
                // Only the head of each conversation's queue may go, so one chat's messages stay in order.
                guard seen.insert(row.record.key).inserted else { continue }
                if row.record.notBefore <= now && storage.blocked[row.record.key] == nil { due.append(row.record) }
            }
            return due
        }
    }

    public func record(_ outcome: DeliveryOutcome, forOutbound id: Int64, at: Date) throws {
        try locked { storage in
            guard let index = storage.outbox.firstIndex(where: { $0.record.id == id }) else {
                throw RuntimeStoreError.unknownOutbound(id: id)
            }
            // Outcomes for a row already sent or failed are ignored: recording is idempotent.
            guard storage.outbox[index].status == .pending else { return }
            switch outcome {
            case .sent(let platformMessageID):
                storage.outbox[index].status = .sent
                storage.outbox[index].platformMessageID = platformMessageID
            case .retry(let notBefore, let reason):
                storage.outbox[index].record.attempts += 1
                storage.outbox[index].record.notBefore = notBefore
                storage.outbox[index].lastError = reason
            case .partlySent(let parts, let notBefore, let reason):
                storage.outbox[index].record.attempts += 1
                storage.outbox[index].record.notBefore = notBefore
                storage.outbox[index].record.partsSent = max(storage.outbox[index].record.partsSent, parts)
                storage.outbox[index].lastError = reason
            case .failed(let reason):
                storage.outbox[index].record.attempts += 1
                storage.outbox[index].status = .failed
                storage.outbox[index].lastError = reason
            }
        }
    }

    public func outboxDepth() throws -> Int {
        locked { storage in storage.outbox.count(where: { $0.status == .pending }) }
    }

    public func value(forKey key: String) throws -> String? {
        locked { $0.values[key] }
    }

    public func setValue(_ value: String?, forKey key: String) throws {
        locked { $0.values[key] = value }
    }

    public func markBlocked(_ key: ConversationKey, at: Date) throws {
        locked { storage in
            if storage.blocked[key] == nil { storage.blocked[key] = at }
            for index in storage.outbox.indices
            where storage.outbox[index].record.key == key && storage.outbox[index].status == .pending {
                storage.outbox[index].status = .failed
                storage.outbox[index].lastError = Self.blockedReason
            }
        }
    }

    public func isBlocked(_ key: ConversationKey) throws -> Bool {
        locked { $0.blocked[key] != nil }
    }

    public func recordDeliveryStatus(platformMessageID: String, status: String, error: String?, at: Date) throws -> Bool {
        locked { storage in
            guard let index = storage.outbox.firstIndex(where: { $0.platformMessageID == platformMessageID }) else {
                return false
            }
            let current = storage.outbox[index].deliveryStatus
            if DeliveryStatusRank.rank(status) > DeliveryStatusRank.rank(current) {
                storage.outbox[index].deliveryStatus = status
                if let error { storage.outbox[index].lastError = error }
            }
            return true
        }
    }

    /// The delivery status of the row with `platformMessageID` (tests).
    public func deliveryStatus(platformMessageID: String) -> String? {
        locked { $0.outbox.first { $0.platformMessageID == platformMessageID }?.deliveryStatus }
    }

    public func lastUserMessage(_ key: ConversationKey) throws -> Date? {
        let prefix = key.channel + ":"
        return locked { storage in
            storage.inbox.lazy.filter { $0.key == key && $0.platformID.hasPrefix(prefix) }.map(\.receivedAt).max()
        }
    }

    public func requests(limit: Int) throws -> [SubmittedRequest] {
        locked { storage in
            // Newest first; among equal times, the later submitted first (as the SQLite store orders by rowid).
            let ordered = storage.requests.enumerated().sorted {
                ($0.element.submittedAt, $0.offset) > ($1.element.submittedAt, $1.offset)
            }
            return ordered.prefix(max(0, limit)).map(\.element)
        }
    }

    // MARK: Inspection for tests

    /// Handoff requests committed so far, oldest first.
    public func handoffs() -> [HandoffRequest] { locked { $0.handoffs } }

    /// Survey answers committed so far, oldest first.
    public func surveys() -> [SurveyAnswer] { locked { $0.surveys } }
}

/// Why a runtime store refused a call; shared by every `RuntimeStore` implementation.
///
/// (Kept beside `MemoryRuntimeStore` for now; it belongs in its own file `RuntimeStoreError.swift`.)
public enum RuntimeStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `commit` named an inbound row that does not exist.
    case unknownInbound(id: Int64)
    /// `commit` named an inbound row already processed; committing it again would send its answers twice.
    case inboundAlreadyProcessed(id: Int64)
    /// A submitted request reused a reference number already recorded.
    case duplicateRequestReference
    /// `record` named an outbox row that does not exist.
    case unknownOutbound(id: Int64)
    /// A stored row could not be decoded (the table and a row id, never its contents or a chat id).
    case corruptRecord(table: String, row: String)

    public var description: String {
        switch self {
        case .unknownInbound(let id): "no inbound event \(id)"
        case .inboundAlreadyProcessed(let id): "inbound event \(id) was already processed"
        case .duplicateRequestReference: "a request with this reference number already exists"
        case .unknownOutbound(let id): "no outbox row \(id)"
        case .corruptRecord(let table, let row): "stored \(table) row \(row) could not be decoded"
        }
    }
}
