public import DialogCore

/// Fits channel-neutral messages to WhatsApp's limits.
///
/// Options become, in this order of preference: reply buttons (up to 3, every title ≤20 characters as
/// written), a list message (up to 10 rows; a title that does not fit is shortened at a word and the whole
/// label goes in the row description), or a numbered text menu (more options, or labels too long even for
/// a description), whose typed numbers the channel maps back to the options (``NumberedMenus``).
public struct WhatsAppRenderer: Sendable {
    /// The label of the button that opens a list: "الخيارات" (the options).
    public var listButton: String
    /// The line under a numbered menu.
    public var numberedMenuHint: String

    public init(listButton: String = "الخيارات", numberedMenuHint: String = "أرسل رقم الخيار الذي تريده.") {
        self.listButton = WhatsAppText.shorten(listButton, to: WhatsApp.maxListButtonLength)
        self.numberedMenuHint = numberedMenuHint
    }

    /// How a message goes out: its requests in order, and the option payloads by number when it ends in a
    /// numbered menu.
    public struct Rendering: Sendable, Equatable {
        public var parts: [GraphMessage]
        /// Payloads of a numbered menu, in the order shown (1-based on screen); nil when the message has
        /// buttons, a list or no options.
        public var numberedMenu: [String]?
    }

    /// How `message` is shown to `to`.
    public func render(_ message: OutgoingMessage, to: String) throws(WhatsAppRenderError) -> Rendering {
        let buttons = message.buttons.filter { !$0.label.allSatisfy(\.isWhitespace) }
        for button in buttons where button.payload.isEmpty || button.payload.count > WhatsApp.maxOptionIDLength {
            throw .badOptionID(button.payload)
        }
        switch Self.layout(for: buttons) {
        case .none:
            let parts = WhatsAppText.split(message.text, limit: WhatsApp.maxTextLength)
            guard !parts.isEmpty else { throw .emptyText }
            return Rendering(parts: parts.map { .text(to: to, body: $0) }, numberedMenu: nil)
        case .buttons:
            let (lead, body) = try Self.leadAndBody(message.text)
            let replies = buttons.map {
                GraphMessage.ReplyButton(id: $0.payload, title: WhatsAppText.shorten($0.label, to: 20))
            }
            return Rendering(
                parts: lead.map { .text(to: to, body: $0) } + [.buttons(to: to, body: body, buttons: replies)],
                numberedMenu: nil)
        case .list:
            let (lead, body) = try Self.leadAndBody(message.text)
            let rows = buttons.map { button in
                let title = WhatsAppText.shorten(button.label, to: WhatsApp.maxListRowTitleLength)
                let whole = WhatsAppText.trimmed(Substring(button.label))
                return GraphMessage.ListRow(
                    id: button.payload, title: title, description: title == whole ? nil : String(whole))
            }
            return Rendering(
                parts: lead.map { .text(to: to, body: $0) }
                    + [.list(to: to, body: body, button: listButton, rows: rows)],
                numberedMenu: nil)
        case .numbered:
            var text = message.text.isEmpty ? "" : message.text + "\n\n"
            for (index, button) in buttons.enumerated() {
                text += "\(index + 1). \(WhatsAppText.trimmed(Substring(button.label)))\n"
            }
            text += numberedMenuHint
            let parts = WhatsAppText.split(text, limit: WhatsApp.maxTextLength)
            return Rendering(parts: parts.map { .text(to: to, body: $0) }, numberedMenu: buttons.map(\.payload))
        }
    }

    /// The form options take on WhatsApp.
    public enum Layout: Sendable, Equatable {
        case none, buttons, list, numbered
    }

    /// Which form `buttons` take: see the type's description.
    public static func layout(for buttons: [Button]) -> Layout {
        if buttons.isEmpty { return .none }
        let labels = buttons.map { WhatsAppText.trimmed(Substring($0.label)) }
        if buttons.count <= WhatsApp.maxReplyButtons,
            labels.allSatisfy({ WhatsAppText.length($0) <= WhatsApp.maxReplyButtonTitleLength }),
            Set(labels).count == labels.count
        {
            return .buttons
        }
        if buttons.count <= WhatsApp.maxListRows,
            labels.allSatisfy({ WhatsAppText.length($0) <= WhatsApp.maxListRowDescriptionLength })
        {
            return .list
        }
        return .numbered
    }

    /// Labels WhatsApp would show shortened or as a numbered menu instead of buttons or a list, for
    /// `safa-bot check`: each with what happens to it.
    public static func fitWarning(for buttons: [Button]) -> String? {
        let layout = layout(for: buttons)
        let labels = buttons.map { WhatsAppText.trimmed(Substring($0.label)) }
        switch layout {
        case .numbered:
            let long = labels.filter { WhatsAppText.length($0) > WhatsApp.maxListRowDescriptionLength }
            if buttons.count > WhatsApp.maxListRows {
                return "\(buttons.count) options (more than \(WhatsApp.maxListRows)): shown as a numbered text menu"
            }
            return "label \"\(long.first ?? "")\" is longer than \(WhatsApp.maxListRowDescriptionLength) "
                + "characters: the options are shown as a numbered text menu"
        case .list where buttons.count <= WhatsApp.maxReplyButtons:
            let long = labels.filter { WhatsAppText.length($0) > WhatsApp.maxReplyButtonTitleLength }
            guard let first = long.first else { return nil }
            return "label \"\(first)\" is longer than \(WhatsApp.maxReplyButtonTitleLength) characters: "
                + "shown as a list instead of buttons"
        case .list:
            let long = labels.filter { WhatsAppText.length($0) > WhatsApp.maxListRowTitleLength }
            guard let first = long.first else { return nil }
            return "label \"\(first)\" is longer than \(WhatsApp.maxListRowTitleLength) characters: its list row "
                + "shows \"\(WhatsAppText.shorten(String(first), to: WhatsApp.maxListRowTitleLength))\""
        case .none, .buttons:
            return nil
        }
    }

    /// Text sent before an interactive message, and the interactive body (≤1024) that carries the options.
    private static func leadAndBody(_ text: String) throws(WhatsAppRenderError) -> (lead: [String], body: String) {
        var parts = WhatsAppText.split(text, limit: WhatsApp.maxTextLength)
        guard let last = parts.popLast() else {
            // Options without words: the body is required, so it says what they are.
            return ([], "اختر من الخيارات:")
        }
        var tail = WhatsAppText.split(last, limit: WhatsApp.maxInteractiveBodyLength)
        let body = tail.removeLast()
        return (parts + tail, body)
    }
}

/// A message that cannot be shown on WhatsApp at all.
public enum WhatsAppRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyText
    /// An option payload that is empty or longer than a row id may be.
    case badOptionID(String)

    public var description: String {
        switch self {
        case .emptyText: "the message has no text and no options"
        case .badOptionID(let id): "option id \"\(id)\" is empty or longer than \(WhatsApp.maxOptionIDLength)"
        }
    }
}
