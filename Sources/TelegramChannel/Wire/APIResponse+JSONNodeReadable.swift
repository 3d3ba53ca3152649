import DialogCore

extension APIResponse {
    /// Every key the envelope reads (`parameters` included).
    static var keysRead: Set<String> {
        ["ok", "result", "description", "error_code", "parameters", "migrate_to_chat_id", "retry_after"]
    }

    /// The envelope read from a parsed node, mirroring the `Decodable` conformance; `readResult` maps the
    /// `result` member and returns nil when it is not the expected shape. Nil when anything is off.
    init?(node: JSONNode, readResult: (JSONNode) -> T?) {
        guard let f = JSONFields(node) else { return nil }
        do throws(JSONShapeMismatch) {
            ok = try f.required("ok")
            description = try f.optional("description")
            errorCode = try f.optional("error_code")
            parameters = try f.optional("parameters")
        } catch {
            return nil
        }
        if let member = f.members["result"], member != .null {
            guard let value = readResult(member) else { return nil }
            result = value
        } else {
            result = nil
        }
    }
}

extension ResponseParameters: JSONObjectReadable {
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(migrateToChatID: f.optional("migrate_to_chat_id"), retryAfter: f.optional("retry_after"))
    }
}

extension MessageID: JSONObjectReadable {
    static var keysRead: Set<String>? { ["message_id"] }

    /// sendMessage and the media sends answer a whole Message; like the decoder, read only its id.
    init(fields f: JSONFields) throws(JSONShapeMismatch) {
        try self.init(messageID: f.required("message_id"))
    }
}
