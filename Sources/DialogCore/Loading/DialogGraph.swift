/// Draws the dialogs as a picture: Mermaid `flowchart TD` or Graphviz `digraph`, one cluster per flow.
public enum DialogGraph {
    /// Option labels longer than this are left off their edge to keep the picture readable.
    static let edgeLabelLimit = 24

    /// An edge between two nodes, labelled with the option that leads there when there is one.
    struct Edge: Equatable {
        var from: NodeRef
        var to: NodeRef
        var label: String?
        var dashed: Bool
    }

    /// Mermaid source (`flowchart TD`): paste into a Markdown file or mermaid.live.
    public static func mermaid(_ bundle: DialogBundle) -> String {
        var lines = ["flowchart TD"]
        let ids = identifiers(bundle)
        for name in bundle.flows.keys.sorted() {
            let flow = bundle.flows[name]!
            lines.append(
                "  subgraph \(mermaidID("flow_" + name))[\"\(mermaidText(flow.title.map { "\(name): \($0)" } ?? name))\"]"
            )
            for node in flow.nodes {
                let ref = NodeRef(flow: name, node: node.id)
                lines.append(
                    "    \(ids[ref]!)\(mermaidShape(node, text: mermaidText("\(node.id) (\(node.body.typeName))")))")
            }
            lines.append("  end")
        }
        for edge in edges(bundle) {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            let arrow = edge.dashed ? "-.->" : "-->"
            if let label = edge.label {
                lines.append("  \(from) \(arrow)|\"\(mermaidText(label))\"| \(to)")
            } else {
                lines.append("  \(from) \(arrow) \(to)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Graphviz source: `dot -Tsvg dialogs.dot > dialogs.svg`.
    public static func dot(_ bundle: DialogBundle) -> String {
        var lines = ["digraph dialogs {", "  rankdir=TB;", "  node [shape=box, fontname=\"sans-serif\"];"]
        for (index, name) in bundle.flows.keys.sorted().enumerated() {
            let flow = bundle.flows[name]!
            lines.append("  subgraph \"cluster_\(index)\" {")
            lines.append("    label=\(dotString(flow.title.map { "\(name): \($0)" } ?? name));")
            for node in flow.nodes {
                let ref = NodeRef(flow: name, node: node.id)
                let shape =
                    switch node.body {
                    case .menu, .survey: "diamond"
                    case .end: "doublecircle"
                    case .handoff: "hexagon"
                    case .form: "folder"
                    default: "box"
                    }
                lines.append(
                    "    \(dotString(ref.description)) [label=\(dotString("\(node.id) (\(node.body.typeName))")), shape=\(shape)];"
                )
            }
            lines.append("  }")
        }
        let known = Set(bundle.flows.flatMap { name, flow in flow.nodes.map { NodeRef(flow: name, node: $0.id) } })
        for edge in edges(bundle) where known.contains(edge.from) && known.contains(edge.to) {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(dotString(label))") }
            if edge.dashed { attributes.append("style=dashed") }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("  \(dotString(edge.from.description)) -> \(dotString(edge.to.description))\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every step edge; fallbacks (onNoMatch, onExhausted, onDecline) and the end's return to the menu are dashed.
    static func edges(_ bundle: DialogBundle) -> [Edge] {
        var result: [Edge] = []
        for name in bundle.flows.keys.sorted() {
            for node in bundle.flows[name]!.nodes {
                let from = NodeRef(flow: name, node: node.id)
                func add(_ target: String?, _ label: String? = nil, dashed: Bool = false) {
                    guard let target else { return }
                    let short = label.flatMap { $0.count <= edgeLabelLimit ? $0 : nil }
                    result.append(Edge(from: from, to: NodeRef(target, in: name), label: short, dashed: dashed))
                }
                switch node.body {
                case .message(_, let next): add(next)
                case .menu(_, let options): for option in options { add(option.goto, option.label) }
                case .inquiry(let n):
                    add(n.next)
                    add(n.onNoMatch, "no match", dashed: true)
                case .form(let n):
                    add(n.next)
                    for field in n.fields { add(field.onExhausted, field.id, dashed: true) }
                case .review(let n): add(n.next, n.confirmLabel)
                case .attestation(let n):
                    add(n.next, n.acceptLabel)
                    add(n.onDecline, n.declineLabel, dashed: true)
                case .submit(let n): add(n.next)
                case .status(let n): add(n.next)
                case .survey(let n): add(n.next)
                case .handoff: break
                case .end: result.append(Edge(from: from, to: bundle.settings.mainMenu, label: nil, dashed: true))
                }
            }
        }
        return result
    }

    /// Mermaid ids must be plain: node ids may be Arabic or contain '-', so each node gets `n<k>`.
    static func identifiers(_ bundle: DialogBundle) -> [NodeRef: String] {
        var ids: [NodeRef: String] = [:]
        var counter = 0
        for name in bundle.flows.keys.sorted() {
            for node in bundle.flows[name]!.nodes where ids[NodeRef(flow: name, node: node.id)] == nil {
                ids[NodeRef(flow: name, node: node.id)] = "n\(counter)"
                counter += 1
            }
        }
        return ids
    }

    static func mermaidID(_ text: String) -> String {
        String(
            text.unicodeScalars.map {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_"
            })
    }

    /// Text inside Mermaid quotes: quotes and markup characters become entity codes.
    static func mermaidText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\"": out += "#quot;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "#": out += "#35;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    static func mermaidShape(_ node: Node, text: String) -> String {
        switch node.body {
        case .menu, .survey: "{\"\(text)\"}"
        case .end: "((\"\(text)\"))"
        case .handoff: "{{\"\(text)\"}}"
        case .form: "[/\"\(text)\"/]"
        default: "[\"\(text)\"]"
        }
    }

    /// A Graphviz double-quoted string.
    static func dotString(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}
