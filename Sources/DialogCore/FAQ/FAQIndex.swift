/// The precomputed form of the paraphrase bank, built once when the dialogs load: every word of every
/// example (after normalisation, stemming and the lexicon) with its weight for each topic.
///
/// A word's weight for a topic is its informativeness (rarer across all examples → higher) times the share
/// of its use that falls on that topic (its frequency among the topic's examples, relative to the other
/// topics'). A question's score for a topic is the sum over its distinct words.
struct FAQIndex: Sendable {
    /// One word's weights: `topics[k]` gets `weights[k]`.
    struct Posting: Sendable {
        var topics: [Int32]
        var weights: [Float]
        /// How informative the word is on its own (the sum of `weights`).
        var information: Float
    }

    /// Topic slots: the FAQ's topics by index, then one for the out-of-scope bank.
    let slotCount: Int
    var outOfScopeSlot: Int { slotCount - 1 }
    private(set) var terms: [String: Int32] = [:]
    private(set) var words: [String] = []
    private(set) var postings: [Posting] = []
    /// Every spelling the bank knows (its words, and one-word lexicon variants of them) with the word it
    /// stands for, and each spelling of four letters or more with one letter deleted → the spellings it
    /// came from (typo lookup).
    private var spellings: [(text: String, term: Int32)] = []
    private var deletions: [String: [Int32]] = [:]
    private var spellingIndex: [String: Int32] = [:]
    /// Scores scale with the bank: a word's information grows with the log of the number of examples, so
    /// thresholds are multiplied by this (1 for a bank of 500 examples or more).
    let scale: Float
    /// The examples of each slot as term lists, for explanations.
    private(set) var examples: [[(text: String, terms: [Int32])]]

    init(topics: [FAQTopic], outOfScope: [String], vocabulary: FAQVocabulary) {
        slotCount = topics.count + 1
        var documents: [[[String]]] = Array(repeating: [], count: slotCount)
        var texts: [[String]] = Array(repeating: [], count: slotCount)
        for (index, topic) in topics.enumerated() where !topic.social {
            for text in topic.keywords + topic.examples {
                documents[index].append(Self.contentWords(text, vocabulary))
                texts[index].append(text)
            }
        }
        for text in outOfScope {
            documents[slotCount - 1].append(Self.contentWords(text, vocabulary))
            texts[slotCount - 1].append(text)
        }
        // Counts: documents per word per slot, documents per slot, documents per word.
        var counts: [String: [Int: Int]] = [:]
        var total = 0
        for (slot, docs) in documents.enumerated() {
            for doc in docs where !doc.isEmpty {
                total += 1
                for word in Set(doc) { counts[word, default: [:]][slot, default: 0] += 1 }
            }
        }
        var sizes = documents.map { docs in Float(Swift.max(1, docs.filter { !$0.isEmpty }.count)) }
        // The out-of-scope bank gathers many unrelated subjects: weigh its words as if it were a topic of
        // typical size, or its size alone would make every one of them look uncharacteristic.
        let typical = sizes.dropLast().filter { $0 > 1 }.sorted()
        if !typical.isEmpty { sizes[slotCount - 1] = Swift.min(sizes[slotCount - 1], typical[typical.count / 2]) }
        for word in counts.keys.sorted() {
            let bySlot = counts[word]!
            let documentCount = bySlot.values.reduce(0, +)
            // Rarer is more telling, but a word seen in a single example may be chance: damp the rarest.
            let rarity = Self.naturalLog(1 + Double(total) / Double(documentCount))
            let information = Float(rarity * Double(documentCount) / (Double(documentCount) + 1))
            // Frequency in each slot, damped by the slot's size (square root): a topic with many examples
            // neither drowns a word's use elsewhere nor loses a word it uses often.
            let shares = bySlot.keys.sorted().map { slot in
                (slot, Float(bySlot[slot]!) / (sizes[slot] + 2).squareRoot())
            }
            let sum = shares.reduce(Float(0)) { $0 + $1.1 }
            let id = Int32(words.count)
            terms[word] = id
            words.append(word)
            postings.append(
                Posting(
                    topics: shares.map { Int32($0.0) }, weights: shares.map { information * $0.1 / sum },
                    information: information))
        }
        scale = Float(Swift.min(1, Self.naturalLog(1 + Double(total)) / Self.naturalLog(501)))
        var known = Set(words)
        for (variant, canonical) in vocabulary.aliases {
            if let id = terms[canonical], known.insert(variant).inserted { spellings.append((variant, id)) }
        }
        spellings += words.enumerated().map { ($0.element, Int32($0.offset)) }
        for (index, spelling) in spellings.enumerated() { spellingIndex[spelling.text] = Int32(index) }
        for (index, spelling) in spellings.enumerated() where spelling.text.unicodeScalars.count >= 4 {
            for deleted in Self.deletions(of: spelling.text) { deletions[deleted, default: []].append(Int32(index)) }
        }
        let table = terms
        examples = zip(documents, texts).map { docs, texts in
            zip(texts, docs).map { text, doc in (text, doc.compactMap { table[$0] }) }
        }
        var termExamples = [[Int32]](repeating: [], count: words.count)
        for (slot, list) in examples.enumerated() {
            for example in list where !example.terms.isEmpty {
                let id = Int32(exampleSlots.count)
                let distinct = Set(example.terms)
                exampleSlots.append(Int32(slot))
                exampleTexts.append(example.text)
                exampleMass.append(distinct.reduce(Float(0)) { $0 + postings[Int($1)].information })
                for term in distinct { termExamples[Int(term)].append(id) }
            }
        }
        self.termExamples = termExamples
    }

