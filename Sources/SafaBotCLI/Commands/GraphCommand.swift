import DialogCore

/// `safa-bot graph [dir] [--dot]`: the dialogs as a Mermaid flowchart, or Graphviz with `--dot`.
struct GraphCommand: SafaBotCommand {
    static let name = "graph"
    static let summary = "print the dialogs as a Mermaid flowchart (--dot for Graphviz)"

    let source: DialogSource
    let dot: Bool

    init(arguments: inout Arguments) throws {
        dot = arguments.flag("dot")
        let named = try DialogSource(arguments: &arguments)
        let positionals = try arguments.positionals()
        guard positionals.count <= 1 else { throw CLIError.usage("graph takes at most one directory") }
        source = positionals.first.map { DialogSource(directory: $0) } ?? named
    }

    func run() throws {
        let bundle = try source.load(printWarnings: false)
        Console.out(dot ? DialogGraph.dot(bundle) : DialogGraph.mermaid(bundle))
    }
}
