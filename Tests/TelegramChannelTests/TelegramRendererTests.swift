import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import TelegramChannel

@Suite struct TelegramRendererTests {
    let renderer = TelegramRenderer()

    @Test func textIsHTMLEscapedAndSentWithoutLinkPreview() throws {
        let sends = try renderer.render(OutgoingMessage(text: "a < b && c > d"), chatID: 5)
        #expect(sends.count == 1)
        #expect(sends[0].text == "a &lt; b &amp;&amp; c &gt; d")
        #expect(sends[0].parseMode == "HTML")
        #expect(sends[0].linkPreviewOptions == LinkPreviewOptions(isDisabled: true))
        #expect(sends[0].replyMarkup == nil)
    }

    @Test func longTextSplitsAtLineBoundariesWithButtonsOnTheLastPartOnly() throws {
        let line = String(repeating: "م", count: 99)
        let text = Array(repeating: line, count: 100).joined(separator: "\n")  // 9999 characters
        let message = OutgoingMessage(text: text, buttons: [Button(payload: "ok", label: "تم")])
        let sends = try renderer.render(message, chatID: 5)
        #expect(sends.count == 3)
        #expect(sends.allSatisfy { $0.text.utf16.count <= 4096 })
        #expect(sends.allSatisfy { $0.text.split(separator: "\n").allSatisfy { $0 == line } })
        #expect(sends.map { $0.text.split(separator: "\n").count }.reduce(0, +) == 100)
        #expect(sends.dropLast().allSatisfy { $0.replyMarkup == nil })
        #expect(sends.last?.replyMarkup?.inlineKeyboard.first?.first?.callbackData == "ok")
    }

    @Test func escapingDoesNotCountAgainstTheLimit() throws {
        let text = String(repeating: "<", count: 4096)
        let sends = try renderer.render(OutgoingMessage(text: text), chatID: 5)
        #expect(sends.count == 1)
        #expect(sends[0].text.count == 4096 * 4)
    }

    @Test func splitterFallsBackToWordsThenToHardCutsWithoutBreakingCharacters() {
        let words = TelegramTextSplitter.split("aaaa bbbb cccc", limit: 9)
        #expect(words == ["aaaa bbbb", "cccc"])
        let hard = TelegramTextSplitter.split("abcdefghij", limit: 4)
        #expect(hard == ["abcd", "efgh", "ij"])
        let emoji = TelegramTextSplitter.split("😀😀😀", limit: 3)  // 2 UTF-16 units each
        #expect(emoji == ["😀", "😀", "😀"])
        #expect(TelegramTextSplitter.split("short", limit: 4096) == ["short"])
    }

    @Test func shortLabelsGoTwoPerRowAndLongLabelsOnePerRow() throws {
        let short = try renderer.keyboard(for: (1...3).map { Button(payload: "p\($0)", label: "زر \($0)") })
        #expect(short?.inlineKeyboard.map(\.count) == [2, 1])
        let long = try renderer.keyboard(for: [
            Button(payload: "a", label: "نعم"), Button(payload: "b", label: "أرغب في التحدث مع موظف الجمعية"),
        ])
        #expect(long?.inlineKeyboard.map(\.count) == [1, 1])
    }

