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

    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return value
        }
        return "\""
            + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n") + "\""
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
