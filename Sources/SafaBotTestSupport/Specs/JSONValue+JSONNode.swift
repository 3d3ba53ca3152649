import DialogCore

extension JSONValue {
    /// `node` as a `JSONValue` read the way JSONDecoder reads it, or nil when JSONDecoder must decide: a
    /// number that is not an integer within Int64 (a fraction, an exponent, a huge integer).
    ///
    /// DialogCore's `JSONNode` parser does the reading (it refuses what JSONDecoder refuses and keeps a
    /// repeated key's first value, as JSONDecoder does); this only maps its numbers.
    init?(node: JSONNode) {
        switch node {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .number(let text):
            guard let integer = Int64(text) else { return nil }
            self = .int(integer)
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = JSONValue(node: element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .object(let members):
            var values: [String: JSONValue] = [:]
            values.reserveCapacity(members.count)
            for (key, member) in members {
                guard let value = JSONValue(node: member) else { return nil }
                values[key] = value
            }
            self = .object(values)
        }
    }
}
