import Foundation
import Testing

@testable import DialogCore

@Suite struct FAQEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shipped() throws -> FAQMatcher {
        let result = DialogLoader.load(directory: root.appendingPathComponent("dialogs"))
        let bundle = try #require(result.bundle)
        return FAQMatcher(faq: bundle.faq)
    }

    static func report(_ name: String) throws -> FAQEvaluationReport {
        let matcher = try shipped()
        let tsv = try String(contentsOf: root.appendingPathComponent("dialogs/eval/\(name).tsv"), encoding: .utf8)
        let evaluation = FAQEvaluation(tsv: tsv, faq: matcher.faq)
        #expect(evaluation.problems == [])
        return evaluation.run(matcher)
    }

    /// The quality gate: the held-out questions were written before the paraphrase bank was tuned and are
    /// never added to it. Targets of issue 12: ≥ 95% (a clarification offering the right topic counts
    /// half), clarify ≤ 10%, and no confident answer to an out-of-scope question.
    @Test func theHeldOutSetMeetsTheTargets() throws {
        let report = try Self.report("heldout")
        #expect(report.count >= 250)
        #expect(report.accuracy >= 0.95, "\(report)")
        #expect(report.clarifyRate <= 0.10, "\(report)")
        #expect(report.outOfScopeConfidentWrong == 0, "\(report)")
    }

    /// The development set is tuned on; it must stay above the targets.
    @Test func theDevelopmentSetMeetsTheTargets() throws {
        let report = try Self.report("dev")
        #expect(report.accuracy >= 0.95, "\(report)")
        #expect(report.outOfScopeConfidentWrong <= 1, "\(report)")
        #expect(report.clarifyRate <= 0.10, "\(report)")
    }

    @Test func noExampleRepeatsAHeldOutQuestion() throws {
        let matcher = try Self.shipped()
        let tsv = try String(contentsOf: Self.root.appendingPathComponent("dialogs/eval/heldout.tsv"), encoding: .utf8)
        let held = Set(FAQEvaluation(tsv: tsv).items.map { ArabicText.matchKey($0.question) })
        // Single words and greetings were keywords before the held-out set was written; longer questions
        // must not leak from the test set into the bank.
        let leaked = matcher.faq.topics.filter { !$0.social }.flatMap(\.examples).filter { example in
            held.contains(ArabicText.matchKey(example)) && ArabicText.words(example).count > 1
        }
        #expect(leaked == [])
    }

    @Test func readingReportsBadLinesAndUnknownTopics() {
        let faq = FAQ(topics: [FAQTopic(id: "hours", title: "الدوام", keywords: ["الدوام"], answer: "من الأحد.")])
        let evaluation = FAQEvaluation(
            tsv: "# تعليق\nhours\tمتى الدوام\n\nبلا تبويب\nweather\tكيف الجو\nout_of_scope\tكيف الجو\r\nhours\t  \n",
            faq: faq)
        #expect(evaluation.items.map(\.label) == ["hours", "out_of_scope"])
        #expect(evaluation.items.map(\.line) == [2, 6])
        #expect(
            evaluation.problems == [
                "line 4: expected topic<TAB>question", "line 5: unknown topic 'weather'", "line 7: empty question",
            ])
    }

    @Test func creditIsOneForTheRightTopicHalfForAClarificationOfferingItAndZeroOtherwise() {
        let faq = FAQ(
            outOfScope: ["كيف الطقس اليوم"],
            topics: [
                FAQTopic(
                    id: "hours", title: "الدوام", keywords: ["الدوام"], examples: ["متى تفتحون"], answer: "من الأحد."),
                FAQTopic(
                    id: "docs", title: "الأوراق", keywords: ["الاوراق"], examples: ["وش الاوراق"], answer: "الهوية."),
            ])
        let report = FAQEvaluation(
            tsv: "hours\tمتى الدوام\ndocs\tمتى الدوام\nout_of_scope\tكيف الطقس\nout_of_scope\tالدوام\n", faq: faq
        ).run(FAQMatcher(faq: faq))
        #expect(report.outcomes.map(\.credit) == [1, 0, 1, 0])
        #expect(report.accuracy == 0.5)
        #expect(report.outOfScopeConfidentWrong == 1)
        #expect(report.description.contains("1 × docs → hours"))
        #expect(report.description.contains("line 2 [docs] متى الدوام → answer hours"))
    }
}
