import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Records a round's delivery outcomes in the outbox as they arrive, a batch per store call.
///
/// A crash repeats only what was not yet recorded, so the sooner an outcome is stored, the fewer replies
/// a restart sends twice; but each store call is a transaction, so outcomes are gathered `batchSize` at a
/// time (and the round's last ones together). The delivery that fills a batch while no recording is under
/// way records everything that has arrived, and goes on while full batches are waiting; the others only add
/// theirs. No outcome waits for the slowest send of its round.
final class OutcomeRecorder: Sendable {
    private struct State {
        var arrived: [HeldOutcomeInput] = []
        var received = 0
        var recording = false
    }

    /// The longest an arrived outcome waits for its batch to fill. A crash repeats every reply whose outcome
    /// is not yet recorded, so this bounds how old a repeated reply's first send can be (issue 16: 50 ms).
    static let maxWait: Duration = .milliseconds(10)

    private let state = Mutex(State())
    /// Outcomes the round will deliver in all.
    private let expected: Int
    private let batchSize: Int
    private let store: any RuntimeStore
    private let executor: BlockingExecutor
    private let metrics: RuntimeMetrics
    private let logger: Logger

    init(
        expecting expected: Int, batchSize: Int = 32, store: any RuntimeStore, executor: BlockingExecutor,
        metrics: RuntimeMetrics, logger: Logger
    ) {
        self.expected = expected
        self.batchSize = max(1, batchSize)
        self.store = store
        self.executor = executor
        self.metrics = metrics
        self.logger = logger
    }

    /// Adds one outcome; returns once it is recorded, or left to the delivery that fills its batch or
    /// ends the round.
    func add(id: Int64, key: ConversationKey, outcome: DeliveryOutcome) async {
        let recordsNow = state.withLock { state in
            state.arrived.append(HeldOutcomeInput(id: id, key: key, outcome: outcome))
            state.received += 1
            guard !state.recording, isDue(state) else { return false }
            state.recording = true
            return true
        }
        guard recordsNow else { return }
        // Taking a batch and giving up the role happen under one lock, so nothing added is left behind:
        // an outcome that arrives after the role is given up finds it free.
        while let batch = takeBatch() { await record(batch) }
    }

    /// Runs beside the round's deliveries (in the same task group, so the round waits for it): every
    /// ``maxWait`` it records what has arrived, full batch or not, so a partial batch is recorded within
    /// `maxWait` rather than when its slowest peer arrives. Returns once every outcome is recorded.
    func flushWhileWaiting() async {
        while true {
            if Task.isCancelled { await Task.yield() } else { try? await Task.sleep(for: Self.maxWait) }
            let done = state.withLock { $0.received >= expected && !$0.recording && $0.arrived.isEmpty }
            if done { return }
            await flushWaiting()
        }
    }

    /// Records whatever has arrived, full batch or not, unless a recording is under way (it takes it).
    private func flushWaiting() async {
        let batch = state.withLock { state -> [HeldOutcomeInput]? in
            guard !state.recording, !state.arrived.isEmpty else { return nil }
            state.recording = true
            defer { state.arrived.removeAll(keepingCapacity: true) }
            return state.arrived
        }
        guard let batch else { return }
        await record(batch)
        while let next = takeBatch() { await record(next) }
    }

    /// A full batch is waiting, or the round's every outcome has arrived.
    private func isDue(_ state: State) -> Bool {
        !state.arrived.isEmpty && (state.arrived.count >= batchSize || state.received >= expected)
    }

    private func takeBatch() -> [HeldOutcomeInput]? {
        state.withLock { state in
            guard isDue(state) else {
                state.recording = false
                return nil
            }
            defer { state.arrived.removeAll(keepingCapacity: true) }
            return state.arrived
        }
    }

    private func record(_ outcomes: [HeldOutcomeInput]) async {
        let store = self.store
        let finished = Date()
        do {
            // The store may hold `.sent` outcomes a moment, to write them with its next transaction; when
            // it can, that needs no trip to the store thread.
            if !store.hold(outcomes, at: finished) {
                try await executor.run { try store.recordHolding(outcomes, at: finished) }
            }
        } catch {
            // The rows stay pending and are sent again: a repeat, never a loss.
            logger.error("outbox_record_failed", ["error": "\(error)"])
        }
        for item in outcomes {
            let id = item.id
            switch item.outcome {
            case .sent: metrics.send(outcome: "sent")
            case .retry(_, let reason), .partlySent(_, _, let reason):
                metrics.send(outcome: "retry")
                logger.warning("send_retry", ["outbox_id": String(id), "reason": reason])
            case .failed(let reason):
                metrics.send(outcome: "failed")
                logger.warning("send_failed", ["outbox_id": String(id), "reason": reason])
            }
        }
    }
}
