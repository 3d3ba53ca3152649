#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A value bound to a statement parameter: one of SQLite's five storage classes.
enum SQLiteValue: Equatable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
    case null
}

extension SQLiteValue {
    /// An integer, from Swift's `Int`.
    static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

    /// A date as seconds since 1970 (REAL), the one date encoding of the store's columns and JSON.
    static func date(_ value: Date) -> SQLiteValue { .real(value.timeIntervalSince1970) }

    /// Text, or NULL for nil.
    static func optionalText(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }

    /// A date, or NULL for nil.
    static func optionalDate(_ value: Date?) -> SQLiteValue { value.map(SQLiteValue.date) ?? .null }
}
