import DialogCore

/// FAQ matches per second with the shipped paraphrase bank: every question of the evaluation sets (or a
/// built-in handful when they are missing), decided again and again on one core.
struct FAQBenchmark {
    let matcher: FAQMatcher
    let questions: [String]

    struct Result {
        var matches: Int
        var seconds: Double
        var answered: Int
        var matchesPerSecond: Double { Double(matches) / seconds }
    }

    static let fallbackQuestions = [
        "وش الاوراق المطلوبه", "السلام عليكم متى يطلع الرد على طلبي", "متى دوامكم", "ابي اتطوع معكم",
        "كيف اقدم على مساعده", "وين مقر الجمعيه", "كيف الجو اليوم", "عندكم سلال غذائيه؟",
    ]

    func run(rounds: Int) -> Result {
        var answered = 0
        var matches = 0
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<rounds {
            for question in questions {
                if matcher.decide(question).match != nil { answered += 1 }
                matches += 1
            }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(matches: matches, seconds: seconds, answered: answered)
    }
}
