import BotRuntime

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The store's one JSON encoding: dates as seconds since 1970 (as in its REAL columns).
///
/// Not Sendable (JSONEncoder/Decoder are classes): each store keeps its own and uses it under its queue.
struct StoreJSON {
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    init() {
        encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        // No sorted keys: sorting every object costs more than it is worth for rows nobody diffs.
        encoder.outputFormatting = [.withoutEscapingSlashes]
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
    }

    /// `value` as UTF-8 JSON text.
    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes stored JSON; a failure names the table and row only, since decoding errors may quote contents.
    func decode<T: Decodable>(_ type: T.Type, from text: String, table: String, row: String) throws -> T {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw RuntimeStoreError.corruptRecord(table: table, row: row)
        }
    }
}
