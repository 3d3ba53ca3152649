/// How an event answers a question that has options.
enum ChoiceInput {
    case option(Option)
    /// A press on a button of an older message.
    case stale
    case noMatch
    /// A file or location where a choice was expected.
    case notText
}

extension DialogEngine {
    /// Handles what the beneficiary sent as an answer to the question at `ref`.
    func answer(_ node: Node, at ref: NodeRef, _ turn: inout Turn) {
        if case .button(let payload) = turn.event.content, !isCurrent(payload, turn.state) {
            turn.say(settings.texts.staleButton)
            ask(&turn)
            return
        }
        if turn.clarifying != nil, answerClarification(&turn) { return }
        switch turn.state.phase {
        case .fresh, .withOfficer:
            enter(settings.start, &turn)
        case .choosing:
            answerChoice(node, at: ref, &turn)
        case .field(let index, let editing):
            answerField(index: index, editing: editing, &turn)
        case .reviewing:
            guard case .review(let review) = node.body else { return enter(settings.mainMenu, &turn) }
            switch resolveYesNo(turn, yes: Special.confirm, no: Special.edit) {
            case .option(let o) where o.id == Special.confirm: enter(NodeRef(review.next, in: ref.flow), &turn)
            case .option:
                turn.state.phase = .pickingFieldToEdit
                ask(&turn)
            default: fail(reason: settings.texts.noMatch, &turn)
            }
        case .pickingFieldToEdit:
            guard case .option(let option) = resolve(currentOptions(turn.state), turn),
                let index = formContext(turn.state)?.form.fields.firstIndex(where: {
                    Special.fieldPrefix + $0.id == option.id
                })
            else { return fail(reason: settings.texts.noMatch, &turn) }
            turn.state.phase = .field(index: index, editing: true)
            turn.state.attempts = 0
            ask(&turn)
        case .attesting:
            guard case .attestation(let attestation) = node.body else { return enter(settings.mainMenu, &turn) }
            switch resolveYesNo(turn, yes: Special.accept, no: Special.decline) {
            case .option(let o) where o.id == Special.accept:
                let formRef = NodeRef(attestation.form, in: ref.flow)
                turn.state.attestations[formRef.description] = Attestation(
                    node: ref, statement: render(attestation.statement, in: ref.flow, turn.state), acceptedAt: turn.now,
                    version: Attestation.currentVersion, answer: answerText(o, turn),
                    platformMessageID: turn.event.platformID,
                    data: AttestedData(entries(ofForm: formRef, turn.state)).canonicalText)
                enter(NodeRef(attestation.next, in: ref.flow), &turn)
            case .option:
                enter(NodeRef(attestation.onDecline, in: ref.flow), &turn)
            default:
                fail(reason: settings.texts.noMatch, &turn)
            }
        case .inquiring:
            guard case .inquiry(let inquiry) = node.body else { return enter(settings.mainMenu, &turn) }
            answerInquiry(inquiry, at: ref, &turn)
        case .offeringOfficer(let target):
            switch resolveYesNo(turn, yes: Special.yes, no: Special.no) {
            case .option(let o) where o.id == Special.yes:
                turn.state.suspended = nil
                enter(target, &turn)
            case .option:
                if let suspended = turn.state.suspended {
                    restore(suspended, &turn)
                } else {
                    enter(settings.mainMenu, &turn)
                }
            default:
                fail(reason: settings.texts.noMatch, &turn)
            }
        case .addingInformation(let reference):
            answerInformation(for: reference, &turn)
        case .confirmingApplicant(let reference):
            confirmApplicant(for: reference, &turn)
        case .offeringResume:
            switch resolveYesNo(turn, yes: Special.yes, no: Special.no) {
            case .option(let o) where o.id == Special.yes:
                if let suspended = turn.state.suspended {
                    restore(suspended, &turn)
                } else {
                    enter(settings.mainMenu, &turn)
                }
            case .option:
                if let form = turn.state.suspended.flatMap({ suspendedForm($0) }) {
                    turn.state.forms[form.description] = nil
                    turn.state.attestations[form.description] = nil
                }
                turn.state.suspended = nil
                enter(settings.mainMenu, &turn)
            default:
                fail(reason: settings.texts.noMatch, &turn)
            }
        }
    }

    private func answerChoice(_ node: Node, at ref: NodeRef, _ turn: inout Turn) {
        switch node.body {
        case .menu(_, let options):
            guard case .option(let option) = resolveOrUnderstand(options, &turn) else { return }
            enter(NodeRef(option.goto ?? settings.mainMenu.description, in: ref.flow), &turn)
        case .survey(let survey):
            guard case .option(let option) = resolveOrUnderstand(survey.options, survey: true, &turn) else { return }
            turn.effects.append(.recordSurvey(SurveyAnswer(node: ref, rating: option.id, answeredAt: turn.now)))
            turn.say(render(survey.thanks, in: ref.flow, turn.state))
            if let after = turn.state.afterSurvey {
                turn.state.afterSurvey = nil
                resume(at: after, &turn)
            } else {
                enter(NodeRef(survey.next, in: ref.flow), &turn)
            }
        default:
            enter(settings.mainMenu, &turn)
        }
    }

    /// What the beneficiary sent to choose `option`, for the record: the words typed, else the button's label.
    func answerText(_ option: Option, _ turn: Turn) -> String {
        if case .text(let text) = turn.event.content { return text }
        return option.label
    }

