import DialogCore
import Foundation
import SafaBotTestSupport
import Testing

@testable import TelegramChannel

/// The JSONNode fast path reads every answer exactly as JSONDecoder does, or declines and leaves it to it.
@Suite struct FastDecodingTests {
    /// Fast and JSONDecoder envelopes for one body; the fast one must exist and be equal.
    func expectFastEqualsSlow<T: Decodable & Equatable>(
        _ type: T.Type, _ body: Data, _ note: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let slow = try TelegramClient.slowResponse(T.self, status: 200, body: body)
        let fast = TelegramClient.fastResponse(T.self, body: body)
        #expect(fast != nil, "fast path declined \(note)", sourceLocation: sourceLocation)
        #expect(fast == slow, "\(note)", sourceLocation: sourceLocation)
    }

    /// The same answer (value or error) from `decodeResult` as from the JSONDecoder path alone.
    func expectSameOutcome<T: Decodable & Equatable>(
        _ type: T.Type, status: Int = 200, _ body: Data, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let actual = Result { try TelegramClient.decodeResult(T.self, method: "m", status: status, body: body) }
        let reference = Result { () throws -> T in
            let response = try TelegramClient.slowResponse(T.self, status: status, body: body)
            guard response.ok else { throw TelegramAPIError(response: response, status: status) }
            guard let result = response.result else { throw TelegramClientError.missingResult(method: "m") }
            return result
        }
        switch (actual, reference) {
        case (.success(let a), .success(let b)): #expect(a == b, sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(String(reflecting: a) == String(reflecting: b), sourceLocation: sourceLocation)
        default: Issue.record("outcomes differ: \(actual) vs \(reference)", sourceLocation: sourceLocation)
        }
    }

