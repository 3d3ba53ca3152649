public import DialogCore
import Synchronization

/// Recently committed conversation states, so a busy conversation is not decoded from the store on
/// every message (decoding JSON is the largest cost of a step).
///
/// Safe because this process is the only writer of conversation states: an entry is put here only after
/// the transaction that stored it committed, and dropped when a commit fails. Bounded, so memory stays flat.
public final class StateCache: Sendable {
    private struct Storage {
        var states: [ConversationKey: ConversationState] = [:]
        /// Insertion order for eviction (oldest first); a key may appear more than once.
        var order: [ConversationKey] = []
    }

    private let storage = Mutex(Storage())
    public let capacity: Int

    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    public func state(for key: ConversationKey) -> ConversationState? {
        storage.withLock { $0.states[key] }
    }

    public func store(_ states: [ConversationKey: ConversationState]) {
        guard capacity > 0 else { return }
        storage.withLock { s in
            for (key, state) in states {
                if s.states.updateValue(state, forKey: key) == nil { s.order.append(key) }
            }
            while s.states.count > capacity, !s.order.isEmpty {
                s.states[s.order.removeFirst()] = nil
            }
            if s.order.count > capacity * 4 { s.order = s.order.filter { s.states[$0] != nil } }
        }
    }

    public func removeAll() {
        storage.withLock { $0 = Storage() }
    }
}
