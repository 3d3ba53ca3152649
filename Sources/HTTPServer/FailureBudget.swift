import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A per-client allowance of refused credentials (401/403) per time window.
///
/// Once a client has spent its budget, its requests are answered 429 on their headers until the window
/// ends, so online guessing of keys and secrets is bounded, and costs neither a hash nor a log line.
final class FailureBudget: Sendable {
    private struct Window {
        var start: Date
        var failures: Int
    }

    let limit: Int
    let window: TimeInterval
    /// The most clients tracked at once; past it, finished windows are dropped (and if all are current,
    /// the table is cleared rather than grown without bound).
    let maxClients: Int
    private let clients = Mutex<[String: Window]>([:])

    init(limit: Int, window: TimeInterval, maxClients: Int = 10_000) {
        self.limit = limit
        self.window = window
        self.maxClients = maxClients
    }

    /// Whether `client` has failures left in its current window.
    func allows(_ client: String, now: Date = Date()) -> Bool {
        guard limit > 0 else { return true }
        return clients.withLock { clients in
            guard let entry = clients[client], now.timeIntervalSince(entry.start) < window else { return true }
            return entry.failures < limit
        }
    }

    /// Spends one failure of `client`'s budget.
    func recordFailure(_ client: String, now: Date = Date()) {
        guard limit > 0 else { return }
        clients.withLock { clients in
            if var entry = clients[client], now.timeIntervalSince(entry.start) < window {
                entry.failures += 1
                clients[client] = entry
                return
            }
            if clients.count >= maxClients {
                clients = clients.filter { now.timeIntervalSince($0.value.start) < window }
                if clients.count >= maxClients { clients = [:] }
            }
            clients[client] = Window(start: now, failures: 1)
        }
    }
}
