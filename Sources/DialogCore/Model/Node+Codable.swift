extension Node: Codable {
    enum CodingKeys: String, CodingKey {
        case id, type, text, next, options, topics, maxAttempts, onNoMatch, intro, fields, form, confirmLabel,
            editLabel, editPrompt, statement, acceptLabel, declineLabel, onDecline, requestType, itemText,
            emptyText, statusTexts, queue, textOutsideHours, reason, thanks
    }

    /// The node types a dialog file may use, for error messages and the schema.
    public static let typeNames = [
        "message", "menu", "inquiry", "form", "review", "attestation", "submit", "status", "handoff", "survey", "end",
    ]

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "message":
            body = .message(
                text: try c.decode(String.self, forKey: .text), next: try c.decode(String.self, forKey: .next))
        case "menu":
            body = .menu(
                text: try c.decode(String.self, forKey: .text),
                options: try c.decode([Option].self, forKey: .options).withDefaultIDs())
        case "inquiry":
            body = .inquiry(try InquiryNode(from: decoder))
        case "form":
            body = .form(try FormNode(from: decoder))
        case "review":
            body = .review(try ReviewNode(from: decoder))
        case "attestation":
            body = .attestation(try AttestationNode(from: decoder))
        case "submit":
            body = .submit(try SubmitNode(from: decoder))
        case "status":
            body = .status(try StatusNode(from: decoder))
        case "handoff":
            body = .handoff(try HandoffNode(from: decoder))
        case "survey":
            var survey = try SurveyNode(from: decoder)
            survey.options = survey.options.withDefaultIDs()
            body = .survey(survey)
        case "end":
            body = .end(text: try c.decodeIfPresent(String.self, forKey: .text))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription:
                    "unknown node type \"\(type)\"; expected one of \(Node.typeNames.joined(separator: ", "))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(body.typeName, forKey: .type)
        switch body {
        case .message(let text, let next):
            try c.encode(text, forKey: .text)
            try c.encode(next, forKey: .next)
        case .menu(let text, let options):
            try c.encode(text, forKey: .text)
            try c.encode(options, forKey: .options)
        case .inquiry(let n): try n.encode(to: encoder)
        case .form(let n): try n.encode(to: encoder)
        case .review(let n): try n.encode(to: encoder)
        case .attestation(let n): try n.encode(to: encoder)
        case .submit(let n): try n.encode(to: encoder)
        case .status(let n): try n.encode(to: encoder)
        case .handoff(let n): try n.encode(to: encoder)
        case .survey(let n): try n.encode(to: encoder)
        case .end(let text): try c.encodeIfPresent(text, forKey: .text)
        }
    }
}

extension InquiryNode {
    enum CodingKeys: String, CodingKey { case text, topics, next, maxAttempts, onNoMatch }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try c.decode(String.self, forKey: .text),
            topics: try c.decodeIfPresent([String].self, forKey: .topics) ?? [],
            next: try c.decode(String.self, forKey: .next),
            maxAttempts: try c.decodeIfPresent(Int.self, forKey: .maxAttempts),
            onNoMatch: try c.decodeIfPresent(String.self, forKey: .onNoMatch))
    }
}