    /// Every example (and keyword) on its own, for nearest-example matching: its slot, its text, the
    /// information of its distinct words, and for each word the examples that use it.
    private(set) var exampleSlots: [Int32] = []
    private(set) var exampleTexts: [String] = []
    private(set) var exampleMass: [Float] = []
    private(set) var termExamples: [[Int32]] = []

    private static func contentWords(_ text: String, _ vocabulary: FAQVocabulary) -> [String] {
        let analysis = vocabulary.analyse(text)
        return analysis.content.map { analysis.tokens[$0].word }
    }

    func term(_ word: String) -> Int32? { terms[word] }

    /// How a word missing from the bank was recognised, if it was.
    enum Resolution: Sendable, Equatable {
        case exact
        /// A verb or possessive form: a prefix (ي ت ن ا ب س) or ending (ون ين وا) dropped.
        case form(String)
        /// A spelling mistake: the bank's word within one edit (two for words of seven letters or more).
        case typo(String)
    }

    /// The bank's word for `word`: itself, a verb form of it, or a near spelling.
    func resolve(_ word: String) -> (term: Int32, resolution: Resolution)? {
        if let id = terms[word] { return (id, .exact) }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3, scalars.allSatisfy(ArabicText.isArabicLetter) else { return nil }
        for candidate in Self.verbForms(scalars) {
            if let id = terms[candidate] { return (id, .form(candidate)) }
        }
        guard scalars.count >= 5 else { return nil }
        let limit = scalars.count >= 7 ? 2 : 1
        var best: (spelling: Int32, distance: Int)?
        func consider(_ spelling: Int32) {
            let candidate = spellings[Int(spelling)]
            let distance = EditDistance.between(word, candidate.text)
            guard distance <= limit else { return }
            if let current = best {
                let a = postings[Int(candidate.term)].information
                let b = postings[Int(spellings[Int(current.spelling)].term)].information
                guard distance < current.distance || (distance == current.distance && a > b) else { return }
            }
            best = (spelling, distance)
        }
        deletions[word]?.forEach(consider)
        for deleted in Self.deletions(of: word) {
            if let spelling = spellingIndex[deleted] { consider(spelling) }
            deletions[deleted]?.forEach(consider)
        }
        return best.map { best in
            let spelling = spellings[Int(best.spelling)]
            return (spelling.term, .typo(spelling.text))
        }
    }

    /// Dialect verb forms of a word: "بيطلع" → "طلع", "يردون" → "رد", "تبون" → "ب".
    private static func verbForms(_ s: [Unicode.Scalar]) -> [String] {
        var forms: [String] = []
        var stems = [s]
        if s.count >= 4, let last2 = s.last.map({ ($0, s[s.count - 2]) }),
            (last2.1 == "و" || last2.1 == "ي") && last2.0 == "ن" || (last2.1 == "و" && last2.0 == "ا")
        {
            stems.append(Array(s.dropLast(2)))
        }
        for stem in stems {
            if stem.count != s.count { forms.append(String(String.UnicodeScalarView(stem))) }
            var rest = stem[...]
            if rest.count >= 4, rest.first == "ب" || rest.first == "س" { rest = rest.dropFirst() }
            if rest.count >= 3, let first = rest.first, "يتنا".unicodeScalars.contains(first) {
                forms.append(String(String.UnicodeScalarView(rest.dropFirst())))
            }
            if rest.count != stem.count { forms.append(String(String.UnicodeScalarView(rest))) }
        }
        return forms.filter { $0.unicodeScalars.count >= 2 }
    }

    /// ln(x) for x > 0 without Foundation: x = m·2^e, ln m by the atanh series (ample for weights).
    static func naturalLog(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let e = Double(x.exponent)
        let m = x.significand  // in [1, 2)
        let y = (m - 1) / (m + 1)
        var term = y
        var sum = 0.0
        var k = 1.0
        while k < 40 {
            sum += term / k
            term *= y * y
            k += 2
        }
        return e * 0.693_147_180_559_945_3 + 2 * sum
    }

    private static func deletions(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        return scalars.indices.map { index in
            var copy = scalars
            copy.remove(at: index)
            return String(String.UnicodeScalarView(copy))
        }
    }
}