    static func envelope(_ result: String) -> Data { Data(#"{"ok":true,"result":\#(result)}"#.utf8) }

    @Test func everyExamplePayloadReadsExactlyAsJSONDecoderReadsIt() throws {
        let files = try WireDecodingTests.exampleFiles()
        #expect(files.count >= 15)
        for file in files {
            let data = try Data(contentsOf: file)
            let name = file.lastPathComponent
            let text = String(decoding: data, as: UTF8.self)
            let node = try #require(JSONNode.parse(data), "\(name)")
            #expect(JSONNode.parse(text) == node, "\(name)")
            if name.hasPrefix("update-") {
                #expect(Update(node: node) == (try JSONDecoder().decode(Update.self, from: data)), "\(name)")
                try expectFastEqualsSlow(UpdateBatch.self, Self.envelope("[\(text),\(text)]"), name)
            } else if name.hasPrefix("message-") {
                #expect(Message(node: node) == (try JSONDecoder().decode(Message.self, from: data)), "\(name)")
                try expectFastEqualsSlow(Message.self, Self.envelope(text), name)
                try expectFastEqualsSlow(MessageID.self, Self.envelope(text), name)
            } else if name.hasPrefix("error-") {
                try expectFastEqualsSlow(Bool.self, data, name)
                try expectFastEqualsSlow(MessageID.self, data, name)
                try expectFastEqualsSlow(UpdateBatch.self, data, name)
            } else if name.hasPrefix("response-getfile") {
                // getFile has no fast mapping: it is not on the hot path.
                #expect(TelegramClient.fastResponse(File.self, body: data) == nil)
                expectSameOutcome(File.self, data)
            } else {
                Issue.record("unclassified example \(name)")
            }
        }
    }

    @Test func errorAnswersBecomeTheSameTelegramAPIErrors() throws {
        let tooMany = try WireDecodingTests.example("error-429-retry-after.telebot.json")
        #expect(throws: TelegramAPIError(code: 429, description: "Too Many Requests: retry after 8", retryAfter: 8)) {
            try TelegramClient.decodeResult(MessageID.self, method: "sendMessage", status: 429, body: tooMany)
        }
        let migrate = try WireDecodingTests.example("error-400-migrate-to-chat-id.telebot.json")
        let migrated = #expect(throws: TelegramAPIError.self) {
            try TelegramClient.decodeResult(MessageID.self, method: "sendMessage", status: 400, body: migrate)
        }
        #expect(migrated?.migrateToChatID == -100_123_456_789)
        let blocked = Data(
            #"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#.utf8)
        #expect(throws: TelegramAPIError(code: 403, description: "Forbidden: bot was blocked by the user")) {
            try TelegramClient.decodeResult(Bool.self, method: "sendChatAction", status: 403, body: blocked)
        }
        for body in [tooMany, migrate, blocked, Data(#"{"ok":false}"#.utf8)] {
            try expectFastEqualsSlow(Bool.self, body, "error")
            expectSameOutcome(MessageID.self, status: 400, body)
            expectSameOutcome(UpdateBatch.self, status: 502, body)
        }
    }

    @Test func aBatchWithOneBrokenUpdateFallsBackAndFailsOnlyThatUpdate() throws {
        let good = try String(
            decoding: WireDecodingTests.example("update-text-message-private.teloxide.json"), as: UTF8.self)
        let body = Self.envelope(#"[\#(good),{"update_id":306197399,"message":{"chat":"oops"}},42]"#)
        #expect(TelegramClient.fastResponse(UpdateBatch.self, body: body) == nil)
        let batch = try TelegramClient.decodeResult(UpdateBatch.self, method: "getUpdates", status: 200, body: body)
        #expect(batch == (try JSONDecoder().decode(APIResponse<UpdateBatch>.self, from: body).result))
        #expect(batch.updates.count == 3)
        #expect(
            batch.updates[1]
                == .failure(
                    UpdateDecodingFailure(
                        updateID: 306_197_399, reason: "missing key message_id at $.result[1].message")))
        #expect(batch.nextOffset == 306_197_400)
    }

    @Test func nonJSONBodiesAndServerErrorPagesBehaveAsBefore() {
        let html = Data("<html><body>502 Bad Gateway</body></html>".utf8)
        for body in [html, Data(), Data("{\"ok\":true".utf8), Data([0xFF, 0xFE, 0x00])] {
            #expect(TelegramClient.fastResponse(UpdateBatch.self, body: body) == nil)
            #expect(throws: TelegramAPIError(code: 502, description: "HTTP 502")) {
                try TelegramClient.decodeResult(UpdateBatch.self, method: "getUpdates", status: 502, body: body)
            }
            #expect(throws: TelegramClientError.undecodableResponse(status: 200)) {
                try TelegramClient.decodeResult(MessageID.self, method: "sendMessage", status: 200, body: body)
            }
        }
        #expect(throws: TelegramClientError.missingResult(method: "answerCallbackQuery")) {
            try TelegramClient.decodeResult(
                Bool.self, method: "answerCallbackQuery", status: 200, body: Data(#"{"ok":true}"#.utf8))
        }
    }

