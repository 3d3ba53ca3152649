#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A position in a source file: 1-based line and column (column counted in Unicode scalars, as editors count Arabic).
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One step of a JSON path: an object key or an array index.
public enum JSONPathComponent: Sendable, Equatable, Hashable {
    case key(String)
    case index(Int)
}

/// Renders a path as `nodes[3].options[1].goto`; keys that are not plain identifiers are written `["key"]`.
public func jsonPathString(_ components: [JSONPathComponent]) -> String {
    var out = ""
    for component in components {
        switch component {
        case .index(let i): out += "[\(i)]"
        case .key(let k):
            let plain =
                !k.isEmpty
                && k.unicodeScalars.allSatisfy {
                    $0 == "_" || $0 == "-" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
                }
            if plain {
                out += out.isEmpty ? k : ".\(k)"
            } else {
                let escaped = k.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                out += "[\"\(escaped)\"]"
            }
        }
    }
    return out
}

/// Where a value sits in its document, as a link to its parent's location: every value of a document shares
/// its ancestors' links, so a document costs one small link per value however deep it is, and a path is
/// spelled out only when someone asks for it (an error message).
public final class JSONLocation: Sendable {
    public let parent: JSONLocation?
    let component: JSONPathComponent?

    /// The document itself.
    public static let root = JSONLocation(parent: nil, component: nil)

    init(parent: JSONLocation?, component: JSONPathComponent?) {
        self.parent = parent
        self.component = component
    }

    /// The location of the member or element `component` of the value here.
    public func appending(_ component: JSONPathComponent) -> JSONLocation {
        JSONLocation(parent: self, component: component)
    }

    /// The path from the document to here (O(depth), built on demand).
    public var path: [JSONPathComponent] {
        var components: [JSONPathComponent] = []
        var current: JSONLocation? = self
        while let location = current, let component = location.component {
            components.append(component)
            current = location.parent
        }
        return components.reversed()
    }

    /// A location whose path is `path`.
    public static func of(_ path: [JSONPathComponent]) -> JSONLocation {
        path.reduce(root) { $0.appending($1) }
    }
}

/// A JSON value that remembers where it was written.
public struct JSONValue: Sendable, Equatable {
    /// The value itself; numbers keep their exact spelling.
    public enum Kind: Sendable, Equatable {
        case object([JSONMember])
        case array([JSONValue])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    /// Where the value starts (its first character).
    public var position: SourcePosition
    /// Where the value sits in its document (shared with its ancestors; see ``path``).
    public var location: JSONLocation

    /// Where the value sits in its document, spelled out (O(depth): meant for messages, not for walking).
    public var path: [JSONPathComponent] { location.path }

    public init(kind: Kind, position: SourcePosition, location: JSONLocation) {
        self.kind = kind
        self.position = position
        self.location = location
    }

    public init(kind: Kind, position: SourcePosition, path: [JSONPathComponent]) {
        self.init(kind: kind, position: position, location: .of(path))
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.kind == b.kind && a.position == b.position && (a.location === b.location || a.path == b.path)
    }

    /// The path written as `nodes[3].options[1].goto` (empty for the document itself).
    public var pathString: String { jsonPathString(path) }

    /// The member named `key` (the first one when the key is duplicated), nil for non-objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index`, nil when out of range or not an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = kind, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Members of an object (empty for other kinds).
    public var members: [JSONMember] {
        if case .object(let m) = kind { return m }
        return []
    }

    /// Elements of an array (empty for other kinds).
    public var elements: [JSONValue] {
        if case .array(let a) = kind { return a }
        return []
    }

    public var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// The value at `path` below this one, or the deepest value that exists along it.
    public func deepest(_ path: [JSONPathComponent]) -> JSONValue {
        var current = self
        for component in path {
            let next: JSONValue?
            switch component {
            case .key(let k): next = current[k]
            case .index(let i): next = current[i]
            }
            guard let next else { return current }
            current = next
        }
        return current
    }

    /// A name for the kind of value, for messages ("expected a string, found an array").
    public var kindName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A key and its value inside a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    /// Where the key's opening quote is.
    public var keyPosition: SourcePosition
    public var value: JSONValue

    public init(key: String, keyPosition: SourcePosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
