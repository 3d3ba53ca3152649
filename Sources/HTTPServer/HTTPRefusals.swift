import Synchronization

/// Counts requests the server refused, by reason, for `/metrics`.
///
/// Refusals are counted rather than logged one line each: a client guessing keys or flooding the
/// server with junk must not be able to flood the log too.
public final class HTTPRefusals: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Creates an empty counter.
    public init() {}

    /// Counts one refusal.
    public func record(_ reason: String) {
        counts.withLock { $0[reason, default: 0] += 1 }
    }

    /// The counts so far, by reason.
    public var snapshot: [String: Int] { counts.withLock { $0 } }

    /// `safa_http_refused_total{reason="…"}` lines in the Prometheus text format (with HELP and TYPE).
    public func prometheusText() -> String {
        var text = "# HELP safa_http_refused_total HTTP requests refused before or instead of their handler.\n"
        text += "# TYPE safa_http_refused_total counter\n"
        for (reason, count) in snapshot.sorted(by: { $0.key < $1.key }) {
            text += "safa_http_refused_total{reason=\"\(reason)\"} \(count)\n"
        }
        return text
    }
}
