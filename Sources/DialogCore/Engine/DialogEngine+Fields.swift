extension DialogEngine {
    /// Validates an answer to field `index` of the current form, stores it, and moves on.
    func answerField(index: Int, editing: Bool, _ turn: inout Turn) {
        guard let (formRef, form) = formContext(turn.state), let field = form.fields[safe: index] else {
            return enter(settings.mainMenu, &turn)
        }
        switch value(for: field, turn) {
        case .success(let value):
            turn.state.forms[formRef.description, default: [:]][field.id] = value
            turn.state.attempts = 0
            if field.type == .nationalID, case .text(let id) = value, offerOpenRequest(applicantID: id, form: formRef, &turn) {
                return
            }
            // An edited answer may change what was attested to. An attestation that kept its data stays, and
            // submission compares (and asks to attest again when they differ); an older one is dropped.
            if editing, turn.state.attestations[formRef.description]?.data == nil {
                turn.state.attestations[formRef.description] = nil
            }
            if editing {
                turn.state.phase = .reviewing
                ask(&turn)
            } else if index + 1 < form.fields.count {
                turn.state.phase = .field(index: index + 1, editing: false)
                ask(&turn)
            } else {
                enter(NodeRef(form.next, in: formRef.flow), &turn)
            }
        case .failure(let failure):
            // A question asked instead of the answer ("وش يعني رقم الآيبان؟"): answer it, ask again.
            // A free-text field (a name, a description) is never taken over: there the text is the answer.
            if field.type != .text, case .text(let text) = turn.event.content, understand(text, at: .field, &turn) {
                return
            }
            let reason = Template.render(text(for: failure, field: field), failure.templateValues)
            turn.state.attempts += 1
            let maxAttempts = field.maxAttempts ?? settings.maxAttempts
            if turn.state.attempts >= maxAttempts, let node = turn.state.node {
                if let exhausted = field.onExhausted {
                    enter(NodeRef(exhausted, in: formRef.flow), &turn)
                } else {
                    turn.say(reason)
                    offerOfficer(
                        settings.officer, suspending: SuspendedQuestion(node: node, phase: turn.state.phase), &turn)
                }
                return
            }
            turn.say(reason)
            ask(&turn)
        }
    }

    /// The most specific text for a refused answer: the field's own, the bot-wide one, the field's generic error.
    func text(for failure: ValidationFailure, field: FormField) -> String {
        field.errors[failure.code] ?? settings.validation[failure.code] ?? field.error ?? settings.texts.noMatch
    }

    private func value(for field: FormField, _ turn: Turn) -> Result<FieldValue, ValidationFailure> {
        if !field.required {
            // Only the button or its exact label skips: a typed "1" may be a real answer.
            switch turn.event.content {
            case .button(let payload) where payload.hasSuffix(":" + Special.skip): return .success(.skipped)
            case .text(let text) where ArabicText.matchKey(text) == ArabicText.matchKey(settings.texts.skip):
                return .success(.skipped)
            default: break
            }
        }
        switch (field.type, turn.event.content) {
        case (.photo, .attachment(let file)), (.document, .attachment(let file)):
            // A photographed paper is a fine supporting document; a document is not a photo.
            if field.type == .photo && file.kind != .photo { return .failure(.expectedAttachment) }
            return .success(.attachments([file]))
        case (.photo, _), (.document, _):
            return .failure(.expectedAttachment)
        case (.location, .location(let latitude, let longitude)):
            return .success(.location(latitude: latitude, longitude: longitude))
        case (.yesNo, _) where field.options.isEmpty:
            guard case .text(let text) = turn.event.content else { return .failure(.expectedText) }
            return FieldValidator.validate(text, field: field)
        case (.choice, _), (.yesNo, _):
            switch resolve(field.options, turn) {
            case .option(let option):
                if field.type == .yesNo {
                    return .success(.yesNo(option.id == "yes"))
                }
                return .success(.choice(id: option.id, label: option.label))
            case .notText: return .failure(.expectedText)
            case .stale, .noMatch:
                if field.type == .yesNo, case .text(let text) = turn.event.content {
                    return FieldValidator.validate(text, field: field)
                }
                return .failure(.unknownChoice)
            }
        case (_, .text(let text)):
            return FieldValidator.validate(text, field: field)
        case (_, .button):
            return .failure(.unknownChoice)
        case (_, .start), (_, .attachment), (_, .location), (_, .unsupported), (_, .handBack), (_, .requestStatus):
            return .failure(.expectedText)
        }
    }
}
