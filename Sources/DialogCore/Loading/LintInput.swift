/// What the linter checks: possibly partial when some files or nodes failed to load, so every problem is reported at once.
struct LintInput: Sendable {
    var sources: DialogSources
    var settings: BotSettings?
    /// Flows that decoded, sorted by name; each node with its index in the file's `nodes` array.
    var flows: [LintFlow] = []
    var faq: FAQ?
    /// Each decoded FAQ topic with its index in `topics`.
    var faqTopics: [(index: Int, topic: FAQTopic)] = []
    /// Every node id written in a file, including nodes that failed to decode (so references to them are not "unknown").
    var knownNodes: Set<NodeRef> = []
    /// Flows that failed to load entirely or in part: references into them and their reachability are not judged.
    var brokenFlows: Set<String> = []
    var botBroken = false
    var faqBroken = false

    init(sources: DialogSources) {
        self.sources = sources
    }

    /// Builds the input from a complete bundle (node indexes are positions in each flow).
    init(bundle: DialogBundle, sources: DialogSources) {
        self.sources = sources
        settings = bundle.settings
        faq = bundle.faq
        faqTopics = bundle.faq.topics.enumerated().map { ($0.offset, $0.element) }
        for name in bundle.flows.keys.sorted() {
            let flow = bundle.flows[name]!
            flows.append(
                LintFlow(
                    name: name, file: sources.file(ofFlow: name),
                    nodes: flow.nodes.enumerated().map { ($0.offset, $0.element) }))
            knownNodes.formUnion(flow.nodes.map { NodeRef(flow: name, node: $0.id) })
        }
    }
}

/// A decoded flow with where each node sits in its file.
struct LintFlow: Sendable {
    var name: String
    var file: String
    var nodes: [(index: Int, node: Node)]
}
