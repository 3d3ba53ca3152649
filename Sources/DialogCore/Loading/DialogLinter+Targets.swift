/// A place in a node that names another node.
struct TargetUse {
    enum Role { case step, form }
    var path: [JSONPathComponent]
    var target: String
    var role: Role
}

extension Node {
    /// Every target this node names, with the path of the key (relative to the node).
    var targetUses: [TargetUse] {
        var uses: [TargetUse] = []
        func step(_ key: String, _ target: String?) {
            if let target { uses.append(TargetUse(path: [.key(key)], target: target, role: .step)) }
        }
        switch body {
        case .message(_, let next): step("next", next)
        case .menu(_, let options):
            for (k, option) in options.enumerated() {
                if let goto = option.goto {
                    uses.append(TargetUse(path: [.key("options"), .index(k), .key("goto")], target: goto, role: .step))
                }
            }
        case .inquiry(let n):
            step("next", n.next)
            step("onNoMatch", n.onNoMatch)
        case .form(let n):
            step("next", n.next)
            for (j, field) in n.fields.enumerated() {
                if let target = field.onExhausted {
                    uses.append(
                        TargetUse(path: [.key("fields"), .index(j), .key("onExhausted")], target: target, role: .step))
                }
            }
        case .review(let n):
            uses.append(TargetUse(path: [.key("form")], target: n.form, role: .form))
            step("next", n.next)
        case .attestation(let n):
            uses.append(TargetUse(path: [.key("form")], target: n.form, role: .form))
            step("next", n.next)
            step("onDecline", n.onDecline)
        case .submit(let n):
            uses.append(TargetUse(path: [.key("form")], target: n.form, role: .form))
            step("next", n.next)
        case .status(let n): step("next", n.next)
        case .survey(let n): step("next", n.next)
        case .handoff, .end: break
        }
        return uses
    }

    /// Nodes that say something and move on without waiting for the beneficiary.
    var continuesWithoutWaiting: Bool {
        switch body {
        case .message, .submit, .status, .end: true
        default: false
        }
    }
}

extension LintContext {
    /// Resolves `target` and reports it when it names no node; returns the decoded node when there is one.
    @discardableResult
    mutating func checkTarget(
        _ target: String, in flow: String, file: String, path: [JSONPathComponent], qualifiedOnly: Bool = false
    ) -> (NodeRef, Node?)? {
        if target.isEmpty {
            error(file, path, "empty target; write a node id or flow.node")
            return nil
        }
        if qualifiedOnly && !target.contains(".") {
            error(file, path, "target '\(target)' must be written flow.node here")
            return nil
        }
        let ref = NodeRef(target, in: flow)
        if input.brokenFlows.contains(ref.flow) { return nil }
        guard input.knownNodes.contains(ref) else {
            let flowExists =
                input.flows.contains { $0.name == ref.flow } || input.knownNodes.contains { $0.flow == ref.flow }
            if flowExists {
                error(file, path, "unknown target '\(target)': flow '\(ref.flow)' has no node '\(ref.node)'")
            } else {
                error(
                    file, path, "unknown target '\(target)': there is no flow '\(ref.flow)' (no file \(ref.flow).json)")
            }
            return nil
        }
        return (ref, nodes[ref]?.node)
    }

    mutating func checkSettings() {
        guard let settings = input.settings else { return }
        let file = sources.botFile
        for (key, ref) in [("start", settings.start), ("mainMenu", settings.mainMenu), ("officer", settings.officer)] {
            checkTarget(ref.description, in: "", file: file, path: [.key(key)])
        }
        if let survey = settings.survey {
            checkTarget(survey.description, in: "", file: file, path: [.key("survey")])
            if let node = nodes[survey]?.node, node.body.typeName != "survey" {
                error(
                    file, [.key("survey")],
                    "the survey node '\(survey)' must be a survey node, not \(node.body.typeName)")
            }
        }
        if let node = nodes[settings.officer]?.node, node.body.typeName != "handoff" {
            error(
                file, [.key("officer")],
                "the officer node '\(settings.officer)' must be a handoff node, not \(node.body.typeName)")
        }
        if settings.maxAttempts < 1 { error(file, [.key("maxAttempts")], "'maxAttempts' must be at least 1") }
        if settings.idleTimeoutMinutes < 1 {
            error(file, [.key("idleTimeoutMinutes")], "'idleTimeoutMinutes' must be at least 1")
        }
    }

