#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A strict RFC 8259 JSON parser whose values know their line, column and path.
///
/// Foundation's JSONSerialization reports no positions, and admins need `file:line:column` for every problem.
public enum JSONLocator {
    /// Nesting deeper than this is refused: no dialog or configuration file needs more, and a document
    /// from the network cannot make the parser recurse (or the tree it builds) arbitrarily deep.
    public static let maximumDepth = 64

    /// Parses UTF-8 `data` (a leading byte order mark is skipped).
    public static func parse(_ data: Data) -> Result<JSONDocument, JSONSyntaxError> {
        let bytes = [UInt8](data)
        var parser = JSONLocatorParser(bytes: bytes)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }

    /// Parses a string (convenient in tests).
    public static func parse(_ text: String) -> Result<JSONDocument, JSONSyntaxError> {
        parse(Data(text.utf8))
    }
}

/// The parser's cursor; `line`/`column` are tracked incrementally so positions cost O(1) amortised.
struct JSONLocatorParser {
    let bytes: [UInt8]
    var offset = 0
    var line = 1
    /// Offset where the current line starts, and a column cache for it (positions are asked in increasing order).
    var lineStart = 0
    var cachedOffset = 0
    var cachedColumn = 1
    var duplicates: [JSONDuplicateKey] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            offset = 3
            lineStart = 3
            cachedOffset = 3
        }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONDocument {
        skipWhitespace()
        guard offset < bytes.count else { throw error("the file is empty; expected a JSON value") }
        let root = try parseValue(location: .root, depth: 0)
        skipWhitespace()
        if offset < bytes.count {
            throw error("unexpected \(describeCurrent()) after the end of the JSON value")
        }
        return JSONDocument(root: root, duplicateKeys: duplicates)
    }

    // MARK: positions and errors

    /// The position of `offset`; advances the column cache (callers ask in increasing order within a line).
    mutating func position() -> SourcePosition {
        if cachedOffset < lineStart || cachedOffset > offset {
            cachedOffset = lineStart
            cachedColumn = 1
        }
        var column = cachedColumn
        var i = cachedOffset
        while i < offset {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cachedOffset = offset
        cachedColumn = column
        return SourcePosition(line: line, column: column)
    }

    mutating func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position(), offset: offset, message: message)
    }

    func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of file" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x20 || b == 0x7F { return "control character U+\(Int(b).hexadecimal(4))" }
        if b == 0x20 { return "space" }
        // Decode the scalar for a readable message; fall back to "byte" for invalid UTF-8.
        if let (scalar, _) = decodeScalar(at: offset) { return "'\(Character(scalar))'" }
        return "invalid UTF-8 byte 0x\(Int(b).hexadecimal(2))"
    }

    // MARK: whitespace

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
                cachedOffset = offset
                cachedColumn = 1
            default: return
            }
        }
    }

    // MARK: values

    mutating func parseValue(location: JSONLocation, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw error("unexpected end of file, expected a value") }
        let start = position()
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            guard depth < JSONLocator.maximumDepth else {
                throw error("nesting deeper than \(JSONLocator.maximumDepth) levels is not supported")
            }
            return JSONValue(kind: .object(try parseObject(location: location, depth: depth + 1)), position: start, location: location)
        case UInt8(ascii: "["):
            guard depth < JSONLocator.maximumDepth else {
                throw error("nesting deeper than \(JSONLocator.maximumDepth) levels is not supported")
            }
            return JSONValue(kind: .array(try parseArray(location: location, depth: depth + 1)), position: start, location: location)
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try parseString()), position: start, location: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try parseNumber()), position: start, location: location)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(kind: .bool(true), position: start, location: location)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(kind: .bool(false), position: start, location: location)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(kind: .null, position: start, location: location)
        case UInt8(ascii: "'"):
            throw error("strings must use double quotes, not single quotes")
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            throw error("unexpected \(describeCurrent()), expected a value")
        default:
            throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    mutating func expectLiteral(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard offset + w.count <= bytes.count, Array(bytes[offset..<offset + w.count]) == w else {
            throw error("invalid literal, expected '\(word)'")
        }
        offset += w.count
        if offset < bytes.count, isIdentifierByte(bytes[offset]) {
            throw error("invalid literal, expected '\(word)'")
        }
    }

    func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    mutating func parseObject(location: JSONLocation, depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
        offset += 1  // {
        var members: [JSONMember] = []
        var firstSeen: [String: SourcePosition] = [:]
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return members
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count else { throw error("unexpected end of file, expected an object key") }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                if bytes[offset] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("unexpected \(describeCurrent()), expected '\"' to start an object key")
            }
            let keyPosition = position()
            let key = try parseString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
                throw error("expected ':' after object key, found \(describeCurrent())")
            }
            offset += 1
            skipWhitespace()
            let value = try parseValue(location: location.appending(.key(key)), depth: depth)
            if let first = firstSeen[key] {
                duplicates.append(
                    JSONDuplicateKey(key: key, objectPath: location.path, position: keyPosition, firstPosition: first))
            } else {
                firstSeen[key] = keyPosition
            }
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard offset < bytes.count else {
                throw error("unexpected end of file, expected ',' or '}' after object member")
            }
            switch bytes[offset] {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return members
            default: throw error("expected ',' or '}' after object member, found \(describeCurrent())")
            }
        }
    }

    mutating func parseArray(location: JSONLocation, depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        offset += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return items
        }
        while true {
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            items.append(try parseValue(location: location.appending(.index(items.count)), depth: depth))
            skipWhitespace()
            guard offset < bytes.count else {
                throw error("unexpected end of file, expected ',' or ']' after array element")
            }
            switch bytes[offset] {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return items
            default: throw error("expected ',' or ']' after array element, found \(describeCurrent())")
            }
        }
    }

    // MARK: strings

    /// Decodes one UTF-8 scalar at `i`; nil for invalid or overlong sequences.
    func decodeScalar(at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        let length: Int
        var value: UInt32
        switch b0 {
        case 0x00...0x7F: return (Unicode.Scalar(b0), 1)
        case 0xC2...0xDF:
            length = 2
            value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        offset += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        // Copy unescaped runs in bulk: most strings have no escapes.
        var runStart = offset
        func flush(_ parser: JSONLocatorParser, _ scalars: inout String.UnicodeScalarView, _ from: Int) {
            if from < parser.offset {
                scalars.append(
                    contentsOf: String(decoding: parser.bytes[from..<parser.offset], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard offset < bytes.count else { throw error("unterminated string: end of file before the closing '\"'") }
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                flush(self, &scalars, runStart)
                offset += 1
                return String(scalars)
            }
            if b == UInt8(ascii: "\\") {
                flush(self, &scalars, runStart)
                scalars.append(try parseEscape())
                runStart = offset
                continue
            }
            if b < 0x20 {
                throw error(
                    b == 0x0A
                        ? "unterminated string: line break before the closing '\"' (write \\n for a new line)"
                        : "control character U+\(Int(b).hexadecimal(4)) must be escaped in a string")
            }
            if b < 0x80 {
                offset += 1
            } else {
                guard let (_, length) = decodeScalar(at: offset) else {
                    throw error(
                        "invalid UTF-8 byte 0x\(Int(b).hexadecimal(2)) in string; save the file as UTF-8")
                }
                offset += length
            }
        }
    }

    mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        offset += 1  // backslash
        guard offset < bytes.count else { throw error("unterminated string: end of file after '\\'") }
        let b = bytes[offset]
        offset += 1
        switch b {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                    bytes[offset + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        "unpaired surrogate \\u\(high.hexadecimal(4)): expected a low surrogate \\uDC00-\\uDFFF"
                    )
                }
                offset += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(
                        "invalid low surrogate \\u\(low.hexadecimal(4)) after \\u\(high.hexadecimal(4))"
                    )
                }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw error("invalid surrogate pair") }
                return scalar
            }
            if (0xDC00...0xDFFF).contains(high) {
                throw error("unpaired low surrogate \\u\(high.hexadecimal(4))")
            }
            guard let scalar = Unicode.Scalar(high) else { throw error("invalid \\u escape") }
            return scalar
        default:
            offset -= 2
            throw error(
                "invalid escape '\\\(b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "?")' in string")
        }
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count else { throw error("unterminated \\u escape: expected 4 hex digits") }
            let b = bytes[offset]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape: expected 4 hex digits, found \(describeCurrent())")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    // MARK: numbers

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = offset
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard isDigit(offset) else { throw error("invalid number: expected a digit after '-'") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if isDigit(offset) { throw error("invalid number: leading zeros are not allowed") }
        } else {
            while isDigit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard isDigit(offset) else { throw error("invalid number: expected a digit after '.'") }
            while isDigit(offset) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard isDigit(offset) else { throw error("invalid number: expected a digit in the exponent") }
            while isDigit(offset) { offset += 1 }
        }
        if offset < bytes.count, isIdentifierByte(bytes[offset]) || bytes[offset] == UInt8(ascii: ".") {
            throw error("invalid number: unexpected \(describeCurrent())")
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
}
