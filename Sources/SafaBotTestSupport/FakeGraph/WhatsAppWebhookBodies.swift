public import Foundation
import Hashing

/// Webhook notification bodies as Meta posts them, and their signatures, for tests and benchmarks.
public enum WhatsAppWebhookBodies {
    /// The business number the bodies are addressed to (Meta's example values).
    public static let phoneNumberID = "106540352242922"
    public static let displayPhoneNumber = "15550783881"

    /// One inbound message: `type` and its object (e.g. "text", ["body": "…"]).
    public struct Message: Sendable {
        public var from: String
        public var id: String
        public var type: String
        public var content: JSONValue
        public var timestamp: Int

        public init(from: String, id: String, type: String, content: JSONValue, timestamp: Int = 1_750_000_000) {
            self.from = from
            self.id = id
            self.type = type
            self.content = content
            self.timestamp = timestamp
        }

        public static func text(from: String, id: String, _ body: String) -> Message {
            Message(from: from, id: id, type: "text", content: .object(["body": .string(body)]))
        }

        public static func buttonReply(from: String, id: String, payload: String, title: String) -> Message {
            Message(
                from: from, id: id, type: "interactive",
                content: .object([
                    "type": .string("button_reply"),
                    "button_reply": .object(["id": .string(payload), "title": .string(title)]),
                ]))
        }

        public static func listReply(from: String, id: String, payload: String, title: String) -> Message {
            Message(
                from: from, id: id, type: "interactive",
                content: .object([
                    "type": .string("list_reply"),
                    "list_reply": .object(["id": .string(payload), "title": .string(title)]),
                ]))
        }

        var json: JSONValue {
            .object([
                "from": .string(from), "id": .string(id), "timestamp": .string(String(timestamp)),
                "type": .string(type), type: content,
            ])
        }
    }

    /// A notification with `messages`, one change per message sender, all in one entry (as Meta batches).
    public static func body(_ messages: [Message]) -> Data {
        let changes = messages.map { message in
            JSONValue.object([
                "field": .string("messages"),
                "value": .object([
                    "messaging_product": .string("whatsapp"),
                    "metadata": .object([
                        "display_phone_number": .string(displayPhoneNumber), "phone_number_id": .string(phoneNumberID),
                    ]),
                    "contacts": .array([
                        .object(["profile": .object(["name": .string("مستفيد")]), "wa_id": .string(message.from)])
                    ]),
                    "messages": .array([message.json]),
                ]),
            ])
        }
        return JSONValue.object([
            "object": .string("whatsapp_business_account"),
            "entry": .array([.object(["id": .string("419561257915477"), "changes": .array(changes)])]),
        ]).encoded()
    }

    /// `X-Hub-Signature-256` for `body` signed with `appSecret`.
    public static func signature(_ body: Data, appSecret: String) -> String {
        "sha256=" + Hashing.hex(Hashing.hmacSHA256(key: Data(appSecret.utf8), data: body))
    }
}
