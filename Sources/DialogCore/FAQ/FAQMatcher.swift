/// Decides what a free-text message is about, deterministically, fast and explainably.
///
/// Built once per dialog version (the index lives here, not in conversation state). A message goes through
/// `ArabicText.matchKey`, `ArabicText.lightStem` and the FAQ's lexicon; greetings, thanks and filler are set
/// aside; each remaining word adds its weights (`FAQIndex`) to the topics whose example questions use it;
/// words missing from the bank are tried as verb forms and near spellings. Then `Thresholds` decide:
/// answer, clarify between close topics, decline as out of scope, or not understood.
public struct FAQMatcher: Sendable {
    /// When a best topic is clear enough to answer.
    public struct Thresholds: Sendable, Equatable {
        /// The lowest score that means anything at all.
        public var minimumScore: Float = 1.1
        /// The second topic within this share of the best makes the decision unsure.
        public var closeRatio: Float = 0.72
        /// A message this similar to one example (weighted Dice over words, 1 = the same words) and this much
        /// closer to it than to any other topic's examples follows that example, whatever the topic scores.
        public var nearSimilarity: Float = 0.7
        public var nearMargin: Float = 0.1
        /// The out-of-scope bank within this share of the best topic makes the decision unsure.
        public var outOfScopeCloseRatio: Float = 0.5
        /// How much a word the out-of-scope bank shares with topics counts towards that closeness.
        public var sharedOutOfScopeWeight: Float = 1
        /// The best topic must explain at least this share of the message's information.
        public var minimumCoverage: Float = 0.5
        /// A best topic this far ahead (second below `clearRatio` of it) and this strong is answered even when
        /// the message carries many words the bank does not know (long, rambling messages).
        public var strongScore: Float = 4
        public var clearRatio: Float = 0.5
        /// Below this share, with as large a share of unknown words, the message is about something else: not
        /// understood rather than a clarification.
        public var lowCoverage: Float = 0.3
        /// Even a strong best topic needs this share of the message's information.
        public var strongCoverage: Float = 0.3
        /// What an unknown word of the message counts for in that share.
        public var unknownWeight: Float = 2.5
        /// A word recognised only as a near spelling counts this much.
        public var typoFactor: Float = 0.8
        /// A word recognised as a verb form counts this much.
        public var formFactor: Float = 0.9

        public init() {}
    }

    public let faq: FAQ
    public let thresholds: Thresholds
    let vocabulary: FAQVocabulary
    let index: FAQIndex
    private let topicSlots: [String: Int]

    public static let outOfScopeID = "out_of_scope"

    public init(faq: FAQ, thresholds: Thresholds = Thresholds()) {
        self.faq = faq
        self.thresholds = thresholds
        let vocabulary = FAQVocabulary(synonyms: faq.synonyms, ignore: faq.ignore, topics: faq.topics)
        self.vocabulary = vocabulary
        self.index = FAQIndex(topics: faq.topics, outOfScope: faq.outOfScope, vocabulary: vocabulary)
        var slots: [String: Int] = [:]
        for (i, topic) in faq.topics.enumerated() where slots[topic.id] == nil { slots[topic.id] = i }
        self.topicSlots = slots
    }

    /// The topic to answer `text` with, among `topics` (ids) when given; nil unless the decision is confident.
    public func match(_ text: String, topics: [String] = []) -> FAQMatch? {
        decide(text, topics: topics).match
    }

    /// What to do with `text`, considering only `topics` (ids) when given.
    public func decide(_ text: String, topics only: [String] = []) -> FAQDecision {
        let scored = score(text)
        return decision(scored, only: only).decision
    }

    // MARK: - Scoring

    struct Scored {
        var analysis: FAQVocabulary.Analysis
        var scores: [Float]
        /// Recognised content words: bank term, factor, the message's word.
        var terms: [(term: Int32, factor: Float, word: String, resolution: FAQIndex.Resolution)]
        var unknown: [String]
        /// The information the message carries: its recognised words' plus a fixed amount per unknown word.
        var mass: Float
        /// The example most like the message (weighted Dice over words), and its similarity.
        var nearest: (example: Int, similarity: Float)?
        /// The best similarity of an example of any other slot than the nearest's.
        var runnerUp: Float = 0
    }

