#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The working state of one engine step: the conversation being changed and the effects gathered so far.
struct Turn {
    var state: ConversationState
    var effects: [Effect] = []
    let event: Event
    /// The FAQ topics offered with «هل تقصد:» by the previous turn (taken out of the state: an offer lasts
    /// one message).
    let clarifying: [String]?

    var now: Date { event.receivedAt }

    init(state: ConversationState, event: Event) {
        self.state = state
        self.event = event
        self.clarifying = state.clarifying
        self.state.clarifying = nil
    }

    mutating func say(_ text: String, buttons: [Button] = []) {
        effects.append(.send(OutgoingMessage(text: text, buttons: buttons)))
    }
}
