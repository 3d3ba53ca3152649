import Foundation

/// What the kernel counts for the child beyond CPU and memory: bytes it made the page cache write and the
/// context switches of its threads (Linux /proc; nil or empty elsewhere).
extension BotProcess {
    /// `write_bytes` of /proc/<pid>/io: bytes the child caused to be sent to storage, every thread (exited
    /// ones included). Counted when a page-cache page turns dirty, so rewriting a page not yet written back
    /// is free and every page made clean by an fsync or writeback counts again.
    public func writtenBytes() -> Int64? {
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        for line in io.split(separator: "\n") where line.hasPrefix("write_bytes:") {
            return line.split(separator: " ").last.flatMap { Int64($0) }
        }
        return nil
    }

    /// Voluntary and involuntary context switches of each thread alive now, by thread id
    /// (/proc/<pid>/task/<tid>/status). Linux keeps these per thread only, so a caller that wants the
    /// process's total samples now and then and keeps each thread's last figures (see `ContextSwitchTally`).
    public func threadContextSwitches() -> [Int32: (voluntary: Int64, involuntary: Int64)] {
        let folder = "/proc/\(pid)/task"
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [:] }
        var counts: [Int32: (voluntary: Int64, involuntary: Int64)] = [:]
        for thread in threads {
            guard let tid = Int32(thread),
                let status = try? String(contentsOfFile: "\(folder)/\(thread)/status", encoding: .utf8)
            else { continue }
            var voluntary: Int64 = 0
            var involuntary: Int64 = 0
            for line in status.split(separator: "\n") {
                if line.hasPrefix("voluntary_ctxt_switches:") {
                    voluntary = line.split(separator: "\t").last.flatMap { Int64($0) } ?? 0
                } else if line.hasPrefix("nonvoluntary_ctxt_switches:") {
                    involuntary = line.split(separator: "\t").last.flatMap { Int64($0) } ?? 0
                }
            }
            counts[tid] = (voluntary, involuntary)
        }
        return counts
    }
}

/// The child's context switches over a window, summed over every thread seen in it.
///
/// Sampled (`sample()` every few hundred milliseconds): a thread that exits between two samples loses only
/// what it did since the last one; the runtime's threads live as long as the process, so that is little.
public final class ContextSwitchTally: @unchecked Sendable {
    // @unchecked: used from one task at a time (the benchmark's sampling loop, then its reader).
    private let process: BotProcess
    private var baseline: [Int32: (voluntary: Int64, involuntary: Int64)]
    private var latest: [Int32: (voluntary: Int64, involuntary: Int64)] = [:]

    /// Starts the window now.
    public init(process: BotProcess) {
        self.process = process
        baseline = process.threadContextSwitches()
        latest = baseline
    }

    public func sample() {
        for (tid, counts) in process.threadContextSwitches() { latest[tid] = counts }
    }

    /// Switches since the window started: (voluntary, involuntary).
    public var total: (voluntary: Int64, involuntary: Int64) {
        var voluntary: Int64 = 0
        var involuntary: Int64 = 0
        for (tid, counts) in latest {
            let start = baseline[tid] ?? (0, 0)
            voluntary += counts.voluntary - start.voluntary
            involuntary += counts.involuntary - start.involuntary
        }
        return (voluntary, involuntary)
    }
}
