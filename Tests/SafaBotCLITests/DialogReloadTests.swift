import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

#if canImport(Glibc)
    import Glibc
#endif

/// SIGHUP's reload (`BotService.reloadDialogs()`) on a copy of the shipped dialogs, mid-conversation.
@Suite(.serialized) struct DialogReloadTests {
    static let newWelcome = "مرحبًا بك في النسخة الجديدة من مساعد جمعية صفا"

    @Test func aBrokenEditIsRefusedAValidEditTakesEffectAndAFormInProgressKeepsItsData() async throws {
        let directory = try TestEnvironment.temporaryDirectory()
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        defer {
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let dialogs = directory.appendingPathComponent("dialogs")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestEnvironment.dialogs), to: dialogs)
        var configuration = BotConfiguration()
        configuration.dialogs = dialogs.path
        configuration.database = directory.appendingPathComponent("bot.sqlite").path
        configuration.telegram.apiBaseURL = http.baseURL
        configuration.telegram.globalRate = 0
        configuration.telegram.chatRate = 0
        configuration.telegram.pollTimeoutSeconds = 2
        configuration.http.enabled = false
        let bundle = try TestEnvironment.shippedDialogs()
        let store = try SQLiteRuntimeStore(path: configuration.database)
        let service = try BotService(
            configuration: configuration, token: fake.token, bundle: bundle, store: store,
            logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)))
        try await offPool { try service.start() }
        try await withCleanup({ service.stop() }) {
            let chat: Int64 = 31
            let inputs = TestEnvironment.helpRequestInputs
            let expected = try ExpectedReplies.texts(for: inputs, chatID: chat, bundle: bundle)
            func send(_ range: Range<Int>) async throws {
                for input in inputs[range] { await fake.userSends(chatID: chat, text: input) }
                let count = try ExpectedReplies.texts(
                    for: Array(inputs[..<range.upperBound]), chatID: chat, bundle: bundle
                ).count
                #expect(await TestEnvironment.eventually { await fake.sentTexts(chatID: chat).count >= count })
            }
            let original = service.dialogs.engine.bundle.version

            // Half-way through the form (name and national ID given), a broken edit is refused.
            try await send(0..<4)
            let main = dialogs.appendingPathComponent("main.json")
            let shipped = try String(contentsOf: main, encoding: .utf8)
            try shipped.replacingOccurrences(of: #""next": "menu""#, with: #""next": "nowhere""#)
                .write(to: main, atomically: true, encoding: .utf8)
            let broken = DialogLoader.load(directory: dialogs).findings.filter { $0.severity == .error }
            try #require(!broken.isEmpty, "the edit must really be invalid for this test to mean anything")
            service.reloadDialogs()
            #expect(service.dialogs.engine.bundle.version == original, "the running version is kept")
            try await send(4..<8)

            // A valid edit: a new welcome text, for new conversations.
            let welcome = "أهلًا وسهلًا بك في جمعية صفا 🌿"
            #expect(shipped.contains(welcome))
            try shipped.replacingOccurrences(of: welcome, with: Self.newWelcome).write(
                to: main, atomically: true, encoding: .utf8)
            service.reloadDialogs()
            #expect(service.dialogs.engine.bundle.version != original, "the edited version is running")
            await fake.userSends(chatID: 32, text: "/start")
            #expect(await TestEnvironment.eventually { await fake.sentTexts(chatID: 32).count >= 2 })
            #expect(await fake.sentTexts(chatID: 32).first?.contains(Self.newWelcome) == true)

            // The conversation that began before both edits finishes with everything it had typed.
            try await send(8..<inputs.count)
            let actual = await fake.sentTexts(chatID: chat).map(ExpectedReplies.normalized)
            #expect(actual == expected, "the conversation went on as if nothing had been reloaded")
            #expect(await TestEnvironment.eventually { (try? store.requests(limit: 10).count) == 1 })
            let request = try #require(try store.requests(limit: 10).first)
            #expect(request.fields.count == 9, "the answers given before the reloads are in the request")
        }
    }

    @Test func sighupMakesTheRunningBinaryReloadItsDialogs() async throws {
        let harness = try CrashRecoveryTests.Harness()
        defer { harness.stop() }
        let dialogs = harness.directory.appendingPathComponent("dialogs")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestEnvironment.dialogs), to: dialogs)
        let bot = try BotProcess.telegram(
            executable: harness.executable, apiBaseURL: harness.http.baseURL, token: harness.fake.token,
            directory: harness.directory, dialogs: dialogs.path)
        defer { bot.send(SIGKILL) }
        // Once the first chat is answered the signal handlers are installed (SIGHUP would kill it before).
        await harness.fake.userSends(chatID: 41, text: "/start")
        #expect(await TestEnvironment.eventually(limit: 60) { await harness.fake.sentTexts(chatID: 41).count >= 2 })
        let main = dialogs.appendingPathComponent("main.json")
        let shipped = try String(contentsOf: main, encoding: .utf8)
        try shipped.replacingOccurrences(of: "أهلًا وسهلًا بك في جمعية صفا 🌿", with: Self.newWelcome)
            .write(to: main, atomically: true, encoding: .utf8)
        bot.send(SIGHUP)
        // Bounded: the reload happens on a signal queue, so new chats are tried until one sees it.
        var chat: Int64 = 42
        let reloaded = await TestEnvironment.eventually(limit: 30) {
            chat += 1
            await harness.fake.userSends(chatID: chat, text: "/start")
            _ = await TestEnvironment.eventually(limit: 10) { await harness.fake.sentTexts(chatID: chat).count >= 2 }
            return await harness.fake.sentTexts(chatID: chat).first?.contains(Self.newWelcome) == true
        }
        #expect(reloaded, "log: \(bot.standardError.suffix(1000))")
        #expect(bot.isRunning, "SIGHUP reloads, it does not stop the bot")
        bot.send(SIGTERM)
        #expect(await bot.waitForExit() == 0)
    }
}
