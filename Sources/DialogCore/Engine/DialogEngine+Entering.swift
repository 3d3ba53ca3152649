#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DialogEngine {
    /// Enters `start`, running automatic nodes (messages, submissions, status) until one waits for the beneficiary.
    func enter(_ start: NodeRef, _ turn: inout Turn) {
        var ref = start
        for _ in 0..<Self.maxAutomaticSteps {
            guard let node = bundle.node(ref) else {
                // Only reachable with files the linter refused; never strand the beneficiary.
                guard ref != settings.mainMenu else { return }
                ref = settings.mainMenu
                continue
            }
            turn.state.attempts = 0
            switch node.body {
            case .message(let text, let next):
                turn.say(render(text, in: ref.flow, turn.state))
                ref = NodeRef(next, in: ref.flow)
            case .end(let text):
                if let text { turn.say(render(text, in: ref.flow, turn.state)) }
                ref = settings.mainMenu
            case .submit(let submit):
                guard self.submit(submit, at: ref, &turn) else { return }
                ref = NodeRef(submit.next, in: ref.flow)
            case .status(let status):
                showStatus(status, &turn)
                ref = NodeRef(status.next, in: ref.flow)
            case .handoff(let handoff):
                startHandoff(handoff, at: ref, &turn)
                return
            case .menu, .survey:
                wait(at: ref, .choosing, &turn)
                return
            case .inquiry:
                wait(at: ref, .inquiring, &turn)
                return
            case .form(let form):
                turn.state.forms[ref.description] = [:]
                turn.state.attestations[ref.description] = nil
                if let intro = form.intro { turn.say(render(intro, in: ref.flow, turn.state)) }
                wait(at: ref, .field(index: 0, editing: false), &turn)
                return
            case .review:
                wait(at: ref, .reviewing, &turn)
                return
            case .attestation:
                wait(at: ref, .attesting, &turn)
                return
            }
        }
        // A cycle of automatic nodes (the linter reports these): stop at the main menu.
        if start != settings.mainMenu { enter(settings.mainMenu, &turn) }
    }

    /// Makes `ref` the current question and asks it.
    func wait(at ref: NodeRef, _ phase: ConversationState.Phase, _ turn: inout Turn) {
        turn.state.node = ref
        turn.state.phase = phase
        turn.state.attempts = 0
        if turn.state.trail.last != ref { turn.state.trail.append(ref) }
        if turn.state.trail.count > 10 { turn.state.trail.removeFirst(turn.state.trail.count - 10) }
        ask(&turn)
    }

    func startHandoff(_ handoff: HandoffNode, at ref: NodeRef, _ turn: inout Turn) {
        let from = turn.state.node
        let fields = currentFormRef(turn.state).map { entries(ofForm: $0, turn.state) } ?? []
        turn.effects.append(
            .handoff(HandoffRequest(queue: handoff.queue, reason: handoff.reason, from: from, fields: fields)))
        let outside = handoff.textOutsideHours.flatMap { text in isWorkingTime.map { $0(turn.now) ? nil : text } ?? nil
        }
        turn.say(render(outside ?? handoff.text, in: ref.flow, turn.state))
        turn.state.node = ref
        turn.state.phase = .withOfficer(queue: handoff.queue)
        turn.state.suspended = nil
    }

    /// Submits the form; false when it asked for a missing field or a (fresh) attestation instead (the
    /// conversation waits there).
    ///
    /// The engine itself refuses to file an incomplete or unattested request, however the conversation got
    /// here (a dialog file's path, an officer's hand-back, a restored state): every required field must be
    /// answered, and when the flow has an attestation for this form, it must have been given on exactly the
    /// data that is sent.
    func submit(_ submit: SubmitNode, at ref: NodeRef, _ turn: inout Turn) -> Bool {
        let formRef = NodeRef(submit.form, in: ref.flow)
        let data = turn.state.forms[formRef.description] ?? [:]
        if let node = bundle.node(formRef), case .form(let form) = node.body,
            let missing = form.fields.firstIndex(where: { $0.required && data[$0.id] == nil })
        {
            turn.state.attestations[formRef.description] = nil
            if turn.state.forms[formRef.description] == nil { turn.state.forms[formRef.description] = [:] }
            wait(at: formRef, .field(index: missing, editing: false), &turn)
            return false
        }
        // Data that changed after it was attested to (an edit the review missed, a form reused) is never
        // submitted under the old attestation: the beneficiary attests again to what is sent.
        let current = AttestedData(entries(ofForm: formRef, turn.state)).canonicalText
        if let attestation = turn.state.attestations[formRef.description], attestation.data != current {
            turn.state.attestations[formRef.description] = nil
            wait(at: attestation.node, .attesting, &turn)
            return false
        }
        if turn.state.attestations[formRef.description] == nil, let attestationRef = attestationNode(for: formRef) {
            wait(at: attestationRef, .attesting, &turn)
            return false
        }
        let reference = ReferenceNumber.make(sequence: turn.event.sequence)
        let request = SubmittedRequest(
            reference: reference, requestType: submit.requestType, form: formRef,
            fields: entries(ofForm: formRef, turn.state), submittedAt: turn.now,
            attestation: turn.state.attestations[formRef.description])
        turn.effects.append(.submitRequest(request))
        turn.state.requests.append(
            RequestSummary(
                reference: reference, requestType: submit.requestType, submittedAt: turn.now, status: "submitted"))
        var values = templateValues(flow: ref.flow, turn.state)
        values["reference"] = ReferenceNumber.display(reference)
        values.merge(decisionDateValues(turn.now)) { _, new in new }
        turn.say(Template.render(submit.text, values))
        turn.state.forms[formRef.description] = nil
        turn.state.attestations[formRef.description] = nil
        return true
    }

    /// The attestation node of `formRef` in its flow, if the flow has one (the first by id when several).
    func attestationNode(for formRef: NodeRef) -> NodeRef? {
        guard let flow = bundle.flows[formRef.flow] else { return nil }
        return flow.nodes.filter { node in
            if case .attestation(let attestation) = node.body {
                return NodeRef(attestation.form, in: formRef.flow) == formRef
            }
            return false
        }.map { NodeRef(flow: formRef.flow, node: $0.id) }.min { $0.node < $1.node }
    }

    func showStatus(_ status: StatusNode, _ turn: inout Turn) {
        guard !turn.state.requests.isEmpty else {
            turn.say(status.emptyText)
            return
        }
        var lines = [status.text]
        for request in turn.state.requests.suffix(10) {
            let values = [
                "reference": ReferenceNumber.display(request.reference),
                "submitted": RiyadhDay(request.submittedAt).description,
                "status": status.statusTexts?[request.status] ?? request.status,
            ]
            lines.append(Template.render(status.itemText, values))
        }
        turn.say(lines.joined(separator: "\n"))
    }

    /// The collected fields of a form, in the form's order.
    func entries(ofForm formRef: NodeRef, _ state: ConversationState) -> [FieldEntry] {
        guard let node = bundle.node(formRef), case .form(let form) = node.body,
            let data = state.forms[formRef.description]
        else { return [] }
        return form.fields.compactMap { field in
            data[field.id].map { FieldEntry(id: field.id, label: field.label, value: $0, sensitive: field.sensitive) }
        }
    }

    /// Values for `{{…}}`: every collected field of the flow's forms, by `field` and by `form.field`.
    func templateValues(flow: String, _ state: ConversationState) -> [String: String] {
        var values: [String: String] = [:]
        for (formKey, data) in state.forms {
            guard let formRef = NodeRef(qualified: formKey), formRef.flow == flow else { continue }
            for (field, value) in data {
                values[field] = value.display
                values["\(formRef.node).\(field)"] = value.display
            }
        }
        return values
    }

    func render(_ text: String, in flow: String, _ state: ConversationState) -> String {
        Template.hasPlaceholders(text) ? Template.render(text, templateValues(flow: flow, state)) : text
    }

}
