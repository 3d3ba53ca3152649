extension LintContext {
    /// Field names templates may use in a flow: each form field's id, and `form.field`.
    ///
    /// Read from the file itself, so a form that failed to decode does not make every template "unknown".
    func templateFieldNames(in flow: LintFlow) -> Set<String> {
        var names = Set<String>()
        var forms: [(String, [String])] = []
        if let root = sources.documents[flow.file] {
            for node in root["nodes"]?.elements ?? [] where node["type"]?.stringValue == "form" {
                guard let id = node["id"]?.stringValue else { continue }
                forms.append((id, (node["fields"]?.elements ?? []).compactMap { $0["id"]?.stringValue }))
            }
        } else {
            for (_, node) in flow.nodes {
                if case .form(let form) = node.body { forms.append((node.id, form.fields.map(\.id))) }
            }
        }
        for (form, fields) in forms {
            for field in fields {
                names.insert(field)
                names.insert("\(form).\(field)")
            }
        }
        return names
    }

    /// What `{{name}}` may name in a node's text.
    func allowedTemplateNames(node: Node, key: String, fieldNames: Set<String>) -> Set<String> {
        switch node.body {
        case .submit:
            key == "text" ? fieldNames.union(["reference", "decision_hijri", "decision_gregorian"]) : fieldNames
        case .status: key == "itemText" ? ["reference", "submitted", "status"] : []
        case .review, .attestation, .message: fieldNames
        default: []
        }
    }

    /// Reports `{{name}}` placeholders not in `allowed`, and a `{{` never closed.
    mutating func checkTemplates(_ text: String, allowed: Set<String>, file: String, path: [JSONPathComponent]) {
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                error(file, path, "unclosed '{{' in text; write '{{name}}'")
                return
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            if let inner = Substring(name).range(of: "{{") {
                error(file, path, "unclosed '{{' in text; write '{{name}}'")
                rest =
                    rest[
                        rest.index(
                            open.upperBound, offsetBy: name.distance(from: name.startIndex, to: inner.lowerBound))...]
                continue
            }
            if !allowed.contains(name) {
                let hint =
                    allowed.isEmpty
                    ? "no template fields are allowed here"
                    : "allowed here: \(allowed.sorted().joined(separator: ", "))"
                error(file, path, "unknown template field '{{\(name)}}'; \(hint)")
            }
            rest = rest[close.upperBound...]
        }
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        let n = Array(needle.unicodeScalars)
        var i = startIndex
        while i < endIndex {
            var j = i
            var k = 0
            while k < n.count, j < endIndex, unicodeScalars[j] == n[k] {
                j = unicodeScalars.index(after: j)
                k += 1
            }
            if k == n.count { return i..<j }
            i = unicodeScalars.index(after: i)
        }
        return nil
    }
}
