/// A reference to a node: `flow.node` across files, or a bare `node` inside the same flow.
public struct NodeRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var flow: String
    public var node: String

    public init(flow: String, node: String) {
        self.flow = flow
        self.node = node
    }

    /// Resolves `text` written inside `currentFlow`: `a.b` names flow `a`, node `b`; `b` names node `b` of `currentFlow`.
    public init(_ text: String, in currentFlow: String) {
        if let dot = text.firstIndex(of: ".") {
            flow = String(text[..<dot])
            node = String(text[text.index(after: dot)...])
        } else {
            flow = currentFlow
            node = text
        }
    }

    /// Parses a fully qualified `flow.node`; nil when there is no dot.
    public init?(qualified text: String) {
        guard text.contains(".") else { return nil }
        self.init(text, in: "")
    }

    public var description: String { "\(flow).\(node)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ref = NodeRef(qualified: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected flow.node, got \(text)"))
        }
        self = ref
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
