#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension DialogLoader {
    /// Reads `bot.json` key by key so every bad key is reported.
    static func loadSettings(_ root: JSONValue, file: String, into findings: inout [Finding]) -> BotSettings? {
        let before = findings.count
        DialogKeys.check(root, DialogKeys.bot, file: file, subject: "bot.json", into: &findings)
        if let commands = root["commands"], case .object = commands.kind {
            DialogKeys.check(commands, DialogKeys.commands, file: file, subject: "'commands'", into: &findings)
        }
        if let texts = root["texts"], case .object = texts.kind {
            DialogKeys.check(texts, DialogKeys.texts, file: file, subject: "'texts'", into: &findings)
        }
        if let requests = root["requests"], case .object = requests.kind {
            DialogKeys.check(requests, DialogKeys.requests, file: file, subject: "'requests'", into: &findings)
        }
        func member<T: Decodable>(_ key: String, _ type: T.Type) -> T? {
            guard let value = root[key] else { return nil }
            return decode(
                T.self, from: value, file: file, subject: "'\(key)'", reportMissingKeys: false, into: &findings)
        }
        let start = member("start", NodeRef.self)
        let mainMenu = member("mainMenu", NodeRef.self)
        let officer = member("officer", NodeRef.self)
        let survey = member("survey", NodeRef.self)
        let idle = member("idleTimeoutMinutes", Int.self)
        let attempts = member("maxAttempts", Int.self)
        let commands = member("commands", GlobalCommands.self)
        let texts = member("texts", BotTexts.self)
        let validation = member("validation", [String: String].self)
        let requests = member("requests", RequestTexts.self)
        guard findings[before...].allSatisfy({ $0.severity != .error }), let start, let mainMenu, let officer, let idle,
            let attempts,
            let commands, let texts, let validation
        else { return nil }
        return BotSettings(
            version: supportedVersion, start: start, mainMenu: mainMenu, officer: officer, idleTimeoutMinutes: idle,
            maxAttempts: attempts, commands: commands, texts: texts, validation: validation, survey: survey,
            requests: requests)
    }

    /// Reads `faq.json` topic by topic; `complete` is false when something could not be read.
    static func loadFAQ(
        _ root: JSONValue, file: String, into findings: inout [Finding]
    ) -> (faq: FAQ?, topics: [(index: Int, topic: FAQTopic)], complete: Bool) {
        let before = findings.count
        DialogKeys.check(root, DialogKeys.faq, file: file, subject: "faq.json", into: &findings)
        var synonyms: [String: [String]] = [:]
        if let value = root["synonyms"] {
            synonyms =
                decode([String: [String]].self, from: value, file: file, subject: "'synonyms'", into: &findings) ?? [:]
        }
        var ignore: [String] = []
        if let value = root["ignore"] {
            ignore = decode([String].self, from: value, file: file, subject: "'ignore'", into: &findings) ?? []
        }
        var outOfScope: [String] = []
        if let value = root["outOfScope"] {
            outOfScope = decode([String].self, from: value, file: file, subject: "'outOfScope'", into: &findings) ?? []
        }
        var replies = FAQReplies()
        if let value = root["replies"] {
            DialogKeys.check(value, DialogKeys.replies, file: file, subject: "'replies'", into: &findings)
            replies = decode(FAQReplies.self, from: value, file: file, subject: "'replies'", into: &findings) ?? replies
        }
        var topics: [(index: Int, topic: FAQTopic)] = []
        if let list = root["topics"] {
            if case .array(let items) = list.kind {
                for (index, item) in items.enumerated() {
                    guard case .object = item.kind else {
                        findings.append(
                            DialogKeys.finding(
                                .error, file, item, "expected an object for topic \(index + 1), found \(item.kindName)")
                        )
                        continue
                    }
                    let subject = item["id"]?.stringValue.map { "topic '\($0)'" } ?? "topic \(index + 1)"
                    DialogKeys.check(item, DialogKeys.topic, file: file, subject: subject, into: &findings)
                    if let topic = decode(
                        FAQTopic.self, from: item, file: file, subject: subject, reportMissingKeys: false,
                        into: &findings)
                    {
                        topics.append((index, topic))
                    }
                }
            } else {
                findings.append(
                    DialogKeys.finding(.error, file, list, "expected a list for 'topics', found \(list.kindName)"))
            }
        }
        let complete = findings[before...].allSatisfy { $0.severity != .error }
        let faq = FAQ(
            version: supportedVersion, synonyms: synonyms, ignore: ignore, outOfScope: outOfScope, replies: replies,
            topics: topics.map(\.topic))
        return (faq, topics, complete)
    }

    /// Reads one flow file node by node: a bad node is one finding and the others still load.
    static func loadFlow(
        _ root: JSONValue, name: String, file: String, into findings: inout [Finding]
    ) -> (flow: Flow?, nodes: [(index: Int, node: Node)], nodeIDs: [String], complete: Bool) {
        let before = findings.count
        let fileLabel = fileName(file)
        DialogKeys.check(root, DialogKeys.flow, file: file, subject: fileLabel, into: &findings)
        if name.isEmpty || name.contains(".") {
            findings.append(
                DialogKeys.finding(
                    .error, file, root, "flow file names must not contain '.' (targets are written flow.node)"))
        }
        if let flowValue = root["flow"] {
            if let written = flowValue.stringValue {
                if written != name {
                    findings.append(
                        DialogKeys.finding(
                            .error, file, flowValue,
                            "flow name '\(written)' does not match the file name; expected '\(name)'"))
                }
            } else {
                findings.append(
                    DialogKeys.finding(
                        .error, file, flowValue, "expected a string for 'flow', found \(flowValue.kindName)"))
            }
        }
        var title: String?
        if let value = root["title"] {
            title = decode(String.self, from: value, file: file, subject: "'title'", into: &findings)
        }
        var nodes: [(index: Int, node: Node)] = []
        var ids: [String] = []
        if let list = root["nodes"] {
            if case .array(let items) = list.kind {
                for (index, item) in items.enumerated() {
                    if let id = item["id"]?.stringValue { ids.append(id) }
                    if let node = loadNode(item, index: index, file: file, into: &findings) {
                        nodes.append((index, node))
                    }
                }
            } else {
                findings.append(
                    DialogKeys.finding(.error, file, list, "expected a list for 'nodes', found \(list.kindName)"))
            }
        }
        let complete = findings[before...].allSatisfy { $0.severity != .error }
        let headerOK = root["flow"]?.stringValue != nil && root["nodes"]?.elements != nil
        let flow = headerOK ? Flow(version: supportedVersion, flow: name, title: title, nodes: nodes.map(\.node)) : nil
        return (flow, nodes, ids, complete)
    }

    static func loadNode(_ item: JSONValue, index: Int, file: String, into findings: inout [Finding]) -> Node? {
        guard case .object = item.kind else {
            findings.append(
                DialogKeys.finding(
                    .error, file, item, "expected an object for node \(index + 1), found \(item.kindName)"))
            return nil
        }
        let before = findings.count
        guard let idValue = item["id"], let id = idValue.stringValue else {
            let message =
                item["id"].map { "expected a string for the node's 'id', found \($0.kindName)" }
                ?? "node \(index + 1) is missing required key 'id'"
            findings.append(DialogKeys.finding(.error, file, item["id"] ?? item, message))
            return nil
        }
        if id.isEmpty || id.contains(".") {
            findings.append(
                DialogKeys.finding(.error, file, idValue, "node id '\(id)' must be non-empty and must not contain '.'"))
        }
        guard let typeValue = item["type"] else {
            findings.append(DialogKeys.finding(.error, file, item, "node '\(id)' is missing required key 'type'"))
            return nil
        }
        guard let type = typeValue.stringValue, let shape = DialogKeys.nodes[type] else {
            let written = typeValue.stringValue.map { "'\($0)'" } ?? typeValue.kindName
            findings.append(
                DialogKeys.finding(
                    .error, file, typeValue,
                    "unknown node type \(written) for node '\(id)'; expected one of \(Node.typeNames.joined(separator: ", "))"
                ))
            return nil
        }
        let subject = "node '\(id)' (type \(type))"
        var full = shape
        full.required = ["id", "type"] + shape.required
        DialogKeys.check(item, full, file: file, subject: subject, into: &findings)
        // Fields and options one by one, so each bad one is its own finding.
        for (j, field) in (item["fields"]?.elements ?? []).enumerated() {
            let fieldSubject =
                field["id"]?.stringValue.map { "field '\($0)' of node '\(id)'" } ?? "field \(j + 1) of node '\(id)'"
            guard case .object = field.kind else {
                findings.append(
                    DialogKeys.finding(
                        .error, file, field, "expected an object for \(fieldSubject), found \(field.kindName)"))
                continue
            }
            DialogKeys.check(field, DialogKeys.field, file: file, subject: fieldSubject, into: &findings)
            checkOptions(field["options"], owner: fieldSubject, file: file, into: &findings)
            _ = decode(
                FormField.self, from: field, file: file, subject: fieldSubject, reportMissingKeys: false,
                into: &findings)
        }
        if type == "menu" || type == "survey" {
            checkOptions(item["options"], owner: subject, file: file, into: &findings)
        }
        var nodeFindings: [Finding] = []
        let node = decode(
            Node.self, from: item, file: file, subject: subject, reportMissingKeys: false, into: &nodeFindings)
        // A field's or option's error is already reported where it is; do not repeat it for the whole node.
        let seen = Set(findings[before...].map { SourcePosition(line: $0.line, column: $0.column) })
        findings += nodeFindings.filter { !seen.contains(SourcePosition(line: $0.line, column: $0.column)) }
        return findings[before...].contains { $0.severity == .error } ? nil : node
    }

    static func checkOptions(_ list: JSONValue?, owner: String, file: String, into findings: inout [Finding]) {
        for (k, option) in (list?.elements ?? []).enumerated() {
            let subject = "option \(k + 1) of \(owner)"
            guard case .object = option.kind else {
                findings.append(
                    DialogKeys.finding(
                        .error, file, option, "expected an object for \(subject), found \(option.kindName)"))
                continue
            }
            DialogKeys.check(option, DialogKeys.option, file: file, subject: subject, into: &findings)
            _ = decode(
                Option.self, from: option, file: file, subject: subject, reportMissingKeys: false, into: &findings)
        }
    }
}
