import DialogCore
import Foundation
import SafaBotTestSupport
import Testing

@testable import TelegramChannel

/// Every request the bot can send, encoded as sent, checked against the Bot API 10.1 spec.
@Suite struct SpecConformanceTests {
    static let validator = Result { try TelegramSpecValidator.shared() }

    func violations<M: TelegramMethod>(_ method: M) throws -> [SpecViolation] {
        let request = try TelegramRequestEncoder().encode(method)
        return try Self.validator.get().validate(method: request.method, body: request.body)
    }

    @Test func renderedMessagesWithKeyboardsConformToTheSpec() throws {
        let message = OutgoingMessage(
            text: "اختر نوع الطلب <مهم> & عاجل",
            buttons: [
                Button(payload: "req:food", label: "سلة غذائية"), Button(payload: "req:rent", label: "إيجار"),
                Button(payload: "req:other", label: "طلب آخر لم يذكر في القائمة أعلاه"),
            ])
        let sends = try TelegramRenderer().render(message, chatID: 408_258_968, messageThreadID: 12)
        for send in sends { #expect(try violations(send) == []) }
    }

    @Test func everyOtherRequestTypeConformsToTheSpec() throws {
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "نعم", callbackData: "y")]])
        #expect(try violations(AnswerCallbackQuery(callbackQueryID: "123", text: "تم", showAlert: false)) == [])
        #expect(try violations(AnswerCallbackQuery(callbackQueryID: "123")) == [])
        #expect(try violations(EditMessageReplyMarkup(chatID: 1, messageID: 2, replyMarkup: keyboard)) == [])
        #expect(try violations(EditMessageReplyMarkup(chatID: 1, messageID: 2)) == [])
        #expect(try violations(SendChatAction(chatID: 1, action: "typing", messageThreadID: 3)) == [])
        #expect(
            try violations(GetUpdates(offset: 10, limit: 100, timeout: 50, allowedUpdates: GetUpdates.botUpdateTypes))
                == [])
        #expect(
            try violations(
                SetWebhook(
                    url: "https://bot.example.org/telegram", secretToken: "abc_DEF-1",
                    allowedUpdates: GetUpdates.botUpdateTypes, maxConnections: 40, dropPendingUpdates: false)) == [])
        #expect(try violations(DeleteWebhook(dropPendingUpdates: true)) == [])
        #expect(try violations(GetFile(fileID: "AgAC")) == [])
        #expect(try violations(GetMe()) == [])
        #expect(try violations(CreateForumTopic(chatID: -100_1, name: "طلب 1042", iconColor: 7_322_096)) == [])
        #expect(try violations(SendPhoto(chatID: -100_1, photo: "AgAC", caption: "صورة", messageThreadID: 5)) == [])
        #expect(
            try violations(SendDocument(chatID: -100_1, document: "BQAC", caption: "ملف", parseMode: "HTML")) == [])
        #expect(try violations(CopyMessage(chatID: -100_1, fromChatID: 7, messageID: 9, messageThreadID: 5)) == [])
    }

    @Test func validatorCatchesUnknownMissingAndMistypedFields() throws {
        let validator = try Self.validator.get()
        let found = validator.validate(
            method: "sendMessage",
            parameters: [
                "chat_id": 1, "parse_mode": true, "colour": "red",
                "reply_markup": ["inline_keyboard": [[["text": "x", "callback_data": 5, "bogus": 1]]]],
            ])
        #expect(found.contains(SpecViolation(path: "sendMessage.text", kind: .missingRequired)))
        #expect(found.contains(SpecViolation(path: "sendMessage.colour", kind: .unknownField)))
        #expect(
            found.contains(
                SpecViolation(path: "sendMessage.parse_mode", kind: .wrongType(expected: ["String"], found: "Boolean")))
        )
        #expect(
            found.contains(
                SpecViolation(
                    path: "sendMessage.reply_markup.inline_keyboard[0][0].callback_data",
                    kind: .wrongType(expected: ["String"], found: "Integer"))))
        #expect(
            found.contains(
                SpecViolation(path: "sendMessage.reply_markup.inline_keyboard[0][0].bogus", kind: .unknownField)))
        #expect(validator.validate(method: "sendTelepathy", parameters: [:]).first?.kind == .unknownMethod)
        #expect(validator.canonicalMethodName("SENDMESSAGE") == "sendMessage")
    }
}
