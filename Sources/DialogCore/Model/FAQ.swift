/// The FAQ from `dialogs/faq.json`: topics answered from free text, with the words admins can extend.
public struct FAQ: Sendable, Equatable, Codable {
    public var version: Int
    /// The dialect lexicon: each key is a canonical word; its values are the other ways people write or say
    /// it (Gulf dialect, spelling). Matching folds every variant to its key.
    public var synonyms: [String: [String]]
    /// Filler words that never decide a topic (besides the built-in question words, particles and courtesies).
    public var ignore: [String]
    /// Questions the association does not answer (weather, football, medical advice, other bodies' matters):
    /// a message closest to these is declined politely, never answered with a topic.
    public var outOfScope: [String]
    /// The texts of understanding: clarification, decline, not understood.
    public var replies: FAQReplies
    public var topics: [FAQTopic]

    public init(
        version: Int = 1, synonyms: [String: [String]] = [:], ignore: [String] = [], outOfScope: [String] = [],
        replies: FAQReplies = FAQReplies(), topics: [FAQTopic]
    ) {
        self.version = version
        self.synonyms = synonyms
        self.ignore = ignore
        self.outOfScope = outOfScope
        self.replies = replies
        self.topics = topics
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        synonyms = try c.decodeIfPresent([String: [String]].self, forKey: .synonyms) ?? [:]
        ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
        outOfScope = try c.decodeIfPresent([String].self, forKey: .outOfScope) ?? []
        replies = try c.decodeIfPresent(FAQReplies.self, forKey: .replies) ?? FAQReplies()
        topics = try c.decode([FAQTopic].self, forKey: .topics)
    }
}

/// What the bot says when a free-text message is not answered with a topic.
public struct FAQReplies: Sendable, Equatable, Codable {
    /// Shown above two or three close topics offered as buttons.
    public var clarify: String
    /// A question about something the association does not handle.
    public var outOfScope: String
    /// Nothing understood: offers the main menu and an officer.
    public var notUnderstood: String

    public init(
        clarify: String = "هل تقصد:",
        outOfScope: String = "عذرًا، هذا السؤال خارج ما تختص به الجمعية، فلا أستطيع الإجابة عنه.",
        notUnderstood: String = "عذرًا، لم أجد إجابة عن سؤالك. اختر مما يلي، أو اكتب «موظف» للتحدث مع أحد موظفينا."
    ) {
        self.clarify = clarify
        self.outOfScope = outOfScope
        self.notUnderstood = notUnderstood
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = FAQReplies()
        clarify = try c.decodeIfPresent(String.self, forKey: .clarify) ?? defaults.clarify
        outOfScope = try c.decodeIfPresent(String.self, forKey: .outOfScope) ?? defaults.outOfScope
        notUnderstood = try c.decodeIfPresent(String.self, forKey: .notUnderstood) ?? defaults.notUnderstood
    }
}

/// One question topic: the words and example questions that signal it, and the answer.
public struct FAQTopic: Sendable, Equatable, Codable {
    public var id: String
    /// Short title, shown as a suggestion button when several topics are close.
    public var title: String
    /// Keywords or short phrases that signal the topic; they weigh like example questions.
    public var keywords: [String]
    /// The paraphrase bank: questions as beneficiaries ask them. The more, the better the matching.
    public var examples: [String]
    public var answer: String
    /// Instead of answering, go to this node (e.g. a handoff to the social research officer).
    public var goto: String?
    /// A greeting or thanks: its phrases never decide another topic, and a message made only of them gets
    /// this topic's answer.
    public var social: Bool
    /// For a social topic: the short reply put before the answer when the message also asks a question.
    public var greetBack: String?

    public init(
        id: String, title: String, keywords: [String], examples: [String] = [], answer: String,
        goto: String? = nil, social: Bool = false, greetBack: String? = nil
    ) {
        self.id = id
        self.title = title
        self.keywords = keywords
        self.examples = examples
        self.answer = answer
        self.goto = goto
        self.social = social
        self.greetBack = greetBack
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        examples = try c.decodeIfPresent([String].self, forKey: .examples) ?? []
        answer = try c.decode(String.self, forKey: .answer)
        goto = try c.decodeIfPresent(String.self, forKey: .goto)
        social = try c.decodeIfPresent(Bool.self, forKey: .social) ?? false
        greetBack = try c.decodeIfPresent(String.self, forKey: .greetBack)
    }
}
