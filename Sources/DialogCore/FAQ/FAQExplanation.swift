/// Why a free-text question got its decision: its words, every topic's score and the evidence.
public struct FAQExplanation: Sendable, Equatable, CustomStringConvertible {
    /// One word of the input after normalisation, stemming and the lexicon.
    public struct Token: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A word as written (stemmed).
            case word
            /// A dialect or spelling variant folded to its canonical word by the lexicon.
            case lexicon
            /// Filler: question words, particles, courtesies and the FAQ's `ignore` list.
            case filler
            /// A greeting or thanks phrase.
            case social
        }

        /// The word matched against the bank (stemmed, canonical).
        public var word: String
        /// What the beneficiary wrote for it.
        public var written: String
        public var kind: Kind

        public init(word: String, written: String, kind: Kind) {
            self.word = word
            self.written = written
            self.kind = kind
        }
    }

    /// How one content word of the input was recognised in the bank.
    public struct WordEvidence: Sendable, Equatable {
        public var word: String
        /// The bank's word it counted as (the same word, a verb form, or the corrected spelling); nil if unknown.
        public var bankWord: String?
        public var how: String

        public init(word: String, bankWord: String?, how: String) {
            self.word = word
            self.bankWord = bankWord
            self.how = how
        }
    }

    /// One topic's result.
    public struct TopicScore: Sendable, Equatable {
        public var topicID: String
        public var title: String
        public var score: Double
        /// Bank words and what each added.
        public var contributions: [(word: String, weight: Double)]
        /// The example question of this topic sharing the most weight with the input.
        public var closestExample: String?

        public init(
            topicID: String, title: String, score: Double, contributions: [(word: String, weight: Double)],
            closestExample: String?
        ) {
            self.topicID = topicID
            self.title = title
            self.score = score
            self.contributions = contributions
            self.closestExample = closestExample
        }

        public static func == (a: TopicScore, b: TopicScore) -> Bool {
            a.topicID == b.topicID && a.score == b.score && a.closestExample == b.closestExample
                && a.contributions.map(\.word) == b.contributions.map(\.word)
                && a.contributions.map(\.weight) == b.contributions.map(\.weight)
        }
    }

    public var input: String
    public var tokens: [Token]
    public var words: [WordEvidence]
    /// Topics with a score, best first (the out-of-scope bank as topic `out_of_scope`).
    public var topics: [TopicScore]
    public var decision: FAQDecision
    /// Why the decision was taken, in English (margins and thresholds).
    public var reason: String

    public init(
        input: String, tokens: [Token], words: [WordEvidence], topics: [TopicScore], decision: FAQDecision,
        reason: String
    ) {
        self.input = input
        self.tokens = tokens
        self.words = words
        self.topics = topics
        self.decision = decision
        self.reason = reason
    }

    public var match: FAQMatch? { decision.match }

    /// The decision in a word: `answer <topic>`, `clarify <a|b>`, `out of scope`, `not understood`.
    public var verdict: String {
        switch decision.outcome {
        case .answer(let match): "answer \(match.topic.id)"
        case .clarify(let topics): "clarify " + topics.map(\.id).joined(separator: " | ")
        case .outOfScope: "out of scope"
        case .notUnderstood: "not understood"
        }
    }

    /// A human-readable English report, as printed by `safa-bot explain`.
    public var description: String {
        var lines = ["input: \(input)"]
        let rendered = tokens.map { token -> String in
            switch token.kind {
            case .word: token.word
            case .lexicon: "\(token.word) (lexicon: \"\(token.written)\")"
            case .filler: "[\(token.written)]"
            case .social: "{\(token.written)}"
            }
        }
        lines.append("words: " + (rendered.isEmpty ? "(none)" : rendered.joined(separator: " ")))
        lines.append("  ([…] filler, never decides a topic; {…} greeting or thanks)")
        for word in words where word.bankWord != word.word {
            lines.append("  \(word.word): \(word.how)")
        }
        lines.append("decision: \(verdict)" + (decision.greeting.map { " (greets back: \($0.id))" } ?? ""))
        lines.append("why: \(reason)")
        for topic in topics.prefix(5) {
            lines.append("  \(topic.topicID) \"\(topic.title)\": \(Self.format(topic.score))")
            let parts = topic.contributions.map { "\($0.word) +\(Self.format($0.weight))" }
            lines.append("    words: " + parts.joined(separator: ", "))
            if let example = topic.closestExample { lines.append("    closest example: \(example)") }
        }
        if topics.count > 5 { lines.append("  \(topics.count - 5) more topic(s) with a lower score") }
        if case .answer = decision.outcome {
        } else {
            lines.append(
                "to fix a miss: add this question (or a shorter form of it) to the right topic's \"examples\" in faq.json"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(describing: scaled)
    }
}
