import CCurl
import Synchronization

/// What ``HTTPClient/send(_:)`` hands to the worker thread.
struct TransferSubmission: Sendable {
    let id: UInt64
    let request: HTTPClientRequest
    let continuation: CheckedContinuation<HTTPClientResponse, any Error>
}

/// The thread-safe mailbox between async callers and the curl worker thread.
///
/// Commands are FIFO, so a cancel always follows the start it refers to. The multi handle's
/// pointer lives here only for `curl_multi_wakeup` (the one multi call curl documents as
/// callable from any thread); it is cleared under the lock before the worker frees the handle,
/// so no wakeup can touch a freed multi.
final class TransferQueue: Sendable {
    enum Command {
        case start(TransferSubmission)
        case cancel(UInt64)
    }

    private struct State {
        var commands: [Command] = []
        var nextID: UInt64 = 0
        var isShutdown = false
        var multi: MultiWakeup?
    }

    /// The multi pointer, usable only for curl_multi_wakeup.
    ///
    /// @unchecked Sendable: curl documents curl_multi_wakeup as callable from any thread, this
    /// type exposes nothing else, and it is read only under `state`'s lock, which the worker
    /// also holds when it clears it before curl_multi_cleanup.
    private struct MultiWakeup: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    private let state: Mutex<State>

    init(multi: UnsafeMutableRawPointer) {
        state = Mutex(State(multi: MultiWakeup(pointer: multi)))
    }

    /// A fresh transfer id.
    func makeID() -> UInt64 {
        state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Queues a start; fails with the reason when the task is already cancelled or the client is shut down.
    ///
    /// The cancellation check runs under the lock: if it passes, any later `onCancel` enqueues its
    /// cancel after this start; if it fails, the caller finishes at once and the cancel is ignored.
    func enqueueStart(_ submission: TransferSubmission) -> (any Error)? {
        state.withLock { state -> (any Error)? in
            if state.isShutdown {
                return CurlError(
                    code: CurlError.shutdownCode, message: "HTTP client is shut down", url: submission.request.url)
            }
            if Task.isCancelled { return CancellationError() }
            state.commands.append(.start(submission))
            Self.wake(state.multi)
            return nil
        }
    }

    /// Queues a cancel for a transfer that may be waiting, running or already finished.
    func enqueueCancel(_ id: UInt64) {
        state.withLock { state in
            guard !state.isShutdown else { return }
            state.commands.append(.cancel(id))
            Self.wake(state.multi)
        }
    }

    /// Marks the client shut down and wakes the worker so it can fail what is pending and exit.
    func shutdown() {
        state.withLock { state in
            state.isShutdown = true
            Self.wake(state.multi)
        }
    }

    /// Takes every queued command; `isShutdown` tells the worker to stop.
    func drain() -> (commands: [Command], isShutdown: Bool) {
        state.withLock { state in
            let commands = state.commands
            state.commands = []
            return (commands, state.isShutdown)
        }
    }

    /// Forgets the multi pointer before the worker frees it (after shutdown, so nothing else enqueues).
    func detachMulti() -> [Command] {
        state.withLock { state in
            state.multi = nil
            let commands = state.commands
            state.commands = []
            return commands
        }
    }

    private static func wake(_ multi: MultiWakeup?) {
        // A failed wakeup only delays the worker until its poll timeout; nothing to recover.
        if let multi { _ = curl_multi_wakeup(multi.pointer) }
    }
}
