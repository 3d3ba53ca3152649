import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Wakes an async loop when there is new work, or lets it sleep until a deadline.
///
/// A signal sent while nobody waits is remembered, so no wake-up is lost between a check and a wait.
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if let waiter = s.waiter {
                s.waiter = nil
                return waiter
            }
            s.pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when signalled, when `timeout` seconds pass (never with nil), or when the task is cancelled.
    ///
    /// Without a timeout no timer task is made: an idle loop then costs nothing until it is signalled.
    public func wait(timeout: TimeInterval?) async {
        guard let timeout else {
            await waitForSignal()
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(max(0, timeout) * 1_000_000_000)) }
            await group.next()
            group.cancelAll()
            // Whichever child lost is cancelled: release a still-registered waiter.
            self.releaseWaiter()
            await group.waitForAll()
        }
    }

    private func waitForSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if s.pending || Task.isCancelled {
                        s.pending = false
                        return true
                    }
                    s.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            releaseWaiter()
        }
    }

    private func releaseWaiter() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }
}

/// Wakes a dedicated thread (the processing loop), with the same remembered-signal rule.
public final class ThreadSignal: Sendable {
    // `pending` keeps the semaphore's count at one at most, however many signals arrive between waits.
    private let pending = Mutex(false)
    private let semaphore = DispatchSemaphore(value: 0)

    public init() {}

    public func signal() {
        let wasPending = pending.withLock { p in
            defer { p = true }
            return p
        }
        if !wasPending { semaphore.signal() }
    }

    /// Blocks the calling thread until signalled or `timeout` seconds pass; a signal sent since the
    /// last wait returns at once.
    public func wait(timeout: TimeInterval) {
        _ = semaphore.wait(timeout: .now() + timeout)
        pending.withLock { $0 = false }
    }
}
