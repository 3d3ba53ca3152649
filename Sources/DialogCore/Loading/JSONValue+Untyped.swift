#if canImport(FoundationEssentials)
    package import FoundationEssentials
#else
    package import Foundation
#endif

/// JSON `null` in the loosely typed form of a document (JSONSerialization's NSNull, which
/// FoundationEssentials does not have).
package struct JSONNull: Sendable, Equatable {
    package init() {}
}

extension JSONValue {
    /// The loosely typed form, for configuration readers that walk a document by hand:
    /// `[String: Any]`, `[Any]`, `String`, `Int` (a number written without fraction or exponent that
    /// fits), `Double` (any other number), `Bool` or `JSONNull`. A duplicated key keeps its first value.
    package var untyped: Any {
        switch kind {
        case .object(let members):
            var object: [String: Any] = [:]
            for member in members where object[member.key] == nil { object[member.key] = member.value.untyped }
            return object
        case .array(let items): return items.map(\.untyped)
        case .string(let text): return text
        case .number(let spelling): return Int(spelling) ?? Double(spelling) ?? Double.nan
        case .bool(let flag): return flag
        case .null: return JSONNull()
        }
    }

    /// `data` parsed into its loosely typed form; nil when it is not JSON.
    package static func untyped(parsing data: Data) -> Any? {
        guard case .success(let document) = JSONLocator.parse(data) else { return nil }
        return document.root.untyped
    }
}
