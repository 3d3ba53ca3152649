import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot explain "<text>"`: what the bot makes of a question, and why.
/// `safa-bot explain --eval FILE`: accuracy, confusion and misses over a labelled set of questions.
/// `safa-bot explain --eval-bank`: the same, each example of the bank decided without itself.
struct ExplainCommand: SafaBotCommand {
    static let name = "explain"
    static let summary = "explain what the bot makes of a question; --eval FILE scores a labelled set"

    let source: DialogSource
    let text: String
    let evalFile: String?
    let evalBank: Bool

    init(arguments: inout Arguments) throws {
        source = try DialogSource(arguments: &arguments)
        evalFile = try arguments.option("eval")
        evalBank = arguments.flag("eval-bank")
        let positionals = try arguments.positionals()
        guard evalFile != nil || evalBank || !positionals.isEmpty else {
            throw CLIError.usage(
                "explain needs the question text, e.g. safa-bot explain \"متى يطلع الرد\", or --eval FILE")
        }
        text = positionals.joined(separator: " ")
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        let thresholds = try Self.thresholds(ProcessInfo.processInfo.environment["SAFA_FAQ_THRESHOLDS"])
        let matcher = FAQMatcher(faq: bundle.faq, thresholds: thresholds)
        if evalBank {
            let report = FAQEvaluation.leaveOneOut(bundle.faq, thresholds: thresholds)
            Console.out("paraphrase bank, each example without itself:\n" + report.description)
            return
        }
        guard let evalFile else {
            Console.out(matcher.explain(text).description)
            return
        }
        let tsv: String
        do {
            tsv = try String(contentsOfFile: evalFile, encoding: .utf8)
        } catch {
            throw CLIError.runtime("cannot read \(evalFile): \(error)")
        }
        let evaluation = FAQEvaluation(tsv: tsv, faq: bundle.faq)
        guard !evaluation.items.isEmpty else { throw CLIError.runtime("\(evalFile): no labelled questions") }
        Console.out("\(evalFile):\n" + evaluation.run(matcher).description)
    }

    /// Threshold overrides for experiments, `name=value,…` (SAFA_FAQ_THRESHOLDS); the shipped values otherwise.
    static func thresholds(_ text: String?) throws -> FAQMatcher.Thresholds {
        var thresholds = FAQMatcher.Thresholds()
        guard let text, !text.isEmpty else { return thresholds }
        let paths: [String: WritableKeyPath<FAQMatcher.Thresholds, Float>] = [
            "minimumScore": \.minimumScore, "closeRatio": \.closeRatio, "nearSimilarity": \.nearSimilarity,
            "nearMargin": \.nearMargin, "outOfScopeCloseRatio": \.outOfScopeCloseRatio,
            "minimumCoverage": \.minimumCoverage, "strongScore": \.strongScore, "clearRatio": \.clearRatio,
            "lowCoverage": \.lowCoverage, "strongCoverage": \.strongCoverage, "unknownWeight": \.unknownWeight,
            "typoFactor": \.typoFactor, "formFactor": \.formFactor, "sharedOutOfScopeWeight": \.sharedOutOfScopeWeight,
        ]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let path = paths[parts[0]], let value = Float(parts[1]) else {
                throw CLIError.usage("SAFA_FAQ_THRESHOLDS: expected name=value, got '\(pair)'")
            }
            thresholds[keyPath: path] = value
        }
        return thresholds
    }
}
