extension DialogEngine {
    /// Special option ids; a `~` never appears in an admin's option id (the linter allows [A-Za-z0-9_-]).
    enum Special {
        static let skip = "~skip"
        static let confirm = "~confirm"
        static let edit = "~edit"
        static let accept = "~accept"
        static let decline = "~decline"
        static let yes = "~yes"
        static let no = "~no"
        static let fieldPrefix = "~f."
        static let done = "~done"
    }

    /// Asks the current question again (or for the first time), with fresh buttons.
    func ask(_ turn: inout Turn) {
        // Every question gets a new number, so buttons of any earlier message are recognised as old.
        turn.state.promptSequence += 1
        if let question = currentQuestion(turn.state) { turn.effects.append(.send(question)) }
    }

    /// The question the conversation waits on, as last asked (its buttons still current); nil when none.
    ///
    /// Channels use it to show the question again, e.g. when a terminal conversation is resumed.
    public func currentQuestion(_ state: ConversationState) -> OutgoingMessage? {
        guard let ref = state.node, let node = bundle.node(ref), let text = questionText(node, at: ref, state) else {
            return nil
        }
        let buttons = currentOptions(state).map { Button(payload: "\(state.promptSequence):\($0.id)", label: $0.label) }
        return OutgoingMessage(text: text, buttons: buttons)
    }

    func questionText(_ node: Node, at ref: NodeRef, _ state: ConversationState) -> String? {
        switch (state.phase, node.body) {
        case (.offeringOfficer, _): return settings.texts.offerOfficer
        case (.offeringResume, _): return settings.texts.resumePrompt
        case (.confirmingApplicant, _): return settings.requests?.lookupPrompt
        case (.addingInformation(let reference), _):
            return settings.requests.map {
                Template.render($0.needsInfoPrompt, ["reference": ReferenceNumber.display(reference)])
            }
        case (.choosing, .menu(let text, _)): return render(text, in: ref.flow, state)
        case (.choosing, .survey(let survey)): return render(survey.text, in: ref.flow, state)
        case (.inquiring, .inquiry(let inquiry)): return render(inquiry.text, in: ref.flow, state)
        case (.field(let index, _), _):
            guard let field = formContext(state)?.form.fields[safe: index] else { return nil }
            return render(field.prompt, in: ref.flow, state)
        case (.reviewing, .review(let review)): return reviewText(review, at: ref, state)
        case (.pickingFieldToEdit, .review(let review)): return render(review.editPrompt, in: ref.flow, state)
        case (.attesting, .attestation(let attestation)): return render(attestation.statement, in: ref.flow, state)
        default: return nil
        }
    }

    /// The options the current question offers, as buttons and as words the beneficiary may type.
    func currentOptions(_ state: ConversationState) -> [Option] {
        guard let ref = state.node, let node = bundle.node(ref) else { return [] }
        switch (state.phase, node.body) {
        case (.offeringOfficer, _): return options.offerOfficer
        case (.offeringResume, _): return options.resume
        case (.addingInformation, _): return settings.requests.map { [Option(id: Special.done, label: $0.needsInfoDone)] } ?? []
        case (.choosing, .menu(_, let options)): return options
        case (.choosing, .survey(let survey)): return survey.options
        case (.field(let index, _), _):
            guard let field = formContext(state)?.form.fields[safe: index] else { return [] }
            var choices = (field.type == .choice || field.type == .yesNo) ? field.options : []
            if !field.required { choices.append(options.skip) }
            return choices
        case (.reviewing, .review), (.attesting, .attestation):
            return options.byNode[ref.description] ?? []
        case (.pickingFieldToEdit, _):
            guard let form = formContext(state)?.ref else { return [] }
            return options.fieldPickers[form.description] ?? []
        default:
            return []
        }
    }

    /// The review: its heading, then one line per field the beneficiary can check.
    func reviewText(_ review: ReviewNode, at ref: NodeRef, _ state: ConversationState) -> String {
        let formRef = NodeRef(review.form, in: ref.flow)
        var lines = [render(review.text, in: ref.flow, state)]
        for entry in entries(ofForm: formRef, state) {
            let value = entry.value.display
            lines.append("• \(entry.label): " + (Template.needsIsolation(value) ? ArabicText.isolate(value) : value))
        }
        return lines.joined(separator: "\n")
    }

    /// The form whose fields the current phase is about: the form node itself, or the form a review edits.
    func formContext(_ state: ConversationState) -> (ref: NodeRef, form: FormNode)? {
        guard let ref = currentFormRef(state), let node = bundle.node(ref), case .form(let form) = node.body else {
            return nil
        }
        return (ref, form)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension DialogEngine {
    /// The form field the conversation is asking for, if it is asking one (for channels and simulators).
    public func currentField(_ state: ConversationState) -> FormField? {
        guard case .field(let index, _) = state.phase else { return nil }
        return formContext(state)?.form.fields[safe: index]
    }
}
