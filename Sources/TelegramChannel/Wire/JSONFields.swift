import DialogCore

/// Thrown inside a `JSONObjectReadable` mapping when the JSON is not the expected shape.
struct JSONShapeMismatch: Error {}

/// The members of one JSON object, read with `JSONDecoder`'s rules for required and optional keys.
struct JSONFields {
    let members: [String: JSONNode]

    /// Nil unless `node` is an object.
    init?(_ node: JSONNode) {
        guard case .object(let members) = node else { return nil }
        self.members = members
    }

    /// A required key (`decode`): absent, null or mistyped throws.
    func required<T: JSONNodeReadable>(_ key: String) throws(JSONShapeMismatch) -> T {
        guard let node = members[key], let value = T(node: node) else { throw JSONShapeMismatch() }
        return value
    }

    /// An optional key (`decodeIfPresent`): absent or null is nil; present and mistyped throws.
    func optional<T: JSONNodeReadable>(_ key: String) throws(JSONShapeMismatch) -> T? {
        guard let node = members[key] else { return nil }
        if case .null = node { return nil }
        guard let value = T(node: node) else { throw JSONShapeMismatch() }
        return value
    }
}
