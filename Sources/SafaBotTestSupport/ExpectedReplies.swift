public import DialogCore
import Foundation
import TelegramChannel

/// What the pure engine answers to a scripted conversation, as the Telegram texts the bot must send.
public enum ExpectedReplies {
    /// The sendMessage texts (HTML-escaped, reference numbers normalised) for `inputs` typed into a new chat.
    public static func texts(for inputs: [String], chatID: Int64, bundle: DialogBundle) throws -> [String] {
        let engine = DialogEngine(bundle: bundle)
        let renderer = TelegramRenderer()
        var state = ConversationState()
        var texts: [String] = []
        for (index, input) in inputs.enumerated() {
            let content: EventContent = input == "/start" ? .start : .text(input)
            let result = engine.step(state, Event(content, receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            for effect in result.effects {
                guard case .send(let message) = effect else { continue }
                texts += try renderer.render(message, chatID: chatID).map { normalized($0.text) }
            }
        }
        return texts
    }

    /// `text` with reference numbers (`123 456 789`, derived from the inbox row id) replaced by `REF-#`.
    public static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "[0-9]{3}\u{00A0}[0-9]{3}\u{00A0}[0-9]{3}", with: "REF-#", options: .regularExpression)
    }

    /// How the replies one chat received compare with what it should have received.
    public struct Comparison {
        /// Expected replies never received (in order, from the first one missing).
        public var missing: [String] = []
        /// Received replies that are neither the next expected one nor a repeat of the one before.
        public var unexpected: [String] = []
        /// Replies received twice in a row (a send in flight when the bot was killed, sent again).
        public var duplicates = 0
        public var isComplete: Bool { missing.isEmpty && unexpected.isEmpty }
    }

    /// Walks `actual` against `expected`: same order, nothing missing, adjacent repeats counted apart.
    public static func compare(actual: [String], expected: [String]) -> Comparison {
        var comparison = Comparison()
        var next = 0
        for (index, text) in actual.enumerated() {
            if next < expected.count, text == expected[next] {
                next += 1
            } else if index > 0, text == actual[index - 1] {
                comparison.duplicates += 1
            } else {
                comparison.unexpected.append(text)
            }
        }
        comparison.missing = Array(expected[next...])
        return comparison
    }
}
