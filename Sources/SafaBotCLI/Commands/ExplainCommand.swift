import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot explain "<text>"`: what the bot makes of a question, and why.
/// `safa-bot explain --eval FILE`: accuracy, confusion and misses over a labelled set of questions.
struct ExplainCommand: SafaBotCommand {
    static let name = "explain"
    static let summary = "explain what the bot makes of a question; --eval FILE scores a labelled set"

    let source: DialogSource
    let text: String
    let evalFile: String?

    init(arguments: inout Arguments) throws {
        source = try DialogSource(arguments: &arguments)
        evalFile = try arguments.option("eval")
        let positionals = try arguments.positionals()
        guard evalFile != nil || !positionals.isEmpty else {
            throw CLIError.usage(
                "explain needs the question text, e.g. safa-bot explain \"متى يطلع الرد\", or --eval FILE")
        }
        text = positionals.joined(separator: " ")
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        let matcher = FAQMatcher(faq: bundle.faq)
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
}