    @Test func callbackDataOverSixtyFourBytesIsAnErrorNotATruncation() {
        let payload = String(repeating: "ب", count: 33)  // 66 bytes in UTF-8
        #expect(throws: TelegramRenderError.callbackDataTooLong(payload: payload, byteCount: 66)) {
            try renderer.render(OutgoingMessage(text: "x", buttons: [Button(payload: payload, label: "ب")]), chatID: 1)
        }
        #expect(throws: TelegramRenderError.emptyText) {
            try renderer.render(OutgoingMessage(text: "  \n "), chatID: 1)
        }
    }

    // MARK: - Inbound

    func update(_ json: String) throws -> Update {
        try JSONDecoder().decode(Update.self, from: Data(json.utf8))
    }

    let at = Date(timeIntervalSince1970: 1_700_000_000)
    let privateChat =
        #""chat":{"id":77,"type":"private","first_name":"A"},"from":{"id":77,"is_bot":false,"first_name":"A"}"#

    func content(_ json: String) throws -> EventContent? {
        if case .event(let inbound) = renderer.inbound(from: try update(json), receivedAt: at) {
            return inbound.content
        }
        return nil
    }

    @Test func messagesMapToEngineEvents() throws {
        #expect(
            try content(#"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"text":"/start"}}"#)
                == .start)
        #expect(
            try content(
                #"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"text":"/start@safa_bot x"}}"#)
                == .start)
        #expect(
            try content(#"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"text":"مرحبا"}}"#)
                == .text("مرحبا"))
        #expect(
            try content(
                #"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"location":{"latitude":24.7,"longitude":46.6}}}"#
            )
                == .location(latitude: 24.7, longitude: 46.6))
    }

    @Test func exampleUpdatesMapToTheRightContent() throws {
        let photo = try JSONDecoder().decode(
            Update.self, from: WireDecodingTests.example("constructed/update-photo-message.json"))
        guard case .event(let inbound) = renderer.inbound(from: photo, receivedAt: at) else {
            Issue.record("photo not mapped")
            return
        }
        #expect(inbound.key == ConversationKey(channel: "telegram", chat: "27433968"))
        #expect(inbound.platformID == "telegram:update:900000001")
        #expect(inbound.receivedAt == at)
        #expect(
            inbound.content
                == .attachment(
                    Attachment(
                        kind: .photo,
                        fileID: "AgACAgQAAxkBAAINhGKvijUVSn2i3980bQIIc1fqWGNCAAJpvDEbEmaBUfuA43fR-BnlAQADAgADeQADJAQ",
                        size: 162_061)))
        let document = try JSONDecoder().decode(
            Update.self, from: WireDecodingTests.example("update-document-message.core-telegram-webhooks-guide.json"))
        #expect(
            try #require(
                {
                    if case .event(let i) = renderer.inbound(from: document, receivedAt: at) { i.content } else { nil }
                }())
                == .attachment(
                    Attachment(
                        kind: .document, fileID: "AwADBAADbXXXXXXXXXXXGBdhD2l6_XX", fileName: "Testfile.pdf",
                        mimeType: "application/pdf", size: 536_392)))
    }

    @Test func buttonPressesCarryTheCallbackQueryID() throws {
        let data = try WireDecodingTests.example("update-callback-query-with-message.telegram-bot-php-core.json")
        let mapped = renderer.inbound(from: try JSONDecoder().decode(Update.self, from: data), receivedAt: at)
        guard case .event(let inbound) = mapped else {
            Issue.record("button not mapped")
            return
        }
        #expect(inbound.content == .button(payload: "tasks-settings"))
        #expect(inbound.meta == ["callback_query_id": "1115664380233733737", "message_id": "4071"])
        #expect(inbound.key.chat == "259760855")
        let inline = try JSONDecoder().decode(
            Update.self,
            from: WireDecodingTests.example("update-callback-query-inline.core-telegram-webhooks-guide.json"))
        #expect(
            renderer.inbound(from: inline, receivedAt: at)
                == .ignored(.inlineMode, callbackQueryID: "4382bfdwdsb323b2d9"))
    }

    @Test func groupsEditsAndServiceMessagesAreIgnoredButAStickerGetsAnAnswer() throws {
        let topic = try JSONDecoder().decode(
            Update.self, from: WireDecodingTests.example("constructed/update-forum-topic-message.json"))
        #expect(renderer.inbound(from: topic, receivedAt: at) == .ignored(.nonPrivateChat, callbackQueryID: nil))
        let edited = try update(
            #"{"update_id":1,"edited_message":{"message_id":1,"date":1,\#(privateChat),"text":"x"}}"#)
        #expect(renderer.inbound(from: edited, receivedAt: at) == .ignored(.editedMessage, callbackQueryID: nil))
        let sticker = try update(
            #"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"sticker":{"file_id":"s"}}}"#)
        guard case .event(let stickerEvent) = renderer.inbound(from: sticker, receivedAt: at) else {
            Issue.record("a sticker in a private chat must reach the engine")
            return
        }
        #expect(stickerEvent.content == .unsupported(kind: "other"))
        let pinned = try update(
            #"{"update_id":1,"message":{"message_id":1,"date":1,\#(privateChat),"pinned_message":{"message_id":0,"date":0,"chat":{"id":77,"type":"private"}}}}"#
        )
        #expect(renderer.inbound(from: pinned, receivedAt: at) == .ignored(.serviceMessage, callbackQueryID: nil))
    }

    @Test func blockingAndUnblockingBecomeMembershipSignals() throws {
        func member(_ old: String, _ new: String) throws -> Update {
            try update(
                #"{"update_id":9,"my_chat_member":{"chat":{"id":77,"type":"private"},"from":{"id":77,"is_bot":false,"first_name":"A"},"date":1,"old_chat_member":{"status":"\#(old)","user":{"id":1,"is_bot":true,"first_name":"B"}},"new_chat_member":{"status":"\#(new)","user":{"id":1,"is_bot":true,"first_name":"B"}}}}"#
            )
        }
        let key = ConversationKey(channel: "telegram", chat: "77")
        #expect(
            renderer.inbound(from: try member("member", "kicked"), receivedAt: at)
                == .membership(key: key, platformID: "telegram:update:9", change: .blocked, receivedAt: at))
        #expect(
            renderer.inbound(from: try member("kicked", "member"), receivedAt: at)
                == .membership(key: key, platformID: "telegram:update:9", change: .unblocked, receivedAt: at))
    }
}
