/// What loading `dialogs/` produced: the bundle when there is no error, and every finding at once.
public struct DialogLoadResult: Sendable, Equatable {
    /// nil when any finding is an error.
    public var bundle: DialogBundle?
    /// Errors and warnings, sorted by file, line and column.
    public var findings: [Finding]
    /// The parsed files, for tools that need positions (graph, editors).
    public var sources: DialogSources

    public init(bundle: DialogBundle?, findings: [Finding], sources: DialogSources) {
        self.bundle = bundle
        self.findings = findings
        self.sources = sources
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
}
