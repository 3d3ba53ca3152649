import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A value-type logger over a handler: one line per event with key=value fields.
///
/// Personal data (tokens, phone numbers, national IDs, message text) may only be logged at `.debug`.
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case debug, info, warning, error

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        public var description: String { ["debug", "info", "warning", "error"][rawValue] }

        /// Parses "debug", "info", "warning" or "error".
        public init?(name: String) {
            guard let index = ["debug", "info", "warning", "error"].firstIndex(of: name) else { return nil }
            self.init(rawValue: index)
        }
    }

    public let label: String
    public let handler: any LogHandler

    public init(label: String, handler: any LogHandler = StandardErrorLogHandler(level: .info)) {
        self.label = label
        self.handler = handler
    }

    public func log(_ level: Level, _ event: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= handler.level else { return }
        var line = "level=\(level) component=\(label) event=\(event)"
        for (key, value) in fields {
            line += " \(key)=\(Self.quoted(value))"
        }
        handler.write(line)
    }

    public func debug(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.debug, event, fields) }
    public func info(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.info, event, fields) }
    public func warning(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.warning, event, fields) }
    public func error(_ event: String, _ fields: KeyValuePairs<String, String> = [:]) { log(.error, event, fields) }

    /// `value` as one logfmt value: quoted when it holds a space, `=`, a quote or anything escaped, and with
    /// every character that could end or forge a line or hide text escaped: backslash and quote, CR, LF and
    /// tab, every other control character (C0, DEL, C1), U+2028/U+2029, and the bidirectional overrides and
    /// isolates (U+202A-202E, U+2066-2069) that make a terminal show text in another order than written.
    /// User text therefore always stays on its own line, as written.
    static func quoted(_ value: String) -> String {
        var escaped = ""
        var needsQuotes = value.isEmpty
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case " ", "=":
                escaped.unicodeScalars.append(scalar)
                needsQuotes = true
                continue
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || (0x202A...0x202E).contains(v)
                    || (0x2066...0x2069).contains(v)
                {
                    escaped += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                    continue
                }
            }
            needsQuotes = true
        }
        return needsQuotes ? "\"" + escaped + "\"" : escaped
    }
}

/// Where log lines go.
public protocol LogHandler: Sendable {
    var level: Logger.Level { get }
    func write(_ line: String)
}

/// Writes timestamped lines to standard error.
public struct StandardErrorLogHandler: LogHandler {
    public let level: Logger.Level

    public init(level: Logger.Level) {
        self.level = level
    }

    public func write(_ line: String) {
        let stamp = Date().formatted(.iso8601)
        FileDescriptorOutput.write("ts=\(stamp) \(line)\n", to: 2)
    }
}

/// Keeps lines in memory, for tests that check what was (not) logged.
public final class MemoryLogHandler: LogHandler {
    public let level: Logger.Level
    private let storage = Mutex<[String]>([])

    public init(level: Logger.Level = .debug) {
        self.level = level
    }

    public func write(_ line: String) { storage.withLock { $0.append(line) } }
    public var lines: [String] { storage.withLock { $0 } }
}
