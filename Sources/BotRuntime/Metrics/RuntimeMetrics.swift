import Synchronization

/// The runtime's counters, rendered in Prometheus text format for `GET /metrics`.
public final class RuntimeMetrics: Sendable {
    struct Values {
        var updatesReceived = 0
        var updatesDuplicate = 0
        var updatesInvalid = 0
        var updatesProcessed = 0
        var sends: [String: Int] = [:]
        var outboxDepth = 0
        var latencyBuckets = [Int](repeating: 0, count: RuntimeMetrics.latencyBounds.count)
        var latencyCount = 0
        var latencySum = 0.0
    }

    /// Upper bounds (seconds) of the processing-latency histogram: from receipt to commit.
    static let latencyBounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let values = Mutex(Values())

    public init() {}

    public func updateReceived() { values.withLock { $0.updatesReceived += 1 } }
    public func updateDuplicate() { values.withLock { $0.updatesDuplicate += 1 } }
    /// An update that could not be decoded: acknowledged and skipped.
    public func updateInvalid() { values.withLock { $0.updatesInvalid += 1 } }

    /// An update processed `latency` seconds after it was received.
    public func updateProcessed(latency: Double) {
        values.withLock { v in
            v.updatesProcessed += 1
            v.latencyCount += 1
            v.latencySum += latency
            for (index, bound) in Self.latencyBounds.enumerated() where latency <= bound {
                v.latencyBuckets[index] += 1
            }
        }
    }

    /// A delivery attempt ended with `outcome` ("sent", "retry", "failed").
    public func send(outcome: String) { values.withLock { $0.sends[outcome, default: 0] += 1 } }
    public func setOutboxDepth(_ depth: Int) { values.withLock { $0.outboxDepth = depth } }

    public var processed: Int { values.withLock { $0.updatesProcessed } }
    public func sends(_ outcome: String) -> Int { values.withLock { $0.sends[outcome] ?? 0 } }

    /// Prometheus exposition format, version 0.0.4.
    public func prometheusText() -> String {
        let v = values.withLock { $0 }
        var lines: [String] = []
        func counter(_ name: String, _ help: String, _ value: Int) {
            lines += ["# HELP \(name) \(help)", "# TYPE \(name) counter", "\(name) \(value)"]
        }
        counter("safabot_updates_received_total", "Updates accepted into the inbox.", v.updatesReceived)
        counter("safabot_updates_duplicate_total", "Updates already in the inbox, ignored.", v.updatesDuplicate)
        counter("safabot_updates_invalid_total", "Updates that could not be decoded, skipped.", v.updatesInvalid)
        counter(
            "safabot_updates_processed_total", "Updates run through the dialog engine and committed.",
            v.updatesProcessed)
        lines += ["# HELP safabot_sends_total Delivery attempts by outcome.", "# TYPE safabot_sends_total counter"]
        for outcome in ["sent", "retry", "failed"] {
            lines.append("safabot_sends_total{outcome=\"\(outcome)\"} \(v.sends[outcome] ?? 0)")
        }
        lines += [
            "# HELP safabot_outbox_depth Outbox rows waiting to be delivered.", "# TYPE safabot_outbox_depth gauge",
            "safabot_outbox_depth \(v.outboxDepth)",
            "# HELP safabot_processing_latency_seconds Time from receipt to commit.",
            "# TYPE safabot_processing_latency_seconds histogram",
        ]
        for (index, bound) in Self.latencyBounds.enumerated() {
            lines.append("safabot_processing_latency_seconds_bucket{le=\"\(bound)\"} \(v.latencyBuckets[index])")
        }
        lines += [
            "safabot_processing_latency_seconds_bucket{le=\"+Inf\"} \(v.latencyCount)",
            "safabot_processing_latency_seconds_sum \(v.latencySum)",
            "safabot_processing_latency_seconds_count \(v.latencyCount)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
