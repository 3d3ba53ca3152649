import Foundation
import SafaBotTestSupport
import Testing

@Suite struct FakeTelegramServerTests {
    let server: FakeTelegramServer
    let token = "123456:TEST-fake-token"

    init() throws { server = try FakeTelegramServer(token: token) }

    func call(_ method: String, _ parameters: JSONValue = [:]) async throws -> (status: Int, json: JSONValue) {
        let answer = await server.handle(
            method: method, token: token, body: parameters.encoded(), contentType: "application/json")
        return (answer.status, try JSONValue(parsing: answer.body))
    }

    @Test func badTokenIsUnauthorizedAndUnknownMethodIsNotFound() async throws {
        let bad = await server.handle(method: "getMe", token: "1:wrong", body: Data(), contentType: "application/json")
        #expect(bad.status == 401)
        #expect(try JSONValue(parsing: bad.body) == ["ok": false, "error_code": 401, "description": "Unauthorized"])
        let unknown = try await call("sendTelepathy")
        #expect(unknown.status == 404)
        #expect(unknown.json == ["ok": false, "error_code": 404, "description": "Not Found"])
        let me = try await call("getme")
        #expect(me.json["result"]?["is_bot"] == true)
    }

    @Test func getUpdatesReturnsPushedUpdatesAndAnOffsetConfirmsThem() async throws {
        let first = await server.userSends(chatID: 77, text: "/start")
        let second = await server.userSends(chatID: 77, text: "مرحبا")
        let all = try await call("getUpdates", ["timeout": 0])
        #expect(all.json["result"]?.arrayValue?.compactMap { $0["update_id"]?.intValue } == [first, second])
        let again = try await call("getUpdates", ["offset": .int(first + 1)])
        #expect(again.json["result"]?.arrayValue?.compactMap { $0["update_id"]?.intValue } == [second])
        _ = try await call("getUpdates", ["offset": .int(second + 1)])
        #expect(await server.pendingUpdateCount == 0)
    }

    @Test func aWaitingLongPollWakesWhenAnUpdateIsPushed() async throws {
        let poll = Task { try await call("getUpdates", ["timeout": 600]) }
        // Push only once the poll is parked, so the update must wake it rather than be there already.
        while !(await server.isPolling) { await Task.yield() }
        let id = await server.userSends(chatID: 77, text: "hello")
        let answer = try await poll.value
        #expect(answer.status == 200)
        #expect(answer.json["result"]?.arrayValue?.first?["update_id"]?.intValue == id)
        #expect(answer.json["result"]?.arrayValue?.first?["message"]?["text"] == "hello")
    }

    @Test func aLongPollWithNothingToDeliverEndsEmptyAfterItsTimeout() async throws {
        let answer = try await call("getUpdates", ["timeout": 1])
        #expect(answer.json == ["ok": true, "result": []])
    }

    @Test func cancellingTheCallerEndsAWaitingLongPoll() async throws {
        let poll = Task { try await call("getUpdates", ["timeout": 600]) }
        while !(await server.isPolling) { await Task.yield() }
        poll.cancel()
        #expect(try await poll.value.json == ["ok": true, "result": []])
        #expect(!(await server.isPolling))
    }

    @Test func aSecondPollerTerminatesTheFirstWithConflict() async throws {
        let first = Task { try await call("getUpdates", ["timeout": 600]) }
        while !(await server.isPolling) { await Task.yield() }
        let second = Task { try await call("getUpdates", ["timeout": 600]) }
        let firstAnswer = try await first.value
        #expect(firstAnswer.status == 409)
        #expect(
            firstAnswer.json["description"]
                == "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
        await server.userSends(chatID: 1, text: "x")
        #expect(try await second.value.status == 200)
    }

