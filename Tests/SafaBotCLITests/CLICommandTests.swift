import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

@testable import SafaBotCLI

@Suite struct CLICommandTests {
    @Test func checkOnTheShippedDialogsSucceeds() throws {
        var arguments = Arguments([TestEnvironment.dialogs])
        try CheckCommand(arguments: &arguments).run()
    }

    @Test func checkOnABrokenReferenceFailsWithExitCode64() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.dialogs)
        where name.hasSuffix(".json") {
            try FileManager.default.copyItem(
                atPath: TestEnvironment.dialogs + "/" + name, toPath: directory.appendingPathComponent(name).path)
        }
        let main = directory.appendingPathComponent("main.json")
        let text = try String(contentsOf: main, encoding: .utf8)
        try text.replacingOccurrences(of: "\"help_request.", with: "\"help_requst.").write(
            to: main, atomically: true, encoding: .utf8)
        let result = DialogLoader.load(directory: directory)
        let finding = try #require(result.findings.first { $0.severity == .error })
        #expect(finding.file.hasSuffix("main.json"))
        #expect(finding.line > 1)
        #expect(finding.message.contains("help_requst"))
        var arguments = Arguments([directory.path])
        #expect(throws: CLIError.self) { try CheckCommand(arguments: &arguments).run() }
        #expect(CLIError.invalidDialogs(errorCount: 1).exitCode == 64)
    }

    @Test func unknownCommandsAndOptionsAreUsageErrors() {
        #expect(SafaBot.main(["no-such-command"]) == 64)
        #expect(SafaBot.main(["check", "--no-such-option"]) == 64)
        #expect(SafaBot.main(["help"]) == 0)
    }

    @Test func runWithoutATokenExplainsWhatToDo() {
        var arguments = Arguments(["--config", "/nonexistent/safa-bot.json"])
        let command = try? RunCommand(arguments: &arguments)
        // The token comes from the environment only; in tests it is not set.
        if ProcessInfo.processInfo.environment["TELEGRAM_BOT_TOKEN"] == nil {
            #expect(throws: CLIError.self) { try command?.run() }
        }
    }
}

@Suite struct TerminalSessionTests {
    @Test func aHelpRequestTypedWithArabicDigitsEndsWithAReferenceAndResumesAfterARestart() throws {
        let directory = try TestEnvironment.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chat.sqlite").path
        let bundle = try TestEnvironment.shippedDialogs()
        var output: [String] = []
        do {
            let store = try SQLiteRuntimeStore(path: path)
            let session = TerminalSession(store: store, dialogs: DialogHolder(bundle), session: "t") {
                output.append($0)
            }
            try session.open(reset: false)
            for line in ["1", "محمد عبدالله الأحمد", "١٠٢٣٤٥٦٧٨٢"] { try session.receive(line: line) }
        }
        #expect(output.last?.contains("رقم الهوية") == true)
        #expect(output.contains { $0.contains("غير صحيح") }, "a wrong check digit is refused with a reason")
        // A new process: the conversation resumes at the same question.
        output = []
        let store = try SQLiteRuntimeStore(path: path)
        let session = TerminalSession(store: store, dialogs: DialogHolder(bundle), session: "t") { output.append($0) }
        try session.open(reset: false)
        #expect(output.first?.contains("resumed") == true)
        for line in ["١٠٢٣٤٥٦٧٨١", "٠٥٥١٢٣٤٥٦٧", "الرياض", "٥", "٣٥٠٠", "1", "1", "1", "1", "1"] {
            try session.receive(line: line)
        }
        let all = output.joined(separator: "\n")
        #expect(all.contains { $0 == "\u{00A0}" })
        #expect(all.contains("لا تقل عن أسبوعين"))
        #expect(try store.requests(limit: 10).count == 1)
    }
}

@Suite struct AssociationFactsFileTests {
    @Test func contactFactsAreReadAndNullsLeftUnset() throws {
        let json = #"{"version": 1, "contact": {"phone": " 0112345678 ", "website": "https://safa.org.sa", "email": null}}"#
        let values = try AssociationFactsFile.contact(from: Data(json.utf8), file: "config/association.json")
        #expect(values == ["contact.phone": "0112345678", "contact.website": "https://safa.org.sa"])
    }

    @Test func anUnknownFactOrAPlainHTTPLinkIsAnErrorNamingTheKey() {
        let unknown = #"{"version": 1, "contact": {"fax": "011"}}"#
        #expect(throws: ConfigurationError.self) {
            try AssociationFactsFile.contact(from: Data(unknown.utf8), file: "config/association.json")
        }
        do {
            _ = try AssociationFactsFile.contact(
                from: Data(#"{"version": 1, "contact": {"website": "http://safa.org.sa"}}"#.utf8), file: "a.json")
            Issue.record("a plain http website was accepted")
        } catch {
            #expect("\(error)".contains("contact.website"))
            #expect("\(error)".contains("https://"))
        }
    }

    @Test func theShippedConfigurationGivesTheHoursFromTheOfficersFile() throws {
        let root = URL(fileURLWithPath: TestEnvironment.dialogs).deletingLastPathComponent().path
        let facts = try AssociationFactsFile.load(
            path: root + "/config/association.json", officersPath: root + "/config/officers.json")
        #expect(facts.values["hours"]?.hasPrefix("من الأحد إلى الخميس") == true)
        #expect(facts.values["contact.phone"] == nil)
    }
}
