#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A small JSON reader for the rows this program writes itself (inbox and outbox), read on every message,
/// and for Bot API answers.
///
/// Foundation's `JSONDecoder` is the largest cost left in a step; this parses any valid JSON into plain
/// values. Callers map those values to their types and fall back to `JSONDecoder` when the shape is
/// not the expected one, so an unusual row is still read correctly, only slower. To make that fallback
/// safe the reader is never more lenient than `JSONDecoder`: strict number grammar, valid UTF-8 only,
/// and a repeated object key keeps its first value, as `JSONDecoder` does.
public enum JSONNode: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written; converted by the caller to the type it needs.
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])

    public subscript(key: String) -> JSONNode? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var int: Int? { if case .number(let n) = self { Int(n) } else { nil } }
    public var double: Double? { if case .number(let n) = self { Double(n) } else { nil } }
    public var array: [JSONNode]? { if case .array(let a) = self { a } else { nil } }
    public var object: [String: JSONNode]? { if case .object(let o) = self { o } else { nil } }

    /// Parses `text`; nil when it is not valid JSON (or nests deeper than 64 levels).
    public static func parse(_ text: String) -> JSONNode? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Parses a UTF-8 body in place, without first copying it into a `String`; nil when it is not valid
    /// JSON, not valid UTF-8, or nests deeper than 64 levels.
    public static func parse(_ data: Data) -> JSONNode? {
        data.withUnsafeBytes(parse(bytes:))
    }

    /// Parses UTF-8 bytes; nil when they are not valid JSON, not valid UTF-8, or nest deeper than 64 levels.
    public static func parse(bytes: UnsafeRawBufferPointer) -> JSONNode? {
        bytes.withMemoryRebound(to: UInt8.self) { parse(utf8: $0) }
    }

    /// Parses like `parse(_:)`, but an object member whose key is not in `keys` (at any depth) is only
    /// checked, not built: for answers of which a few fields are read. Invalid JSON is refused all the same.
    public static func parse(_ data: Data, keepingOnly keys: Set<String>) -> JSONNode? {
        data.withUnsafeBytes { raw in raw.withMemoryRebound(to: UInt8.self) { parse(utf8: $0, keeping: keys) } }
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, keeping keys: Set<String>? = nil) -> JSONNode? {
        var parser = Parser(bytes: bytes, keep: keys)
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.index == bytes.count ? value : nil
    }
}

