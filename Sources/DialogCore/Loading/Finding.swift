/// A problem found in a dialog file, with where it is: printed as `file:line:column: error: message`.
public struct Finding: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Errors stop the dialogs from loading; warnings are shown but do not.
    public enum Severity: String, Sendable, Equatable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file's path as it was given to the loader.
    public var file: String
    public var line: Int
    public var column: Int
    /// JSON path of the offending value, e.g. `nodes[3].options[1].goto` (empty for the whole file).
    public var path: String
    public var message: String

    public init(severity: Severity, file: String, line: Int, column: Int, path: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}
