#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// After submission: notices of status changes, and adding the information an officer asked for.
extension DialogEngine {
    /// An officer changed a request's status: update the follow-up list and tell the beneficiary; for
    /// "needs information", ask for it (unless an officer is already talking with them).
    func tellStatus(reference: String, status: String, reason: String?, _ turn: inout Turn) {
        if let index = turn.state.requests.firstIndex(where: { $0.reference == reference }) {
            turn.state.requests[index].status = status
        }
        guard let texts = settings.requests else { return }
        var text = Template.render(
            texts.statusNotice,
            ["reference": ReferenceNumber.display(reference), "status": texts.statuses[status] ?? status])
        if let reason { text += "\n" + Template.render(texts.reasonLine, ["reason": reason]) }
        turn.say(text)
        guard status == RequestStatus.needsInfo.rawValue else { return }
        switch turn.state.phase {
        case .withOfficer, .fresh: return
        case .offeringOfficer, .offeringResume, .addingInformation: break  // keeps what is already put aside
        default:
            if let node = turn.state.node { turn.state.suspended = SuspendedQuestion(node: node, phase: turn.state.phase) }
        }
        if turn.state.node == nil { turn.state.node = settings.mainMenu }
        turn.state.phase = .addingInformation(reference: reference)
        turn.state.attempts = 0
        ask(&turn)
    }

    /// While adding information: each text, file or location is attached to the request; "done" ends it.
    func answerInformation(for reference: String, _ turn: inout Turn) {
        guard let texts = settings.requests else { return enter(settings.mainMenu, &turn) }
        let options = currentOptions(turn.state)
        switch resolve(options, turn) {
        case .option:
            turn.say(Template.render(texts.needsInfoThanks, ["reference": ReferenceNumber.display(reference)]))
            if let suspended = turn.state.suspended {
                turn.state.suspended = nil
                restore(suspended, &turn)
            } else {
                enter(settings.mainMenu, &turn)
            }
            return
        case .stale:
            turn.say(settings.texts.staleButton)
            ask(&turn)
            return
        case .noMatch, .notText:
            break
        }
        switch turn.event.content {
        case .text, .attachment, .location:
            turn.effects.append(.addInformation(reference: reference, content: turn.event.content))
            turn.state.promptSequence += 1
            let buttons = options.map { Button(payload: "\(turn.state.promptSequence):\($0.id)", label: $0.label) }
            turn.effects.append(.send(OutgoingMessage(text: texts.needsInfoReceived, buttons: buttons)))
        default:
            turn.say(settings.texts.unsupportedMessage ?? settings.texts.unexpectedAttachment)
            ask(&turn)
        }
    }

    /// Template values for the earliest decision date: `decisionDays` after `now`, in Hijri and Gregorian.
    func decisionDateValues(_ now: Date) -> [String: String] {
        let days = settings.requests?.decisionDays ?? 14
        let day = DateParser.riyadhDay(now.addingTimeInterval(Double(days) * 86_400))
        return ["decision_hijri": day.hijri, "decision_gregorian": day.gregorian]
    }
}

extension DialogEngine {
    /// When `applicantID` already has an open request of the type this form submits (from any chat or
    /// channel), says so, drops the new form and lets the beneficiary add information to that request
    /// instead; returns true then. A duplicate is never submitted silently.
    func offerOpenRequest(applicantID: String, form formRef: NodeRef, _ turn: inout Turn) -> Bool {
        guard let lookup = openRequest, let texts = settings.requests, let text = texts.duplicate,
            let requestType = requestType(submitting: formRef),
            let open = lookup(ArabicText.normalizeInput(applicantID), requestType)
        else { return false }
        turn.state.forms[formRef.description] = nil
        turn.state.attestations[formRef.description] = nil
        guard turn.state.requests.contains(where: { $0.reference == open.reference }) else {
            // Typing a national ID proves nothing: another person's request is neither shown nor added to.
            turn.say(texts.duplicateElsewhere ?? Self.duplicateElsewhereDefault)
            turn.state.suspended = nil
            enter(settings.mainMenu, &turn)
            return true
        }
        let values = [
            "reference": ReferenceNumber.display(open.reference),
            "submitted": RiyadhDay(open.submittedAt).description,
            "status": texts.statuses[open.status] ?? open.status,
        ]
        turn.say(Template.render(text, values))
        turn.state.suspended = nil
        turn.state.phase = .addingInformation(reference: open.reference)
        turn.state.attempts = 0
        ask(&turn)
        return true
    }

    static let duplicateElsewhereDefault =
        "يوجد طلب قائم لدى الجمعية مسجّل برقم الهوية هذا، فلا حاجة إلى تقديم طلب جديد. "
        + "إن كان الطلب طلبك فاكتب رقم الطلب لمتابعته، أو اكتب «موظف» للتحدث مع أحد موظفينا."

    /// The request type of the submit node that submits `formRef`, if any (a form without one never duplicates).
    func requestType(submitting formRef: NodeRef) -> String? {
        guard let flow = bundle.flows[formRef.flow] else { return nil }
        for node in flow.nodes {
            if case .submit(let submit) = node.body, NodeRef(submit.form, in: formRef.flow) == formRef {
                return submit.requestType
            }
        }
        return nil
    }
}
