import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The terminal channel: one conversation typed at a keyboard (or piped), on the same durable runtime
/// as the platforms: inbox → engine → store → outbox.
final class TerminalSession {
    let store: any RuntimeStore
    let processor: InboxProcessor
    let key: ConversationKey
    /// Buttons of the last message shown, so "2" or a label presses one.
    private var buttons: [Button] = []
    private let write: (String) -> Void

    init(store: any RuntimeStore, dialogs: DialogHolder, session: String, write: @escaping (String) -> Void) {
        self.store = store
        self.processor = InboxProcessor(store: store, dialogs: dialogs)
        self.key = ConversationKey(channel: "terminal", chat: session)
        self.write = write
    }

    /// Finishes what a previous run left (unprocessed input, unsent replies), then greets or resumes.
    func open(reset: Bool) throws {
        try processor.processPending()
        try deliver()
        let state = try store.conversation(key)
        if reset || state == nil {
            try send(.start)
        } else if let state, let question = processor.dialogs.engine.currentQuestion(state) {
            write("(resumed the saved conversation; /start begins again)")
            show(question)
        } else {
            try send(.start)
        }
    }

    /// Handles one line the user typed.
    func receive(line: String) throws {
        let text = String(line.trimmed)
        guard !text.isEmpty else { return }
        try send(content(for: text))
    }

    /// A number or an exact label presses a button of the last message; anything else is typed text.
    func content(for text: String) -> EventContent {
        if text == "/start" { return .start }
        let digits = ArabicText.normalizeInput(text)
        if let number = Int(digits), buttons.indices.contains(number - 1) {
            return .button(payload: buttons[number - 1].payload)
        }
        if let button = buttons.first(where: { $0.label == text }) { return .button(payload: button.payload) }
        return .text(text)
    }

    private func send(_ content: EventContent) throws {
        let id = "terminal:\(key.chat):\(UUID().uuidString)"
        _ = try store.appendInbound(key: key, platformID: id, content: content, receivedAt: Date(), meta: [:])
        try processor.processPending()
        try deliver()
    }

    /// Prints every due outbox row of this conversation and marks it sent.
    private func deliver() throws {
        while true {
            let due = try store.dueOutbound(now: Date(), limit: 64).filter { $0.key == key }
            if due.isEmpty { return }
            for row in due {
                if case .message(let message) = row.payload { show(message) }
                try store.record(.sent(platformMessageID: nil), forOutbound: row.id, at: Date())
            }
        }
    }

    private func show(_ message: OutgoingMessage) {
        var lines = ["", message.text]
        for (index, button) in message.buttons.enumerated() {
            lines.append("  [\(index + 1)] \(button.label)")
        }
        // Only the latest message's buttons can be pressed by number; a question without buttons takes numbers as text.
        buttons = message.buttons
        write(lines.joined(separator: "\n"))
    }
}
