/// Why a free-text question matched a topic, or why none: tokens, every topic's score and its evidence.
public struct FAQExplanation: Sendable, Equatable, CustomStringConvertible {
    /// One word of the input after normalisation, stemming and synonym folding.
    public struct Token: Sendable, Equatable {
        /// The word matched against keywords (stemmed, canonical).
        public var word: String
        /// What the beneficiary wrote for it (its match key; a multi-word variant for a synonym).
        public var written: String
        /// True when `written` is a synonym variant mapped to `word`.
        public var viaSynonym: Bool

        public init(word: String, written: String, viaSynonym: Bool) {
            self.word = word
            self.written = written
            self.viaSynonym = viaSynonym
        }
    }

    /// How one word of a keyword was found in the input.
    public struct WordHit: Sendable, Equatable {
        /// The keyword's word (stemmed, canonical).
        public var keywordWord: String
        /// The input token that supplied it.
        public var token: Token
        /// True when the input word is the keyword word with a leading verb prefix (ا ي ت ن): "اتطوع" for "تطوع".
        public var viaVerbPrefix: Bool

        public init(keywordWord: String, token: Token, viaVerbPrefix: Bool) {
            self.keywordWord = keywordWord
            self.token = token
            self.viaVerbPrefix = viaVerbPrefix
        }
    }

    /// A keyword of a topic that matched, with its weight and word-by-word evidence.
    public struct KeywordHit: Sendable, Equatable {
        public var keyword: String
        public var weight: Int
        public var words: [WordHit]

        public init(keyword: String, weight: Int, words: [WordHit]) {
            self.keyword = keyword
            self.weight = weight
            self.words = words
        }
    }

    /// One topic's result.
    public struct TopicScore: Sendable, Equatable {
        public var topicID: String
        public var title: String
        public var score: Int
        public var hits: [KeywordHit]
        /// Distinct non-stopword keyword words present in the input, whole phrase or not (for suggestions).
        public var partialWords: Int

        public init(topicID: String, title: String, score: Int, hits: [KeywordHit], partialWords: Int) {
            self.topicID = topicID
            self.title = title
            self.score = score
            self.hits = hits
            self.partialWords = partialWords
        }
    }

    public var input: String
    public var tokens: [Token]
    /// Every topic considered, best first; ties keep the FAQ's order.
    public var topics: [TopicScore]
    /// What `FAQMatcher.match` returns for the same input.
    public var match: FAQMatch?

    public init(input: String, tokens: [Token], topics: [TopicScore], match: FAQMatch?) {
        self.input = input
        self.tokens = tokens
        self.topics = topics
        self.match = match
    }

    /// A human-readable English report, as printed by `safa-bot explain`.
    public var description: String {
        var lines = ["input: \(input)"]
        let rendered = tokens.map { $0.viaSynonym ? "\($0.word) (synonym of \"\($0.written)\")" : $0.word }
        lines.append("tokens: " + (rendered.isEmpty ? "(none)" : rendered.joined(separator: ", ")))
        if let match {
            let keywords = match.matchedKeywords.map { "\"\($0)\"" }.joined(separator: ", ")
            lines.append("match: \(match.topic.id) (score \(match.score); keywords \(keywords))")
        } else {
            lines.append("match: none (no topic reached score 1)")
        }
        let considered = topics.filter { $0.score > 0 || $0.partialWords > 0 }
        for topic in considered {
            lines.append(
                "  topic \(topic.topicID) \"\(topic.title)\": score \(topic.score)"
                    + (topic.score == 0 ? ", \(topic.partialWords) keyword word(s) present but no whole keyword" : ""))
            for hit in topic.hits {
                let evidence = hit.words.map(Self.describe).joined(separator: "; ")
                lines.append("    + \"\(hit.keyword)\" weight \(hit.weight): \(evidence)")
            }
        }
        let silent = topics.count - considered.count
        if silent > 0 { lines.append("  \(silent) other topic(s): no keyword word present") }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ hit: WordHit) -> String {
        var text = hit.keywordWord
        if hit.token.viaSynonym {
            text += " via synonym \"\(hit.token.written)\""
        } else if hit.viaVerbPrefix {
            text += " via verb form \"\(hit.token.written)\""
        }
        return text
    }
}
