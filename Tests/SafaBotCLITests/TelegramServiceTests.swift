import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// The whole bot against the fake Bot API over real HTTP on 127.0.0.1.
@Suite(.serialized) struct BotServiceTests {
    struct Running {
        let fake: FakeTelegramServer
        let http: FakeTelegramHTTPServer
        let store: SQLiteRuntimeStore
        let service: BotService
        let directory: URL

        func stop() {
            service.stop()
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    func start(globalRate: Double = 0, chatRate: Double = 0) throws -> Running {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        let directory = try TestEnvironment.temporaryDirectory()
        var configuration = BotConfiguration()
        configuration.dialogs = TestEnvironment.dialogs
        configuration.database = directory.appendingPathComponent("bot.sqlite").path
        configuration.telegram.apiBaseURL = http.baseURL
        configuration.telegram.globalRate = globalRate
        configuration.telegram.chatRate = chatRate
        configuration.telegram.pollTimeoutSeconds = 2
        configuration.http.enabled = false
        let store = try SQLiteRuntimeStore(path: configuration.database)
        let service = try BotService(
            configuration: configuration, token: fake.token, bundle: TestEnvironment.shippedDialogs(), store: store,
            logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)))
        try service.start()
        return Running(fake: fake, http: http, store: store, service: service, directory: directory)
    }

    @Test func twoHundredBeneficiariesCompleteTheHelpRequestAtOnce() async throws {
        let bot = try start()
        defer { bot.stop() }
        let chats = (1...200).map { Int64(5_000_000 + $0) }
        for input in TestEnvironment.helpRequestInputs {
            for chat in chats { await bot.fake.userSends(chatID: chat, text: input) }
        }
        let done = await TestEnvironment.eventually {
            (try? bot.store.requests(limit: 1000).count) == chats.count && (try? bot.store.outboxDepth()) == 0
        }
        #expect(done)
        let requests = try bot.store.requests(limit: 1000)
        #expect(Set(requests.map(\.reference)).count == chats.count, "every request has its own reference")
        #expect(requests.allSatisfy { $0.attestation != nil && $0.fields.count == 9 })
        for chat in chats.prefix(5) {
            let texts = await bot.fake.sentTexts(chatID: chat)
            #expect(texts.contains { $0.contains("لا تقل عن أسبوعين") && $0.contains("\u{00A0}") })
            #expect(texts.last?.contains("كيف تقيّم") == false, "the survey was answered")
        }
        let rejections = await bot.fake.rejections
        #expect(
            rejections.isEmpty, "every request the bot sent is valid against the Bot API spec: \(rejections.prefix(3))")
    }

    @Test func buttonPressesAreAnsweredAndAnOldButtonGetsTheCurrentQuestionAgain() async throws {
        let bot = try start()
        defer { bot.stop() }
        let chat: Int64 = 42
        await bot.fake.userSends(chatID: chat, text: "/start")
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).count >= 2 })
        let menu = try #require(await bot.fake.requests(method: "sendMessage").last)
        let buttons =
            menu.parameters["reply_markup"]?["inline_keyboard"]?.arrayValue?.flatMap { $0.arrayValue ?? [] } ?? []
        let helpData = try #require(buttons.first?["callback_data"]?.stringValue)
        await bot.fake.userPresses(chatID: chat, data: helpData)
        #expect(await TestEnvironment.eventually { await bot.fake.requests(method: "answerCallbackQuery").count == 1 })
        // The press is answered with the form's introduction and its first question: wait for both.
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).count >= 4 })
        let before = await bot.fake.sentTexts(chatID: chat).count
        await bot.fake.userPresses(chatID: chat, data: helpData)
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).count >= before + 2 })
        let texts = await bot.fake.sentTexts(chatID: chat)
        #expect(texts[before].contains("رسالة سابقة"))
        #expect(texts[before + 1] == texts[before - 1], "the current question is asked again")
        #expect(await bot.fake.requests(method: "answerCallbackQuery").count == 2)
    }

    @Test func tooManyRequestsIsWaitedOutAndServerErrorsAreRetried() async throws {
        let bot = try start()
        defer { bot.stop() }
        await bot.fake.inject(.tooManyRequests(retryAfter: 1), method: "sendMessage", times: 1)
        await bot.fake.inject(.serverError(status: 502), method: "sendMessage", times: 2)
        await bot.fake.userSends(chatID: 7, text: "/start")
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: 7).count == 2 })
        #expect(bot.service.metrics.sends("retry") >= 3)
    }

    @Test func aChatThatBlockedTheBotIsMarkedAndNotWrittenToAgain() async throws {
        let bot = try start()
        defer { bot.stop() }
        await bot.fake.block(chatID: 9)
        await bot.fake.userSends(chatID: 9, text: "/start")
        let key = ConversationKey(channel: "telegram", chat: "9")
        #expect(await TestEnvironment.eventually { (try? bot.store.isBlocked(key)) == true })
        #expect(await TestEnvironment.eventually { (try? bot.store.outboxDepth()) == 0 })
        #expect(bot.service.metrics.sends("failed") >= 1)
    }

    @Test func anUndecodableUpdateIsSkippedAndTheBotKeepsServing() async throws {
        let bot = try start()
        defer { bot.stop() }
        try await bot.fake.pushUpdate(json: #"{"update_id": 5, "message": {"message_id": "not a number"}}"#)
        await bot.fake.userSends(chatID: 11, text: "/start")
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: 11).count == 2 })
        #expect(
            await TestEnvironment.eventually {
                bot.service.metrics.prometheusText().contains("safabot_updates_invalid_total 1")
            })
    }

    @Test func aWebhookLeftSetStopsLongPollingWithAClearError() async throws {
        let bot = try start()
        defer { bot.stop() }
        _ = await bot.fake.handle(
            method: "setWebhook", token: bot.fake.token, body: Data(#"{"url":"https://bot.example.org/hook"}"#.utf8),
            contentType: "application/json")
        let service = bot.service
        let stopped = try await offPool { () -> Bool in
            service.waitUntilStopRequested()
            return true
        }
        #expect(stopped)
        #expect(service.fatalError?.contains("409") == true)
        #expect(service.fatalError?.contains("webhook") == true)
    }

    @Test func aBeneficiaryWhoseRepliesArePacedSeesTyping() async throws {
        let bot = try start(globalRate: 0, chatRate: 1)
        defer { bot.stop() }
        for _ in 0..<4 { await bot.fake.userSends(chatID: 55, text: "/start") }
        #expect(await TestEnvironment.eventually { await !bot.fake.requests(method: "sendChatAction").isEmpty })
        let action = await bot.fake.requests(method: "sendChatAction").first
        #expect(action?.parameters["action"]?.stringValue == "typing")
        #expect(action?.parameters["chat_id"]?.intValue == 55)
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: 55).count == 8 })
    }
}
