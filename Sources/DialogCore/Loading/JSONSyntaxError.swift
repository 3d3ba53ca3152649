/// A JSON syntax error with the position where the parser gave up.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: SourcePosition
    /// Byte offset into the document.
    public var offset: Int
    /// Plain English, e.g. "expected ',' or '}' after object member".
    public var message: String

    public init(position: SourcePosition, offset: Int, message: String) {
        self.position = position
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(position): \(message)" }
}

/// A key written twice in the same object: JSON decoders silently keep one of them.
public struct JSONDuplicateKey: Sendable, Equatable {
    public var key: String
    /// Path of the object holding the key.
    public var objectPath: [JSONPathComponent]
    /// Where the key is written again.
    public var position: SourcePosition
    /// Where it was written first.
    public var firstPosition: SourcePosition

    public init(key: String, objectPath: [JSONPathComponent], position: SourcePosition, firstPosition: SourcePosition) {
        self.key = key
        self.objectPath = objectPath
        self.position = position
        self.firstPosition = firstPosition
    }
}

/// A parsed document: the value tree and the duplicate keys found on the way.
public struct JSONDocument: Sendable, Equatable {
    public var root: JSONValue
    public var duplicateKeys: [JSONDuplicateKey]

    public init(root: JSONValue, duplicateKeys: [JSONDuplicateKey]) {
        self.root = root
        self.duplicateKeys = duplicateKeys
    }
}
