import DialogCore
import Foundation
import SafaBotTestSupport
import Testing

@testable import TelegramChannel

@Suite struct TelegramClientTests {
    let server: FakeTelegramServer
    let client: TelegramClient

    init() throws {
        server = try FakeTelegramServer()
        client = TelegramClient(transport: FakeTelegramTransport(server: server))
    }

    @Test func renderedMessagesAreAcceptedAndDecoded() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let text = "طلبك رقم <1042> & سيصلك الرد خلال أسبوعين"
        let sends = try TelegramRenderer().render(
            OutgoingMessage(text: text, buttons: [Button(payload: "menu", label: "القائمة")]), chatID: 77)
        let sent = try await client.call(sends[0])
        #expect(sent.messageID > 0)
        // Telegram shows the text exactly as written: escaping round-trips.
        let stored = try #require(await server.requests(method: "sendMessage").last)
        #expect(stored.parameters["text"]?.stringValue == TelegramHTML.escape(text))
        #expect(stored.parameters["chat_id"]?.intValue == 77)
        #expect(await server.rejections.isEmpty)
    }

    @Test func longPollingDeliversUpdatesAsABatchWithTheNextOffset() async throws {
        let id = await server.userSends(chatID: 77, text: "مرحبا")
        let batch = try await client.call(GetUpdates(timeout: 0, allowedUpdates: GetUpdates.botUpdateTypes))
        #expect(batch.updates.count == 1)
        #expect(try batch.updates[0].get().message?.text == "مرحبا")
        #expect(batch.nextOffset == id + 1)
        let inbound = TelegramRenderer().inbound(from: try batch.updates[0].get(), receivedAt: Date())
        guard case .event(let event) = inbound else {
            Issue.record("expected an event")
            return
        }
        #expect(event.content == .text("مرحبا"))
    }

    @Test func errorsBecomeTelegramAPIErrors() async throws {
        await server.userSends(chatID: 77, text: "/start")
        await server.inject(.tooManyRequests(retryAfter: 3), method: "sendMessage")
        await #expect(
            throws: TelegramAPIError(code: 429, description: "Too Many Requests: retry after 3", retryAfter: 3)
        ) {
            try await client.call(SendMessage(chatID: 77, text: "x"))
        }
        await server.block(chatID: 77)
        do {
            _ = try await client.call(SendMessage(chatID: 77, text: "x"))
            Issue.record("expected a 403")
        } catch let error as TelegramAPIError {
            #expect(error.isBlockedByUser)
            #expect(!error.isRetryable)
        }
        await server.inject(.serverError(status: 502), method: "getMe")
        await #expect(throws: TelegramAPIError(code: 502, description: "Bad Gateway")) {
            try await client.call(GetMe())
        }
        await server.inject(.dropConnection(afterProcessing: false), method: "getMe")
        await #expect(throws: FakeTelegramTransport.ConnectionDropped.self) { try await client.call(GetMe()) }
    }

    @Test func nonAPIBodiesAreReportedByStatus() throws {
        let html = Data("<html>502 Bad Gateway</html>".utf8)
        #expect(throws: TelegramAPIError(code: 502, description: "HTTP 502")) {
            try TelegramClient.decodeResult(Bool.self, method: "getMe", status: 502, body: html)
        }
        #expect(throws: TelegramClientError.undecodableResponse(status: 200)) {
            try TelegramClient.decodeResult(Bool.self, method: "getMe", status: 200, body: html)
        }
    }
}

@Suite struct SendMessageJSONTests {
    @Test func theHandWrittenBodyReadsAsTheEncodableOne() throws {
        let messages = [
            SendMessage(chatID: -1_001_234_567_890, text: "نص \"مقتبس\" & <b>\n</b>"),
            SendMessage(
                chatID: 77, text: "اختر",
                replyMarkup: InlineKeyboardMarkup(inlineKeyboard: [
                    [InlineKeyboardButton(text: "طلب مساعدة", callbackData: "3:help")],
                    [
                        InlineKeyboardButton(text: "استفسار", callbackData: "3:inq"),
                        InlineKeyboardButton(text: "x", callbackData: "3:x"),
                    ],
                ]), messageThreadID: 12, replyParameters: ReplyParameters(messageID: 5)),
            SendMessage(chatID: 1, text: "t", parseMode: nil, linkPreviewOptions: nil),
        ]
        for message in messages {
            let fast = try JSONSerialization.jsonObject(with: message.jsonBody()) as? NSDictionary
            let slow = try JSONSerialization.jsonObject(with: JSONEncoder().encode(message)) as? NSDictionary
            #expect(fast == slow)
        }
    }
}
