import DialogCore

// Fast-path mappings of `Update` and what it carries; each mirrors the type's `Decodable` conformance
// key for key (see JSONNodeReadable for the contract).

extension Update: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            updateID: f.required("update_id"), message: f.optional("message"),
            editedMessage: f.optional("edited_message"), callbackQuery: f.optional("callback_query"),
            myChatMember: f.optional("my_chat_member"))
    }
}

extension CallbackQuery: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            id: f.required("id"), from: f.required("from"), message: f.optional("message"),
            inlineMessageID: f.optional("inline_message_id"), chatInstance: f.optional("chat_instance"),
            data: f.optional("data"))
    }
}

extension MaybeInaccessibleMessage: JSONObjectReadable {
    /// Like the decoder: `date` is required, and 0 marks the message inaccessible.
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        let date: Int64 = try f.required("date")
        self = date == 0 ? .inaccessible(try InaccessibleMessage(fields: f)) : .accessible(try Message(fields: f))
    }
}

extension InaccessibleMessage: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(chat: f.required("chat"), messageID: f.required("message_id"))
        date = try f.required("date")
    }
}

extension ChatMemberUpdated: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(
            chat: f.required("chat"), from: f.required("from"), date: f.required("date"),
            oldChatMember: f.required("old_chat_member"), newChatMember: f.required("new_chat_member"))
    }
}

extension ChatMember: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(status: f.required("status"), user: f.required("user"))
    }
}

extension UpdateBatch: JSONNodeReadable {
    /// All updates or nothing: a batch with an unreadable update goes to `JSONDecoder`, which words the
    /// failure for that one update.
    init?(node: JSONNode) {
        guard let updates = [Update](node: node) else { return nil }
        self.init(updates: updates.map { .success($0) })
    }
}