    /// Each body is one the fast path may decline, but must never read differently from JSONDecoder.
    static let oddUpdates = [
        #"{"update_id":1.0,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}}}"#,
        #"{"update_id":1e2,"message":null}"#,
        #"{"update_id":2,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":null,"x":[{}]}}"#,
        #"{"update_id":3,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"pinned_message":null}}"#,
        #"{"update_id":4,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"from":{"id":2,"is_bot":"no","first_name":"A"}}}"#,
        #"{"update_id":5,"update_id":6,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private","type":"group"}}}"#,
        #"{"update_id":7,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"location":{"latitude":0,"longitude":46.7}}}"#,
        #"{"update_id":8,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"location":{"latitude":24.7136,"longitude":-1e400}}}"#,
        #"{"update_id":9,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"\u0627\ud83d\ude00\n\/"}}"#,
        #"{"update_id":10,"callback_query":{"id":"q","from":{"id":7,"first_name":"A"},"message":{"chat":{"id":7,"type":"private"},"message_id":42,"date":0}}}"#,
        #"{"update_id":11,"callback_query":{"id":5,"from":{"id":7,"first_name":"A"}}}"#,
        #"{"update_id":12,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"photo":[{"file_id":"a","file_unique_id":"b","width":1,"height":2},{"file_id":"c"}]}}"#,
        #"{"update_id":13,"my_chat_member":{"chat":{"id":1,"type":"private"},"from":{"id":1,"first_name":"A"},"date":1,"old_chat_member":{"status":"member","user":{"id":9,"first_name":"B"}},"new_chat_member":{"status":"kicked","user":{"id":9,"first_name":"B"}}}}"#,
        #"{"update_id":14,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"contact":{"phone_number":"+966","first_name":"A","user_id":-0}}}"#,
        #"{"update_id":99999999999999999999}"#,
        #"{"update_id":15,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"reply_to_message":{"message_id":2,"date":2,"chat":{"id":1,"type":"private"},"forum_topic_created":{"name":"t","icon_color":1}}}}"#,
    ]

    @Test(arguments: oddUpdates)
    func oddUpdatesReadTheSameOrFallBack(json: String) throws {
        let data = Data(json.utf8)
        let node = try #require(JSONNode.parse(data))
        if let slow = try? JSONDecoder().decode(Update.self, from: data) {
            let fast = Update(node: node)
            #expect(fast == nil || fast == slow)
        } else {
            #expect(Update(node: node) == nil)
        }
        expectSameOutcome(UpdateBatch.self, Self.envelope("[\(json)]"))
    }

    @Test func plainUpdatesOfEveryKindTakeTheFastPath() throws {
        func update(_ index: Int) -> Update? {
            JSONNode.parse(Data(Self.oddUpdates[index].utf8)).flatMap(Update.init(node:))
        }
        for index in [2, 3, 5, 8, 9, 12, 13, 15] { #expect(update(index) != nil, "\(index)") }
        let service = try #require(update(3))
        #expect(service.message?.isServiceMessage == true)
    }

    @Test func theFakeServersAnswersTakeTheFastPath() async throws {
        let server = try FakeTelegramServer()
        let transport = FakeTelegramTransport(server: server)
        func post<M: TelegramMethod>(_ method: M) async throws -> Data {
            let request = try TelegramRequestEncoder().encode(method)
            return try await transport.post(method: request.method, body: request.body).body
        }
        await server.addForumGroup(chatID: -100_5)
        await server.userSends(chatID: 77, text: "مرحبا \"بكم\"\n")
        let sent = try await post(SendMessage(chatID: 77, text: "أهلا"))
        try expectFastEqualsSlow(MessageID.self, sent, "sendMessage")
        try expectFastEqualsSlow(Message.self, sent, "sendMessage as Message")
        let press = await server.userPresses(chatID: 77, data: "menu")
        await server.userSendsPhoto(chatID: 77, fileID: "AgAC", caption: "صورة")
        await server.userSendsDocument(chatID: 77, fileID: "BQAC")
        await server.userSendsLocation(chatID: 77, latitude: 24.7136, longitude: 46.6753)
        await server.userBlocksBot(chatID: 78)
        await server.officerSends(chatID: -100_5, userID: 9, text: "تم", threadID: nil)
        let updates = try await post(GetUpdates(timeout: 0, allowedUpdates: GetUpdates.botUpdateTypes))
        try expectFastEqualsSlow(UpdateBatch.self, updates, "getUpdates")
        #expect(TelegramClient.fastResponse(UpdateBatch.self, body: updates)?.result?.updates.count == 7)
        let answered = try await post(AnswerCallbackQuery(callbackQueryID: press.callbackQueryID))
        try expectFastEqualsSlow(Bool.self, answered, "answerCallbackQuery")
        let typing = try await post(SendChatAction(chatID: 77, action: "typing"))
        try expectFastEqualsSlow(Bool.self, typing, "sendChatAction")
    }
}
