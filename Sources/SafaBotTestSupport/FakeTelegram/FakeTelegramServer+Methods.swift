import Foundation

/// Per-method semantics: the limits and errors the real server applies beyond the spec's types.
extension FakeTelegramServer {
    static let chatActions: Set<String> = [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ]

    /// `text` trimmed of `CharacterSet.whitespacesAndNewlines`, as the server trims messages. Foundation's
    /// trimming goes through NSString, so it runs only when an end of the text might be trimmed: the scalars
    /// below cover the set (Z*, U+0009–U+000D, U+0085, and U+200B, which Foundation counts as a space).
    static func trimmingWhitespaceAndNewlines(_ text: String) -> String {
        func mightBeSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0...0x20, 0x7F...0xA0, 0x1680, 0x180E, 0x2000...0x206F, 0x3000, 0xFEFF: true
            default: false
            }
        }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            !mightBeSpace(first), !mightBeSpace(last)
        else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text
    }

    /// The chat a send goes to, or the error the real server gives for it.
    func resolveChat(_ value: JSONValue?) -> Result<Int64, FakeAPIError> {
        guard let id = value?.intValue else { return .failure(.badRequest("chat not found")) }
        if blockedChats.contains(id) {
            return .failure(FakeAPIError(code: 403, description: "Forbidden: bot was blocked by the user"))
        }
        if let newID = migratedChats[id] {
            return .failure(
                .badRequest(
                    "group chat was upgraded to a supergroup chat", parameters: ["migrate_to_chat_id": .int(newID)]))
        }
        guard chats[id] != nil else { return .failure(.badRequest("chat not found")) }
        return .success(id)
    }

    /// The visible text of `text` under `parse_mode`, or "can't parse entities".
    func visibleText(_ text: String, parseMode: String?) -> Result<String, FakeAPIError> {
        switch parseMode {
        case nil, "": return .success(text)
        case "HTML", "html":
            return TelegramEntityParser.parseHTML(text).mapError { .badRequest("can't parse entities: \($0.detail)") }
        case "MarkdownV2", "Markdown": return .success(text)  // Not modelled: the bot sends HTML only.
        default: return .failure(.badRequest("unsupported parse_mode"))
        }
    }

    func checkThread(_ value: JSONValue?, chatID: Int64) -> FakeAPIError? {
        guard let thread = value?.intValue, let chat = chats[chatID], chat.isForum else { return nil }
        // The General topic (1) answers "not found" too: bots must omit message_thread_id for it.
        return thread == 1 || chat.threads[thread] == nil ? .badRequest("message thread not found") : nil
    }

    func checkKeyboard(_ markup: JSONValue?) -> FakeAPIError? {
        for row in markup?["inline_keyboard"]?.arrayValue ?? [] {
            for button in row.arrayValue ?? [] {
                if (button["text"]?.stringValue ?? "").isEmpty { return .badRequest("BUTTON_TEXT_INVALID") }
                if let data = button["callback_data"]?.stringValue, data.utf8.isEmpty || data.utf8.count > 64 {
                    return .badRequest("BUTTON_DATA_INVALID")
                }
            }
        }
        return nil
    }

    /// Stores a message the bot sent and returns it.
    func storeBotMessage(chatID: Int64, content: [String: JSONValue], thread: JSONValue?) -> JSONValue {
        let id = chats[chatID]?.nextMessageID ?? 1
        var members: [String: JSONValue] = [
            "message_id": .int(id), "from": botUser, "chat": chats[chatID]?.json ?? .null, "date": .int(now),
        ]
        if let thread, chats[chatID]?.isForum == true {
            members["message_thread_id"] = thread
            members["is_topic_message"] = true
        }
        members.merge(content) { _, new in new }
        let message = JSONValue.object(members)
        learn(message: message)
        return message
    }

    func sendMessage(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        let visible: String
        switch visibleText(p["text"]?.stringValue ?? "", parseMode: p["parse_mode"]?.stringValue) {
        case .success(let text): visible = Self.trimmingWhitespaceAndNewlines(text)
        case .failure(let error): return .failure(error)
        }
        if visible.isEmpty { return .failure(.badRequest("message text is empty")) }
        // UTF-16 never counts more units than UTF-8, and counting UTF-8 needs no index of a native string.
        if visible.utf8.count > 4096, visible.utf16.count > 4096 { return .failure(.badRequest("message is too long")) }
        if let error = checkKeyboard(p["reply_markup"]) ?? checkThread(p["message_thread_id"], chatID: chatID) {
            return .failure(error)
        }
        var content: [String: JSONValue] = ["text": .string(visible)]
        if let markup = p["reply_markup"], markup["inline_keyboard"] != nil { content["reply_markup"] = markup }
        return .success(storeBotMessage(chatID: chatID, content: content, thread: p["message_thread_id"]))
    }

    func answerCallbackQuery(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        guard let id = p["callback_query_id"]?.stringValue, openCallbackQueries.remove(id) != nil else {
            return .failure(.badRequest("query is too old and response timeout expired or query ID is invalid"))
        }
        if (p["text"]?.stringValue ?? "").count > 200 { return .failure(.badRequest("MESSAGE_TOO_LONG")) }
        return .success(true)
    }

    func editMessageReplyMarkup(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        guard p["inline_message_id"] == nil else { return .failure(.badRequest("MESSAGE_ID_INVALID")) }
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        guard let messageID = p["message_id"]?.intValue,
            let message = chats[chatID]?.messages[messageID], message["from"]?["id"]?.intValue == botID
        else { return .failure(.badRequest("message to edit not found")) }
        if let error = checkKeyboard(p["reply_markup"]) { return .failure(error) }
        let empty = (p["reply_markup"]?["inline_keyboard"]?.arrayValue ?? []).isEmpty
        let newMarkup: JSONValue? = empty ? nil : p["reply_markup"]
        if message["reply_markup"] == newMarkup {
            return .failure(
                .badRequest(
                    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
                ))
        }
        var members = message.objectValue ?? [:]
        members["reply_markup"] = newMarkup
        members["edit_date"] = .int(now)
        chats[chatID]?.messages[messageID] = .object(members)
        return .success(.object(members))
    }

    func sendChatAction(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        if case .failure(let error) = resolveChat(p["chat_id"]) { return .failure(error) }
        guard let action = p["action"]?.stringValue, Self.chatActions.contains(action) else {
            return .failure(.badRequest("wrong parameter action in request"))
        }
        return .success(true)
    }

    func getFile(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        guard let id = p["file_id"]?.stringValue, let file = files[id] else {
            return .failure(.badRequest("invalid file_id"))
        }
        var result: [String: JSONValue] = [
            "file_id": .string(id), "file_unique_id": .string(file.uniqueID), "file_path": .string(file.path),
        ]
        if let size = file.size { result["file_size"] = .int(size) }
        return .success(.object(result))
    }

    func setWebhook(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        let url = p["url"]?.stringValue ?? ""
        if url.isEmpty { return deleteWebhook(p) }
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return .failure(.badRequest("bad webhook: An HTTPS URL must be provided for webhook"))
        }
        if let secret = p["secret_token"]?.stringValue {
            let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
            guard (1...256).contains(secret.count), secret.allSatisfy(allowed.contains) else {
                return .failure(.badRequest("secret token contains unallowed characters"))
            }
        }
        if let connections = p["max_connections"]?.intValue, !(1...100).contains(connections) {
            return .failure(.badRequest("bad webhook: max_connections must be between 1 and 100"))
        }
        if let allowed = p["allowed_updates"]?.arrayValue { allowedUpdates = allowed.compactMap(\.stringValue) }
        if p["drop_pending_updates"]?.boolValue == true { queue.removeAll() }
        terminatePoll("Conflict: terminated by setWebhook request")
        webhookURL = url
        webhookSecretToken = p["secret_token"]?.stringValue
        return .success(true)
    }

    func deleteWebhook(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        if p["drop_pending_updates"]?.boolValue == true { queue.removeAll() }
        webhookURL = nil
        webhookSecretToken = nil
        return .success(true)
    }

    func createForumTopic(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        guard chats[chatID]?.isForum == true else { return .failure(.badRequest("the chat is not a forum")) }
        let name = p["name"]?.stringValue ?? ""
        guard (1...128).contains(name.count) else { return .failure(.badRequest("TOPIC_NAME_INVALID")) }
        let color = p["icon_color"]?.intValue ?? 7_322_096
        let colors: Set<Int64> = [7_322_096, 16_766_590, 13_338_331, 9_367_192, 16_749_490, 16_478_047]
        guard colors.contains(color) else { return .failure(.badRequest("TOPIC_ICON_COLOR_INVALID")) }
        let created = storeBotMessage(
            chatID: chatID,
            content: [
                "forum_topic_created": ["name": .string(name), "icon_color": .int(color)], "is_topic_message": true,
            ],
            thread: nil)
        guard let threadID = created["message_id"]?.intValue else { return .failure(.badRequest("chat not found")) }
        chats[chatID]?.threads[threadID] = name
        return .success(["message_thread_id": .int(threadID), "name": .string(name), "icon_color": .int(color)])
    }

    func copyMessage(_ p: [String: JSONValue]) -> Result<JSONValue, FakeAPIError> {
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        guard let fromID = p["from_chat_id"]?.intValue, let source = chats[fromID] else {
            return .failure(.badRequest("chat not found"))
        }
        guard let messageID = p["message_id"]?.intValue, let original = source.messages[messageID],
            original["forum_topic_created"] == nil
        else { return .failure(.badRequest("message to copy not found")) }
        if let error = checkThread(p["message_thread_id"], chatID: chatID) { return .failure(error) }
        var content: [String: JSONValue] = [:]
        for key in ["text", "photo", "document", "location", "caption"] { content[key] = original[key] }
        let copy = storeBotMessage(chatID: chatID, content: content, thread: p["message_thread_id"])
        return .success(["message_id": copy["message_id"] ?? .null])
    }

    func sendMedia(_ p: [String: JSONValue], kind: FakeFile.Kind) -> Result<JSONValue, FakeAPIError> {
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        let key = kind == .photo ? "photo" : "document"
        guard let fileID = p[key]?.stringValue, let file = files[fileID] else {
            return .failure(.badRequest("wrong file identifier/HTTP URL specified"))
        }
        if file.kind != kind { return .failure(.badRequest("type of file mismatch")) }
        var content: [String: JSONValue] = [:]
        if let caption = p["caption"]?.stringValue {
            switch visibleText(caption, parseMode: p["parse_mode"]?.stringValue) {
            case .success(let text):
                if text.utf16.count > 1024 { return .failure(.badRequest("message caption is too long")) }
                content["caption"] = .string(text)
            case .failure(let error): return .failure(error)
            }
        }
        if let error = checkThread(p["message_thread_id"], chatID: chatID) { return .failure(error) }
        let fileJSON: JSONValue = ["file_id": .string(fileID), "file_unique_id": .string(file.uniqueID)]
        content[key] = kind == .photo ? [fileJSON] : fileJSON
        return .success(storeBotMessage(chatID: chatID, content: content, thread: p["message_thread_id"]))
    }
}