    /// The option chosen at a menu or survey; otherwise the text is understood as a question (answered,
    /// clarified or declined, then the menu asked again) or counted as a failed answer, and nil returned.
    ///
    /// A label, synonym or number typed exactly is a choice; a longer message is read as a question first,
    /// and only if no topic is clearly meant does a label inside it count as a choice.
    private func resolveOrUnderstand(_ options: [Option], survey: Bool = false, _ turn: inout Turn) -> ChoiceInput? {
        let resolved = resolve(options, turn)
        guard case .text(let text) = turn.event.content, !namesOptionExactly(text, options) else {
            if case .option = resolved { return resolved }
            failChoice(turn.event.content, survey: survey, &turn)
            return nil
        }
        let decision = faq.decide(text)
        if let match = decision.match, !match.topic.social {
            give(match.topic, greeting: decision.greeting, then: nil, &turn)
            return nil
        }
        if case .option = resolved { return resolved }
        if !respond(to: decision, text, at: .choice, &turn) { failChoice(turn.event.content, survey: survey, &turn) }
        return nil
    }

    /// A failed choice; typed text at a menu gets the kind "not understood" that points to the menu and an
    /// officer, at a survey the plain request to choose.
    private func failChoice(_ content: EventContent, survey: Bool = false, _ turn: inout Turn) {
        switch content {
        case .attachment, .location:
            turn.say(settings.texts.unexpectedAttachment)
            ask(&turn)
        case .text where !survey:
            fail(reason: faq.faq.replies.notUnderstood, &turn)
        default:
            fail(reason: settings.texts.noMatch, &turn)
        }
    }

    private func answerInquiry(_ inquiry: InquiryNode, at ref: NodeRef, _ turn: inout Turn) {
        guard case .text(let text) = turn.event.content else {
            turn.say(settings.texts.unexpectedAttachment)
            return ask(&turn)
        }
        let decision = faq.decide(text, topics: inquiry.topics)
        switch decision.outcome {
        case .answer(let match):
            give(match.topic, greeting: decision.greeting, then: NodeRef(inquiry.next, in: ref.flow), &turn)
        case .clarify(let topics):
            clarify(topics, greeting: decision.greeting, &turn)
        case .outOfScope:
            turn.say(faq.faq.replies.outOfScope)
            ask(&turn)
        case .notUnderstood:
            let target = inquiry.onNoMatch.map { NodeRef($0, in: ref.flow) } ?? settings.officer
            fail(
                reason: faq.faq.replies.notUnderstood, maxAttempts: inquiry.maxAttempts, offering: target, &turn)
        }
    }

    // MARK: - Choices

    /// Whether a button payload belongs to the question being asked now.
    func isCurrent(_ payload: String, _ state: ConversationState) -> Bool {
        guard let colon = payload.firstIndex(of: ":"), let sequence = Int(payload[..<colon]) else { return false }
        return sequence == state.promptSequence
    }

    /// Resolves a button press or typed text against `options`.
    func resolve(_ options: [Option], _ turn: Turn) -> ChoiceInput {
        switch turn.event.content {
        case .button(let payload):
            guard isCurrent(payload, turn.state), let colon = payload.firstIndex(of: ":") else { return .stale }
            let id = String(payload[payload.index(after: colon)...])
            return options.first { $0.id == id }.map(ChoiceInput.option) ?? .stale
        case .text(let text):
            return ChoiceMatcher.match(text, options: options).map(ChoiceInput.option) ?? .noMatch
        case .start, .attachment, .location, .unsupported, .handBack, .requestStatus:
            return .notText
        }
    }

    /// Like `resolve`, and also takes a typed yes or no as the first or second option.
    func resolveYesNo(_ turn: Turn, yes: String, no: String) -> ChoiceInput {
        let options = currentOptions(turn.state)
        let resolved = resolve(options, turn)
        guard case .noMatch = resolved, case .text(let text) = turn.event.content, let answer = YesNo.parse(text) else {
            return resolved
        }
        return options.first { $0.id == (answer ? yes : no) }.map(ChoiceInput.option) ?? .noMatch
    }

    /// The option a text or press chooses, ignoring stale presses (used where no re-ask follows).
    func chosenOption(_ options: [Option], _ turn: Turn) -> Option? {
        if case .option(let option) = resolve(options, turn) { return option }
        return nil
    }

    // MARK: - Failures

    /// Counts a failed answer: re-ask with `reason`, or after too many, offer `offering` (an officer by default).
    func fail(reason: String?, maxAttempts: Int? = nil, offering target: NodeRef? = nil, _ turn: inout Turn) {
        turn.state.attempts += 1
        if turn.state.attempts >= (maxAttempts ?? settings.maxAttempts), let node = turn.state.node {
            offerOfficer(
                target ?? settings.officer, suspending: SuspendedQuestion(node: node, phase: turn.state.phase), &turn)
            return
        }
        if let reason { turn.say(reason) }
        ask(&turn)
    }

    func offerOfficer(_ target: NodeRef, suspending question: SuspendedQuestion, _ turn: inout Turn) {
        if case .offeringOfficer = question.phase {
            // Already offering and still not understood: keep the original question.
        } else {
            turn.state.suspended = question
        }
        turn.state.phase = .offeringOfficer(target: target)
        turn.state.attempts = 0
        ask(&turn)
    }

    func suspendedForm(_ suspended: SuspendedQuestion) -> NodeRef? {
        var probe = ConversationState()
        probe.node = suspended.node
        probe.phase = suspended.phase
        return currentFormRef(probe)
    }
}
