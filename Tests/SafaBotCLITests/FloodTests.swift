import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// Per-chat pacing keeps one flooding chat from delaying everyone else.
@Suite(.serialized) struct FloodTests {
    @Test func otherChatsAreAnsweredBeforeAFloodersBacklogDrains() async throws {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        let directory = try TestEnvironment.temporaryDirectory()
        defer {
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        var configuration = BotConfiguration()
        configuration.dialogs = TestEnvironment.dialogs
        configuration.database = directory.appendingPathComponent("bot.sqlite").path
        configuration.telegram.apiBaseURL = http.baseURL
        configuration.telegram.globalRate = 0
        configuration.telegram.chatRate = 1
        configuration.telegram.chatBurst = 3
        configuration.telegram.pollTimeoutSeconds = 2
        configuration.http.enabled = false
        let bundle = try TestEnvironment.shippedDialogs()
        let store = try SQLiteRuntimeStore(path: configuration.database)
        let service = try BotService(
            configuration: configuration, token: fake.token, bundle: bundle, store: store,
            logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)))

        // Everything is queued before the bot starts: the flooder's 300 messages first, then 20 /start.
        let flooder: Int64 = 900
        let others = (1...20).map { Int64(901 + $0) }
        for number in 0..<300 { await fake.userSends(chatID: flooder, text: "رسالة رقم \(number)") }
        for chat in others { await fake.userSends(chatID: chat, text: "/start") }
        let expected = try ExpectedReplies.texts(for: ["/start"], chatID: others[0], bundle: bundle).count
        try await offPool { try service.start() }
        try await withCleanup({ service.stop() }) {
            let answered = await TestEnvironment.eventually(limit: 60) {
                for chat in others where await fake.sentTexts(chatID: chat).count < expected { return false }
                return true
            }
            #expect(answered, "every other chat got its \(expected) replies")

            let log = await fake.requests(method: "sendMessage").map { $0.parameters["chat_id"]?.intValue ?? 0 }
            let flooderReplies = log.enumerated().filter { $0.element == flooder }.map(\.offset)
            let lastOther = try #require(log.lastIndex { others.contains($0) })
            if flooderReplies.count >= 50 {
                #expect(lastOther < flooderReplies[49], "the others' replies came before the flooder's 50th")
            }
            #expect(flooderReplies.count < 50, "the flooder is paced: \(flooderReplies.count) replies so far")
            #expect(flooderReplies.count >= 1, "the flooder is answered too, at its own pace")
            print(
                "flood: others answered after \(flooderReplies.count) flooder replies; last other reply at position \(lastOther)"
            )
        }
    }
}
