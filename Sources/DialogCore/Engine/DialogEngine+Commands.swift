extension DialogEngine {
    /// The global command in this event's text, if any. Button presses are never commands.
    func command(in turn: Turn) -> GlobalCommand? {
        guard case .text(let text) = turn.event.content else { return nil }
        let allowDigits: Bool
        switch turn.state.phase {
        case .field, .choosing, .pickingFieldToEdit: allowDigits = false
        default: allowDigits = true
        }
        return commands.command(for: text, allowDigits: allowDigits)
    }

    func run(_ command: GlobalCommand, _ turn: inout Turn) {
        switch command {
        case .mainMenu:
            turn.state.suspended = nil
            enter(settings.mainMenu, &turn)
        case .cancel:
            if let form = currentFormRef(turn.state) {
                turn.state.forms[form.description] = nil
                turn.state.attestations[form.description] = nil
            }
            turn.state.suspended = nil
            turn.say(settings.texts.cancelled)
            enter(settings.mainMenu, &turn)
        case .officer:
            turn.state.suspended = nil
            enter(settings.officer, &turn)
        case .back:
            goBack(&turn)
        }
    }

    /// Back to the previous question: the previous field inside a form, otherwise the previous node asked.
    func goBack(_ turn: inout Turn) {
        turn.state.attempts = 0
        if case .field(let index, false) = turn.state.phase, index > 0 {
            turn.state.phase = .field(index: index - 1, editing: false)
            ask(&turn)
            return
        }
        if case .offeringOfficer = turn.state.phase, let suspended = turn.state.suspended {
            restore(suspended, &turn)
            return
        }
        if turn.state.trail.count >= 2 {
            turn.state.trail.removeLast()
            let previous = turn.state.trail.removeLast()
            enter(previous, &turn)
            return
        }
        turn.say(settings.texts.nothingToGoBack)
        ask(&turn)
    }

    /// The form the conversation is filling in, reviewing or attesting, if any.
    func currentFormRef(_ state: ConversationState) -> NodeRef? {
        guard let ref = state.node, let node = bundle.node(ref) else { return nil }
        switch node.body {
        case .form: return ref
        case .review(let review): return NodeRef(review.form, in: ref.flow)
        case .attestation(let attestation): return NodeRef(attestation.form, in: ref.flow)
        default: return nil
        }
    }

    func restore(_ suspended: SuspendedQuestion, _ turn: inout Turn) {
        turn.state.suspended = nil
        turn.state.node = suspended.node
        turn.state.phase = suspended.phase
        turn.state.attempts = 0
        ask(&turn)
    }
}
