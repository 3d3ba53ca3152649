#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Puts a channel's inbound events durably into the inbox, in one trip to the store thread, and wakes the
/// processing loop: what a webhook calls before it answers 200, or a poller before it moves its offset.
///
/// Duplicates (a `platformID` stored before: a platform's retry) come back as nil and are not handled again.
public struct ChannelInbox: Sendable {
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let metrics: RuntimeMetrics
    let onAccepted: @Sendable () -> Void

    public init(
        store: any RuntimeStore, executor: BlockingExecutor, metrics: RuntimeMetrics,
        onAccepted: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.executor = executor
        self.metrics = metrics
        self.onAccepted = onAccepted
    }

    /// Stores `items` in order, in one transaction; returns each one's record, nil for a duplicate.
    @discardableResult
    public func accept(_ items: [InboundItem]) async throws -> [InboundRecord?] {
        guard !items.isEmpty else { return [] }
        let store = self.store
        let records = try await executor.run { try store.appendInbound(items) }
        var stored = 0
        for record in records {
            if record == nil { metrics.updateDuplicate() } else { metrics.updateReceived() }
            if record != nil { stored += 1 }
        }
        if stored > 0 { onAccepted() }
        return records
    }

    /// Marks a conversation whose user blocked the bot (or is otherwise unreachable for good).
    public func markBlocked(_ key: ConversationKey, at date: Date = Date()) async throws {
        let store = self.store
        try await executor.run { try store.markBlocked(key, at: date) }
    }
}