    func score(_ text: String) -> Scored {
        let analysis = vocabulary.analyse(text)
        var scores = [Float](repeating: 0, count: index.slotCount)
        var terms: [(term: Int32, factor: Float, word: String, resolution: FAQIndex.Resolution)] = []
        var unknown: [String] = []
        var mass: Float = 0
        for position in analysis.content {
            let word = analysis.tokens[position].word
            guard let (term, resolution) = index.resolve(word), !terms.contains(where: { $0.term == term }) else {
                if index.term(word) == nil, word.unicodeScalars.count >= 2, !Self.isNumber(word) {
                    unknown.append(word)
                    mass += thresholds.unknownWeight
                }
                continue
            }
            let factor: Float
            switch resolution {
            case .exact: factor = 1
            case .form: factor = thresholds.formFactor
            case .typo: factor = thresholds.typoFactor
            }
            terms.append((term, factor, word, resolution))
            let posting = index.postings[Int(term)]
            mass += posting.information * factor
            for k in 0..<posting.topics.count {
                scores[Int(posting.topics[k])] += posting.weights[k] * factor
            }
        }
        var scored = Scored(analysis: analysis, scores: scores, terms: terms, unknown: unknown, mass: mass)
        nearestExample(&scored)
        return scored
    }

    /// Weighted Dice similarity between the message and each example sharing a word with it.
    private func nearestExample(_ scored: inout Scored) {
        guard !scored.terms.isEmpty else { return }
        var overlap = [Float](repeating: 0, count: index.exampleSlots.count)
        for term in scored.terms {
            let weight = index.postings[Int(term.term)].information * term.factor
            for example in index.termExamples[Int(term.term)] { overlap[Int(example)] += weight }
        }
        var bestBySlot = [Float](repeating: 0, count: index.slotCount)
        var bestExample: (Int, Float)?
        for (example, shared) in overlap.enumerated() where shared > 0 {
            let similarity = 2 * shared / (scored.mass + index.exampleMass[example])
            let slot = Int(index.exampleSlots[example])
            if similarity > bestBySlot[slot] { bestBySlot[slot] = similarity }
            if similarity > (bestExample?.1 ?? 0) { bestExample = (example, similarity) }
        }
        guard let bestExample else { return }
        scored.nearest = (bestExample.0, bestExample.1)
        let slot = Int(index.exampleSlots[bestExample.0])
        scored.runnerUp = bestBySlot.enumerated().filter { $0.offset != slot }.map(\.element).max() ?? 0
    }

