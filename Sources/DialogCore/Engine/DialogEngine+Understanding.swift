/// Free text understood wherever it makes sense: at menus (the main menu included), at a survey, in the
/// inquiry flow, and when a typed field's answer is refused but reads as a question.
extension DialogEngine {
    /// Where free text arrived, which decides what a miss does.
    enum FreeTextPlace {
        /// A menu or survey: a miss counts as a failed answer ("not understood", then an officer).
        case choice
        /// A typed field whose validation failed: only a confident answer or a clarification takes over;
        /// anything else is left to the field's own error.
        case field
    }

    /// The option id prefix of a «هل تقصد:» button.
    static let clarifyPrefix = "~faq."

    /// Handles a press on a «هل تقصد:» button, or the title of one typed; true when it did.
    func answerClarification(_ turn: inout Turn) -> Bool {
        guard let offered = turn.clarifying else { return false }
        let options = faq.topics(offered).map { topic in
            Option(id: Self.clarifyPrefix + topic.id, label: topic.title)
        }
        let chosen: Option?
        switch turn.event.content {
        case .button(let payload):
            guard isCurrent(payload, turn.state), let colon = payload.firstIndex(of: ":") else { return false }
            let id = String(payload[payload.index(after: colon)...])
            chosen = options.first { $0.id == id }
        case .text(let text):
            chosen = ChoiceMatcher.match(text, options: options)
        default:
            chosen = nil
        }
        guard let chosen, let topic = faq.topics([String(chosen.id.dropFirst(Self.clarifyPrefix.count))]).first
        else { return false }
        var next: NodeRef?
        if case .inquiring = turn.state.phase, let ref = turn.state.node, let node = bundle.node(ref),
            case .inquiry(let inquiry) = node.body
        {
            next = NodeRef(inquiry.next, in: ref.flow)
        }
        give(topic, greeting: nil, then: next, &turn)
        return true
    }

    /// Tries to understand `text` typed at the current question; true when it answered, clarified or
    /// declined (the question is then asked again), false when nothing was understood and the caller
    /// should treat the text as it would have without understanding.
    func understand(_ text: String, at place: FreeTextPlace, _ turn: inout Turn) -> Bool {
        respond(to: faq.decide(text), text, at: place, &turn)
    }

    /// Acts on a decision already taken for `text`; see `understand`.
    func respond(to decision: FAQDecision, _ text: String, at place: FreeTextPlace, _ turn: inout Turn) -> Bool {
        switch decision.outcome {
        case .answer(let match):
            if place == .field && !Self.readsAsQuestion(text) { return false }
            give(match.topic, greeting: decision.greeting, then: nil, &turn)
            return true
        case .clarify(let topics):
            if place == .field && !Self.readsAsQuestion(text) { return false }
            clarify(topics, greeting: decision.greeting, &turn)
            return true
        case .outOfScope:
            if place == .field { return false }
            turn.say(faq.faq.replies.outOfScope)
            ask(&turn)
            return true
        case .notUnderstood:
            return false
        }
    }

    /// Answers `topic` and asks the current question again, or follows the topic's `goto`; `next` (in the
    /// inquiry flow) goes on from there instead of asking again.
    func give(_ topic: FAQTopic, greeting: FAQTopic?, then next: NodeRef?, _ turn: inout Turn) {
        let flow = turn.state.node?.flow ?? settings.mainMenu.flow
        if let goto = topic.goto {
            if let greetBack = greeting?.greetBack { turn.say(greetBack) }
            turn.state.attempts = 0
            enter(NodeRef(goto, in: flow), &turn)
            return
        }
        var text = render(topic.answer, in: flow, turn.state)
        if let greetBack = greeting?.greetBack { text = greetBack + "\n" + text }
        turn.say(text)
        turn.state.attempts = 0
        if let next {
            enter(next, &turn)
        } else {
            ask(&turn)
        }
    }

    /// «هل تقصد:» with the close topics as buttons; the current question stays open underneath.
    func clarify(_ topics: [FAQTopic], greeting: FAQTopic?, _ turn: inout Turn) {
        var text = faq.faq.replies.clarify
        if let greetBack = greeting?.greetBack { text = greetBack + "\n" + text }
        // The buttons share the open question's number, so its own buttons stay valid too.
        let buttons = topics.map { topic in
            Button(payload: "\(turn.state.promptSequence):\(Self.clarifyPrefix)\(topic.id)", label: topic.title)
        }
        turn.state.clarifying = topics.map(\.id)
        turn.say(text, buttons: buttons)
    }

    /// A refused field answer is taken as a question only when it reads as one: a question mark or a
    /// question word ("ما عندي دخل" at an income field stays an answer the field refuses).
    static func readsAsQuestion(_ text: String) -> Bool {
        if text.contains("?") || text.contains("؟") { return true }
        return ArabicText.words(text).contains { questionWords.contains($0) }
    }

    /// Question words as `ArabicText.words` spells them, standard and Gulf ("ما" is left out: it also negates).
    static let questionWords: Set<String> = [
        "وش", "ايش", "شو", "شنو", "ماذا", "كيف", "شلون", "متي", "امتي", "وين", "اين", "فين", "ليش", "لماذا", "ليه",
        "هل",
        "كم", "مين", "منو", "يعني", "معني", "وشو",
    ]

    /// Whether typed text names an option exactly (its label, a synonym or its number), so no question
    /// understanding should come first.
    func namesOptionExactly(_ text: String, _ options: [Option]) -> Bool {
        let key = ArabicText.stems(text).joined(separator: " ")
        if FieldValidator.isASCIIDigits(key) { return true }
        return options.contains { $0.matchKeys.contains(key) }
    }
}
