/// Writes a `JSONValue` as compact JSON with sorted keys and unescaped slashes, straight into bytes.
///
/// The same text JSONEncoder (`[.sortedKeys, .withoutEscapingSlashes]`) gives, at a fraction of its cost:
/// the encoder goes through generic containers and dynamic casts for every member of every answer.
struct JSONValueWriter {
    private(set) var bytes: [UInt8] = []

    /// A non-finite double has no JSON form; JSONEncoder refuses the whole value then.
    struct NonFiniteNumber: Error {}

    /// The JSON text of `value`.
    static func write(_ value: JSONValue) throws(NonFiniteNumber) -> [UInt8] {
        var writer = JSONValueWriter()
        writer.bytes.reserveCapacity(256)
        try writer.append(value)
        return writer.bytes
    }

    private mutating func append(_ value: JSONValue) throws(NonFiniteNumber) {
        switch value {
        case .null: appendASCII("null")
        case .bool(let b): appendASCII(b ? "true" : "false")
        case .int(let i): appendASCII(String(i))
        case .double(let d):
            guard d.isFinite else { throw NonFiniteNumber() }
            // JSONEncoder writes integral doubles without the ".0" Swift's description adds.
            var text = d.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            appendASCII(text)
        case .string(let s): appendString(s)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                try append(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key)
                bytes.append(UInt8(ascii: ":"))
                // The key comes from `members`, so the lookup always finds it.
                try append(members[key] ?? .null)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
    }

    private mutating func appendASCII(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A quoted string: `"` and `\\` escaped, control characters as short or `\\u00XX` escapes, the rest as is
    /// (copied in runs: most strings need no escape at all).
    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): appendEscape(byte)
                case 0x0A: appendEscape(UInt8(ascii: "n"))
                case 0x0D: appendEscape(UInt8(ascii: "r"))
                case 0x09: appendEscape(UInt8(ascii: "t"))
                case 0x08: appendEscape(UInt8(ascii: "b"))
                case 0x0C: appendEscape(UInt8(ascii: "f"))
                default:
                    appendEscape(UInt8(ascii: "u"))
                    appendASCII("00")
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
