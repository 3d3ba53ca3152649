import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

// `make bench`, part one: dialog-engine steps per second and peak memory over 10,000 simulated
// conversations (some of which type questions at the main menu), then FAQ matches per second. A binary of its own that links only DialogCore and FoundationEssentials, so the memory it
// reports is the engine's, not that of libraries the engine never uses (curl, SQLite, OpenSSL).
let arguments = Array(CommandLine.arguments.dropFirst())
let dialogsDirectory = ProcessInfo.processInfo.environment["SAFA_DIALOGS_DIR"] ?? "dialogs"
let before = PeakMemory.mebibytes() ?? -1
let result = DialogLoader.load(directory: URL(fileURLWithPath: dialogsDirectory))
guard let bundle = result.bundle else {
    for finding in result.findings { print(finding) }
    print("safa-engine-bench: the dialogs in \(dialogsDirectory) have errors")
    exit(1)
}
let loaded = PeakMemory.mebibytes() ?? -1
let conversations = Int(arguments.first ?? "") ?? 10_000
let benchmark = EngineBenchmark(engine: DialogEngine(bundle: bundle), conversations: conversations)
_ = EngineBenchmark(engine: benchmark.engine, conversations: 100).run()  // warm-up
let run = benchmark.run()
print("engine: \(conversations) conversations, \(run.steps) steps, \(run.submissions) requests submitted")
print("engine: \(run.stepsPerSecond.fixed(0)) steps/s on one core (\((1e6 / run.stepsPerSecond).fixed(2)) µs/step)")
let peak = PeakMemory.mebibytes() ?? -1
print(
    "engine: peak RSS \(peak.fixed(1)) MiB (\(before.fixed(1)) MiB at start, \(loaded.fixed(1)) MiB after loading the dialogs)"
)

// FAQ matches per second: the evaluation questions (dialogs/eval/*.tsv) against the whole paraphrase bank.
let evalDirectory = URL(fileURLWithPath: dialogsDirectory).appendingPathComponent("eval")
var questions: [String] = []
for name in ["dev.tsv", "heldout.tsv"] {
    guard let tsv = try? String(contentsOf: evalDirectory.appendingPathComponent(name), encoding: .utf8) else {
        continue
    }
    questions += FAQEvaluation(tsv: tsv).items.map(\.question)
}
if questions.isEmpty { questions = FAQBenchmark.fallbackQuestions }
let faqBenchmark = FAQBenchmark(matcher: FAQMatcher(faq: bundle.faq), questions: questions)
_ = faqBenchmark.run(rounds: 2)  // warm-up
let faqRun = faqBenchmark.run(rounds: Swift.max(1, 200_000 / questions.count))
let examples = bundle.faq.topics.reduce(0) { $0 + $1.keywords.count + $1.examples.count } + bundle.faq.outOfScope.count
print(
    "faq: \(faqRun.matchesPerSecond.fixed(0)) matches/s on one core (\((1e6 / faqRun.matchesPerSecond).fixed(1)) µs/match; "
        + "\(questions.count) questions, bank of \(examples) examples in \(bundle.faq.topics.count) topics)"
)
