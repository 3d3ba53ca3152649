#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Turns a method value into its name and `application/json` body.
public struct TelegramRequestEncoder: Sendable {
    public init() {}

    /// The method's name and JSON body; nil optionals are omitted.
    public func encode<M: TelegramMethod>(_ method: M) throws -> (method: String, body: Data) {
        if let handWritten = method as? any HandWrittenJSONBody { return (M.name, handWritten.jsonBody()) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (M.name, try encoder.encode(method))
    }
}
