import Foundation

extension FakeTelegramServer {
    /// Queues an update (assigning `update_id` when missing), wakes a waiting getUpdates; returns the id.
    /// Chats, messages, files and callback queries in it become known, as on the real server.
    @discardableResult
    public func pushUpdate(_ update: JSONValue) -> Int64 {
        var members = update.objectValue ?? [:]
        let id: Int64
        if let given = members["update_id"]?.intValue {
            id = given
            nextUpdateID = max(nextUpdateID, given + 1)
        } else {
            id = nextUpdateID
            nextUpdateID += 1
            members["update_id"] = .int(id)
        }
        let value = JSONValue.object(members)
        learn(from: value)
        queue.append((id, value))
        wakePoll()
        return id
    }

    /// Queues raw JSON (possibly malformed on purpose) as one update; it must carry its own `update_id`
    /// unless it is an object.
    @discardableResult
    public func pushUpdate(json: String) throws -> Int64 {
        try pushUpdate(JSONValue(parsing: Data(json.utf8)))
    }

    /// The user of private chat `chatID` sends `text`; returns the update id.
    @discardableResult
    public func userSends(chatID: Int64, text: String, firstName: String = "مستفيد") -> Int64 {
        pushUpdate(["message": userMessage(chatID: chatID, firstName: firstName, content: ["text": .string(text)])])
    }

    /// The user presses a button with `data` under the bot's last message (or `messageID`); returns the
    /// update id and the callback query id the bot must answer.
    @discardableResult
    public func userPresses(chatID: Int64, data: String, messageID: Int64? = nil, firstName: String = "مستفيد")
        -> (updateID: Int64, callbackQueryID: String)
    {
        addPrivateChat(chatID: chatID, firstName: firstName)
        let chat = chats[chatID]
        let lastBotMessage = chat?.messages.values.filter { $0["from"]?["id"]?.intValue == botID }
            .max { ($0["message_id"]?.intValue ?? 0) < ($1["message_id"]?.intValue ?? 0) }
        let message: JSONValue =
            messageID.flatMap { chat?.messages[$0] } ?? lastBotMessage
            ?? [
                "message_id": .int(messageID ?? 1), "from": botUser, "chat": chat?.json ?? .null, "date": .int(now),
                "text": "…",
            ]
        let queryID = "cbq-\(nextCallbackQueryNumber)"
        nextCallbackQueryNumber += 1
        let update: JSONValue = [
            "callback_query": [
                "id": .string(queryID), "from": Self.user(chatID, firstName), "message": message,
                "chat_instance": .string("ci-\(chatID)"), "data": .string(data),
            ]
        ]
        return (pushUpdate(update), queryID)
    }

    /// The user sends a photo (two sizes; `fileID` is the largest); returns the update id.
    @discardableResult
    public func userSendsPhoto(chatID: Int64, fileID: String, size: Int64 = 120_000, caption: String? = nil)
        -> Int64
    {
        var content: [String: JSONValue] = [
            "photo": [
                [
                    "file_id": .string(fileID + "-small"), "file_unique_id": .string("u-\(fileID)-s"),
                    "file_size": 2_000, "width": 90, "height": 90,
                ],
                [
                    "file_id": .string(fileID), "file_unique_id": .string("u-\(fileID)"), "file_size": .int(size),
                    "width": 1280, "height": 960,
                ],
            ]
        ]
        if let caption { content["caption"] = .string(caption) }
        return pushUpdate(["message": userMessage(chatID: chatID, firstName: "مستفيد", content: content)])
    }

    /// The user sends a document; returns the update id.
    @discardableResult
    public func userSendsDocument(
        chatID: Int64, fileID: String, fileName: String = "report.pdf", mimeType: String = "application/pdf",
        size: Int64 = 50_000
    ) -> Int64 {
        let document: JSONValue = [
            "file_id": .string(fileID), "file_unique_id": .string("u-\(fileID)"), "file_name": .string(fileName),
            "mime_type": .string(mimeType), "file_size": .int(size),
        ]
        return pushUpdate(["message": userMessage(chatID: chatID, firstName: "مستفيد", content: ["document": document])]
        )
    }

