// Fast-path mappings of `Message` and its parts; each mirrors the type's `Decodable` conformance key for
// key (see JSONNodeReadable for the contract).

extension Message: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            messageID: f.required("message_id"), from: f.optional("from"), chat: f.required("chat"),
            date: f.required("date"), text: f.optional("text"), caption: f.optional("caption"),
            photo: f.optional("photo"), document: f.optional("document"), location: f.optional("location"),
            contact: f.optional("contact"), messageThreadID: f.optional("message_thread_id"),
            isTopicMessage: f.optional("is_topic_message"), replyToMessage: f.optional("reply_to_message"),
            forumTopicCreated: f.optional("forum_topic_created"), newChatMembers: f.optional("new_chat_members"),
            leftChatMember: f.optional("left_chat_member"))
        // The decoder counts a service key as present even when its value is null.
        isServiceMessage = f.members.keys.contains(where: Message.serviceKeys.contains)
    }
}

extension User: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            id: f.required("id"), isBot: f.optional("is_bot"), firstName: f.required("first_name"),
            lastName: f.optional("last_name"), username: f.optional("username"),
            languageCode: f.optional("language_code"))
    }
}

extension Chat: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            id: f.required("id"), type: f.required("type"), title: f.optional("title"),
            username: f.optional("username"), firstName: f.optional("first_name"), isForum: f.optional("is_forum"))
    }
}

extension PhotoSize: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            fileID: f.required("file_id"), fileUniqueID: f.required("file_unique_id"), width: f.required("width"),
            height: f.required("height"), fileSize: f.optional("file_size"))
    }
}

extension Document: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            fileID: f.required("file_id"), fileUniqueID: f.optional("file_unique_id"),
            fileName: f.optional("file_name"), mimeType: f.optional("mime_type"), fileSize: f.optional("file_size"))
    }
}

extension Contact: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            phoneNumber: f.required("phone_number"), firstName: f.required("first_name"),
            lastName: f.optional("last_name"), userID: f.optional("user_id"))
    }
}

extension Location: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(latitude: f.required("latitude"), longitude: f.required("longitude"))
    }
}

extension ForumTopicCreated: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            name: f.required("name"), iconColor: f.required("icon_color"),
            iconCustomEmojiID: f.optional("icon_custom_emoji_id"))
    }
}
