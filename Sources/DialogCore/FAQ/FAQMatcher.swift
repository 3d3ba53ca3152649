/// Picks the FAQ topic a free-text question is about, deterministically and explainably.
///
/// Input and keywords go through the same pipeline: `ArabicText.matchKey`, `ArabicText.stem`, then
/// synonym variants folded to their canonical word. A keyword phrase matches when all its
/// non-stopword words are present, in any order; a topic's score is the sum of its matched keywords'
/// word counts, so longer phrases weigh more; ties go to the topic listed first.
public struct FAQMatcher: Sendable {
    private struct Keyword: Sendable {
        var text: String
        /// Words that must all be present.
        var required: [String]
        /// False for keywords made only of stopwords: they count for the score, not for suggestions.
        var hasContent: Bool
    }

    private struct Topic: Sendable {
        var topic: FAQTopic
        var keywords: [Keyword]
    }

    private let vocabulary: FAQVocabulary
    private let topics: [Topic]
    /// The lowest score that counts as a match.
    public let minimumScore: Int

    /// Precomputes the stemmed, synonym-folded keywords of every topic.
    public init(faq: FAQ, minimumScore: Int = 1) {
        let vocabulary = FAQVocabulary(synonyms: faq.synonyms)
        self.vocabulary = vocabulary
        self.minimumScore = Swift.max(1, minimumScore)
        self.topics = faq.topics.map { topic in
            var seen: Set<[String]> = []
            let keywords = topic.keywords.compactMap { text -> Keyword? in
                let words = vocabulary.tokens(text).map(\.word)
                var unique: [String] = []
                for word in words where !unique.contains(word) { unique.append(word) }
                let content = unique.filter { !vocabulary.isStopword($0) }
                let required = content.isEmpty ? unique : content
                guard !required.isEmpty, seen.insert(required.sorted()).inserted else { return nil }
                return Keyword(text: text, required: required, hasContent: !content.isEmpty)
            }
            return Topic(topic: topic, keywords: keywords)
        }
    }

    /// The best topic for `text`, among `topics` (ids) when given; nil below `minimumScore`.
    public func match(_ text: String, topics: [String] = []) -> FAQMatch? {
        explain(text, topics: topics).match
    }

    /// Every topic's score and evidence for `text`, among `topics` (ids) when given.
    public func explain(_ text: String, topics only: [String] = []) -> FAQExplanation {
        let tokens = vocabulary.tokens(text)
        let candidates = only.isEmpty ? topics : topics.filter { only.contains($0.topic.id) }
        var scores = candidates.map { score($0, tokens: tokens) }
        var best: (index: Int, score: Int)?
        for (index, s) in scores.enumerated() where s.score >= minimumScore && s.score > (best?.score ?? 0) {
            best = (index, s.score)
        }
        let match = best.map { best in
            FAQMatch(
                topic: candidates[best.index].topic, score: best.score,
                matchedKeywords: scores[best.index].hits.map(\.keyword)
            )
        }
        // Stable: equal scores keep the FAQ's order.
        scores = scores.enumerated().sorted { a, b in
            (a.element.score, a.element.partialWords, -a.offset) > (b.element.score, b.element.partialWords, -b.offset)
        }.map(\.element)
        return FAQExplanation(input: text, tokens: tokens, topics: scores, match: match)
    }

    /// Topics worth offering as buttons when nothing matched outright: any whole keyword or any
    /// keyword word present, best first, at most `limit`.
    public func suggestions(_ text: String, limit: Int = 3, topics only: [String] = []) -> [FAQTopic] {
        let ranked = explain(text, topics: only).topics.filter { $0.score > 0 || $0.partialWords > 0 }
        return ranked.prefix(Swift.max(0, limit)).compactMap { score in
            topics.first { $0.topic.id == score.topicID }?.topic
        }
    }

    private func score(_ topic: Topic, tokens: [FAQExplanation.Token]) -> FAQExplanation.TopicScore {
        var hits: [FAQExplanation.KeywordHit] = []
        var present: Set<String> = []
        for keyword in topic.keywords {
            var words: [FAQExplanation.WordHit] = []
            for required in keyword.required {
                guard let hit = Self.find(required, in: tokens) else { continue }
                words.append(hit)
                if keyword.hasContent, !vocabulary.isStopword(required) { present.insert(required) }
            }
            if words.count == keyword.required.count {
                hits.append(FAQExplanation.KeywordHit(keyword: keyword.text, weight: words.count, words: words))
            }
        }
        return FAQExplanation.TopicScore(
            topicID: topic.topic.id, title: topic.topic.title, score: hits.reduce(0) { $0 + $1.weight },
            hits: hits, partialWords: present.count
        )
    }

    /// The first token equal to `word`, else the first that is `word` with a leading verb prefix
    /// (ا ي ت ن: "اتطوع", "يتطوع" for "تطوع"), which stemming leaves alone.
    private static func find(_ word: String, in tokens: [FAQExplanation.Token]) -> FAQExplanation.WordHit? {
        if let token = tokens.first(where: { $0.word == word }) {
            return FAQExplanation.WordHit(keywordWord: word, token: token, viaVerbPrefix: false)
        }
        guard word.count >= 3 else { return nil }
        let prefixed = tokens.first { token in
            token.word.count == word.count + 1 && token.word.dropFirst() == Substring(word)
                && token.word.first.map { "ايتن".contains($0) } == true
        }
        return prefixed.map { FAQExplanation.WordHit(keywordWord: word, token: $0, viaVerbPrefix: true) }
    }
}
