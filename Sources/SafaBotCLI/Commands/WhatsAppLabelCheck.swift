import DialogCore
import WhatsAppChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot check`'s WhatsApp pass: option lists WhatsApp cannot show as written (a label too long for a
/// button or a list row, more than ten options), with what the beneficiary will see instead. Warnings only:
/// the renderer shortens or numbers them, so nothing breaks.
enum WhatsAppLabelCheck {
    /// One finding per option list that does not fit, located at its `options` in the flow file.
    static func findings(bundle: DialogBundle, directory: String) -> [Finding] {
        var findings: [Finding] = []
        for flow in bundle.flows.values.sorted(by: { $0.flow < $1.flow }) {
            let file = directory + "/" + flow.flow + ".json"
            let document = FileManager.default.contents(atPath: file).flatMap { try? JSONLocator.parse($0).get() }
            for (index, node) in flow.nodes.enumerated() {
                for (path, options) in optionLists(node) {
                    let buttons = options.map { Button(payload: $0.id, label: $0.label) }
                    guard let warning = WhatsAppRenderer.fitWarning(for: buttons) else { continue }
                    var value = document?.root["nodes"]?[index]
                    for component in path {
                        switch component {
                        case .key(let key): value = value?[key]
                        case .index(let i): value = value?[i]
                        }
                    }
                    let position = value?.position ?? SourcePosition(line: 1, column: 1)
                    findings.append(
                        Finding(
                            severity: .warning, file: file, line: position.line, column: position.column,
                            path: "nodes[\(index)]" + jsonPathString(path),
                            message: "WhatsApp: node \(node.id): \(warning)"))
                }
            }
        }
        return findings
    }

    /// A node's option lists with their JSON path inside the node.
    static func optionLists(_ node: Node) -> [([JSONPathComponent], [Option])] {
        switch node.body {
        case .menu(_, let options): return [([.key("options")], options)]
        case .survey(let survey): return [([.key("options")], survey.options)]
        case .form(let form):
            return form.fields.enumerated().compactMap { index, field in
                field.options.isEmpty ? nil : ([.key("fields"), .index(index), .key("options")], field.options)
            }
        default: return []
        }
    }
}
