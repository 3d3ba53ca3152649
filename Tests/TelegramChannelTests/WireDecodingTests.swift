import Foundation
import SafaBotTestSupport
import Testing

@testable import TelegramChannel

@Suite struct WireDecodingTests {
    static func exampleFiles() throws -> [URL] {
        let root = PlatformSpecs.telegramExamples
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
        return files.sorted { $0.path < $1.path }
    }

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: PlatformSpecs.telegramExamples.appending(path: name))
    }

    @Test func everyExampleFileDecodesAsWhatItsNameSays() throws {
        let files = try Self.exampleFiles()
        #expect(files.count >= 15)
        for file in files {
            let data = try Data(contentsOf: file)
            let name = file.lastPathComponent
            if name.hasPrefix("update-") {
                _ = try JSONDecoder().decode(Update.self, from: data)
            } else if name.hasPrefix("message-") {
                _ = try JSONDecoder().decode(Message.self, from: data)
            } else if name.hasPrefix("error-") {
                let response = try JSONDecoder().decode(APIResponse<Bool>.self, from: data)
                #expect(!response.ok, "\(name)")
            } else if name.hasPrefix("response-getfile") {
                let response = try JSONDecoder().decode(APIResponse<File>.self, from: data)
                #expect(response.result?.filePath == "videos/file_1.mp4")
            } else {
                Issue.record("unclassified example \(name)")
            }
        }
    }

    @Test func photoMessageKeepsAllSizesAndPicksTheLargest() throws {
        let update = try JSONDecoder().decode(Update.self, from: Self.example("constructed/update-photo-message.json"))
        let message = try #require(update.message)
        #expect(message.photo?.count == 4)
        #expect(message.largestPhoto?.width == 1280)
        #expect(message.caption == "www.example.com")
        #expect(message.chat.isPrivate)
    }

    @Test func callbackQueryWithMessageCarriesDataAndChat() throws {
        let data = try Self.example("update-callback-query-with-message.telegram-bot-php-core.json")
        let query = try #require(try JSONDecoder().decode(Update.self, from: data).callbackQuery)
        #expect(query.data == "tasks-settings")
        #expect(query.chatInstance == "7764778060035751380")
        guard case .accessible(let message) = query.message else {
            Issue.record("expected an accessible message")
            return
        }
        #expect(message.chat.id == 259_760_855)
    }

    @Test func dateZeroMarksAnInaccessibleMessage() throws {
        let json = """
            {"update_id":5,"callback_query":{"id":"q","from":{"id":7,"is_bot":false,"first_name":"A"},
            "message":{"chat":{"id":7,"type":"private"},"message_id":42,"date":0},"chat_instance":"c","data":"x"}}
            """
        let query = try #require(try JSONDecoder().decode(Update.self, from: Data(json.utf8)).callbackQuery)
        #expect(query.message == .inaccessible(InaccessibleMessage(chat: Chat(id: 7, type: "private"), messageID: 42)))
        #expect(query.message?.messageID == 42)
    }

    @Test func forumTopicMessageKeepsItsTopicAndTheCreationMessageItRepliesTo() throws {
        let data = try Self.example("constructed/update-forum-topic-message.json")
        let message = try #require(try JSONDecoder().decode(Update.self, from: data).message)
        #expect(message.isTopicMessage == true)
        #expect(message.messageThreadID == 4)
        #expect(message.replyToMessage?.forumTopicCreated?.iconColor == 9_367_192)
        #expect(message.replyToMessage?.isServiceMessage == true)
        #expect(!message.isServiceMessage)
        #expect(message.chat.isForum == true)
    }

    @Test func messageRoundTripsThroughEncoding() throws {
        let data = try Self.example("constructed/update-forum-topic-message.json")
        let update = try JSONDecoder().decode(Update.self, from: data)
        let again = try JSONDecoder().decode(Update.self, from: JSONEncoder().encode(update))
        #expect(again == update)
    }

    @Test func errorExamplesBecomeTypedAPIErrors() throws {
        let tooMany = try JSONDecoder().decode(
            APIResponse<Bool>.self, from: Self.example("error-429-retry-after.telebot.json"))
        #expect(
            TelegramAPIError(response: tooMany, status: 429)
                == TelegramAPIError(code: 429, description: "Too Many Requests: retry after 8", retryAfter: 8))
        let migrate = try JSONDecoder().decode(
            APIResponse<Bool>.self, from: Self.example("error-400-migrate-to-chat-id.telebot.json"))
        let error = TelegramAPIError(response: migrate, status: 400)
        #expect(error.code == 400)
        #expect(error.migrateToChatID == -100_123_456_789)
        #expect(!error.isRetryable)
    }

    @Test func oneBadUpdateDoesNotFailTheBatch() throws {
        let good = try String(decoding: Self.example("update-text-message-private.teloxide.json"), as: UTF8.self)
        let json = """
            {"ok":true,"result":[\(good),{"update_id":306197399,"message":{"chat":"oops"}},42,
            {"update_id":306197400,"edited_message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}}}]}
            """
        let response = try JSONDecoder().decode(APIResponse<UpdateBatch>.self, from: Data(json.utf8))
        let batch = try #require(response.result)
        #expect(batch.updates.count == 4)
        #expect((try? batch.updates[0].get())?.message?.text == "4")
        guard case .failure(let failure) = batch.updates[1] else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.updateID == 306_197_399)
        #expect(failure.reason == "missing key message_id at $.result[1].message")
        guard case .failure(let unreadable) = batch.updates[2] else {
            Issue.record("expected a failure")
            return
        }
        #expect(unreadable.updateID == nil)
        #expect((try? batch.updates[3].get())?.editedMessage != nil)
        #expect(batch.nextOffset == 306_197_401)
    }
}
