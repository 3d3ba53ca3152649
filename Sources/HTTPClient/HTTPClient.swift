import CCurl
import Dispatch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An async HTTP client over libcurl's multi interface, driven by one dedicated thread.
///
/// Every transfer runs on that thread (never on Swift's cooperative pool), many run at once,
/// and the multi handle's connection cache reuses keep-alive connections between requests.
public final class HTTPClient: Sendable {
    private let queue: TransferQueue

    /// Creates the client and starts its worker thread.
    public init(configuration: HTTPClientConfiguration = .init()) throws {
        let worker = try MultiWorker(configuration: configuration)
        queue = worker.mailbox
        let handOff = WorkerHandOff(worker: worker)
        // A queue of its own is served by a thread of its own (an overcommitting queue), so the
        // worker's blocking curl_multi_poll never holds up anything else.
        DispatchQueue(label: "safabot.curl").async { handOff.worker.run() }
    }

    deinit {
        queue.shutdown()
    }

    /// Performs `request`; throws ``CurlError`` on transport failure or `CancellationError` when the task is cancelled.
    ///
    /// Any HTTP status, including 4xx and 5xx, is a successful response.
    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let id = queue.makeID()
        let queue = self.queue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if let error = queue.enqueueStart(
                    TransferSubmission(id: id, request: request, continuation: continuation))
                {
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            queue.enqueueCancel(id)
        }
    }

    /// Stops the worker: pending and running sends fail with ``CurlError/shutdownCode``. Idempotent.
    public func shutdown() {
        queue.shutdown()
    }
}

/// Carries the worker into its thread's closure.
///
/// @unchecked Sendable: the creating thread never touches the worker after constructing this box;
/// from then on only the worker thread does.
private final class WorkerHandOff: @unchecked Sendable {
    let worker: MultiWorker
    init(worker: MultiWorker) { self.worker = worker }
}
