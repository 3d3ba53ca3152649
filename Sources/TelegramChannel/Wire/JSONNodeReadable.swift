import DialogCore

/// A wire type read straight from a parsed `JSONNode`: the fast path beside its `Decodable` conformance.
///
/// `init?(node:)` gives exactly the value `JSONDecoder` gives for the same JSON, or nil. Nil means "not
/// the shape I expect" and the caller decodes the body with `JSONDecoder` instead, so a mapping may be
/// stricter than the decoder (it refuses `1.0` for an integer) but never looser and never different.
protocol JSONNodeReadable {
    init?(node: JSONNode)
    /// The object keys this mapping reads, at any depth, when they are few: a body is then parsed
    /// without building the rest (`JSONNode.parse(_:keepingOnly:)`). Nil, the default, builds everything.
    static var keysRead: Set<String>? { get }
}

extension JSONNodeReadable {
    static var keysRead: Set<String>? { nil }
}

/// A JSON object type read member by member through `JSONFields`.
protocol JSONObjectReadable: JSONNodeReadable {
    init(fields: JSONFields) throws(JSONShapeMismatch)
}

extension JSONObjectReadable {
    init?(node: JSONNode) {
        guard let fields = JSONFields(node), let value = try? Self(fields: fields) else { return nil }
        self = value
    }
}

extension Bool: JSONNodeReadable {
    static var keysRead: Set<String>? { [] }

    init?(node: JSONNode) {
        guard case .bool(let value) = node else { return nil }
        self = value
    }
}

extension String: JSONNodeReadable {
    init?(node: JSONNode) {
        guard case .string(let value) = node else { return nil }
        self = value
    }
}

extension Int64: JSONNodeReadable {
    /// Integers as written; `1.0` or `1e3`, which `JSONDecoder` also accepts, are left to it.
    init?(node: JSONNode) {
        guard case .number(let text) = node, let value = Int64(text) else { return nil }
        self = value
    }
}

extension Int: JSONNodeReadable {
    init?(node: JSONNode) {
        guard case .number(let text) = node, let value = Int(text) else { return nil }
        self = value
    }
}

extension Double: JSONNodeReadable {
    /// Normal values only: whether `JSONDecoder` refuses `1e400` or `1e-400` is its call, so zeros and
    /// out-of-range values are left to it (a latitude of exactly 0 just takes the slow path).
    init?(node: JSONNode) {
        guard case .number(let text) = node, let value = Double(text), value.isNormal else { return nil }
        self = value
    }
}

extension Array: JSONNodeReadable where Element: JSONNodeReadable {
    init?(node: JSONNode) {
        guard case .array(let nodes) = node else { return nil }
        var elements: [Element] = []
        elements.reserveCapacity(nodes.count)
        for node in nodes {
            guard let element = Element(node: node) else { return nil }
            elements.append(element)
        }
        self = elements
    }
}
