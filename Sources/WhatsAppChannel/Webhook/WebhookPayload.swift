public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What one webhook body carries: `entry[] → changes[] → value{messages[], statuses[], errors[]}`, every
/// array walked in full (Meta batches several entries, changes and messages in one body).
public struct WebhookPayload: Sendable, Equatable {
    public var messages: [InboundMessage] = []
    public var statuses: [MessageStatus] = []
    /// Asynchronous errors about the business number (`value.errors[]`), e.g. 130429.
    public var errors: [GraphErrorSummary] = []
    /// Messages or statuses without the fields needed to act on them (an id, a sender), skipped.
    public var skipped = 0

    public init() {}

    /// Reads a parsed body; nil when it is not a WhatsApp Business Account notification at all.
    public init?(_ root: JSONNode) {
        guard let entries = root["entry"]?.array else { return nil }
        for entry in entries {
            for change in entry["changes"]?.array ?? [] {
                // Only `messages` changes carry conversations; account updates and the like are not ours.
                guard change["field"]?.string == "messages", let value = change["value"] else { continue }
                read(value)
            }
        }
    }

    private mutating func read(_ value: JSONNode) {
        let contacts = value["contacts"]?.array ?? []
        for node in value["messages"]?.array ?? [] {
            if let message = InboundMessage(node, contacts: contacts) {
                messages.append(message)
            } else {
                skipped += 1
            }
        }
        for node in value["statuses"]?.array ?? [] {
            if let status = MessageStatus(node) { statuses.append(status) } else { skipped += 1 }
        }
        for node in value["errors"]?.array ?? [] { errors.append(GraphErrorSummary(node)) }
    }
}

/// A message a user sent.
public struct InboundMessage: Sendable, Equatable {
    /// The wamid: unique per message, the dedupe key and what a read receipt names.
    public var id: String
    /// Who sent it: the `wa_id` (phone number), or the business-scoped user id when no number is given.
    public var user: String
    /// When the user sent it (`timestamp`, Unix seconds as a string), if readable.
    public var sentAt: Date?
    public var content: Content

    public enum Content: Sendable, Equatable {
        case text(String)
        /// A reply button (`interactive.button_reply`) or list row (`interactive.list_reply`) pressed.
        case reply(id: String, title: String)
        /// A template's quick-reply button (`type: "button"`, a different shape from reply buttons).
        case templateButton(payload: String, text: String)
        case media(Media)
        case location(latitude: Double, longitude: Double)
        /// Anything the bot cannot read (audio, sticker, reaction, contacts, video, `unsupported`); `kind`
        /// is the message type.
        case other(kind: String)
        /// A `system` message (the user changed number…): nothing to answer.
        case system
    }

    /// An image or document: the bytes stay at Meta until fetched by `id`.
    public struct Media: Sendable, Equatable {
        public var kind: Attachment.Kind
        public var id: String
        public var mimeType: String?
        /// As Meta sent it: base64 in webhooks, hex in some media-URL answers.
        public var sha256: String?
        public var caption: String?
        public var fileName: String?
    }

    init?(_ node: JSONNode, contacts: [JSONNode]) {
        guard let id = node["id"]?.string, !id.isEmpty, let type = node["type"]?.string else { return nil }
        let from = node["from"]?.string ?? ""
        // A user who adopted a username may arrive without a phone number: then the business-scoped id.
        let user =
            !from.isEmpty ? from : node["from_user_id"]?.string ?? (contacts.count == 1 ? contacts[0]["user_id"]?.string : nil)
        guard let user, !user.isEmpty else { return nil }
        self.id = id
        self.user = user
        sentAt = node["timestamp"]?.string.flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))
        switch type {
        case "text":
            content = .text(node["text"]?["body"]?.string ?? "")
        case "interactive":
            let interactive = node["interactive"]
            let reply = interactive?["button_reply"] ?? interactive?["list_reply"]
            if let replyID = reply?["id"]?.string {
                content = .reply(id: replyID, title: reply?["title"]?.string ?? "")
            } else {
                content = .other(kind: "interactive:" + (interactive?["type"]?.string ?? "?"))
            }
        case "button":
            content = .templateButton(
                payload: node["button"]?["payload"]?.string ?? "", text: node["button"]?["text"]?.string ?? "")
        case "image", "document":
            guard let media = node[type], let mediaID = media["id"]?.string else { return nil }
            content = .media(
                Media(
                    kind: type == "image" ? .photo : .document, id: mediaID, mimeType: media["mime_type"]?.string,
                    sha256: media["sha256"]?.string, caption: media["caption"]?.string,
                    fileName: media["filename"]?.string))
        case "location":
            if let latitude = node["location"]?["latitude"]?.double,
                let longitude = node["location"]?["longitude"]?.double
            {
                content = .location(latitude: latitude, longitude: longitude)
            } else {
                content = .other(kind: "location")
            }
        case "system":
            content = .system
        default:
            content = .other(kind: type)
        }
    }
}

/// What became of a message the bot sent (`statuses[]`): sent, delivered, read, failed.
public struct MessageStatus: Sendable, Equatable {
    /// The wamid of the bot's message.
    public var messageID: String
    public var status: String
    public var recipient: String?
    public var errors: [GraphErrorSummary]

    init?(_ node: JSONNode) {
        guard let id = node["id"]?.string, let status = node["status"]?.string else { return nil }
        messageID = id
        self.status = status
        recipient = node["recipient_id"]?.string
        errors = (node["errors"]?.array ?? []).map(GraphErrorSummary.init)
    }
}

/// An error as webhooks report it: a code and a title, for logs and the outbox record.
public struct GraphErrorSummary: Sendable, Equatable, CustomStringConvertible {
    public var code: Int?
    public var title: String

    init(_ node: JSONNode) {
        code = node["code"]?.int
        title = node["title"]?.string ?? node["message"]?.string ?? ""
    }

    public var description: String { "\(code.map(String.init) ?? "?") \(title)" }
}
