import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `safa-bot` (or any) executable run as a child process, for crash, signal and load tests.
///
/// Its standard error goes to a file so a failing test can show what the bot logged.
public final class BotProcess: @unchecked Sendable {
    // @unchecked: `process` is configured and launched once in `init`; afterwards only its thread-safe
    // read-only accessors (`isRunning`, `terminationStatus`, `processIdentifier`) are used.
    let process: Process
    /// Where the child's standard error is written.
    public let standardErrorPath: String

    /// Where an executable built alongside the running test bundle or benchmark lives (`.build/<config>/`).
    public static func builtExecutable(named name: String, configuration: String? = nil) -> String? {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = argument0.deletingLastPathComponent()
        // Inside an .xctest bundle on Darwin the executable sits a few levels down; walk up a little.
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: Bundle.main.bundlePath).appendingPathComponent(name))
        if let configuration {
            candidates.insert(
                URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent(".build/\(configuration)/\(name)"), at: 0)
        }
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Launches `executable` with exactly `environment` (nothing inherited but what the caller passes).
    public init(executable: String, arguments: [String], environment: [String: String], standardErrorPath: String)
        throws
    {
        self.standardErrorPath = standardErrorPath
        _ = FileManager.default.createFile(atPath: standardErrorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: standardErrorPath))
        try process.run()
        self.process = process
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGKILL, SIGTERM, SIGHUP…) to the child.
    public func send(_ signal: Int32) {
        _ = kill(process.processIdentifier, signal)
    }

    /// Waits up to `limit` seconds for the child to exit; its exit status, or nil if it is still running.
    /// A child killed by a signal reports `128 + signal`.
    public func waitForExit(limit: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning, Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Everything the child wrote to standard error so far.
    public var standardError: String {
        (try? String(contentsOfFile: standardErrorPath, encoding: .utf8)) ?? ""
    }

    /// User + system CPU the child has used so far, in seconds (from /proc/<pid>/stat; Linux only).
    public func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3, utime 14, stime 15 (1-based over the whole line).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) / (ticks > 0 ? ticks : 100)
    }

    /// The child's peak resident set size so far, in MiB (VmHWM from /proc/<pid>/status; Linux only).
    public func peakResidentMiB() -> Double? { statusMiB("VmHWM:") }

    /// The child's resident set size now, in MiB (VmRSS; Linux only).
    public func residentMiB() -> Double? { statusMiB("VmRSS:") }

    private func statusMiB(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
        }
        return nil
    }
}
