/// The topic chosen for a free-text question, with the evidence for choosing it.
public struct FAQMatch: Sendable, Equatable {
    public var topic: FAQTopic
    /// Sum over matched keywords of their word count (stopwords not counted).
    public var score: Int
    /// The topic's keywords that matched, as the admin wrote them, in the topic's order.
    public var matchedKeywords: [String]

    public init(topic: FAQTopic, score: Int, matchedKeywords: [String]) {
        self.topic = topic
        self.score = score
        self.matchedKeywords = matchedKeywords
    }
}
