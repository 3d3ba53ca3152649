import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the dialog files are and how to load them for a command.
struct DialogSource {
    let directory: String
    /// Where the facts FAQ answers show come from (see ``AssociationFactsFile``).
    var factsPath: String
    var officersPath: String

    /// `--dialogs DIR`, else `SAFA_DIALOGS_DIR`, else `dialogs` in the working directory.
    init(arguments: inout Arguments) throws {
        let environment = ProcessInfo.processInfo.environment
        self.init(directory: try arguments.option("dialogs") ?? environment["SAFA_DIALOGS_DIR"] ?? "dialogs")
    }

    /// Facts from `SAFA_ASSOCIATION_CONFIG` (else `config/association.json`) and the officers' hours from
    /// `officersPath` (else `SAFA_OFFICERS_CONFIG`, else `config/officers.json`).
    init(directory: String, officersPath: String? = nil) {
        let environment = ProcessInfo.processInfo.environment
        self.directory = directory
        self.factsPath = AssociationFactsFile.defaultPath(environment: environment)
        self.officersPath =
            officersPath ?? environment["SAFA_OFFICERS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "config/officers.json"
    }

    /// `bundle` with the association's facts filled in; each answer line left out for want of a fact is
    /// printed as a warning when `printWarnings`.
    func fillingFacts(_ bundle: DialogBundle, printWarnings: Bool) throws -> (DialogBundle, [String]) {
        let facts: AssociationFacts
        do {
            facts = try AssociationFactsFile.load(path: factsPath, officersPath: officersPath)
        } catch let error as ConfigurationError {
            throw CLIError.usage(error.description)
        }
        let (filled, omissions) = bundle.filling(facts)
        let warnings = omissions.map { "\(factsPath): warning: \($0)" }
        if printWarnings { warnings.forEach(Console.error) }
        return (filled, warnings)
    }

    /// Loads and checks the dialogs; prints every finding; refuses to go on when any is an error.
    func load(printWarnings: Bool = true) throws -> DialogBundle {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
            throw CLIError.usage("dialog directory '\(directory)' does not exist")
        }
        let result = DialogLoader.load(directory: URL(fileURLWithPath: directory))
        let errors = result.findings.filter { $0.severity == .error }
        for finding in result.findings where printWarnings || finding.severity == .error {
            Console.error(finding.description)
        }
        guard errors.isEmpty, let bundle = result.bundle else {
            throw CLIError.invalidDialogs(errorCount: max(errors.count, 1))
        }
        return try fillingFacts(bundle, printWarnings: printWarnings).0
    }
}
