/// Reading the shapes `jsonText()` writes (the synthesized `Codable` shapes) from a parsed `JSONNode`.
/// Each returns nil for any other shape; callers then use `JSONDecoder`.
extension EventContent {
    public init?(json: JSONNode) {
        guard let (name, body) = json.singleCase else { return nil }
        switch name {
        case "start": self = .start
        case "text":
            guard let text = body["_0"]?.string else { return nil }
            self = .text(text)
        case "button":
            guard let payload = body["payload"]?.string else { return nil }
            self = .button(payload: payload)
        case "attachment":
            guard let file = body["_0"].flatMap(Attachment.init(json:)) else { return nil }
            self = .attachment(file)
        case "location":
            guard let latitude = body["latitude"]?.double, let longitude = body["longitude"]?.double else { return nil }
            self = .location(latitude: latitude, longitude: longitude)
        case "unsupported":
            guard let kind = body["kind"]?.string else { return nil }
            self = .unsupported(kind: kind)
        case "handBack":
            guard let survey = body["survey"]?.bool else { return nil }
            let node = body["node"]
            guard node == nil || node?.string != nil else { return nil }
            self = .handBack(node: node?.string, survey: survey)
        case "requestStatus":
            guard let reference = body["reference"]?.string, let status = body["status"]?.string else { return nil }
            let reason = body["reason"]
            guard reason == nil || reason?.string != nil else { return nil }
            self = .requestStatus(reference: reference, status: status, reason: reason?.string)
        default: return nil
        }
    }
}

extension Attachment {
    public init?(json: JSONNode) {
        guard let kindName = json["kind"]?.string, let kind = Kind(rawValue: kindName),
            let fileID = json["fileID"]?.string
        else { return nil }
        for key in ["channel", "fileName", "mimeType"] where json[key] != nil && json[key]?.string == nil {
            return nil
        }
        if json["size"] != nil && json["size"]?.int == nil { return nil }
        // Stored before attachments named their channel: every such file came from Telegram.
        self.init(
            kind: kind, fileID: fileID, channel: json["channel"]?.string ?? Attachment.legacyChannel,
            fileName: json["fileName"]?.string, mimeType: json["mimeType"]?.string, size: json["size"]?.int)
    }
}

extension Dictionary where Key == String, Value == String {
    /// A string-to-string object; nil for anything else.
    public init?(json: JSONNode) {
        guard let members = json.object else { return nil }
        var result: [String: String] = [:]
        for (key, value) in members {
            guard let text = value.string else { return nil }
            result[key] = text
        }
        self = result
    }
}

extension JSONNode {
    /// An enum case as Swift's synthesized `Codable` writes it: `{"name": {…}}`.
    public var singleCase: (name: String, body: JSONNode)? {
        guard let members = object, members.count == 1, let (name, body) = members.first, body.object != nil else {
            return nil
        }
        return (name, body)
    }
}