    private static func isNumber(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    // MARK: - Deciding

    func decision(_ scored: Scored, only: [String]) -> (decision: FAQDecision, reason: String) {
        let social = scored.analysis.socialTopics.map { faq.topics[$0] }
        let greeting = social.first { $0.greetBack != nil }
        if scored.terms.isEmpty {
            if let first = social.first, only.isEmpty || only.contains(first.id) {
                let match = FAQMatch(topic: first, score: 0, matchedWords: [])
                return (FAQDecision(outcome: .answer(match)), "only a greeting or thanks")
            }
            let why =
                scored.unknown.isEmpty ? "no word that could decide a topic" : "no word of the message is in the bank"
            return (FAQDecision(outcome: .notUnderstood), why)
        }
        let ranked = rank(scored.scores, only: only)
        // The nearest example decides only for a slot that the topic scores also put at or near the top,
        // unless the message is that example word for word.
        let outOfScopeOnly = outOfScopeEvidence(scored)
        if let nearest = scored.nearest, nearest.similarity >= thresholds.nearSimilarity,
            nearest.similarity - scored.runnerUp >= thresholds.nearMargin,
            nearest.similarity >= 0.95 || nearestExampleMayDecide(nearest.example, scored, ranked, outOfScopeOnly)
        {
            let slot = Int(index.exampleSlots[nearest.example])
            let text = index.exampleTexts[nearest.example]
            let why =
                "nearly the same as the example \"\(text)\" (similarity "
                + "\(FAQExplanation.format(Double(nearest.similarity))), next topic's best example "
                + "\(FAQExplanation.format(Double(scored.runnerUp))))"
            if slot == index.outOfScopeSlot { return (FAQDecision(outcome: .outOfScope), why) }
            let topic = faq.topics[slot]
            if only.isEmpty || only.contains(topic.id) {
                let words = scored.terms.filter { index.postings[Int($0.term)].topics.contains(Int32(slot)) }
                    .map { index.words[Int($0.term)] }
                let match = FAQMatch(topic: topic, score: Double(scored.scores[slot]), matchedWords: words)
                return (FAQDecision(outcome: .answer(match), greeting: greeting), why)
            }
        }
        let minimum = thresholds.minimumScore * index.scale
        if let first = social.first, ranked.first.map({ $0.score < minimum }) ?? true,
            only.isEmpty || only.contains(first.id)
        {
            // "هلا والله بالجمعيه": a greeting with words too weak to ask anything.
            let match = FAQMatch(topic: first, score: 0, matchedWords: [])
            return (FAQDecision(outcome: .answer(match)), "a greeting or thanks, and no topic reaches the minimum")
        }
        guard let best = ranked.first, best.score >= minimum else {
            let top = ranked.first.map { "best score \(FAQExplanation.format(Double($0.score)))" } ?? "no topic scored"
            return (
                FAQDecision(outcome: .notUnderstood),
                "\(top), below the minimum \(FAQExplanation.format(Double(minimum)))"
            )
        }
        // The share of the message's information carried by words that point to the best topic at all.
        var support: Float = 0
        for term in scored.terms where index.postings[Int(term.term)].topics.contains(Int32(best.slot)) {
            support += index.postings[Int(term.term)].information * term.factor
        }
        let coverage = scored.mass > 0 ? support / scored.mass : 0
        // The out-of-scope bank counts as close sooner than a topic does: a message that is half about
        // something the association does not handle is never answered with confidence.
        let close = ranked.dropFirst().filter { other in
            if other.slot == index.outOfScopeSlot {
                return outOfScopeOnly >= best.score * thresholds.outOfScopeCloseRatio
            }
            return other.score >= best.score * thresholds.closeRatio
        }
        let figures =
            "best \(FAQExplanation.format(Double(best.score))), coverage \(FAQExplanation.format(Double(coverage)))"
            + (ranked.count > 1 ? ", second \(FAQExplanation.format(Double(ranked[1].score)))" : "")
        if best.slot == index.outOfScopeSlot {
            if close.isEmpty && coverage >= thresholds.minimumCoverage {
                return (FAQDecision(outcome: .outOfScope), "closest to the out-of-scope bank (\(figures))")
            }
            return (FAQDecision(outcome: .notUnderstood), "out-of-scope bank ahead but unsure (\(figures))")
        }
        let unknownShare = scored.mass > 0 ? Float(scored.unknown.count) * thresholds.unknownWeight / scored.mass : 0
        if coverage < thresholds.lowCoverage && unknownShare >= thresholds.lowCoverage {
            return (
                FAQDecision(outcome: .notUnderstood),
                "the message is mostly words the bank does not know (\(figures))"
            )
        }
        let topic = faq.topics[best.slot]
        let strong =
            best.score >= thresholds.strongScore * index.scale && coverage >= thresholds.strongCoverage
            && (ranked.count < 2 || ranked[1].score < best.score * thresholds.clearRatio)
        // More unknown words than recognised ones: the message is likely about something the bank does not
        // cover, whatever one known word says ("عندي كحه من اسبوع وش اشرب").
        let mostlyUnknown = scored.unknown.count > scored.terms.count
        if close.isEmpty && !mostlyUnknown && (coverage >= thresholds.minimumCoverage || strong) {
            let words = scored.terms.filter { term in
                index.postings[Int(term.term)].topics.contains(Int32(best.slot))
            }.map { index.words[Int($0.term)] }
            let match = FAQMatch(topic: topic, score: Double(best.score), matchedWords: words)
            return (FAQDecision(outcome: .answer(match), greeting: greeting), "clear best topic (\(figures))")
        }
        if !close.isEmpty && close.allSatisfy({ $0.slot == index.outOfScopeSlot }) {
            return (
                FAQDecision(outcome: .notUnderstood),
                "the out-of-scope bank is as close as the best topic (\(figures))"
            )
        }
        let offered = ([best] + close).filter { $0.slot != index.outOfScopeSlot }.prefix(3).map { faq.topics[$0.slot] }
        let why =
            close.isEmpty
            ? "best topic explains too little of the message (\(figures))"
            : "\(close.count + 1) topics within \(Int(thresholds.closeRatio * 100))% of the best (\(figures))"
        return (FAQDecision(outcome: .clarify(Array(offered)), greeting: greeting), why)
    }

    /// How much the message points at the out-of-scope bank. A word the bank shares with topics ("سكن",
    /// "قدم") is weaker evidence than one no topic uses.
    private func outOfScopeEvidence(_ scored: Scored) -> Float {
        var evidence: Float = 0
        for term in scored.terms {
            let posting = index.postings[Int(term.term)]
            guard let k = posting.topics.firstIndex(of: Int32(index.outOfScopeSlot)) else { continue }
            let shared: Float = posting.topics.count == 1 ? 1 : thresholds.sharedOutOfScopeWeight
            evidence += posting.weights[k] * term.factor * shared
        }
        return evidence
    }

    /// Whether an example the message resembles (but does not repeat) may decide its topic. Only when that
    /// topic's own score is near the top; when it is not the top, only if every recognised word of the
    /// message is in the example (a word the example lacks, such as «متى» beside «رمضان», is what made
    /// another topic score higher, so the choice is a guess: clarify instead); and never when the
    /// out-of-scope bank is as close to the message as a rival topic would have to be («وش علاج الصداع»
    /// resembles the example «علاج», a word the bank uses too).
    private func nearestExampleMayDecide(
        _ example: Int, _ scored: Scored, _ ranked: [(slot: Int, score: Float)], _ outOfScope: Float
    ) -> Bool {
        let slot = Int(index.exampleSlots[example])
        let slotScore = scored.scores[slot]
        let topScore = ranked.first?.score ?? 0
        guard slotScore >= topScore * thresholds.closeRatio else { return false }
        if slot != index.outOfScopeSlot && outOfScope >= slotScore * thresholds.closeRatio {
            return false
        }
        if let top = ranked.first, top.slot != slot {
            return scored.terms.allSatisfy { index.termExamples[Int($0.term)].contains(Int32(example)) }
        }
        return true
    }

    /// Slots with a positive score, best first (ties: the FAQ's order), social topics left out.
    private func rank(_ scores: [Float], only: [String]) -> [(slot: Int, score: Float)] {
        var ranked: [(slot: Int, score: Float)] = []
        for slot in 0..<scores.count where scores[slot] > 0 {
            if slot < faq.topics.count {
                let topic = faq.topics[slot]
                if topic.social || (!only.isEmpty && !only.contains(topic.id)) { continue }
            }
            ranked.append((slot, scores[slot]))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.slot < $1.slot }
        return ranked
    }

    // MARK: - Explaining

    /// The decision for `text` with every topic's score and evidence, for admins.
    public func explain(_ text: String, topics only: [String] = []) -> FAQExplanation {
        let scored = score(text)
        let (decision, reason) = self.decision(scored, only: only)
        var words: [FAQExplanation.WordEvidence] = []
        for term in scored.terms {
            let bankWord = index.words[Int(term.term)]
            let how: String
            switch term.resolution {
            case .exact: how = "in the bank"
            case .form(let form): how = "verb or possessive form of \"\(form)\""
            case .typo(let fixed): how = "read as \"\(fixed)\" (spelling)"
            }
            words.append(FAQExplanation.WordEvidence(word: term.word, bankWord: bankWord, how: how))
        }
        for word in scored.unknown {
            words.append(FAQExplanation.WordEvidence(word: word, bankWord: nil, how: "not in any example (unknown)"))
        }
        var topicScores: [FAQExplanation.TopicScore] = []
        for (slot, score) in rank(scored.scores, only: only) {
            var contributions: [(word: String, weight: Double)] = []
            for term in scored.terms {
                let posting = index.postings[Int(term.term)]
                if let k = posting.topics.firstIndex(of: Int32(slot)) {
                    contributions.append((index.words[Int(term.term)], Double(posting.weights[k] * term.factor)))
                }
            }
            contributions.sort { $0.weight > $1.weight }
            let termSet = Set(scored.terms.map(\.term))
            let closest = index.examples[slot].max { a, b in
                overlap(a.terms, termSet, slot) < overlap(b.terms, termSet, slot)
            }?.text
            let isBank = slot == index.outOfScopeSlot
            topicScores.append(
                FAQExplanation.TopicScore(
                    topicID: isBank ? Self.outOfScopeID : faq.topics[slot].id,
                    title: isBank ? "خارج اختصاص الجمعية" : faq.topics[slot].title, score: Double(score),
                    contributions: contributions, closestExample: closest))
        }
        return FAQExplanation(
            input: text, tokens: scored.analysis.tokens, words: words, topics: topicScores, decision: decision,
            reason: reason)
    }

    private func overlap(_ example: [Int32], _ terms: Set<Int32>, _ slot: Int) -> Float {
        var sum: Float = 0
        for term in Set(example) where terms.contains(term) {
            let posting = index.postings[Int(term)]
            if let k = posting.topics.firstIndex(of: Int32(slot)) { sum += posting.weights[k] }
        }
        return sum
    }

    /// The topics with the given ids, in the order given (unknown ids skipped).
    public func topics(_ ids: [String]) -> [FAQTopic] {
        ids.compactMap { id in topicSlots[id].map { faq.topics[$0] } }
    }
}
