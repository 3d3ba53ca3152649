public import DialogCore

extension OutboundPayload {
    /// Reads the shape `jsonText()` writes; nil for any other (the caller then uses `JSONDecoder`).
    public init?(json: JSONNode) {
        guard let (name, body) = json.singleCase else { return nil }
        switch name {
        case "message":
            guard let message = body["_0"], let text = message["text"]?.string, let list = message["buttons"]?.array
            else { return nil }
            var buttons: [Button] = []
            for item in list {
                guard let payload = item["payload"]?.string, let label = item["label"]?.string else { return nil }
                buttons.append(Button(payload: payload, label: label))
            }
            self = .message(OutgoingMessage(text: text, buttons: buttons))
        case "readReceipt":
            guard let id = body["platformMessageID"]?.string else { return nil }
            self = .readReceipt(platformMessageID: id)
        case "reengage":
            self = .reengage
        case "file":
            guard let file = body["_0"].flatMap(Attachment.init(json:)) else { return nil }
            if body["caption"] != nil && body["caption"]?.string == nil { return nil }
            self = .file(file, caption: body["caption"]?.string)
        default: return nil
        }
    }
}
