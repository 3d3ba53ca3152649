public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The runtime's durable memory: inbox, conversation states, outbox, records, settings.
///
/// Calls are synchronous and may block on disk: call them from a dedicated thread or serial queue,
/// never from Swift's cooperative pool. Implementations are safe to call from several threads.
public protocol RuntimeStore: Sendable {
    /// Durably records an inbound event; returns nil when `platformID` was recorded before (a duplicate).
    func appendInbound(
        key: ConversationKey, platformID: String, content: EventContent, receivedAt: Date, meta: [String: String]
    ) throws -> InboundRecord?

    /// Several inbound events at once, in order; nil for each duplicate.
    func appendInbound(_ items: [InboundItem]) throws -> [InboundRecord?]

    /// Inbound events not yet processed, oldest first.
    func unprocessedInbound(limit: Int) throws -> [InboundRecord]

    /// The stored state of a conversation, or nil for a new one.
    func conversation(_ key: ConversationKey) throws -> ConversationState?

    /// Commits several steps in one transaction: each inbound row marked processed, its state saved,
    /// its outbox rows, requests, handoffs and survey answers added. All or nothing.
    func commit(_ steps: [StepCommit]) throws

    /// Outbox rows due at `now`, oldest first, at most `limit`; rows of one conversation in order.
    func dueOutbound(now: Date, limit: Int) throws -> [OutboundRecord]

    /// Records how delivering an outbox row ended.
    func record(_ outcome: DeliveryOutcome, forOutbound id: Int64, at: Date) throws

    /// Records several outcomes at once (a sender round; the SQLite store uses one transaction).
    func record(_ outcomes: [(id: Int64, outcome: DeliveryOutcome)], at: Date) throws

    /// Outbox rows not yet delivered or failed.
    func outboxDepth() throws -> Int

    /// Small durable settings (e.g. the Telegram update offset).
    func value(forKey key: String) throws -> String?
    func setValue(_ value: String?, forKey key: String) throws

    /// Marks a conversation whose user blocked the bot; its pending outbox rows fail instead of being sent.
    func markBlocked(_ key: ConversationKey, at: Date) throws
    func isBlocked(_ key: ConversationKey) throws -> Bool

    /// When the beneficiary last wrote on their channel: the newest inbox event of `key` whose platform id
    /// is the channel's own (`"<channel>:…"`, not the desk's hand-backs); nil when they never did. WhatsApp's
    /// 24-hour customer-service window runs from it.
    func lastUserMessage(_ key: ConversationKey) throws -> Date?

    /// Records what the platform later reported about a sent message (WhatsApp's `statuses`: "delivered",
    /// "read", "failed" with `error`), on the outbox row that carries `platformMessageID`. Statuses arrive
    /// out of order: "read" is never replaced by "delivered", and "failed" is kept. False when no row has
    /// that id (a status for a message sent before this store, or a read receipt).
    @discardableResult
    func recordDeliveryStatus(platformMessageID: String, status: String, error: String?, at: Date) throws -> Bool

    /// Submitted requests, newest first (for officers, exports and tests).
    func requests(limit: Int) throws -> [SubmittedRequest]

    /// Adds outbox rows outside an engine step (an officer's message to a beneficiary), in order.
    func enqueueOutbound(_ key: ConversationKey, _ payloads: [OutboundPayload], at: Date) throws

    /// Queues a desk event; returns false when `platformID` was queued before (a duplicate).
    @discardableResult
    func appendDeskEvent(platformID: String?, key: ConversationKey?, event: DeskEvent, at: Date) throws -> Bool

    /// Desk events not yet processed, oldest first.
    func pendingDeskEvents(limit: Int) throws -> [DeskEventRecord]

    /// Marks desk events done.
    func markDeskEventsProcessed(_ ids: [Int64], at: Date) throws

    /// Appends `items` and stores `setting` (e.g. the poller's next offset) in one transaction; when no
    /// earlier event waits in the inbox, also steps the new events with `step` (in order) and writes their
    /// commits in that same transaction, the events stored already processed. Returns each item's record
    /// (nil for a duplicate) and the commits written: empty when the events were left for the processing
    /// loop (a store without a faster way always leaves them).
    func appendInbound(_ items: [InboundItem], setting: StoreSetting?, stepping step: InboundStepper?) throws
        -> (records: [InboundRecord?], commits: [StepCommit])

