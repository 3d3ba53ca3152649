#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The process's own CPU and memory, in the names Prometheus client libraries use, so an operator
/// can watch the bot's footprint next to its traffic.
public enum ProcessMetrics {
    /// `process_cpu_seconds_total`, `process_resident_memory_bytes` and
    /// `process_max_resident_memory_bytes` in the exposition format (empty where Linux's /proc is missing).
    public static func prometheusText() -> String {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return "" }
        let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        var lines = [
            "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
            "# TYPE process_cpu_seconds_total counter",
            "process_cpu_seconds_total \(cpu)",
            "# HELP process_max_resident_memory_bytes Peak resident memory size in bytes.",
            "# TYPE process_max_resident_memory_bytes gauge",
            // ru_maxrss is in kilobytes on Linux.
            "process_max_resident_memory_bytes \(Int(usage.ru_maxrss) * 1024)",
        ]
        if let resident = residentBytes() {
            lines += [
                "# HELP process_resident_memory_bytes Resident memory size in bytes.",
                "# TYPE process_resident_memory_bytes gauge",
                "process_resident_memory_bytes \(resident)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }

    /// The second field of /proc/self/statm (resident pages) times the page size.
    private static func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
