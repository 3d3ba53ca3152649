public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the page shows for one mailbox entry: the JSON kept in the mailbox and sent to the page.
public struct WebChatEntry: Codable, Sendable, Equatable {
    /// "bot" (a reply, or a file with `url`), "me" (what the beneficiary sent, echoed so a reload shows it).
    public var type: String
    /// The message, or a file's caption.
    public var text: String?
    /// A file's signed link (``WebChatFiles/link(_:conversation:)``), and its kind ("photo", "document").
    public var url: String?
    public var kind: String?
    /// Every option of the step, as buttons (no platform limit on the web).
    public var buttons: [WebChatButton]?
    /// The page's idempotency key of an echoed message, so the page merges it with what it showed at once.
    public var key: String?

    public init(
        type: String, text: String? = nil, url: String? = nil, kind: String? = nil, buttons: [WebChatButton]? = nil,
        key: String? = nil
    ) {
        self.type = type
        self.text = text
        self.url = url
        self.kind = kind
        self.buttons = buttons
        self.key = key
    }

    /// The JSON text stored in the mailbox.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// One option, as the page shows it and posts it back.
public struct WebChatButton: Codable, Sendable, Equatable {
    public var label: String
    public var payload: String

    public init(label: String, payload: String) {
        self.label = label
        self.payload = payload
    }
}

extension WebChatEntry {
    /// A bot message with every option as a button.
    public init(_ message: OutgoingMessage) {
        self.init(
            type: "bot", text: message.text,
            buttons: message.buttons.isEmpty
                ? nil : message.buttons.map { WebChatButton(label: $0.label, payload: $0.payload) })
    }
}
