/// Scores the FAQ matcher against a labelled set of questions (`dialogs/eval/*.tsv`).
///
/// Each line is `topic<TAB>question`; `#` starts a comment. The label `out_of_scope` means the message must
/// be declined or not understood, never answered. A right answer counts 1, a clarification offering the
/// right topic ½, anything else 0.
public struct FAQEvaluation: Sendable {
    public struct Item: Sendable, Equatable {
        public var line: Int
        public var label: String
        public var question: String
    }

    /// The result for one question.
    public struct Outcome: Sendable {
        public var item: Item
        public var explanation: FAQExplanation
        public var credit: Double
    }

    public var items: [Item] = []
    /// Lines that could not be read, as `line N: problem`.
    public var problems: [String] = []

    /// Reads the TSV text; unknown topic labels are reported against `faq` when given.
    public init(tsv: String, faq: FAQ? = nil) {
        let known = faq.map { Set($0.topics.map(\.id) + [FAQMatcher.outOfScopeID]) }
        // "\r\n" is one Character in Swift: split on every kind of line end.
        for (offset, line) in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
            guard let tab = line.firstIndex(of: "\t") else {
                problems.append("line \(offset + 1): expected topic<TAB>question")
                continue
            }
            let label = String(String(line[..<tab]).trimmingWhitespace)
            let question = String(String(line[line.index(after: tab)...]).trimmingWhitespace)
            if let known, !known.contains(label) {
                problems.append("line \(offset + 1): unknown topic '\(label)'")
                continue
            }
            guard !question.isEmpty else {
                problems.append("line \(offset + 1): empty question")
                continue
            }
            items.append(Item(line: offset + 1, label: label, question: question))
        }
    }

    /// Cross-validation of the paraphrase bank itself: each example question (and each out-of-scope one) is
    /// taken out of the bank in turn and decided against the rest. An estimate of how new phrasings fare,
    /// which thresholds can be tuned on without touching a held-out set. Slow: one index per example.
    public static func leaveOneOut(_ faq: FAQ, thresholds: FAQMatcher.Thresholds = FAQMatcher.Thresholds())
        -> FAQEvaluationReport
    {
        var outcomes: [Outcome] = []
        var line = 0
        for (t, topic) in faq.topics.enumerated() where !topic.social {
            for (e, example) in topic.examples.enumerated() {
                line += 1
                var reduced = faq
                reduced.topics[t].examples.remove(at: e)
                let explanation = FAQMatcher(faq: reduced, thresholds: thresholds).explain(example)
                let item = Item(line: line, label: topic.id, question: example)
                outcomes.append(Outcome(item: item, explanation: explanation, credit: credit(topic.id, explanation)))
            }
        }
        for (e, example) in faq.outOfScope.enumerated() {
            line += 1
            var reduced = faq
            reduced.outOfScope.remove(at: e)
            let explanation = FAQMatcher(faq: reduced, thresholds: thresholds).explain(example)
            let item = Item(line: line, label: FAQMatcher.outOfScopeID, question: example)
            outcomes.append(
                Outcome(item: item, explanation: explanation, credit: credit(FAQMatcher.outOfScopeID, explanation)))
        }
        return FAQEvaluationReport(outcomes: outcomes, problems: [])
    }

    public func run(_ matcher: FAQMatcher) -> FAQEvaluationReport {
        FAQEvaluationReport(
            outcomes: items.map { item in
                let explanation = matcher.explain(item.question)
                return Outcome(item: item, explanation: explanation, credit: Self.credit(item.label, explanation))
            }, problems: problems)
    }

    static func credit(_ label: String, _ explanation: FAQExplanation) -> Double {
        switch explanation.decision.outcome {
        case .answer(let match): match.topic.id == label ? 1 : 0
        case .clarify(let topics): topics.contains { $0.id == label } ? 0.5 : 0
        case .outOfScope, .notUnderstood: label == FAQMatcher.outOfScopeID ? 1 : 0
        }
    }
}

/// The figures of an evaluation run, and a report of them.
public struct FAQEvaluationReport: Sendable, CustomStringConvertible {
    public var outcomes: [FAQEvaluation.Outcome]
    public var problems: [String]

    public var count: Int { outcomes.count }
    /// Share of credit: 1 per right answer, ½ per clarification offering the right topic.
    public var accuracy: Double { ratio(outcomes.reduce(0) { $0 + $1.credit }) }
    public var confidentShare: Double { ratio(Double(outcomes.filter { $0.explanation.match != nil }.count)) }
    public var clarifyRate: Double {
        ratio(
            Double(outcomes.filter { if case .clarify = $0.explanation.decision.outcome { true } else { false } }.count)
        )
    }
    public var declinedShare: Double { 1 - confidentShare - clarifyRate }
    /// Out-of-scope questions answered with a topic.
    public var outOfScopeConfidentWrong: Int {
        outcomes.filter { $0.item.label == FAQMatcher.outOfScopeID && $0.explanation.match != nil }.count
    }
    /// In-scope questions answered with the wrong topic.
    public var confidentWrong: Int {
        outcomes.filter { outcome in
            outcome.explanation.match.map { $0.topic.id != outcome.item.label } ?? false
        }.count
    }

    private func ratio(_ value: Double) -> Double { count == 0 ? 0 : value / Double(count) }

    public var description: String {
        var lines: [String] = []
        for problem in problems { lines.append("warning: \(problem)") }
        let oos = outcomes.filter { $0.item.label == FAQMatcher.outOfScopeID }.count
        lines.append("questions: \(count) (\(oos) out of scope)")
        lines.append("accuracy: \(Self.percent(accuracy)) (right topic 1, clarification offering it ½)")
        lines.append(
            "confident: \(Self.percent(confidentShare)), unsure (clarify): \(Self.percent(clarifyRate)), "
                + "declined or not understood: \(Self.percent(declinedShare))")
        lines.append(
            "confident wrong answers: \(confidentWrong), of which to out-of-scope questions: \(outOfScopeConfidentWrong)"
        )
        var confusion: [String: Int] = [:]
        for outcome in outcomes where outcome.credit < 1 {
            let got: String
            switch outcome.explanation.decision.outcome {
            case .answer(let match): got = match.topic.id
            case .clarify: got = "(clarify)"
            case .outOfScope: got = "(declined)"
            case .notUnderstood: got = "(not understood)"
            }
            confusion["\(outcome.item.label) → \(got)", default: 0] += 1
        }
        if !confusion.isEmpty {
            lines.append("confusion (expected → got):")
            for (pair, n) in confusion.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                lines.append("  \(n) × \(pair)")
            }
        }
        let misses = outcomes.filter { $0.credit < 1 }
        if !misses.isEmpty {
            lines.append("misses:")
            for miss in misses {
                let scores = miss.explanation.topics.prefix(3).map {
                    "\($0.topicID) \(FAQExplanation.format($0.score))"
                }.joined(separator: ", ")
                lines.append(
                    "  line \(miss.item.line) [\(miss.item.label)] \(miss.item.question) → \(miss.explanation.verdict)"
                        + (miss.credit > 0 ? " (½)" : "") + "; scores: " + (scores.isEmpty ? "none" : scores))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 10
        return "\(scaled)%"
    }
}
