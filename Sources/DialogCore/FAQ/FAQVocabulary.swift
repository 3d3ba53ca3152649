/// The words of FAQ matching: the dialect lexicon, filler words, and the phrases of social topics.
///
/// Everything is compared as `ArabicText.lightStem` of `ArabicText.words`, so "الأوراق" and "اوراقي" are
/// one word, and a lexicon variant written with or without hamza, article or suffix still maps to its
/// canonical word.
struct FAQVocabulary: Sendable {
    /// A variant (one or more words) and the canonical words it stands for.
    struct Rule: Sendable {
        var variant: [String]
        var canonical: [String]
    }

    /// A greeting or thanks phrase and the social topic it belongs to.
    struct SocialPhrase: Sendable {
        var words: [String]
        var topic: Int
    }

    /// Rules keyed by their variant's first word, longest variant first so multi-word variants win.
    private var rules: [String: [Rule]] = [:]
    /// One-word lexicon variants and their one-word canonical form, for spelling-mistake lookup.
    private(set) var aliases: [(variant: String, canonical: String)] = []
    /// Social phrases keyed by their first word, longest first.
    private var social: [String: [SocialPhrase]] = [:]
    private var stopwords: Set<String>
    private var fillerWritten: Set<String>
    /// Stems of every filler word: a lexicon word that folds to one ("تبون" → "تريدون") is filler.
    private var fillerCanonical: Set<String>

    /// `topics` are the FAQ's topics, by index; social ones lend their keywords and examples as phrases.
    init(synonyms: [String: [String]], ignore: [String] = [], topics: [FAQTopic] = []) {
        var seen: Set<[String]> = []
        // Sorted keys: a variant listed under two canonical words maps to the first, every time.
        for canonicalText in synonyms.keys.sorted() {
            let canonical = Self.stems(canonicalText)
            guard !canonical.isEmpty else { continue }
            for variantText in synonyms[canonicalText] ?? [] {
                let variant = Self.stems(variantText)
                guard let first = variant.first, variant != canonical, seen.insert(variant).inserted else { continue }
                rules[first, default: []].append(Rule(variant: variant, canonical: canonical))
                if variant.count == 1, canonical.count == 1 { aliases.append((first, canonical[0])) }
            }
        }
        for key in rules.keys { rules[key]?.sort { $0.variant.count > $1.variant.count } }
        // A filler word is recognised as written; its stem only stands for it when stemming left it as it
        // was ("بخصوص" is filler, but its stem "خصوص" is also the stem of "خصوصيه").
        var surfaces: Set<String> = []
        var stems: Set<String> = []
        var allStems: Set<String> = []
        for word in Self.builtinStopwords + ignore {
            for written in ArabicText.words(word) {
                surfaces.insert(written)
                let stem = ArabicText.lightStem(written)
                if stem == written { stems.insert(stem) }
                allStems.insert(stem)
            }
        }
        fillerWritten = surfaces
        stopwords = stems
        fillerCanonical = allStems
        for (index, topic) in topics.enumerated() where topic.social {
            for phrase in topic.keywords + topic.examples {
                let words = Self.stems(phrase)
                guard let first = words.first else { continue }
                social[first, default: []].append(SocialPhrase(words: words, topic: index))
            }
        }
        for key in social.keys { social[key]?.sort { $0.words.count > $1.words.count } }
    }

    static func stems(_ text: String) -> [String] {
        ArabicText.words(text).map(ArabicText.lightStem)
    }

    /// A message taken apart: its words after the lexicon, which of them decide a topic, and the social
    /// topics (greetings, thanks) it contains.
    struct Analysis: Sendable {
        var tokens: [FAQExplanation.Token] = []
        /// Indexes into `tokens` of the words that may decide a topic (not filler, not greetings).
        var content: [Int] = []
        /// Social topics found, by index, in order of appearance.
        var socialTopics: [Int] = []
    }