    /// Records outcomes, allowing the store to hold `.sent` ones in memory for a moment and write them with
    /// its next transaction: at most one per conversation and `OutcomeHold.limit` in all, and none longer
    /// than `flushHeldOutcomes(olderThan:now:)` lets them. A held row counts as settled (it is not due
    /// again). A crash loses the held outcomes, so those rows are sent again: the most a crash can repeat
    /// beyond the sends in flight, as before, when each round's outcomes were written in batches.
    func recordHolding(_ outcomes: [HeldOutcomeInput], at: Date) throws

    /// Writes held outcomes older than `age` seconds (all with 0); returns when the oldest one still held
    /// must be written, or nil when none is held.
    func flushHeldOutcomes(olderThan age: TimeInterval, now: Date) throws -> Date?

    /// Like `recordHolding` when every outcome can be held, without blocking (no disk work): callable from
    /// an async task. Returns false, holding nothing, when they must go through `recordHolding`.
    func hold(_ outcomes: [HeldOutcomeInput], at: Date) -> Bool

    /// When the earliest pending outbox row falls due (a retry waits for its `notBefore`); nil when none is
    /// pending, so a sender may sleep until it is told of new rows.
    func nextOutboundDue() throws -> Date?
}

/// A small durable setting written with other rows (see `appendInbound(_:setting:stepping:)`).
public struct StoreSetting: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Steps new inbound records inside the store's transaction: the records in order, and a way to read a
/// conversation's stored state on the store's own connection. Returns one commit per record.
public typealias InboundStepper = (
    _ records: [InboundRecord], _ storedState: (ConversationKey) throws -> ConversationState?
) throws -> [StepCommit]

/// A delivery outcome for `recordHolding`: the row, its conversation (held outcomes are one per
/// conversation) and how it ended.
public struct HeldOutcomeInput: Sendable {
    public var id: Int64
    public var key: ConversationKey
    public var outcome: DeliveryOutcome

    public init(id: Int64, key: ConversationKey, outcome: DeliveryOutcome) {
        self.id = id
        self.key = key
        self.outcome = outcome
    }
}

/// How long and how many `.sent` outcomes a store may hold before writing them.
public enum OutcomeHold {
    /// Held outcomes in all: the most replies a crash can make the bot send twice beyond those in flight.
    public static let limit = 32
    /// The longest an outcome is held when nothing else writes.
    /// (Repeated replies after a crash are those held or in flight: issue 16 wants none older than 50 ms.)
    public static let maxAge: TimeInterval = 0.025
}

/// An inbound event to append, before it has an inbox id.
public struct InboundItem: Sendable {
    public var key: ConversationKey
    public var platformID: String
    public var content: EventContent
    public var receivedAt: Date
    public var meta: [String: String]

    public init(
        key: ConversationKey, platformID: String, content: EventContent, receivedAt: Date, meta: [String: String]
    ) {
        self.key = key
        self.platformID = platformID
        self.content = content
        self.receivedAt = receivedAt
        self.meta = meta
    }
}

extension RuntimeStore {
    /// One by one, for stores without a faster way.
    public func appendInbound(_ items: [InboundItem]) throws -> [InboundRecord?] {
        try items.map {
            try appendInbound(
                key: $0.key, platformID: $0.platformID, content: $0.content, receivedAt: $0.receivedAt, meta: $0.meta)
        }
    }

    /// One by one, for stores without a faster way.
    public func record(_ outcomes: [(id: Int64, outcome: DeliveryOutcome)], at: Date) throws {
        for (id, outcome) in outcomes { try record(outcome, forOutbound: id, at: at) }
    }

    /// Appends, then stores the setting; leaves the events to the processing loop.
    public func appendInbound(_ items: [InboundItem], setting: StoreSetting?, stepping step: InboundStepper?) throws
        -> (records: [InboundRecord?], commits: [StepCommit])
    {
        let records = try appendInbound(items)
        if let setting { try setValue(setting.value, forKey: setting.key) }
        return (records, [])
    }

    /// Holds nothing: records at once.
    public func recordHolding(_ outcomes: [HeldOutcomeInput], at: Date) throws {
        try record(outcomes.map { ($0.id, $0.outcome) }, at: at)
    }

    public func flushHeldOutcomes(olderThan age: TimeInterval, now: Date) throws -> Date? { nil }

    public func hold(_ outcomes: [HeldOutcomeInput], at: Date) -> Bool { false }

    /// Without a faster way: a second from now while anything is pending (the sender looks again, as it
    /// always did), nil when nothing is.
    public func nextOutboundDue() throws -> Date? {
        try outboxDepth() > 0 ? Date().addingTimeInterval(1) : nil
    }
}
