import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import OfficerDesk
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// A web chat beneficiary reaches an officer in the Telegram officers' group (the fake Bot API over HTTP),
/// and the officer's text and photo reach the page.
@Suite(.serialized) struct WebChatHandoffTests {
    @Test func theCaseCardSaysWebChatAndTheOfficersReplyAndPhotoReachThePage() async throws {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        defer { http.stop() }
        setenv("SAFA_TEST_OFFICER_KEY", OfficerDeskIntegrationTests.apiKey, 1)
        let officers = try TestEnvironment.temporaryDirectory().appendingPathComponent("officers.json")
        defer { try? FileManager.default.removeItem(at: officers.deletingLastPathComponent()) }
        try OfficerDeskIntegrationTests.officersJSON.write(to: officers, atomically: true, encoding: .utf8)
        let bot = try WebChatServiceTests.Bot(telegram: fake.token) { configuration in
            configuration.officers = officers.path
            configuration.telegram.apiBaseURL = http.baseURL
            configuration.telegram.globalRate = 0
            configuration.telegram.chatRate = 0
            configuration.telegram.pollTimeoutSeconds = 1
        }
        defer { bot.stop() }
        let group = OfficerDeskIntegrationTests.group
        await fake.addForumGroup(chatID: group)

        let cookie = try await bot.startConversation()
        let chat = String(cookie.dropFirst("safa_chat=".count).prefix(32))
        let key = ConversationKey(channel: "web", chat: chat)
        for text in ["1", "سارة علي محمد", "١٠٢٣٤٥٦٧٨١", "موظف"] {
            #expect(try await bot.send(cookie, text: text).status == 202)
        }
        #expect(
            await TestEnvironment.eventually {
                await bot.service.desk?.currentBook.openCase(for: key)?.place != nil
            })
        let c = try #require(await bot.service.desk?.currentBook.openCase(for: key))
        let thread = try #require(c.place.flatMap { Int64($0) })
        func topic() async -> [String] {
            await fake.requests(method: "sendMessage").filter {
                $0.parameters["chat_id"]?.intValue == group && $0.parameters["message_thread_id"]?.intValue == thread
            }.compactMap { $0.parameters["text"]?.stringValue }
        }
        #expect(await TestEnvironment.eventually { !(await topic()).isEmpty })
        let card = await topic().first ?? ""
        #expect(card.contains("\(CaseCard.channelLabel): \(CaseCard.channelName("web"))"), "card: \(card)")
        #expect(!card.contains(chat), "the card does not show the conversation id")

        await fake.officerPresses(
            chatID: group, userID: OfficerDeskIntegrationTests.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(
            await TestEnvironment.eventually { await bot.service.desk?.currentBook[c.id]?.claimant == "mohammed" })
        await fake.officerSends(
            chatID: group, userID: OfficerDeskIntegrationTests.officer, text: "أهلًا، أنا محمد وسأساعدك",
            threadID: thread)
        #expect(
            try await TestEnvironment.eventually {
                try await bot.entries(cookie).contains { $0.text == "أهلًا، أنا محمد وسأساعدك" }
            })
        await fake.officerSends(
            chatID: group, userID: OfficerDeskIntegrationTests.officer, photoFileID: "officer-photo", threadID: thread)
        #expect(
            try await TestEnvironment.eventually {
                try await bot.entries(cookie).contains { $0.url != nil && $0.type == "bot" }
            })
        let photo = try #require(try await bot.entries(cookie).last { $0.url != nil && $0.type == "bot" })
        #expect(photo.kind == "photo")
        let fetched = try await bot.call("GET", photo.url ?? "", cookie: cookie)
        #expect(fetched.status == 200 && fetched.headers["content-type"] == "image/jpeg")

        // The beneficiary's photo goes to the officers' topic.
        #expect(try await bot.upload(cookie, WebChatServiceTests.png, type: "image/png").status == 202)
        #expect(
            await TestEnvironment.eventually {
                await fake.requests(method: "sendPhoto").contains {
                    $0.parameters["chat_id"]?.intValue == group
                        && $0.parameters["message_thread_id"]?.intValue == thread
                }
            })
    }
}
