import DialogCore
import Foundation
import SafaBotTestSupport
import WhatsAppChannel

extension ExpectedReplies {
    /// The texts of the Graph API sends (text bodies, interactive bodies) WhatsApp shows for `inputs` typed
    /// into a new conversation, reference numbers normalised.
    static func whatsappTexts(for inputs: [String], user: String, bundle: DialogBundle) throws -> [String] {
        let engine = DialogEngine(bundle: bundle)
        let renderer = WhatsAppRenderer()
        var state = ConversationState()
        var texts: [String] = []
        for (index, input) in inputs.enumerated() {
            let result = engine.step(state, Event(.text(input), receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            for case .send(let message) in result.effects {
                texts += try renderer.render(message, to: user).parts.compactMap(\.bodyText).map(normalized)
            }
        }
        return texts
    }
}

extension GraphMessage {
    /// The words the user reads: a text's body or an interactive message's body.
    var bodyText: String? {
        switch self {
        case .text(_, let body), .buttons(_, let body, _), .list(_, let body, _, _): body
        default: nil
        }
    }
}