    @Test func getUpdatesConflictsWithAWebhook() async throws {
        #expect(
            try await call("setWebhook", ["url": "https://bot.example.org/hook", "secret_token": "s_1"]).status == 200)
        #expect(await server.webhookURL == "https://bot.example.org/hook")
        #expect(try await call("getUpdates").status == 409)
        #expect(try await call("deleteWebhook").status == 200)
        #expect(try await call("getUpdates").status == 200)
        #expect(try await call("setWebhook", ["url": "https://x.org", "secret_token": "bad token!"]).status == 400)
    }

    @Test func sendMessageRefusesUnknownParametersAndTooLongText() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let unknown = try await call("sendMessage", ["chat_id": 77, "text": "hi", "colour": "red"])
        #expect(unknown.status == 400)
        #expect(unknown.json["description"]?.stringValue?.contains("unknown parameter sendMessage.colour") == true)
        let tooLong = try await call(
            "sendMessage", ["chat_id": 77, "text": .string(String(repeating: "ع", count: 4097))])
        #expect(tooLong.json == ["ok": false, "error_code": 400, "description": "Bad Request: message is too long"])
        let justRight = try await call(
            "sendMessage",
            ["chat_id": 77, "text": .string(String(repeating: "&lt;", count: 4096)), "parse_mode": "HTML"])
        #expect(justRight.status == 200)
        #expect(await server.requests(method: "sendMessage").count == 1)
        #expect(await server.rejections.count == 2)
    }

    @Test func sendMessageChecksHTMLChatAndButtonData() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let broken = try await call("sendMessage", ["chat_id": 77, "text": "a <b c", "parse_mode": "HTML"])
        #expect(broken.status == 400)
        #expect(broken.json["description"]?.stringValue?.hasPrefix("Bad Request: can't parse entities:") == true)
        let unbalanced = try await call("sendMessage", ["chat_id": 77, "text": "<b>x</i>", "parse_mode": "HTML"])
        #expect(unbalanced.status == 400)
        let fine = try await call("sendMessage", ["chat_id": 77, "text": "<b>x</b> &amp; y & z", "parse_mode": "HTML"])
        #expect(fine.json["result"]?["text"] == "x & y & z")
        let noChat = try await call("sendMessage", ["chat_id": 404, "text": "x"])
        #expect(noChat.json["description"] == "Bad Request: chat not found")
        let longData = try await call(
            "sendMessage",
            [
                "chat_id": 77, "text": "x",
                "reply_markup": [
                    "inline_keyboard": [[["text": "b", "callback_data": .string(String(repeating: "d", count: 65))]]]
                ],
            ])
        #expect(longData.json["description"] == "Bad Request: BUTTON_DATA_INVALID")
    }

    @Test func sentTextIsTrimmedOfUnicodeSpacesAsFoundationTrimsIt() async throws {
        await server.userSends(chatID: 77, text: "/start")
        for text in ["\u{3000}\u{2003} \t\n\u{85}مرحبا\u{A0}بك\u{2029}\r\n\u{200B}", "\u{200B} x \u{1680}", "plain"] {
            let sent = try await call("sendMessage", ["chat_id": 77, "text": .string(text)])
            #expect(sent.json["result"]?["text"]?.stringValue == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let blank = try await call("sendMessage", ["chat_id": 77, "text": "\u{2028}\u{3000} \u{85}"])
        #expect(blank.json["description"] == "Bad Request: message text is empty")
    }

    @Test func aMistypedNestedFieldIsRefusedWithItsSpecPathAndRecorded() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let keyboard: JSONValue = ["inline_keyboard": [[["text": "نعم", "callback_data": 5]]]]
        let refused = try await call("sendMessage", ["chat_id": 77, "text": "x", "reply_markup": keyboard])
        #expect(refused.status == 400)
        let description = refused.json["description"]?.stringValue ?? ""
        #expect(description.contains("sendMessage.reply_markup.inline_keyboard[0][0].callback_data must be String"))
        let missing = try await call("sendMessage", ["chat_id": 77, "reply_markup": [:]])
        #expect(
            missing.json["description"]?.stringValue?.contains("missing required parameter sendMessage.text") == true)
        let fine = try await call(
            "sendMessage",
            [
                "chat_id": 77, "text": "x",
                "reply_markup": ["inline_keyboard": [[["text": "نعم", "callback_data": "y"]]]],
            ])
        #expect(fine.status == 200)
        #expect(await server.rejections.map(\.status) == [400, 400])
        #expect(await server.requests(method: "sendMessage").count == 1)
    }

    @Test func aDriverWaitingForRepliesWakesOnTheNextSendMessageOrWhenWoken() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let server = self.server
        let waiting = Task { await server.nextSendMessageChats(since: 0) }
        while await server.sendMessageWaiterCount == 0 { await Task.yield() }
        _ = try await call("getMe")
        #expect(await server.sendMessageWaiterCount == 1)  // Other methods do not wake it.
        _ = try await call("sendMessage", ["chat_id": 77, "text": "x"])
        let first = await waiting.value
        #expect(first.chats == [77])
        #expect(first.next == 2)
        let woken = Task { await server.nextSendMessageChats(since: first.next) }
        while await server.sendMessageWaiterCount == 0 { await Task.yield() }
        await server.wakeSendMessageWaiters()
        let empty = await woken.value
        #expect(empty.chats.isEmpty)
        #expect(empty.next == 2)
    }

    @Test func buttonPressesMustBeAnsweredOnceAndKeyboardsEdited() async throws {
        await server.userSends(chatID: 77, text: "/start")
        let sent = try await call(
            "sendMessage",
            [
                "chat_id": 77, "text": "اختر",
                "reply_markup": ["inline_keyboard": [[["text": "نعم", "callback_data": "y"]]]],
            ])
        let messageID = try #require(sent.json["result"]?["message_id"]?.intValue)
        let press = await server.userPresses(chatID: 77, data: "y")
        let updates = try await call("getUpdates")
        let query = updates.json["result"]?.arrayValue?.last?["callback_query"]
        #expect(query?["message"]?["message_id"]?.intValue == messageID)
        #expect(query?["data"] == "y")
        #expect(
            try await call("answerCallbackQuery", ["callback_query_id": .string(press.callbackQueryID)]).status == 200)
        #expect(
            try await call("answerCallbackQuery", ["callback_query_id": .string(press.callbackQueryID)]).status == 400)
        let edit = try await call("editMessageReplyMarkup", ["chat_id": 77, "message_id": .int(messageID)])
        #expect(edit.status == 200)
        let same = try await call("editMessageReplyMarkup", ["chat_id": 77, "message_id": .int(messageID)])
        #expect(same.json["description"]?.stringValue?.hasPrefix("Bad Request: message is not modified") == true)
    }

    @Test func injectedFaultsAnswerLikeTelegram() async throws {
        await server.userSends(chatID: 77, text: "/start")
        await server.inject(.tooManyRequests(retryAfter: 8), method: "sendMessage", times: 2)
        await server.inject(.serverError(status: 502), method: "sendChatAction")
        for _ in 0..<2 {
            let limited = try await call("sendMessage", ["chat_id": 77, "text": "x"])
            #expect(
                limited.json
                    == [
                        "ok": false, "error_code": 429, "description": "Too Many Requests: retry after 8",
                        "parameters": ["retry_after": 8],
                    ])
        }
        #expect(try await call("sendMessage", ["chat_id": 77, "text": "x"]).status == 200)
        #expect(try await call("sendChatAction", ["chat_id": 77, "action": "typing"]).status == 502)
        #expect(try await call("sendChatAction", ["chat_id": 77, "action": "typing"]).status == 200)

        await server.inject(.dropConnection(afterProcessing: true), method: "sendMessage")
        let dropped = await server.respond(
            method: "sendMessage", token: token, body: (["chat_id": 77, "text": "y"] as JSONValue).encoded(),
            contentType: "application/json")
        #expect(dropped.dropConnection)
        #expect(await server.sentTexts(chatID: 77) == ["x", "y"])  // Delivered although the client never heard.

        await server.userBlocksBot(chatID: 77)
        let blocked = try await call("sendMessage", ["chat_id": 77, "text": "x"])
        #expect(
            blocked.json == ["ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user"])

        await server.migrate(chatID: -5, to: -100_5)
        let migrated = try await call("sendMessage", ["chat_id": -5, "text": "x"])
        #expect(migrated.json["parameters"] == ["migrate_to_chat_id": -100_5])
    }

    @Test func filesTopicsAndCopiesWorkForRelaying() async throws {
        await server.userSendsPhoto(chatID: 77, fileID: "PHOTO1")
        let documentUpdate = await server.userSendsDocument(chatID: 77, fileID: "DOC1")
        let file = try await call("getFile", ["file_id": "PHOTO1"])
        #expect(file.json["result"]?["file_path"]?.stringValue?.hasPrefix("photos/") == true)
        #expect(try await call("getFile", ["file_id": "nope"]).status == 400)

        await server.addForumGroup(chatID: -100_9)
        let topic = try await call("createForumTopic", ["chat_id": -100_9, "name": "طلب 1042"])
        let thread = try #require(topic.json["result"]?["message_thread_id"]?.intValue)
        #expect(try await call("createForumTopic", ["chat_id": 77, "name": "x"]).status == 400)
        #expect(
            try await call("sendPhoto", ["chat_id": -100_9, "photo": "PHOTO1", "message_thread_id": .int(thread)])
                .status
                == 200)
        #expect(try await call("sendPhoto", ["chat_id": -100_9, "photo": "DOC1"]).status == 400)
        #expect(try await call("sendMessage", ["chat_id": -100_9, "text": "x", "message_thread_id": 1]).status == 400)
        let updates = try await call("getUpdates")
        let documentMessage = updates.json["result"]?.arrayValue?.first { $0["update_id"]?.intValue == documentUpdate }
        let messageID = try #require(documentMessage?["message"]?["message_id"])
        let copy = try await call(
            "copyMessage",
            ["chat_id": -100_9, "from_chat_id": 77, "message_id": messageID, "message_thread_id": .int(thread)])
        #expect(copy.json["result"]?["message_id"]?.intValue != nil)
    }
}
