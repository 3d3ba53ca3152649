import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot check [dir]`: every finding in the dialog files at once; exit 64 if any is an error.
struct CheckCommand: SafaBotCommand {
    static let name = "check"
    static let summary = "check the dialog files and report every problem as file:line:column"

    let directory: String

    init(arguments: inout Arguments) throws {
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 else { throw CLIError.usage("check takes at most one directory") }
        directory = positionals.first ?? ProcessInfo.processInfo.environment["SAFA_DIALOGS_DIR"] ?? "dialogs"
    }

    func run() throws {
        let result = DialogLoader.load(directory: URL(fileURLWithPath: directory))
        for finding in result.findings { Console.out(finding.description) }
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.count - errors
        guard errors == 0, let bundle = result.bundle else {
            Console.out("\(directory): \(errors) error(s), \(warnings) warning(s)")
            throw CLIError.invalidDialogs(errorCount: max(errors, 1))
        }
        // The facts answers show (config/association.json, working hours): what is not set yet is said here.
        let (_, omissions) = try DialogSource(directory: directory).fillingFacts(bundle, printWarnings: false)
        for omission in omissions { Console.out(omission) }
        // Labels WhatsApp cannot show as written: shortened or numbered there, so warnings only.
        let whatsapp = WhatsAppLabelCheck.findings(bundle: bundle, directory: directory)
        for finding in whatsapp { Console.out(finding.description) }
        let nodes = bundle.flows.values.reduce(0) { $0 + $1.nodes.count }
        Console.out(
            "\(directory): ok — \(bundle.flows.count) flows, \(nodes) nodes, \(bundle.faq.topics.count) FAQ topics, "
                + "\(warnings + omissions.count + whatsapp.count) warning(s)")
    }
}
