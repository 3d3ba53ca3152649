/// Semantic checks over loaded dialogs: targets, reachability, loops, duplicates, templates, texts, labels, FAQ.
public enum DialogLinter {
    /// Lints a complete bundle; `sources` gives positions (use `DialogSources()` for bundles built in code).
    public static func lint(_ bundle: DialogBundle, sources: DialogSources) -> [Finding] {
        DialogLoader.sortedUnique(lint(LintInput(bundle: bundle, sources: sources)))
    }

    static func lint(_ input: LintInput) -> [Finding] {
        var linter = LintContext(input: input)
        linter.checkSettings()
        linter.checkTargets()
        linter.checkLoopsAndReachability()
        for flow in input.flows { linter.checkContent(of: flow) }
        linter.checkValidationTexts()
        linter.checkFAQ()
        return linter.findings
    }
}

/// Shared state of one lint run.
struct LintContext {
    let input: LintInput
    var findings: [Finding] = []
    /// Decoded nodes by reference.
    let nodes: [NodeRef: (flow: LintFlow, index: Int, node: Node)]

    init(input: LintInput) {
        self.input = input
        var nodes: [NodeRef: (flow: LintFlow, index: Int, node: Node)] = [:]
        for flow in input.flows {
            for (index, node) in flow.nodes where nodes[NodeRef(flow: flow.name, node: node.id)] == nil {
                nodes[NodeRef(flow: flow.name, node: node.id)] = (flow, index, node)
            }
        }
        self.nodes = nodes
    }

    var sources: DialogSources { input.sources }

    mutating func error(_ file: String, _ path: [JSONPathComponent], _ message: String) {
        findings.append(sources.finding(.error, file, path, message))
    }

    mutating func warning(_ file: String, _ path: [JSONPathComponent], _ message: String) {
        findings.append(sources.finding(.warning, file, path, message))
    }

    static func nodePath(_ index: Int, _ rest: JSONPathComponent...) -> [JSONPathComponent] {
        [.key("nodes"), .index(index)] + rest
    }

    /// The position of a value, as "line:column", for "first written at" messages.
    func positionText(_ file: String, _ path: [JSONPathComponent]) -> String {
        guard let root = sources.documents[file] else { return "?" }
        return root.deepest(path).position.description
    }
}
