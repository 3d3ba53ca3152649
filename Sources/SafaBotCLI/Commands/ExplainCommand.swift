import DialogCore

/// `safa-bot explain "<text>"`: which FAQ topic the text matches, and why.
struct ExplainCommand: SafaBotCommand {
    static let name = "explain"
    static let summary = "explain which FAQ topic a question matches and why"

    let source: DialogSource
    let text: String

    init(arguments: inout Arguments) throws {
        source = try DialogSource(arguments: &arguments)
        let positionals = try arguments.positionals()
        guard !positionals.isEmpty else {
            throw CLIError.usage("explain needs the question text, e.g. safa-bot explain \"متى يطلع الرد\"")
        }
        text = positionals.joined(separator: " ")
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        Console.out(FAQMatcher(faq: bundle.faq).explain(text).description)
    }
}
