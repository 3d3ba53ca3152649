/// A message the bot can no longer read (`InaccessibleMessage`): only its chat and id are known.
public struct InaccessibleMessage: Sendable, Equatable, Codable {
    public var chat: Chat
    public var messageID: Int64
    /// Always 0: that is how Telegram marks the message inaccessible.
    public var date: Int64

    public init(chat: Chat, messageID: Int64) {
        self.chat = chat
        self.messageID = messageID
        self.date = 0
    }

    enum CodingKeys: String, CodingKey {
        case chat
        case messageID = "message_id"
        case date
    }
}

/// The message a button was under (`MaybeInaccessibleMessage`); `date == 0` means inaccessible.
public enum MaybeInaccessibleMessage: Sendable, Equatable, Codable {
    case accessible(Message)
    case inaccessible(InaccessibleMessage)

    /// The chat the message is in.
    public var chat: Chat {
        switch self {
        case .accessible(let m): m.chat
        case .inaccessible(let m): m.chat
        }
    }

    /// The message's id in its chat.
    public var messageID: Int64 {
        switch self {
        case .accessible(let m): m.messageID
        case .inaccessible(let m): m.messageID
        }
    }

    private enum ProbeKeys: String, CodingKey { case date }

    public init(from decoder: any Decoder) throws {
        let probe = try decoder.container(keyedBy: ProbeKeys.self)
        if try probe.decode(Int64.self, forKey: .date) == 0 {
            self = .inaccessible(try InaccessibleMessage(from: decoder))
        } else {
            self = .accessible(try Message(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .accessible(let m): try m.encode(to: encoder)
        case .inaccessible(let m): try m.encode(to: encoder)
        }
    }
}
