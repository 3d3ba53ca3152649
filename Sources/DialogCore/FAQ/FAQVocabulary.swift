/// The words of FAQ matching: synonym variants folded to their canonical word, and stopwords.
///
/// Everything is compared as `ArabicText.stems`, so "الأوراق" and "اوراق" are one word, and a
/// synonym variant written with or without hamza or article still maps to its canonical word.
struct FAQVocabulary: Sendable {
    /// A variant (one or more words) and the canonical words it stands for.
    struct Rule: Sendable {
        var variant: [String]
        var canonical: [String]
    }

    /// Rules keyed by their variant's first word, longest variant first so multi-word variants win.
    private var rules: [String: [Rule]] = [:]

    init(synonyms: [String: [String]]) {
        var seen: Set<[String]> = []
        // Sorted keys: a variant listed under two canonical words maps to the first, every time.
        for canonicalText in synonyms.keys.sorted() {
            let canonical = ArabicText.stems(canonicalText)
            guard !canonical.isEmpty else { continue }
            for variantText in synonyms[canonicalText] ?? [] {
                let variant = ArabicText.stems(variantText)
                guard let first = variant.first, variant != canonical, seen.insert(variant).inserted else { continue }
                rules[first, default: []].append(Rule(variant: variant, canonical: canonical))
            }
        }
        for key in rules.keys { rules[key]?.sort { $0.variant.count > $1.variant.count } }
    }

    /// The stemmed words of `text` with every synonym variant replaced by its canonical words.
    func tokens(_ text: String) -> [FAQExplanation.Token] {
        let written = ArabicText.words(text)
        let words = written.map(ArabicText.stem)
        var out: [FAQExplanation.Token] = []
        var i = 0
        while i < words.count {
            let rule = rules[words[i]]?.first { rule in
                i + rule.variant.count <= words.count
                    && Array(words[i..<(i + rule.variant.count)]) == rule.variant
            }
            if let rule {
                let variant = written[i..<(i + rule.variant.count)].joined(separator: " ")
                out += rule.canonical.map { FAQExplanation.Token(word: $0, written: variant, viaSynonym: true) }
                i += rule.variant.count
            } else {
                out.append(FAQExplanation.Token(word: words[i], written: written[i], viaSynonym: false))
                i += 1
            }
        }
        return out
    }

    /// True for words that carry no topic on their own: question words, prepositions, pronouns,
    /// courtesies and "I want". They are dropped from keyword phrases ("التسجيل في الجمعية" needs
    /// only "تسجيل" and "جمعيه"), so "متى" or "وش" alone never matches a topic — unless a topic lists
    /// a keyword made only of such words, which then must be present as written.
    func isStopword(_ word: String) -> Bool {
        Self.stopwords.contains(word)
    }

    static let stopwords: Set<String> = Set(
        [
            // Question words, standard and Gulf.
            "ماذا", "متى", "كيف", "هل", "لماذا", "ليش", "ليه", "وين", "أين", "كم", "ايش", "وش", "شو", "منو", "مين",
            "من", "ما", "امتى", "شلون", "اي", "أي",
            // Prepositions, conjunctions, particles.
            "في", "فى", "على", "عن", "إلى", "الى", "مع", "و", "او", "أو", "ثم", "بس", "ان", "أن", "إن", "اذا", "إذا",
            "لو", "قد", "لا", "لم", "لن", "يا", "عند", "عندي", "عندكم", "لي", "لكم", "فيه", "فيها", "به", "بها",
            // Pronouns and demonstratives.
            "انا", "أنا", "انت", "أنت", "انتم", "هو", "هي", "احنا", "نحن", "هذا", "هذه", "هذي", "ذلك", "تلك", "اللي",
            "الذي", "التي",
            // Courtesy and wanting.
            "سمحت", "فضلك", "فضلا", "فضلاً", "شكرا", "شكراً", "السلام", "عليكم", "مرحبا", "اهلا", "أهلا", "ممكن",
            "اريد", "أريد", "ابغى", "أبغى", "ابي", "أبي", "ودي", "حاب", "ابغا",
        ].flatMap(ArabicText.stems)
    )
}
