import Foundation
import Testing

@testable import SafaBotCLI

/// Operator mistakes end the start with a message that says what to fix, and exit 78 for configuration.
@Suite struct ConfigExitCodeTests {
    @Test func aMissingConfigFileGivenWithDashDashConfigExits78() throws {
        var arguments = Arguments(["--config", "/nonexistent/safa-bot.json"])
        let command = try RunCommand(arguments: &arguments)
        do {
            try command.run()
            Issue.record("started with a missing --config file")
        } catch let error as CLIError {
            #expect(error.exitCode == 78)
            #expect(error.description.contains("/nonexistent/safa-bot.json: no such file"))
        }
    }

    @Test func aPlainHTTPBaseURLInTheConfigExits78() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safa-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("safa-bot.json")
        try Data(#"{"version":1,"telegram":{"apiBaseURL":"http://api.telegram.org"}}"#.utf8).write(to: file)
        var arguments = Arguments(["--config", file.path])
        let command = try RunCommand(arguments: &arguments)
        do {
            try command.run()
            Issue.record("started with a plain-http base URL")
        } catch let error as CLIError {
            #expect(error.exitCode == 78)
            #expect(error.description.contains("telegram.apiBaseURL"))
        }
    }
}

@Suite struct CommandLineMistakeTests {
    @Test func noCommandIsAUsageMistakeAndEveryCommandAnswersHelp() {
        #expect(SafaBot.main([]) == 64)
        for name in ["chat", "run", "check", "graph", "test", "explain", "verify"] {
            #expect(SafaBot.main([name, "--help"]) == 0, "\(name)")
        }
    }

    @Test func fileErrorsNameThePathInsteadOfDumpingTheError() {
        let denied = CocoaError(.fileWriteNoPermission, userInfo: ["NSFilePath": "/var/lib/safa/bot.sqlite"])
        #expect(SafaBot.describe(denied) == "permission denied: /var/lib/safa/bot.sqlite")
        let missing = CocoaError(.fileReadNoSuchFile, userInfo: ["NSFilePath": "dialogs/main.json"])
        #expect(SafaBot.describe(missing) == "no such file or folder: dialogs/main.json")
    }
}
