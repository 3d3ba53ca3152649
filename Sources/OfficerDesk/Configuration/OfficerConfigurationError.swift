/// One problem in `config/officers.json`, naming the key at fault as a JSON path (e.g. `queues[1].officers[0]`).
public enum OfficerConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not JSON, or its top level is not an object.
    case notJSON
    /// `version` is missing or not one this build reads.
    case unsupportedVersion(found: Int?)
    /// A required key is absent.
    case missingKey(String)
    /// A key holds the wrong kind of value.
    case wrongType(key: String, expected: String)
    /// A key holds a value of the right kind that is not acceptable.
    case invalidValue(key: String, reason: String)
    /// Two entries share an id.
    case duplicateID(key: String, id: String)
    /// A queue the bot needs is not configured.
    case missingQueue(String)

    public var description: String {
        switch self {
        case .notJSON: "officers configuration: not a JSON object"
        case .unsupportedVersion(let found):
            "officers configuration: version \(found.map(String.init) ?? "missing"), expected 1"
        case .missingKey(let key): "officers configuration: \(key): required key is missing"
        case .wrongType(let key, let expected): "officers configuration: \(key): expected \(expected)"
        case .invalidValue(let key, let reason): "officers configuration: \(key): \(reason)"
        case .duplicateID(let key, let id): "officers configuration: \(key): duplicate id \"\(id)\""
        case .missingQueue(let id): "officers configuration: queues: queue \"\(id)\" is required"
        }
    }
}

/// Every problem found while reading the officers' configuration, so an admin can fix them all at once.
public struct OfficerConfigurationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [OfficerConfigurationError]

    public init(_ errors: [OfficerConfigurationError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