    func analyse(_ text: String) -> Analysis {
        let written = ArabicText.words(text)
        let words = written.map(ArabicText.lightStem)
        var analysis = Analysis()
        var i = 0
        while i < words.count {
            if let phrase = social[words[i]]?.first(where: { matches($0.words, words, at: i) }) {
                if !analysis.socialTopics.contains(phrase.topic) { analysis.socialTopics.append(phrase.topic) }
                let variant = written[i..<(i + phrase.words.count)].joined(separator: " ")
                analysis.tokens.append(FAQExplanation.Token(word: variant, written: variant, kind: .social))
                i += phrase.words.count
                continue
            }
            if let rule = rules[words[i]]?.first(where: { matches($0.variant, words, at: i) }) {
                let variant = written[i..<(i + rule.variant.count)].joined(separator: " ")
                for word in rule.canonical {
                    append(FAQExplanation.Token(word: word, written: variant, kind: .lexicon), to: &analysis)
                }
                i += rule.variant.count
                continue
            }
            let kind: FAQExplanation.Token.Kind = fillerWritten.contains(written[i]) ? .filler : .word
            append(FAQExplanation.Token(word: words[i], written: written[i], kind: kind), to: &analysis)
            i += 1
        }
        return analysis
    }

    private func append(_ token: FAQExplanation.Token, to analysis: inout Analysis) {
        var token = token
        let filler =
            token.kind == .filler || stopwords.contains(token.word)
            || (token.kind == .lexicon && fillerCanonical.contains(token.word))
        if filler || token.word.isEmpty {
            token.kind = .filler
        } else if !analysis.content.contains(where: { analysis.tokens[$0].word == token.word }) {
            analysis.content.append(analysis.tokens.count)
        }
        analysis.tokens.append(token)
    }

    private func matches(_ phrase: [String], _ words: [String], at i: Int) -> Bool {
        guard i + phrase.count <= words.count else { return false }
        for k in 0..<phrase.count where words[i + k] != phrase[k] { return false }
        return true
    }

    /// True for words that carry no topic on their own.
    func isStopword(_ word: String) -> Bool {
        stopwords.contains(word) || fillerWritten.contains(word)
    }

    /// Question words, particles, pronouns, courtesies and "I want": they never decide a topic. Admins add
    /// more under `ignore` in faq.json.
    static let builtinStopwords: [String] = [
        // Question words, standard and Gulf.
        "ماذا", "هل", "ايش", "وش", "شو",
        "من", "ما", "اي", "أي", "ايه", "وشو",
        // Prepositions, conjunctions, particles.
        "في", "فى", "على", "عن", "إلى", "الى", "مع", "و", "او", "أو", "ثم", "بس", "ان", "أن", "إن", "اذا", "إذا",
        "لو", "قد", "لا", "لم", "لن", "يا", "عند", "عندي", "عندكم", "لي", "لكم", "فيه", "فيها", "به", "بها", "ولا",
        "الا", "حتى", "كل", "اللي", "الي", "يعني", "طيب", "تكفى", "تكفون", "الله", "والله", "ان شاء الله",
        // Pronouns and demonstratives.
        "انا", "أنا", "انت", "أنت", "انتم", "هو", "هي", "احنا", "نحن", "هذا", "هذه", "هذي", "ذلك", "تلك", "الذي",
        "التي", "معكم", "منكم", "عليكم", "فيكم", "لكم", "لنا", "عندنا", "منا", "معي", "مني", "علي", "عليه", "عليها",
        "له",
        "لها", "منه", "منها", "معه", "معها", "عنده", "عندها", "عندك", "لك", "منك", "عليك", "فيك", "معك", "حقت",
        "حقكم", "هنا", "هناك", "كان", "يكون", "صار", "اصير", "يصير", "تصير", "سوي", "اسوي", "يسوي", "تسوي", "تسوون",
        // Courtesy and wanting.
        "سمحت", "لوسمحت", "فضلك", "فضلا", "ممكن", "اريد", "أريد", "ابغى", "أبغى", "ابي", "أبي", "ودي", "حاب", "ابغا",
    ]
}
