/// One way a request breaks the Bot API spec.
public struct SpecViolation: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        case unknownMethod
        case missingRequired
        case unknownField
        /// The value is not any of the `expected` spec types.
        case wrongType(expected: [String], found: String)
    }

    /// `method.field[index].field…`
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .unknownMethod: "unknown method \(path)"
        case .missingRequired: "missing required parameter \(path)"
        case .unknownField: "unknown parameter \(path)"
        case .wrongType(let expected, let found):
            "\(path) must be \(expected.joined(separator: " or ")), found \(found)"
        }
    }
}
