import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Walks decoded JSON with a path, collecting problems instead of stopping at the first.
struct ConfigReader {
    var errors: [OfficerConfigurationError] = []

    static func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    mutating func object(_ value: Any?, at path: String, required: Bool = true) -> [String: Any]? {
        guard let value, !(value is JSONNull) else {
            if required { errors.append(.missingKey(path)) }
            return nil
        }
        guard let object = value as? [String: Any] else {
            errors.append(.wrongType(key: path, expected: "an object"))
            return nil
        }
        return object
    }

    mutating func array(_ value: Any?, at path: String, required: Bool = true) -> [Any]? {
        guard let value, !(value is JSONNull) else {
            if required { errors.append(.missingKey(path)) }
            return nil
        }
        guard let array = value as? [Any] else {
            errors.append(.wrongType(key: path, expected: "an array"))
            return nil
        }
        return array
    }

    mutating func string(_ value: Any?, at path: String, required: Bool = true) -> String? {
        guard let value, !(value is JSONNull) else {
            if required { errors.append(.missingKey(path)) }
            return nil
        }
        guard let string = value as? String else {
            errors.append(.wrongType(key: path, expected: "a string"))
            return nil
        }
        if required && string.trimmed.isEmpty {
            errors.append(.invalidValue(key: path, reason: "must not be empty"))
            return nil
        }
        return string
    }

    mutating func integer(_ value: Any?, at path: String, required: Bool = true) -> Int64? {
        guard let value, !(value is JSONNull) else {
            if required { errors.append(.missingKey(path)) }
            return nil
        }
        guard let int = Self.exactInteger(value) else {
            errors.append(.wrongType(key: path, expected: "an integer"))
            return nil
        }
        return int
    }

    /// An integer, refusing booleans and fractions (`JSONValue.untyped` keeps the three apart).
    static func exactInteger(_ value: Any) -> Int64? {
        (value as? Int).map(Int64.init)
    }
}
