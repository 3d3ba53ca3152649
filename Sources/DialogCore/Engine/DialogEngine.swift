#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The pure dialog engine: `(state, event) → (state, effects)` over a loaded `DialogBundle`.
///
/// No I/O happens here: time and a unique sequence number come with the event, and everything the
/// outside world must do comes back as `Effect` values, committed with the new state by the runtime.
public struct DialogEngine: Sendable {
    public let bundle: DialogBundle
    let faq: FAQMatcher
    let commands: CommandWords
    let options: EngineOptions
    /// Whether officers are at work at a time (the officers' working hours); nil means always.
    /// A pure function of the event's time, so the step stays deterministic.
    let isWorkingTime: (@Sendable (Date) -> Bool)?
    /// Finds an applicant's open request, so a second one is not submitted silently; nil: no check.
    let openRequest: OpenRequestLookup?
    /// Finds a request by reference for follow-up from another phone or channel; nil: not offered.
    let requestByReference: RequestByReference?

    /// Automatic steps (messages, submissions) allowed in one turn before the engine assumes a loop.
    static let maxAutomaticSteps = 64

    public init(
        bundle: DialogBundle, isWorkingTime: (@Sendable (Date) -> Bool)? = nil, openRequest: OpenRequestLookup? = nil,
        requestByReference: RequestByReference? = nil
    ) {
        self.openRequest = openRequest
        self.requestByReference = requestByReference
        self.bundle = bundle
        self.faq = FAQMatcher(faq: bundle.faq)
        self.commands = CommandWords(bundle.settings.commands)
        self.options = EngineOptions(bundle)
        self.isWorkingTime = isWorkingTime
    }

    public var settings: BotSettings { bundle.settings }

    /// Runs one event through the conversation.
    public func step(_ state: ConversationState, _ event: Event) -> StepResult {
        var turn = Turn(state: state, event: event)
        if turn.state.dialogVersion == nil { turn.state.dialogVersion = bundle.version }
        handle(&turn)
        // A notice from the association is not the beneficiary's activity (it must not reset their idle time).
        if case .requestStatus = event.content {} else { turn.state.lastActivity = event.receivedAt }
        return StepResult(state: turn.state, effects: turn.effects)
    }

    private func handle(_ turn: inout Turn) {
        if case .start = turn.event.content {
            turn.state.suspended = nil
            turn.state.trail = []
            leaveQueueIfWaiting(&turn)
            enter(settings.start, &turn)
            return
        }
        if case .requestStatus(let reference, let status, let reason) = turn.event.content {
            tellStatus(reference: reference, status: status, reason: reason, &turn)
            return
        }
        if case .handBack(let node, let survey) = turn.event.content {
            handBack(to: node, survey: survey, &turn)
            return
        }
        if case .fresh = turn.state.phase {
            enter(settings.start, &turn)
            return
        }
        if isIdle(turn.state, now: turn.now) {
            startOverAfterIdle(&turn)
            return
        }
        if case .withOfficer(let queue) = turn.state.phase {
            handleWhileWithOfficer(queue: queue, &turn)
            return
        }
        if let command = command(in: turn) {
            run(command, &turn)
            return
        }
        if case .text(let text) = turn.event.content, startFollowUpByReference(text, &turn) { return }
        if case .unsupported = turn.event.content {
            turn.say(settings.texts.unsupportedMessage ?? settings.texts.unexpectedAttachment)
            ask(&turn)
            return
        }
        guard let ref = turn.state.node, let node = bundle.node(ref) else {
            // The node vanished (a reload removed it): start over rather than get stuck.
            enter(settings.mainMenu, &turn)
            return
        }
        answer(node, at: ref, &turn)
    }

    // MARK: - Idle

    func isIdle(_ state: ConversationState, now: Date) -> Bool {
        guard let last = state.lastActivity, settings.idleTimeoutMinutes > 0 else { return false }
        switch state.phase {
        // An officer's conversation, and information an officer asked for, are answered days later as often
        // as minutes later: neither starts over for a pause.
        case .withOfficer, .addingInformation: return false
        default: return now.timeIntervalSince(last) > Double(settings.idleTimeoutMinutes) * 60
        }
    }

    /// A long pause: an unfinished form is offered for resumption, anything else starts over at the main menu.
    private func startOverAfterIdle(_ turn: inout Turn) {
        if turn.state.isInForm, let node = turn.state.node {
            let suspended = turn.state.suspended ?? SuspendedQuestion(node: node, phase: turn.state.phase)
            turn.state.suspended = suspended
            turn.state.phase = .offeringResume
            turn.state.attempts = 0
            ask(&turn)
            return
        }
        turn.state.suspended = nil
        turn.state.trail = []
        // What they typed may already be a choice from the main menu.
        turn.state.node = settings.mainMenu
        turn.state.phase = .choosing
        if let node = bundle.node(settings.mainMenu), case .menu(_, let options) = node.body,
            let option = chosenOption(options, turn), let goto = option.goto
        {
            enter(NodeRef(goto, in: settings.mainMenu.flow), &turn)
        } else {
            enter(settings.mainMenu, &turn)
        }
    }

    // MARK: - Officer

    private func handleWhileWithOfficer(queue: String, _ turn: inout Turn) {
        if let command = command(in: turn), command == .mainMenu || command == .cancel {
            turn.effects.append(.leaveQueue(queue: queue))
            turn.say(settings.texts.cancelled)
            enter(settings.mainMenu, &turn)
            return
        }
        turn.effects.append(.relayToOfficer(turn.event.content))
    }

    /// The officer is done: the bot speaks again, where the officer chose, with the collected data kept.
    private func handBack(to node: String?, survey: Bool, _ turn: inout Turn) {
        guard case .withOfficer = turn.state.phase else { return }
        turn.state.suspended = nil
        if let handedBack = settings.texts.handedBack { turn.say(handedBack) }
        // Only a node that asks the beneficiary something: handing back to a submission (or any automatic
        // node) would act for them; such a target falls back to the main menu.
        let target = node.flatMap { NodeRef(qualified: $0) }.flatMap {
            bundle.node($0)?.body.asksBeneficiary == true ? $0 : nil
        }
        if survey, let surveyRef = settings.survey {
            // The survey first; then on to where the officer chose.
            turn.state.afterSurvey = target
            enter(surveyRef, &turn)
        } else {
            resume(at: target ?? settings.mainMenu, &turn)
        }
    }

    /// Enters `ref`; a form already partly answered continues at its first unanswered field.
    func resume(at ref: NodeRef, _ turn: inout Turn) {
        if let target = bundle.node(ref), case .form(let form) = target.body,
            let data = turn.state.forms[ref.description], !data.isEmpty
        {
            if let index = form.fields.firstIndex(where: { data[$0.id] == nil }) {
                wait(at: ref, .field(index: index, editing: false), &turn)
            } else {
                enter(NodeRef(form.next, in: ref.flow), &turn)
            }
            return
        }
        enter(ref, &turn)
    }

    private func leaveQueueIfWaiting(_ turn: inout Turn) {
        if case .withOfficer(let queue) = turn.state.phase {
            turn.effects.append(.leaveQueue(queue: queue))
        }
    }
}
