/// The parsed dialog files, kept so findings can point at the line and column of any value.
public struct DialogSources: Sendable, Equatable {
    /// Parsed documents by file path (as given to the loader).
    public var documents: [String: JSONValue]
    /// Path of `bot.json`.
    public var botFile: String
    /// Path of `faq.json`.
    public var faqFile: String
    /// Flow name → path of its file.
    public var flowFiles: [String: String]

    public init(
        documents: [String: JSONValue] = [:], botFile: String = "bot.json", faqFile: String = "faq.json",
        flowFiles: [String: String] = [:]
    ) {
        self.documents = documents
        self.botFile = botFile
        self.faqFile = faqFile
        self.flowFiles = flowFiles
    }

    /// The file a flow was read from (`<flow>.json` when unknown).
    public func file(ofFlow flow: String) -> String { flowFiles[flow] ?? "\(flow).json" }

    /// A finding at `path` in `file`, or at the deepest value along the path that exists (1:1 when the file is unknown).
    public func finding(_ severity: Finding.Severity, _ file: String, _ path: [JSONPathComponent], _ message: String)
        -> Finding
    {
        guard let root = documents[file] else {
            return Finding(
                severity: severity, file: file, line: 1, column: 1, path: jsonPathString(path), message: message)
        }
        let value = root.deepest(path)
        return Finding(
            severity: severity, file: file, line: value.position.line, column: value.position.column,
            path: value.pathString, message: message)
    }

    /// A finding at the key (not the value) of `path`'s last member, for problems about the key itself.
    public func findingAtKey(
        _ severity: Finding.Severity, _ file: String, _ path: [JSONPathComponent], _ message: String
    ) -> Finding {
        guard let root = documents[file], case .key(let key)? = path.last else {
            return finding(severity, file, path, message)
        }
        let parent = root.deepest(Array(path.dropLast()))
        guard parent.path == Array(path.dropLast()), let member = parent.members.first(where: { $0.key == key }) else {
            return finding(severity, file, path, message)
        }
        return Finding(
            severity: severity, file: file, line: member.keyPosition.line, column: member.keyPosition.column,
            path: jsonPathString(path), message: message)
    }
}
