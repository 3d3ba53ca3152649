public import Foundation

/// Checks a `POST /<version>/<phone-number-id>/messages` body the way the Cloud API would: the shape of
/// Meta's own example for that message type (`platform-specs/whatsapp/examples/request-*.json`, taken from
/// the OpenAPI spec), the required members and the length limits of the spec's schemas (`TextMessage`,
/// `InteractiveObject`, `BodyObject`, `ActionObject`, `SectionObject`).
public struct GraphRequestValidator: Sendable {
    /// Example bodies by the message kind they show.
    let examples: [String: JSONValue]

    /// Loads the examples from `PlatformSpecs`; throws when they cannot be read.
    public init(directory: URL = PlatformSpecs.directory.appending(path: "whatsapp/examples")) throws {
        let files = [
            "text": "request-send-text.meta-openapi.json",
            "interactive.button": "request-send-interactive-reply-buttons.meta-openapi.json",
            "interactive.list": "request-send-interactive-list.meta-openapi.json",
            "template": "request-send-template-text.meta-openapi.json",
            "read": "request-mark-read-with-typing-indicator.meta-openapi.json",
        ]
        var examples: [String: JSONValue] = [:]
        for (kind, file) in files {
            examples[kind] = try JSONValue(parsing: Data(contentsOf: directory.appending(path: file)))
        }
        // Media messages have no example file; the spec's "Send Image/Document Message by ID" examples are:
        examples["image"] = .object([
            "messaging_product": .string("whatsapp"), "recipient_type": .string("individual"),
            "to": .string("x"), "type": .string("image"),
            "image": .object(["id": .string("x"), "caption": .string("x")]),
        ])
        examples["document"] = .object([
            "messaging_product": .string("whatsapp"), "recipient_type": .string("individual"),
            "to": .string("x"), "type": .string("document"),
            "document": .object(["id": .string("x"), "caption": .string("x"), "filename": .string("x")]),
        ])
        self.examples = examples
    }

    /// Every way `body` breaks the API; empty when it is a valid send.
    public func violations(_ body: Data) -> [String] {
        guard let value = try? JSONValue(parsing: body), case .object(let root) = value else {
            return ["body is not a JSON object"]
        }
        var problems: [String] = []
        guard root["messaging_product"]?.stringValue == "whatsapp" else {
            return ["messaging_product must be \"whatsapp\""]
        }
        let kind: String
        if root["status"] != nil {
            kind = "read"
        } else if let type = root["type"]?.stringValue {
            kind = type == "interactive" ? "interactive." + (root["interactive"]?["type"]?.stringValue ?? "?") : type
        } else {
            return ["type is missing"]
        }
        guard let example = examples[kind] else { return ["message kind \(kind) is not one the bot may send"] }
        compare(value, example, path: "", into: &problems)
        required(kind, value, into: &problems)
        limits(kind, value, into: &problems)
        return problems
    }

    /// Members the example does not have, or of another JSON type than the example's.
    private func compare(_ value: JSONValue, _ example: JSONValue, path: String, into problems: inout [String]) {
        switch (value, example) {
        case (.object(let members), .object(let expected)):
            for (name, member) in members {
                guard let shape = expected[name] else {
                    problems.append("unknown member \(path)\(name)")
                    continue
                }
                compare(member, shape, path: "\(path)\(name).", into: &problems)
            }
        case (.array(let items), .array(let expected)):
            guard let shape = expected.first else { return }
            for (index, item) in items.enumerated() {
                compare(item, shape, path: "\(String(path.dropLast()))[\(index)].", into: &problems)
            }
        case (.string, .string), (.bool, .bool), (.int, .int), (.double, .double), (.int, .double):
            break
        default:
            problems.append("\(String(path.dropLast())) must be \(example.kindName), found \(value.kindName)")
        }
    }

    private func required(_ kind: String, _ value: JSONValue, into problems: inout [String]) {
        func need(_ path: [String], in node: JSONValue?, _ label: String) {
            var node = node
            for key in path { node = node?[key] }
            if node == nil { problems.append("missing required \(label)") }
        }
        if kind != "read" {
            need(["to"], in: value, "to")
        }
        switch kind {
        case "text": need(["text", "body"], in: value, "text.body")
        case "read": need(["message_id"], in: value, "message_id")
        case "template":
            need(["template", "name"], in: value, "template.name")
            need(["template", "language", "code"], in: value, "template.language.code")
        case "interactive.button":
            need(["interactive", "body", "text"], in: value, "interactive.body.text")
            for button in value["interactive"]?["action"]?["buttons"]?.arrayValue ?? [] {
                need(["reply", "id"], in: button, "buttons[].reply.id")
                need(["reply", "title"], in: button, "buttons[].reply.title")
                need(["type"], in: button, "buttons[].type")
            }
        case "interactive.list":
            need(["interactive", "body", "text"], in: value, "interactive.body.text")
            need(["interactive", "action", "button"], in: value, "interactive.action.button")
            need(["interactive", "action", "sections"], in: value, "interactive.action.sections")
            for section in value["interactive"]?["action"]?["sections"]?.arrayValue ?? [] {
                for row in section["rows"]?.arrayValue ?? [] {
                    need(["id"], in: row, "rows[].id")
                    need(["title"], in: row, "rows[].title")
                }
            }
        case "image", "document": need([kind, "id"], in: value, "\(kind).id")
        default: break
        }
    }

    /// The spec's maxLength / minItems / maxItems, and the prose docs' 10 rows across all sections.
    private func limits(_ kind: String, _ value: JSONValue, into problems: inout [String]) {
        func length(_ text: String?, _ max: Int, _ label: String) {
            guard let text else { return }
            if text.isEmpty { problems.append("\(label) is empty") }
            if text.utf16.count > max { problems.append("\(label) is longer than \(max) characters") }
        }
        length(value["text"]?["body"]?.stringValue, 4096, "text.body")
        let interactive = value["interactive"]
        length(interactive?["body"]?["text"]?.stringValue, 1024, "interactive.body.text")
        if kind == "interactive.button" {
            let buttons = interactive?["action"]?["buttons"]?.arrayValue ?? []
            if !(1...3).contains(buttons.count) { problems.append("1 to 3 buttons allowed, got \(buttons.count)") }
            let titles = buttons.compactMap { $0["reply"]?["title"]?.stringValue }
            for title in titles { length(title, 20, "button title \"\(title)\"") }
            if Set(titles).count != titles.count { problems.append("button titles must be unique") }
            for id in buttons.compactMap({ $0["reply"]?["id"]?.stringValue }) { length(id, 256, "button id") }
        }
        if kind == "interactive.list" {
            length(interactive?["action"]?["button"]?.stringValue, 20, "action.button")
            let sections = interactive?["action"]?["sections"]?.arrayValue ?? []
            if !(1...10).contains(sections.count) { problems.append("1 to 10 sections allowed") }
            let rows = sections.flatMap { $0["rows"]?.arrayValue ?? [] }
            if !(1...10).contains(rows.count) { problems.append("1 to 10 rows in total allowed, got \(rows.count)") }
            if sections.count > 1 && sections.contains(where: { $0["title"] == nil }) {
                problems.append("every section needs a title when there are several")
            }
            let ids = rows.compactMap { $0["id"]?.stringValue }
            if Set(ids).count != ids.count { problems.append("row ids must be unique") }
            for row in rows {
                length(row["id"]?.stringValue, 200, "row id")
                length(row["title"]?.stringValue, 24, "row title \"\(row["title"]?.stringValue ?? "")\"")
                length(row["description"]?.stringValue, 72, "row description")
            }
        }
    }
}
