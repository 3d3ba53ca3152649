import Foundation
import Testing

@testable import DialogCore

@Suite struct GraphTests {
    func bundle() throws -> DialogBundle { try #require(LoadingFixtures.load().bundle) }

    @Test func mermaidHasOneSubgraphPerFlowAndLabelledEdges() throws {
        let text = DialogGraph.mermaid(try bundle())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart TD")
        #expect(
            lines.filter { $0.hasPrefix("  subgraph ") } == [
                "  subgraph flow_help[\"help\"]", "  subgraph flow_main[\"main: القائمة الرئيسية\"]",
            ])
        #expect(lines.filter { $0 == "  end" }.count == 2)
        // Node ids are replaced by plain identifiers; labels show "id (type)".
        #expect(lines.contains("    n0[/\"form (form)\"/]"))
        #expect(lines.contains("    n7{\"menu (menu)\"}"))
        #expect(lines.contains("    n10{{\"officer (handoff)\"}}"))
        #expect(lines.contains("  n7 -->|\"طلب مساعدة\"| n0"))
        // An end node returns to the main menu; a declined attestation is a fallback.
        #expect(lines.contains("  n5 -.-> n7"))
        #expect(lines.contains("  n2 -.->|\"لا أقر\"| n7"))
    }

    @Test func mermaidEscapesQuotesAndMarkup() {
        #expect(DialogGraph.mermaidText("قال \"نعم\" <b> #1") == "قال #quot;نعم#quot; #lt;b#gt; #35;1")
    }

    @Test func dotQuotesIdsAndLabels() throws {
        var b = try bundle()
        b.flows["main"]?.title = "قائمة \"رئيسية\"\\"
        let text = DialogGraph.dot(b)
        #expect(text.hasPrefix("digraph dialogs {\n"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("  subgraph \"cluster_1\" {\n    label=\"main: قائمة \\\"رئيسية\\\"\\\\\";"))
        #expect(text.contains("    \"help.form\" [label=\"form (form)\", shape=folder];"))
        #expect(text.contains("  \"main.menu\" -> \"help.form\" [label=\"طلب مساعدة\"];"))
        #expect(text.contains("  \"help.attest\" -> \"main.menu\" [label=\"لا أقر\", style=dashed];"))
        #expect(DialogGraph.dotString("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test func longOptionLabelsAreLeftOffEdges() throws {
        var b = try bundle()
        b.flows["main"]?.nodes[1].body = .menu(
            text: "اختر", options: [Option(id: "1", label: String(repeating: "ط", count: 30), goto: "ask")])
        let edges = DialogGraph.edges(b).filter { $0.from == NodeRef(flow: "main", node: "menu") }
        #expect(
            edges == [
                DialogGraph.Edge(
                    from: NodeRef(flow: "main", node: "menu"), to: NodeRef(flow: "main", node: "ask"), label: nil,
                    dashed: false)
            ])
    }
}
