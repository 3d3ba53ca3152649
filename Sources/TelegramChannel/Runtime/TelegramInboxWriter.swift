public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Puts decoded Telegram updates durably into the inbox; shared by long polling and the webhook.
///
/// Only after `accept` returns may the update be acknowledged to Telegram (offset advanced, 200 answered).
public struct TelegramInboxWriter: Sendable {
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let renderer: TelegramRenderer
    let metrics: RuntimeMetrics
    let logger: Logger
    /// Wakes the processing loop.
    let onAccepted: @Sendable () -> Void
    /// The officers' group: its updates go to the desk queue, not the engine.
    let officersGroupID: Int64?
    /// Wakes the desk.
    let onDeskEvent: @Sendable () -> Void
    /// Steps beneficiaries' events in the transaction that stores them (one hop and one transaction per
    /// batch instead of three); nil leaves every event to the processing loop.
    let processor: InboxProcessor?
    /// Wakes what follows a commit (the outbox sender, the desk) after `processor` stepped events.
    let onProcessed: @Sendable () -> Void

    public init(
        store: any RuntimeStore, executor: BlockingExecutor, renderer: TelegramRenderer = TelegramRenderer(),
        metrics: RuntimeMetrics, logger: Logger, onAccepted: @escaping @Sendable () -> Void,
        officersGroupID: Int64? = nil, onDeskEvent: @escaping @Sendable () -> Void = {},
        processor: InboxProcessor? = nil, onProcessed: @escaping @Sendable () -> Void = {}
    ) {
        self.processor = processor
        self.onProcessed = onProcessed
        self.store = store
        self.executor = executor
        self.renderer = renderer
        self.metrics = metrics
        self.logger = logger
        self.onAccepted = onAccepted
        self.officersGroupID = officersGroupID
        self.onDeskEvent = onDeskEvent
    }

    /// What accepting a batch left for the caller: every button press in it (stored, duplicate or ignored)
    /// still needs its answerCallbackQuery, or the user's client keeps spinning. That acknowledgement is
    /// this channel's chore, done once the batch is durably stored; it never goes through the outbox.
    public struct Accepted: Sendable {
        public var stored = 0
        public var duplicates = 0
        public var invalid = 0
        public var unansweredCallbacks: [String] = []
        public var deskEvents = 0
        /// Events stepped as they were stored (the rest of `stored` waits for the processing loop).
        public var processed = 0
    }

    /// Stores every update of a batch (in order) and, when given, the next offset after them,
    /// in one trip to the store thread.
    public func accept(
        _ updates: [Result<Update, UpdateDecodingFailure>], nextOffset: Int64? = nil, now: Date = Date()
    ) async throws -> Accepted {
        let renderer = self.renderer
        let store = self.store
        let logger = self.logger
        let group = officersGroupID
        let processor = self.processor
        let metrics = self.metrics
        let accepted = try await executor.run { () -> Accepted in
            var accepted = Accepted()
            // Beneficiaries' events go in as one transaction; anything else flushes them first to keep order.
            // The last flush carries the next offset, so the batch is acknowledged in that same transaction.
            var pending: [InboundItem] = []
            func flush(offset: Int64? = nil) throws {
                let setting = offset.map { StoreSetting(key: TelegramPoller.offsetKey, value: String($0)) }
                guard !pending.isEmpty || setting != nil else { return }
                let records: [InboundRecord?]
                if let processor {
                    let result = try processor.accept(pending, setting: setting)
                    records = result.records
                    accepted.processed += result.processed.count
                    let done = Date()
                    for event in result.processed {
                        metrics.updateProcessed(latency: max(0, done.timeIntervalSince(event.receivedAt)))
                    }
                } else {
                    records = try store.appendInbound(pending, setting: setting, stepping: nil).records
                }
                for record in records {
                    if record == nil { accepted.duplicates += 1 } else { accepted.stored += 1 }
                }
                pending = []
            }
            for result in updates {
                switch result {
                case .failure(let failure):
                    accepted.invalid += 1
                    logger.warning(
                        "update_invalid",
                        ["update_id": failure.updateID.map(String.init) ?? "?", "reason": failure.reason])
                case .success(let update):
                    if let group, let officer = renderer.officerUpdate(from: update, groupChatID: group) {
                        try flush()
                        switch officer {
                        case .event(let event):
                            if let callbackID = update.callbackQuery?.id {
                                accepted.unansweredCallbacks.append(callbackID)
                            }
                            let platformID = "telegram:update:\(update.updateID)"
                            if try store.appendDeskEvent(platformID: platformID, key: nil, event: event, at: now) {
                                accepted.deskEvents += 1
                            } else {
                                accepted.duplicates += 1
                            }
                        case .ignored(let reason, let callbackID):
                            logger.info(
                                "officer_update_ignored", ["update_id": String(update.updateID), "reason": reason])
                            if let callbackID { accepted.unansweredCallbacks.append(callbackID) }
                        }
                        continue
                    }
                    switch renderer.inbound(from: update, receivedAt: now) {
                    case .event(let inbound):
                        if let callbackID = update.callbackQuery?.id { accepted.unansweredCallbacks.append(callbackID) }
                        pending.append(
                            InboundItem(
                                key: inbound.key, platformID: inbound.platformID, content: inbound.content,
                                receivedAt: inbound.receivedAt, meta: inbound.meta))
                    case .membership(let key, _, let change, let at):
                        try flush()
                        if change == .blocked { try store.markBlocked(key, at: at) }
                        logger.info("membership_changed", ["chat": key.description, "change": change.rawValue])
                    case .ignored(let reason, let callbackID):
                        logger.info(
                            "update_ignored", ["update_id": String(update.updateID), "reason": reason.rawValue])
                        if let callbackID { accepted.unansweredCallbacks.append(callbackID) }
                    }
                }
            }
            try flush(offset: nextOffset)
            return accepted
        }
        for _ in 0..<accepted.stored { metrics.updateReceived() }
        for _ in 0..<accepted.duplicates { metrics.updateDuplicate() }
        for _ in 0..<accepted.invalid { metrics.updateInvalid() }
        if accepted.processed > 0 { onProcessed() }
        if accepted.stored > accepted.processed { onAccepted() }
        if accepted.deskEvents > 0 { onDeskEvent() }
        return accepted
    }
}
