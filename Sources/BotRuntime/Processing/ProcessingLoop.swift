import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The dedicated thread that runs inbox events through the engine, batch by batch.
///
/// It is a thread, not a task, because every batch is a blocking SQLite transaction.
public final class ProcessingLoop: Sendable {
    let processor: InboxProcessor
    let metrics: RuntimeMetrics
    let logger: Logger
    let onCommitted: @Sendable () -> Void
    public let wake = ThreadSignal()
    private let running = Atomic<Bool>(false)
    private let stopped = ThreadSignal()
    private let idle = Mutex(true)

    public init(
        processor: InboxProcessor, metrics: RuntimeMetrics, logger: Logger, onCommitted: @escaping @Sendable () -> Void
    ) {
        self.processor = processor
        self.metrics = metrics
        self.logger = logger
        self.onCommitted = onCommitted
    }

    public func start() {
        running.store(true, ordering: .sequentiallyConsistent)
        // A queue of its own is served by a thread of its own (an overcommitting queue), so this loop
        // blocks on SQLite without holding up Swift's cooperative pool.
        DispatchQueue(label: "safabot.processing").async { [self] in
            while running.load(ordering: .sequentiallyConsistent) {
                drain()
                // Every inbox append signals; the long timeout is only a safety net, so an idle bot sleeps.
                wake.wait(timeout: 60)
            }
            drain()
            stopped.signal()
        }
    }

    /// Stops after the inbox is drained; blocks until the thread has finished its last batch.
    public func stop() {
        guard running.exchange(false, ordering: .sequentiallyConsistent) else { return }
        wake.signal()
        stopped.wait(timeout: 30)
    }

    /// Processes batches until the inbox is empty.
    public func drain() {
        while true {
            do {
                let processed = try processor.processPending()
                if processed.isEmpty { return }
                let now = Date()
                for event in processed {
                    metrics.updateProcessed(latency: max(0, now.timeIntervalSince(event.receivedAt)))
                }
                onCommitted()
            } catch {
                logger.error("processing_failed", ["error": "\(error)"])
                return
            }
        }
    }
}
