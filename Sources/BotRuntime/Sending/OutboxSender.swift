import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Delivers outbox rows: concurrently across chats, in order within a chat, paced per channel.
///
/// Each round takes the due rows (the store yields only the oldest pending row per conversation) and
/// sends those the rate limiter allows at once. Outcomes are recorded as they arrive, in batches (see
/// `OutcomeRecorder`), and all of them before the next round, so a row is never in flight twice and a
/// crash at any point re-sends at most the rows whose outcome was not yet recorded.
public final class OutboxSender: Sendable {
    public struct Configuration: Sendable {
        /// Rows fetched per round.
        public var batchSize: Int
        /// Longest sleep when the outbox is empty (a signal wakes it earlier).
        public var idleWait: TimeInterval
        /// Outcomes recorded per store call while a round is under way: the most replies a crash can make
        /// the bot send twice, beyond those in flight.
        public var outcomeBatchSize: Int

        public init(batchSize: Int = 256, idleWait: TimeInterval = 1, outcomeBatchSize: Int = 32) {
            self.batchSize = batchSize
            self.idleWait = idleWait
            self.outcomeBatchSize = outcomeBatchSize
        }
    }

    let store: any RuntimeStore
    let executor: BlockingExecutor
    let senders: [String: any ChannelSender]
    let limiters: Mutex<[String: RateLimiter]>
    /// When each chat was last shown "typing…", so a paced chat is told once every few seconds, not per round.
    let activityShown = Mutex<[ConversationKey: Date]>([:])
    /// A reply held back by pacing longer than this shows the beneficiary that it is coming.
    static let activityAfter: TimeInterval = 1.5
    let metrics: RuntimeMetrics
    let logger: Logger
    let configuration: Configuration
    public let wake: WakeSignal

    public init(
        store: any RuntimeStore, executor: BlockingExecutor, senders: [any ChannelSender],
        rateLimits: [String: RateLimiter.Configuration], metrics: RuntimeMetrics, logger: Logger,
        configuration: Configuration = .init(), wake: WakeSignal = WakeSignal()
    ) {
        self.wake = wake
        self.store = store
        self.executor = executor
        self.senders = Dictionary(senders.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
        self.limiters = Mutex(rateLimits.mapValues(RateLimiter.init))
        self.metrics = metrics
        self.logger = logger
        self.configuration = configuration
    }

    /// Sends until the task is cancelled; then returns after the round in flight is recorded.
    public func run() async {
        while !Task.isCancelled {
            let sleep = await round()
            // Infinity: nothing pending and nothing held; whatever adds a row signals `wake`.
            if sleep > 0 { await wake.wait(timeout: sleep.isFinite ? sleep : nil) }
        }
    }

    /// Delivers what is due now; returns how long to sleep before the next round (0 = go on at once,
    /// infinity = until woken).
    public func round(now: Date = Date()) async -> TimeInterval {
        let store = self.store
        let batch = configuration.batchSize
        let rows: [OutboundRecord]
        let nextLook: Date?
        do {
            (rows, nextLook) = try await executor.run {
                let rows = try store.dueOutbound(now: now, limit: batch)
                guard rows.isEmpty else { return (rows, nil) }
                // Nothing to send: held outcomes are written once old enough, and the sender sleeps until
                // then or until the next retry falls due; with neither, until it is woken.
                let held = try store.flushHeldOutcomes(olderThan: OutcomeHold.maxAge, now: now)
                let due = try store.nextOutboundDue()
                return (rows, [held, due].compactMap { $0 }.min())
            }
        } catch {
            logger.error("outbox_read_failed", ["error": "\(error)"])
            return configuration.idleWait
        }
        guard !rows.isEmpty else {
            guard let nextLook else { return .infinity }
            return max(0.001, nextLook.timeIntervalSince(now))
        }

        var ready: [OutboundRecord] = []
        var held: [ConversationKey] = []
        var earliest: Date?
        limiters.withLock { limiters in
            for row in rows {
                // Mutated in place: a copy of the limiter would copy its table of every chat's bucket.
                // nil (no limiter for the channel) and .some(nil) (a token taken) both mean "send now".
                if let retryAt = limiters[row.key.channel]?.acquire(chat: row.key.chat, now: now) ?? nil {
                    earliest = min(earliest ?? retryAt, retryAt)
                    // Waiting since it was committed (or last retried) and still paced: show it is coming.
                    if now.timeIntervalSince(row.notBefore) > Self.activityAfter { held.append(row.key) }
                } else {
                    ready.append(row)
                }
            }
        }
        await showActivity(held, now: now)
        guard !ready.isEmpty else {
            return max(0.005, min(configuration.idleWait, (earliest ?? now).timeIntervalSince(now)))
        }

        let recorder = OutcomeRecorder(
            expecting: ready.count, batchSize: configuration.outcomeBatchSize, store: store, executor: executor,
            metrics: metrics, logger: logger)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await recorder.flushWhileWaiting() }
            for row in ready {
                let sender = senders[row.key.channel]
                group.addTask {
                    let outcome =
                        if let sender {
                            await sender.deliver(row)
                        } else {
                            DeliveryOutcome.failed(reason: "no sender for channel \(row.key.channel)")
                        }
                    await recorder.add(id: row.id, key: row.key, outcome: outcome)
                }
            }
        }
        return 0
    }

    /// "typing…" for chats whose reply waits for pacing; at most once per chat every five seconds.
    private func showActivity(_ keys: [ConversationKey], now: Date) async {
        let due = activityShown.withLock { shown -> [ConversationKey] in
            let fresh = keys.filter { shown[$0].map { now.timeIntervalSince($0) > 5 } ?? true }
            for key in fresh { shown[key] = now }
            if shown.count > 10_000 { shown = shown.filter { now.timeIntervalSince($0.value) < 5 } }
            return fresh
        }
        for key in due { await senders[key.channel]?.indicateActivity(key) }
    }
}
