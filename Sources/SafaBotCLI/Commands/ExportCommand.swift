import BotRuntime
import DialogCore
import SQLiteStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bot export --since DATE [--status S] --format csv|json [--out F] [--unmasked] [--db PATH]`:
/// the requests for the committee, one row each with every field, the status history and document references.
///
/// Streams (memory stays flat however many requests), works while the bot runs (its own read connection),
/// shows a progress line on a terminal, and masks national IDs, IBANs and other sensitive fields to their
/// last four characters unless `--unmasked` is given — which is logged with who asked.
struct ExportCommand: SafaBotCommand {
    static let name = "export"
    static let summary = "export --since YYYY-MM-DD [--status S] --format csv|json [--out F] [--unmasked]"

    let since: Date
    let status: String?
    let format: RequestExport.Format
    let out: String?
    let unmasked: Bool
    let location: DataLocation

    init(arguments: inout Arguments) throws {
        location = try DataLocation(arguments: &arguments)
        guard let sinceText = try arguments.option("since") else {
            throw CLIError.usage("export needs --since YYYY-MM-DD (the first day, Riyadh time)")
        }
        guard let since = Self.riyadhMidnight(ArabicText.normalizeInput(sinceText)) else {
            throw CLIError.usage("--since \(sinceText): write the date as YYYY-MM-DD, e.g. 2026-12-01")
        }
        self.since = since
        let status = try arguments.option("status")
        if let status, RequestStatus(rawValue: status) == nil {
            throw CLIError.usage(
                "--status \(status): one of \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.status = status
        let formatText = try arguments.option("format") ?? "csv"
        guard let format = RequestExport.Format(rawValue: formatText) else {
            throw CLIError.usage("--format \(formatText): csv or json")
        }
        self.format = format
        out = try arguments.option("out")
        unmasked = arguments.flag("unmasked")
        guard try arguments.positionals().isEmpty else { throw CLIError.usage("export takes no positional arguments") }
    }

    /// 00:00 in Riyadh (UTC+3) of a yyyy-MM-dd date.
    static func riyadhMidnight(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1900...2200).contains(parts[0]), (1...12).contains(parts[1]),
            (1...31).contains(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            calendar.component(.day, from: date) == parts[2]
        else { return nil }
        return date.addingTimeInterval(-3 * 3600)
    }

    func run() throws {
        let store = try location.openExisting()
        if unmasked {
            // The only trace of who took personal data out in full: a log line an operator keeps.
            let who = ProcessInfo.processInfo.environment["SUDO_USER"] ?? ProcessInfo.processInfo.environment["USER"]
                ?? "unknown"
            Console.error(
                "notice export_unmasked user=\(who) since=\(Self.dayText(since)) status=\(status ?? "any") "
                    + "out=\(out ?? "stdout") at=\(Date().formatted(.iso8601))")
        }
        let sink = try ExportSink(path: out)
        let total = try store.countRequests(since: since, status: status)
        let export = RequestExport(
            format: format, unmasked: unmasked, columns: try store.exportFieldColumns(since: since, status: status))
        let progress = isatty(STDERR_FILENO) == 1 && (out != nil || isatty(STDOUT_FILENO) != 1)
        var count = 0
        sink.write(export.header())
        try store.exportRequests(since: since, status: status) { request in
            sink.write(export.row(request, index: count))
            count += 1
            if progress, count % 1000 == 0 { Console.write("\rexported \(count) of \(total)", to: STDERR_FILENO) }
        }
        sink.write(export.footer(count: count))
        try sink.close()
        if progress { Console.write("\rexported \(count) of \(total)\n", to: STDERR_FILENO) }
        if out != nil { Console.error("\(count) request(s) written to \(out ?? "")") }
    }

    static func dayText(_ date: Date) -> String { CalendarDays.riyadh(date).gregorian }
}

/// A buffered output: standard output, or a new file readable by its owner only (it holds personal data).
final class ExportSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let path: String?

    init(path: String?) throws {
        self.path = path
        if let path {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw CLIError.runtime("cannot write \(path): \(String(cString: strerror(errno)))") }
            descriptor = fd
        } else {
            descriptor = STDOUT_FILENO
        }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        if path != nil, Glibc.close(descriptor) != 0 {
            throw CLIError.runtime("cannot finish writing \(path ?? ""): \(String(cString: strerror(errno)))")
        }
    }
}