    /// The user shares a location; returns the update id.
    @discardableResult
    public func userSendsLocation(chatID: Int64, latitude: Double, longitude: Double) -> Int64 {
        let location: JSONValue = ["latitude": .double(latitude), "longitude": .double(longitude)]
        return pushUpdate(["message": userMessage(chatID: chatID, firstName: "مستفيد", content: ["location": location])]
        )
    }

    /// The user blocks the bot: a `my_chat_member` update, and sends to the chat fail with 403 from now on.
    @discardableResult
    public func userBlocksBot(chatID: Int64) -> Int64 {
        block(chatID: chatID)
        return pushUpdate(["my_chat_member": membership(chatID: chatID, old: "member", new: "kicked")])
    }

    /// The user unblocks the bot.
    @discardableResult
    public func userUnblocksBot(chatID: Int64) -> Int64 {
        unblock(chatID: chatID)
        return pushUpdate(["my_chat_member": membership(chatID: chatID, old: "kicked", new: "member")])
    }

    // MARK: - Long polling

    func getUpdates(_ p: [String: JSONValue]) async -> Result<JSONValue, FakeAPIError> {
        if webhookURL != nil {
            return .failure(
                FakeAPIError(
                    code: 409,
                    description:
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
                ))
        }
        terminatePoll(
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
        let limit = Int(min(max(p["limit"]?.intValue ?? 100, 1), 100))
        let timeout = max(p["timeout"]?.intValue ?? 0, 0)
        if let allowed = p["allowed_updates"]?.arrayValue { allowedUpdates = allowed.compactMap(\.stringValue) }
        if let offset = p["offset"]?.intValue { confirm(offset: offset) }
        let ready = deliverable(limit: limit)
        if !ready.isEmpty || timeout == 0 { return .success(.array(ready)) }
        nextPollID += 1
        let id = nextPollID
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: .seconds(timeout))
                    await self?.expirePoll(id)
                }
                poll = PollWaiter(id: id, limit: limit, continuation: continuation, timer: timer)
            }
        } onCancel: {
            Task { await self.expirePoll(id) }
        }
    }

    /// Ends a waiting getUpdates with an error (a newer poller, a webhook being set).
    func terminatePoll(_ description: String) {
        guard let waiting = poll else { return }
        poll = nil
        waiting.timer?.cancel()
        waiting.continuation.resume(returning: .failure(FakeAPIError(code: 409, description: description)))
    }

    private func expirePoll(_ id: Int) {
        guard let waiting = poll, waiting.id == id else { return }
        poll = nil
        waiting.continuation.resume(returning: .success([]))
    }

    private func wakePoll() {
        guard let waiting = poll else { return }
        let ready = deliverable(limit: waiting.limit)
        guard !ready.isEmpty else { return }
        poll = nil
        waiting.timer?.cancel()
        waiting.continuation.resume(returning: .success(.array(ready)))
    }

    /// An offset confirms every earlier update; a negative one keeps only the last `-offset`.
    private func confirm(offset: Int64) {
        if offset < 0 {
            queue = Array(queue.suffix(Int(min(-offset, Int64(queue.count)))))
        } else {
            // Ids ascend unless a test pushed its own: then the confirmed updates are a prefix, cut in one move
            // (removeAll(where:) would shuffle every kept update of a long queue on every poll).
            var prefix = 0
            while prefix < queue.count, queue[prefix].id < offset { prefix += 1 }
            var rest = prefix
            while rest < queue.count, queue[rest].id >= offset { rest += 1 }
            if rest == queue.count {
                queue.removeFirst(prefix)
            } else {
                queue.removeAll { $0.id < offset }
            }
        }
    }

    private func deliverable(limit: Int) -> [JSONValue] {
        let excludedByDefault: Set<String> = ["chat_member", "message_reaction", "message_reaction_count"]
        let allowed = Set(allowedUpdates)
        return queue.lazy.filter { entry in
            guard let kind = entry.update.objectValue?.keys.first(where: { $0 != "update_id" }) else { return true }
            return allowed.isEmpty ? !excludedByDefault.contains(kind) : allowed.contains(kind)
        }.prefix(limit).map(\.update)
    }

    // MARK: - Building and learning

    private func userMessage(chatID: Int64, firstName: String, content: [String: JSONValue]) -> JSONValue {
        addPrivateChat(chatID: chatID, firstName: firstName)
        let id = chats[chatID]?.nextMessageID ?? 1
        var members: [String: JSONValue] = [
            "message_id": .int(id), "from": Self.user(chatID, firstName), "chat": chats[chatID]?.json ?? .null,
            "date": .int(now),
        ]
        members.merge(content) { _, new in new }
        return .object(members)
    }

    private func membership(chatID: Int64, old: String, new: String) -> JSONValue {
        addPrivateChat(chatID: chatID)
        let user = Self.user(chatID, "مستفيد")
        return [
            "chat": chats[chatID]?.json ?? .null, "from": user, "date": .int(now),
            "old_chat_member": ["status": .string(old), "user": botUser],
            "new_chat_member": ["status": .string(new), "user": botUser, "until_date": 0],
        ]
    }

    static func user(_ id: Int64, _ firstName: String) -> JSONValue {
        ["id": .int(id), "is_bot": false, "first_name": .string(firstName), "language_code": "ar"]
    }

    /// Remembers the chats, messages, files and callback queries an update mentions.
    private func learn(from update: JSONValue) {
        if let message = update["message"] ?? update["edited_message"] { learn(message: message) }
        if let query = update["callback_query"] {
            if let id = query["id"]?.stringValue { openCallbackQueries.insert(id) }
            if let message = query["message"] { learn(message: message) }
        }
        if let chat = update["my_chat_member"]?["chat"] { learn(chat: chat) }
    }

    private func learn(chat: JSONValue) {
        guard let id = chat["id"]?.intValue, chats[id] == nil else { return }
        chats[id] = FakeChat(json: chat, isForum: chat["is_forum"]?.boolValue ?? false)
    }

    func learn(message: JSONValue) {
        guard let chat = message["chat"], let chatID = chat["id"]?.intValue,
            let messageID = message["message_id"]?.intValue
        else { return }
        learn(chat: chat)
        chats[chatID]?.messages[messageID] = message
        // Computed first: `chats[id]?.x = …` holds a modify access to `chats` while its right side runs.
        let next = max(chats[chatID]?.nextMessageID ?? 1, messageID + 1)
        chats[chatID]?.nextMessageID = next
        if message["forum_topic_created"] != nil, let name = message["forum_topic_created"]?["name"]?.stringValue {
            chats[chatID]?.threads[messageID] = name
        }
        for size in message["photo"]?.arrayValue ?? [] {
            addFile(size, kind: .photo, folder: "photos", ext: "jpg")
        }
        if let document = message["document"] { addFile(document, kind: .document, folder: "documents", ext: "pdf") }
    }

    private func addFile(_ json: JSONValue, kind: FakeFile.Kind, folder: String, ext: String) {
        guard let id = json["file_id"]?.stringValue, files[id] == nil else { return }
        files[id] = FakeFile(
            kind: kind, uniqueID: json["file_unique_id"]?.stringValue ?? "u-\(id)", size: json["file_size"]?.intValue,
            path: "\(folder)/file_\(files.count + 1).\(ext)")
    }
}

extension FakeTelegramServer {
    /// Whether a getUpdates call is waiting for updates (lets tests push only once a poll is parked).
    public var isPolling: Bool { poll != nil }
}
