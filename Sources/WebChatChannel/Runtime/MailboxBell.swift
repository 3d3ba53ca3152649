import Synchronization

/// Wakes the requests waiting for a conversation's next mailbox entry (the page's open event stream or
/// long poll) when the sender or an inbound post adds one.
///
/// A request registers before it reads the store, then waits: an entry added between the read and the wait
/// still rings its ticket, so nothing is missed and nothing waits for the timeout by mistake. Nothing is kept
/// for conversations no request is waiting on.
public final class MailboxBell: Sendable {
    /// A registration, handed back to ``wait(_:timeout:)`` or ``cancel(_:)``.
    public struct Ticket: Sendable {
        let chat: String
        let id: UInt64
    }

    private enum Slot {
        case registered
        case rung
        case waiting(CheckedContinuation<Void, Never>)
    }

    private struct State {
        var next: UInt64 = 0
        var slots: [String: [UInt64: Slot]] = [:]
        var count = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Requests registered and not yet woken, timed out or cancelled.
    public var waiting: Int { state.withLock { $0.count } }

    /// Registers interest in `chat`'s next entry.
    public func register(_ chat: String) -> Ticket {
        state.withLock { state in
            state.next += 1
            state.slots[chat, default: [:]][state.next] = .registered
            state.count += 1
            return Ticket(chat: chat, id: state.next)
        }
    }

    /// Forgets a registration that will not wait (the read found entries).
    public func cancel(_ ticket: Ticket) {
        _ = take(ticket)
    }

    /// Returns when `ticket`'s chat rang since it registered, or after `timeout`.
    public func wait(_ ticket: Ticket, timeout: Duration) async {
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            if case .waiting(let continuation) = take(ticket) { continuation.resume() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                switch state.slots[ticket.chat]?[ticket.id] {
                case .registered:
                    state.slots[ticket.chat]?[ticket.id] = .waiting(continuation)
                    return false
                default:
                    return true
                }
            }
            if ready {
                _ = take(ticket)
                continuation.resume()
            }
        }
        timer.cancel()
    }

    /// Wakes every request waiting on `chat`, and marks those about to wait.
    public func ring(_ chat: String) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard let slots = state.slots[chat] else { return [] }
            var woken: [CheckedContinuation<Void, Never>] = []
            var kept: [UInt64: Slot] = [:]
            for (id, slot) in slots {
                switch slot {
                case .waiting(let continuation):
                    woken.append(continuation)
                    state.count -= 1
                case .registered, .rung:
                    kept[id] = .rung
                }
            }
            state.slots[chat] = kept.isEmpty ? nil : kept
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Removes a ticket's slot and returns it (nil when already woken or removed).
    private func take(_ ticket: Ticket) -> Slot? {
        state.withLock { state in
            guard let slot = state.slots[ticket.chat]?.removeValue(forKey: ticket.id) else { return nil }
            if state.slots[ticket.chat]?.isEmpty == true { state.slots[ticket.chat] = nil }
            state.count -= 1
            return slot
        }
    }
}