extension JSONNode {
    /// A recursive-descent parser over UTF-8 bytes that accepts exactly RFC 8259 JSON.
    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Object keys whose values are built; nil builds every value.
        var keep: Set<String>? = nil
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> JSONNode? {
            guard depth < 64 else { return nil }
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case 0x7B: return object(depth: depth)
            case 0x5B: return array(depth: depth)
            case 0x22: return string().map(JSONNode.string)
            case 0x74: return literal("true", .bool(true))
            case 0x66: return literal("false", .bool(false))
            case 0x6E: return literal("null", .null)
            default: return number()
            }
        }

        /// Checks one value as `value(depth:)` would accept it, without building it.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 64 else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case 0x7B: return skipMembers(close: 0x7D, depth: depth)
            case 0x5B: return skipMembers(close: 0x5D, depth: depth)
            case 0x22: return skipString()
            case 0x74: return literal("true", .null) != nil
            case 0x66: return literal("false", .null) != nil
            case 0x6E: return literal("null", .null) != nil
            default: return scanNumber()
            }
        }

        /// The members of an object (`close` = `}`: key, colon, value) or the elements of an array.
        mutating func skipMembers(close: UInt8, depth: Int) -> Bool {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return true
            }
            while true {
                if close == 0x7D {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == 0x22, skipString() else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == 0x3A else { return false }
                    index += 1
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == close {
                    index += 1
                    return true
                } else {
                    return false
                }
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONNode) -> JSONNode? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return nil }
            for k in 0..<count where bytes[index + k] != word.utf8Start[k] { return nil }
            index += count
            return value
        }

        /// `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`; anything looser (`+1`, `01`, `.5`, `1.`) is refused.
        mutating func number() -> JSONNode? {
            let start = index
            guard scanNumber() else { return nil }
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }

        /// Moves past a number in that grammar; false when there is none.
        mutating func scanNumber() -> Bool {
            if index < bytes.count, bytes[index] == 0x2D { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { return false }
            if bytes[index] == 0x30 { index += 1 } else { _ = skipDigits() }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                guard skipDigits() else { return false }
            }
            if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
                index += 1
                if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
                guard skipDigits() else { return false }
            }
            return true
        }

        /// Skips a run of digits; false when there was none.
        mutating func skipDigits() -> Bool {
            let start = index
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            return index > start
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

        /// A string without escapes becomes a `String` straight from the input; one with escapes is rebuilt.
        mutating func string() -> String? {
            switch scanString() {
            case .plain(let text): String(decoding: text, as: UTF8.self)
            case .escaped(let start): escapedString(from: start)
            case nil: nil
            }
        }

        /// Checks a string as `string()` would accept it, without building it.
        mutating func skipString() -> Bool {
            switch scanString() {
            case .plain: true
            case .escaped(let start): escapedString(from: start) != nil
            case nil: false
            }
        }

        enum ScannedString {
            /// Valid text with no escapes; the closing quote is read.
            case plain(UnsafeBufferPointer<UInt8>)
            /// A backslash at `index`: the text from `start` must be unescaped.
            case escaped(start: Int)
        }

        /// Reads from the opening quote to the closing one, or stops at the first backslash.
        mutating func scanString() -> ScannedString? {
            index += 1  // opening quote
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22:
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return ascii || Self.isValidUTF8(text) ? .plain(text) : nil
                case 0x5C: return .escaped(start: start)
                case 0x00..<0x20: return nil
                default:
                    if byte >= 0x80 { ascii = false }
                    index += 1
                }
            }
            return nil
        }

        /// Continues `string()` at the first backslash, copying what came before it.
        mutating func escapedString(from start: Int) -> String? {
            var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x22:
                    return out.withUnsafeBufferPointer { text in
                        Self.isValidUTF8(text) ? String(decoding: text, as: UTF8.self) : nil
                    }
                case 0x5C:
                    guard index < bytes.count else { return nil }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case 0x22, 0x5C, 0x2F: out.append(escaped)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard let scalar = unicodeEscape() else { return nil }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                case 0x00..<0x20: return nil
                default: out.append(byte)
                }
            }
            return nil
        }

        /// Whether `text` is well-formed UTF-8 (Unicode table 3-7: no overlongs, surrogates or values past
        /// U+10FFFF). Hand-written because `String(validating:as:)` is generic and costs more than parsing.
        static func isValidUTF8(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < text.count {
                let lead = text[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                var second: ClosedRange<UInt8> = 0x80...0xBF
                let trailing: Int
                switch lead {
                case 0xC2...0xDF: trailing = 1
                case 0xE0: (trailing, second) = (2, 0xA0...0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
                case 0xED: (trailing, second) = (2, 0x80...0x9F)
                case 0xF0: (trailing, second) = (3, 0x90...0xBF)
                case 0xF1...0xF3: trailing = 3
                case 0xF4: (trailing, second) = (3, 0x80...0x8F)
                default: return false
                }
                guard i + trailing < text.count, second.contains(text[i + 1]) else { return false }
                for k in stride(from: 2, through: trailing, by: 1) where !(0x80...0xBF).contains(text[i + k]) {
                    return false
                }
                i += trailing + 1
            }
            return true
        }

        /// The scalar of a `\uXXXX` escape (the `\u` already read), joining a surrogate pair.
        mutating func unicodeEscape() -> Unicode.Scalar? {
            guard var scalar = hex4() else { return nil }
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else { return nil }
                index += 2
                guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            return Unicode.Scalar(scalar)
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                index += 1
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        mutating func array(depth: Int) -> JSONNode? {
            index += 1
            var elements: [JSONNode] = []
            skipSpace()
            if index < bytes.count, bytes[index] == 0x5D {
                index += 1
                return .array(elements)
            }
            while true {
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x5D {
                    index += 1
                    return .array(elements)
                } else {
                    return nil
                }
            }
        }

        mutating func object(depth: Int) -> JSONNode? {
            index += 1
            var members: [String: JSONNode] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == 0x7D {
                index += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x22, let key = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == 0x3A else { return nil }
                index += 1
                if let keep, !keep.contains(key) {
                    guard skipValue(depth: depth + 1) else { return nil }
                } else {
                    guard let member = value(depth: depth + 1) else { return nil }
                    // JSONDecoder keeps a repeated key's first value; so do we (one hash in the usual case).
                    if let first = members.updateValue(member, forKey: key) { members[key] = first }
                }
                skipSpace()
                guard index < bytes.count else { return nil }
                if bytes[index] == 0x2C {
                    index += 1
                } else if bytes[index] == 0x7D {
                    index += 1
                    return .object(members)
                } else {
                    return nil
                }
            }
        }
    }
}
