import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A total deadline for each request's headers and body, on top of libmicrohttpd's idle timeout.
///
/// MHD's timeout only closes *idle* connections, so a client that drips one header line every few seconds
/// (slowloris) holds its connection for ever. Every open connection is registered here with the time its
/// current request began (the connection opened, or its previous request completed); a reaper shuts down
/// the socket of any that is still receiving after `limit`, and MHD then closes it as a broken connection.
/// Connections whose handler is running (suspended) are exempt: that time is ours, not the client's.
///
/// The socket is shut down, never closed, and only under the lock that MHD's "connection closed"
/// notification also takes; MHD sends that notification before it closes the descriptor, so a number
/// that has been reused for another connection is never touched.
final class ConnectionDeadlines: Sendable {
    private struct Entry {
        var socket: Int32
        var since: ContinuousClock.Instant
        var exempt = false
    }

    private struct State {
        var entries: [UInt: Entry] = [:]
        var stopped = false
    }

    let limit: Duration
    private let state = Mutex(State())
    private let refusals: HTTPRefusals

    init(limit: Duration, refusals: HTTPRefusals) {
        self.limit = limit
        self.refusals = refusals
    }

    private static func key(_ connection: OpaquePointer) -> UInt { UInt(bitPattern: Int(bitPattern: connection)) }

    /// A connection was accepted.
    func opened(_ connection: OpaquePointer, socket: Int32) {
        state.withLock { $0.entries[Self.key(connection)] = Entry(socket: socket, since: .now) }
    }

    /// MHD is about to close the connection's socket.
    func closed(_ connection: OpaquePointer) {
        _ = state.withLock { $0.entries.removeValue(forKey: Self.key(connection)) }
    }

    /// The connection's handler started (exempt until the request completes).
    func handling(_ connection: OpaquePointer) {
        state.withLock { $0.entries[Self.key(connection)]?.exempt = true }
    }

    /// The request completed; the next one on this connection starts its own deadline.
    func requestCompleted(_ connection: OpaquePointer) {
        state.withLock { state in
            state.entries[Self.key(connection)]?.exempt = false
            state.entries[Self.key(connection)]?.since = .now
        }
    }

    /// Shuts down every connection past its deadline; returns how many.
    @discardableResult
    func reap(now: ContinuousClock.Instant = .now) -> Int {
        let reaped = state.withLock { state -> Int in
            guard !state.stopped else { return 0 }
            var count = 0
            for (key, entry) in state.entries where !entry.exempt && now - entry.since >= limit {
                _ = shutdown(entry.socket, Int32(SHUT_RDWR))
                // Not reaped twice: MHD removes it when it notices the shutdown.
                state.entries[key]?.exempt = true
                count += 1
            }
            return count
        }
        for _ in 0..<reaped { refusals.record("deadline") }
        return reaped
    }

    /// Runs `reap` a few times per deadline on a Dispatch timer (not on Swift's cooperative pool, which
    /// busy handlers may occupy) until the returned source is cancelled.
    func startReaping() -> any DispatchSourceTimer {
        let interval = max(limit / 4, .milliseconds(100))
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "safabot.http.deadlines"))
        let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(milliseconds))
        timer.setEventHandler { [self] in reap() }
        timer.resume()
        return timer
    }

    /// No socket is touched after this returns (called before the daemon stops).
    func stop() {
        state.withLock { $0.stopped = true }
    }
}