    mutating func checkTargets() {
        for flow in input.flows {
            for (index, node) in flow.nodes {
                if case .menu(_, let options) = node.body {
                    for (k, option) in options.enumerated() where option.goto == nil {
                        error(
                            flow.file, LintContext.nodePath(index, .key("options"), .index(k)),
                            "option \(k + 1) of menu '\(node.id)' has no 'goto'")
                    }
                }
                for use in node.targetUses {
                    let path = LintContext.nodePath(index) + use.path
                    guard let (ref, target) = checkTarget(use.target, in: flow.name, file: flow.file, path: path) else {
                        continue
                    }
                    if use.role == .form, let target, target.body.typeName != "form" {
                        error(flow.file, path, "'\(use.target)' is a \(target.body.typeName) node, not a form")
                    }
                    _ = ref
                }
                if case .inquiry(let n) = node.body, let faq = input.faq, !input.faqBroken {
                    let ids = Set(faq.topics.map(\.id))
                    for (k, topic) in n.topics.enumerated() where !ids.contains(topic) {
                        error(
                            flow.file, LintContext.nodePath(index, .key("topics"), .index(k)),
                            "unknown FAQ topic '\(topic)'")
                    }
                }
            }
        }
        for (index, topic) in input.faqTopics {
            if let goto = topic.goto {
                checkTarget(
                    goto, in: "", file: sources.faqFile, path: [.key("topics"), .index(index), .key("goto")],
                    qualifiedOnly: true)
            }
        }
    }

    /// Successors a beneficiary can move to from `ref` (form references of review/attestation/submit are not steps).
    func successors(_ ref: NodeRef) -> [NodeRef] {
        guard let node = nodes[ref]?.node else { return [] }
        var result = node.targetUses.filter { $0.role == .step }.map { NodeRef($0.target, in: ref.flow) }
        if case .end = node.body, let main = input.settings?.mainMenu { result.append(main) }
        return result.filter { nodes[$0] != nil }
    }

    mutating func checkLoopsAndReachability() {
        checkInfiniteLoops()
        guard let settings = input.settings, input.brokenFlows.isEmpty, !input.faqBroken else { return }
        var roots = [settings.start, settings.mainMenu, settings.officer]
        if let survey = settings.survey { roots.append(survey) }
        roots += input.faqTopics.compactMap { $0.topic.goto.flatMap { NodeRef(qualified: $0) } }
        var reached = Set<NodeRef>()
        var queue = roots.filter { nodes[$0] != nil }
        while let ref = queue.popLast() {
            guard reached.insert(ref).inserted else { continue }
            queue += successors(ref).filter { !reached.contains($0) }
        }
        // Exits: places from which the beneficiary is sure to get somewhere (the menu, an officer).
        var predecessors: [NodeRef: [NodeRef]] = [:]
        for ref in nodes.keys { for next in successors(ref) { predecessors[next, default: []].append(ref) } }
        var canExit = Set<NodeRef>()
        var exitQueue = nodes.filter { ref, entry in
            ref == settings.mainMenu || entry.node.body.typeName == "end" || entry.node.body.typeName == "handoff"
        }.map(\.key)
        while let ref = exitQueue.popLast() {
            guard canExit.insert(ref).inserted else { continue }
            exitQueue += (predecessors[ref] ?? []).filter { !canExit.contains($0) }
        }
        for flow in input.flows {
            for (index, node) in flow.nodes {
                let ref = NodeRef(flow: flow.name, node: node.id)
                guard nodes[ref]?.index == index else { continue }
                if !reached.contains(ref) {
                    warning(
                        flow.file, LintContext.nodePath(index, .key("id")),
                        "node '\(node.id)' is never reached from the start, the main menu, the officer node or an FAQ topic"
                    )
                } else if !canExit.contains(ref) {
                    warning(
                        flow.file, LintContext.nodePath(index, .key("id")),
                        "dead end: no path from node '\(node.id)' leads back to the main menu, an end node or an officer"
                    )
                }
            }
        }
    }

    /// A chain of nodes that never wait (message, submit, status, end) closing on itself would spin forever.
    mutating func checkInfiniteLoops() {
        var state: [NodeRef: Int] = [:]  // 1 = on the current chain, 2 = done
        let ordered = input.flows.flatMap { flow in flow.nodes.map { NodeRef(flow: flow.name, node: $0.node.id) } }
        for start in ordered {
            var chain: [NodeRef] = []
            var current: NodeRef? = start
            while let ref = current, state[ref] == nil, let node = nodes[ref]?.node, node.continuesWithoutWaiting {
                state[ref] = 1
                chain.append(ref)
                current = successors(ref).first
            }
            if let ref = current, state[ref] == 1, let loopStart = chain.firstIndex(of: ref) {
                let cycle = Array(chain[loopStart...])
                let first = cycle.min {
                    (nodes[$0]!.flow.name, nodes[$0]!.index) < (nodes[$1]!.flow.name, nodes[$1]!.index)
                }!
                let entry = nodes[first]!
                let rotated = Array(cycle.drop { $0 != first } + cycle.prefix { $0 != first })
                let names = (rotated + [first]).map { $0.flow == first.flow ? $0.node : $0.description }.joined(
                    separator: " → ")
                let key: JSONPathComponent = entry.node.body.typeName == "end" ? .key("id") : .key("next")
                error(
                    entry.flow.file, LintContext.nodePath(entry.index, key),
                    "infinite loop: \(names) never waits for the beneficiary")
            }
            for ref in chain { state[ref] = 2 }
        }
    }
}
