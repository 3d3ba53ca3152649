#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Following a request up from another phone or channel: its reference number, then the last four digits of
/// the applicant's national ID, with a limit on wrong tries so references cannot be guessed one by one.
extension DialogEngine {
    /// A valid reference number typed at a menu or a question of the FAQ ("رقم طلبي ١٢٣ ٤٥٦ ٧٨٩ وين وصل؟"):
    /// asks for the last four digits; true when it took the message.
    func startFollowUpByReference(_ text: String, _ turn: inout Turn) -> Bool {
        guard requestByReference != nil, settings.requests?.lookupPrompt != nil else { return false }
        switch turn.state.phase {
        case .choosing, .inquiring: break
        default: return false
        }
        guard let reference = Self.reference(in: text) else { return false }
        // One of this conversation's own requests needs no proof: show the list straight away.
        if turn.state.requests.contains(where: { $0.reference == reference }), let found = requestByReference?(reference) {
            sayFound(found, &turn)
            enter(settings.mainMenu, &turn)
            return true
        }
        if let limit = limitReached(turn.state, now: turn.now) {
            turn.say(limit)
            ask(&turn)
            return true
        }
        if let node = turn.state.node { turn.state.suspended = SuspendedQuestion(node: node, phase: turn.state.phase) }
        turn.state.phase = .confirmingApplicant(reference: reference)
        turn.state.attempts = 0
        ask(&turn)
        return true
    }

    /// The last four digits: right shows the request's status, wrong counts against the hourly limit.
    func confirmApplicant(for reference: String, _ turn: inout Turn) {
        guard let texts = settings.requests, let lookup = requestByReference else {
            return enter(settings.mainMenu, &turn)
        }
        guard case .text(let text) = turn.event.content else {
            turn.say(settings.texts.unexpectedAttachment)
            return ask(&turn)
        }
        let digits = String(ArabicText.normalizeInput(text).filter { $0.isASCII && $0.isNumber })
        let found = lookup(reference)
        if digits.count == 4, let found, let id = found.applicantID, id.hasSuffix(digits) {
            turn.state.suspended = nil
            sayFound(found, &turn)
            enter(settings.mainMenu, &turn)
            return
        }
        turn.state.lookupFailures = (recentFailures(turn.state, now: turn.now) + [turn.now])
        turn.state.suspended = nil
        if let limit = limitReached(turn.state, now: turn.now) {
            turn.say(limit)
        } else if let wrong = texts.lookupWrong {
            turn.say(wrong)
        }
        enter(settings.mainMenu, &turn)
    }

    private func sayFound(_ found: OpenRequest, _ turn: inout Turn) {
        guard let texts = settings.requests, let text = texts.lookupFound else { return }
        turn.say(
            Template.render(
                text,
                [
                    "reference": ReferenceNumber.display(found.reference),
                    "submitted": RiyadhDay(found.submittedAt).description,
                    "status": texts.statuses[found.status] ?? found.status,
                ]))
    }

    private func recentFailures(_ state: ConversationState, now: Date) -> [Date] {
        (state.lookupFailures ?? []).filter { now.timeIntervalSince($0) < 3600 }
    }

    /// The limit text when this conversation used up its wrong tries for the hour; nil otherwise.
    private func limitReached(_ state: ConversationState, now: Date) -> String? {
        guard let texts = settings.requests else { return nil }
        let allowed = texts.lookupAttemptsPerHour ?? 3
        return recentFailures(state, now: now).count >= allowed ? (texts.lookupLimit ?? texts.lookupWrong) : nil
    }

    /// The first valid reference number in `text`, written in groups, with dashes or in Arabic digits.
    static func reference(in text: String) -> String? {
        let normalized = ArabicText.normalizeInput(text)
        var digits = ""
        var candidates: [String] = []
        for character in normalized + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if character == " " || character == "-" || character == "\u{00A0}", !digits.isEmpty,
                digits.count < 9
            {
                continue
            } else {
                if !digits.isEmpty { candidates.append(digits) }
                digits = ""
            }
        }
        return candidates.first { ReferenceNumber.isValid($0) }
    }
}
