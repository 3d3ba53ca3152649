/// The FAQ from `dialogs/faq.json`: topics answered from free text, and synonyms admins can extend.
public struct FAQ: Sendable, Equatable, Codable {
    public var version: Int
    /// Each key is a canonical word; its values are the other ways people write it (Gulf dialect, spelling).
    public var synonyms: [String: [String]]
    public var topics: [FAQTopic]

    public init(version: Int = 1, synonyms: [String: [String]] = [:], topics: [FAQTopic]) {
        self.version = version
        self.synonyms = synonyms
        self.topics = topics
    }
}

/// One question topic: the words that signal it and the answer.
public struct FAQTopic: Sendable, Equatable, Codable {
    public var id: String
    /// Short title, shown as a suggestion button when several topics are close.
    public var title: String
    /// Keywords or short phrases; a phrase matches when all its words are present.
    public var keywords: [String]
    public var answer: String
    /// Instead of answering, go to this node (e.g. a handoff to the social research officer).
    public var goto: String?

    public init(id: String, title: String, keywords: [String], answer: String, goto: String? = nil) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.answer = answer
        self.goto = goto
    }
}
