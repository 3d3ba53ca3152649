import Foundation

/// The officers' group side of the fake: topics edited or deleted, officers writing and pressing buttons.
extension FakeTelegramServer {
    func editTopic(_ p: [String: JSONValue], closing: Bool) -> Result<JSONValue, FakeAPIError> {
        let chatID: Int64
        switch resolveChat(p["chat_id"]) {
        case .success(let id): chatID = id
        case .failure(let error): return .failure(error)
        }
        guard chats[chatID]?.isForum == true else { return .failure(.badRequest("the chat is not a forum")) }
        guard let thread = p["message_thread_id"]?.intValue, chats[chatID]?.threads[thread] != nil else {
            return .failure(.badRequest("message thread not found"))
        }
        if !closing, let name = p["name"]?.stringValue {
            guard name.count <= 128 else { return .failure(.badRequest("TOPIC_NAME_INVALID")) }
            chats[chatID]?.threads[thread] = name
        }
        return .success(true)
    }

    /// An admin deleted a topic: sending into it now fails with "message thread not found".
    public func deleteTopic(chatID: Int64, threadID: Int64) {
        chats[chatID]?.threads[threadID] = nil
    }

    /// The names of a forum's topics, by thread id.
    public func topics(chatID: Int64) -> [Int64: String] { chats[chatID]?.threads ?? [:] }

    /// Makes a supergroup without topics known (an officers' group that works by replies).
    public func addPlainGroup(chatID: Int64, title: String = "Officers") {
        chats[chatID] = FakeChat(
            json: ["id": .int(chatID), "type": "supergroup", "title": .string(title)], isForum: false)
    }

    /// Member `userID` of group `chatID` writes `text`, in topic `threadID` or as a reply to `replyTo`.
    @discardableResult
    public func officerSends(
        chatID: Int64, userID: Int64, name: String = "موظف", text: String? = nil, photoFileID: String? = nil,
        threadID: Int64? = nil, replyTo: Int64? = nil
    ) -> Int64 {
        let id = chats[chatID]?.nextMessageID ?? 1
        var message: [String: JSONValue] = [
            "message_id": .int(id), "from": Self.user(userID, name), "chat": chats[chatID]?.json ?? .null,
            "date": .int(now),
        ]
        if let text { message["text"] = .string(text) }
        if let photoFileID {
            message["photo"] = [
                ["file_id": .string(photoFileID + "-small"), "file_unique_id": "s", "width": 90, "height": 90],
                ["file_id": .string(photoFileID), "file_unique_id": "l", "width": 800, "height": 800],
            ]
        }
        if let threadID {
            message["message_thread_id"] = .int(threadID)
            message["is_topic_message"] = true
            // As on the real server, a plain message in a topic "replies" to the topic's creation message.
            if replyTo == nil, let created = chats[chatID]?.messages[threadID] { message["reply_to_message"] = created }
        }
        if let replyTo, let original = chats[chatID]?.messages[replyTo] { message["reply_to_message"] = original }
        return pushUpdate(["message": .object(message)])
    }

    /// Member `userID` presses `data` on the bot's message `messageID` in group `chatID`.
    @discardableResult
    public func officerPresses(chatID: Int64, userID: Int64, name: String = "موظف", data: String, messageID: Int64)
        -> (updateID: Int64, callbackQueryID: String)
    {
        let message: JSONValue =
            chats[chatID]?.messages[messageID]
            ?? [
                "message_id": .int(messageID), "from": botUser, "chat": chats[chatID]?.json ?? .null, "date": .int(now),
            ]
        let queryID = "cbq-\(nextCallbackQueryNumber)"
        nextCallbackQueryNumber += 1
        let update: JSONValue = [
            "callback_query": [
                "id": .string(queryID), "from": Self.user(userID, name), "message": message,
                "chat_instance": .string("ci-\(chatID)"), "data": .string(data),
            ]
        ]
        return (pushUpdate(update), queryID)
    }
}
