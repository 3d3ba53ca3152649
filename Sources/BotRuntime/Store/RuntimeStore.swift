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
}
