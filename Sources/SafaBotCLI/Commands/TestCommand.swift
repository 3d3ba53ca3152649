import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot test [files or dirs]`: runs conversation scripts against the dialogs.
struct TestCommand: SafaBotCommand {
    static let name = "test"
    static let summary = "run conversation scripts (default: dialogs/tests) against the dialogs"

    let source: DialogSource
    let paths: [String]

    init(arguments: inout Arguments) throws {
        source = try DialogSource(arguments: &arguments)
        let positionals = try arguments.positionals()
        paths = positionals.isEmpty ? [source.directory + "/tests"] : positionals
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        let runner = ScriptRunner(engine: DialogEngine(bundle: bundle))
        var passed = 0
        var failed = 0
        for file in try scriptFiles() {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
            else { throw CLIError.runtime("cannot read script \(file)") }
            let script: ConversationScript
            do {
                script = try ConversationScript(file: file, text: text)
            } catch let error as ScriptSyntaxError {
                Console.out(error.description)
                throw CLIError.usage("script \(file) could not be read")
            }
            let result = runner.run(script)
            passed += result.passed
            failed += result.failures.count
            for failure in result.failures { Console.out(failure.description) }
            Console.out(
                "\(result.failures.isEmpty ? "PASS" : "FAIL") \(file): \(result.passed) of \(script.conversations.count) conversations"
            )
        }
        Console.out("\(passed) passed, \(failed) failed")
        if failed > 0 { throw CLIError.runtime("\(failed) conversation script(s) failed") }
        if passed == 0 { throw CLIError.usage("no conversation scripts found in \(paths.joined(separator: ", "))") }
    }

    /// The given files, and every `.txt` file (sorted) in the given directories.
    private func scriptFiles() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.usage("no such script file or directory: \(path)")
            }
            if isDirectory {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }
                    .sorted()
                files += names.map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
