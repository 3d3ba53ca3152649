/// The topic chosen for a free-text question, with the evidence for choosing it.
public struct FAQMatch: Sendable, Equatable {
    public var topic: FAQTopic
    /// The topic's score: the sum of its weights for the question's words.
    public var score: Double
    /// The question's words that counted for the topic (stemmed, after the lexicon), strongest first.
    public var matchedWords: [String]

    public init(topic: FAQTopic, score: Double, matchedWords: [String]) {
        self.topic = topic
        self.score = score
        self.matchedWords = matchedWords
    }
}

/// What to do with a free-text message: answer, ask which topic, decline, or say it was not understood.
public struct FAQDecision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// One topic, clearly ahead: answer it (or follow its `goto`).
        case answer(FAQMatch)
        /// Two or three close topics (or one weak one): «هل تقصد:» with them as buttons.
        case clarify([FAQTopic])
        /// Closest to the out-of-scope bank: decline politely.
        case outOfScope
        /// Nothing recognised.
        case notUnderstood
    }

    public var outcome: Outcome
    /// A greeting found alongside a question: greet back once, before the answer.
    public var greeting: FAQTopic?

    public init(outcome: Outcome, greeting: FAQTopic? = nil) {
        self.outcome = outcome
        self.greeting = greeting
    }

    /// The answered topic, if the outcome is an answer.
    public var match: FAQMatch? {
        if case .answer(let match) = outcome { return match }
        return nil
    }
}
