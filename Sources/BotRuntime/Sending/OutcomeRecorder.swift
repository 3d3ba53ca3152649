#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization

/// Records delivery outcomes in the outbox as they arrive, many per store call.
///
/// A crash repeats only what was not yet recorded, so the sooner an outcome is stored, the fewer replies
/// a restart sends twice. Whichever delivery finishes while no recording is under way records
/// everything that has arrived, and goes on until nothing is left; the others only add theirs. So
/// outcomes that arrive together share one transaction, and none waits for the slowest send of its round.
final class OutcomeRecorder: Sendable {
    private struct State {
        var arrived: [(id: Int64, outcome: DeliveryOutcome)] = []
        var recording = false
    }

    private let state = Mutex(State())
    private let store: any RuntimeStore
    private let executor: BlockingExecutor
    private let metrics: RuntimeMetrics
    private let logger: Logger

    init(store: any RuntimeStore, executor: BlockingExecutor, metrics: RuntimeMetrics, logger: Logger) {
        self.store = store
        self.executor = executor
        self.metrics = metrics
        self.logger = logger
    }

    /// Adds one outcome; returns once it is recorded by this call or will be by the one recording now.
    func add(id: Int64, outcome: DeliveryOutcome) async {
        let recordsNow = state.withLock { state in
            state.arrived.append((id, outcome))
            guard !state.recording else { return false }
            state.recording = true
            return true
        }
        guard recordsNow else { return }
        // Taking the batch and giving up the role happen under one lock, so nothing added is left behind.
        while let batch = takeBatch() { await record(batch) }
    }

    private func takeBatch() -> [(id: Int64, outcome: DeliveryOutcome)]? {
        state.withLock { state in
            guard !state.arrived.isEmpty else {
                state.recording = false
                return nil
            }
            defer { state.arrived.removeAll(keepingCapacity: true) }
            return state.arrived
        }
    }

    private func record(_ outcomes: [(id: Int64, outcome: DeliveryOutcome)]) async {
        let store = self.store
        let finished = Date()
        do {
            try await executor.run { try store.record(outcomes, at: finished) }
        } catch {
            // The rows stay pending and are sent again: a repeat, never a loss.
            logger.error("outbox_record_failed", ["error": "\(error)"])
        }
        for (id, outcome) in outcomes {
            switch outcome {
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
