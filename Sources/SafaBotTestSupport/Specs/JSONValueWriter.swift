import DialogCore

/// Writes a `JSONValue` as compact JSON with sorted keys and unescaped slashes, with DialogCore's `JSONWriter`.
///
/// The same text JSONEncoder (`[.sortedKeys, .withoutEscapingSlashes]`) gives, at a fraction of its cost:
/// the encoder goes through generic containers and dynamic casts for every member of every answer.
enum JSONValueWriter {
    /// A non-finite double has no JSON form; JSONEncoder refuses the whole value then.
    struct NonFiniteNumber: Error {}

    /// The JSON text of `value`.
    static func write(_ value: JSONValue) throws(NonFiniteNumber) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        try append(value, to: &writer)
        return writer.bytes
    }

    private static func append(_ value: JSONValue, to writer: inout JSONWriter) throws(NonFiniteNumber) {
        switch value {
        case .null: writer.raw("null")
        case .bool(let flag): writer.bool(flag)
        case .int(let integer): writer.int(Int(integer))
        case .double(let number):
            guard number.isFinite else { throw NonFiniteNumber() }
            writer.double(number)
        case .string(let text): writer.string(text)
        case .array(let elements):
            writer.raw("[")
            for (offset, element) in elements.enumerated() {
                if offset > 0 { writer.raw(",") }
                try append(element, to: &writer)
            }
            writer.raw("]")
        case .object(let members):
            writer.raw("{")
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { writer.raw(",") }
                writer.string(key)
                writer.raw(":")
                // The key comes from `members`, so the lookup always finds it.
                try append(members[key] ?? .null, to: &writer)
            }
            writer.raw("}")
        }
    }
}
