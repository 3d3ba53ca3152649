import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the dialog files are and how to load them for a command.
struct DialogSource {
    let directory: String

    /// `--dialogs DIR`, else `SAFA_DIALOGS_DIR`, else `dialogs` in the working directory.
    init(arguments: inout Arguments) throws {
        directory =
            try arguments.option("dialogs") ?? ProcessInfo.processInfo.environment["SAFA_DIALOGS_DIR"] ?? "dialogs"
    }

    init(directory: String) {
        self.directory = directory
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
        return bundle
    }
}
