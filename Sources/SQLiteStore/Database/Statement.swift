internal import CSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Owns one prepared `sqlite3_stmt`: binds parameters, steps, reads columns, resets; finalized in deinit.
///
/// Not Sendable: use it only where its `Database` is used (one thread at a time).
final class Statement {
    /// The statement's SQL text (placeholders only, never values), for errors.
    let sql: String
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    /// Compiles `sql` on `connection`; `persistent` tells SQLite the statement will be reused many times.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        var prepared: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let flags = persistent ? csqlite_prepare_persistent() : 0
        let code = sql.withCString { text in
            sqlite3_prepare_v3(connection, text, -1, flags, &prepared, &tail)
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(prepared)  // NULL after a failed prepare; finalizing NULL is a harmless no-op
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
        guard let prepared else {
            // SQLite returns OK and no statement for text that is only whitespace or comments.
            throw SQLiteError(code: SQLITE_MISUSE, message: "empty statement", sql: sql)
        }
        self.handle = prepared
        self.connection = connection
        self.sql = sql
        if let tail, tail.pointee != 0, !String(cString: tail).allSatisfy(\.isWhitespace) {
            throw SQLiteError(code: SQLITE_MISUSE, message: "more than one statement in one prepare", sql: sql)
        }
    }

    deinit {
        // sqlite3_finalize repeats the last step's error, which was already thrown; nothing to report here.
        sqlite3_finalize(handle)
    }

    // MARK: Binding

    /// Binds `values` to parameters 1…n, after resetting the statement and clearing old bindings.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        try reset()
        try check(sqlite3_clear_bindings(handle))
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                code: SQLITE_RANGE, message: "expected \(expected) values, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the 1-based parameter `index`; SQLite copies text and blobs (SQLITE_TRANSIENT).
    func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                // An empty buffer may have a nil base address; SQLite reads NULL text as NULL, so pass "".
                guard let base = bytes.baseAddress else {
                    return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                    sqlite3_bind_text64(
                        handle, index, chars, sqlite3_uint64(bytes.count), csqlite_transient(), UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let data):
            code = data.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), csqlite_transient())
            }
        }
        try check(code)
    }

    // MARK: Stepping

    /// Advances to the next row: true when a row is available, false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: code, connection: connection, sql: sql)
        }
    }

    /// Rewinds the statement so it can run again (bindings are kept).
    func reset() throws(SQLiteError) {
        try check(sqlite3_reset(handle))
    }

    /// Rewinds after a failed step: sqlite3_reset then repeats the step's error, which the caller already
    /// has, so its result is deliberately not thrown again.
    func resetAfterFailure() {
        _ = sqlite3_reset(handle)
    }

    // MARK: Columns (0-based, valid after `step()` returned true)

    /// True when the column holds NULL.
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// The column's text, or nil for NULL.
    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        // sqlite3_column_bytes must follow sqlite3_column_text, which may convert the value first.
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The column's bytes, or nil for NULL.
    func data(_ column: Int32) -> Data? {
        if isNull(column) { return nil }
        guard let bytes = sqlite3_column_blob(handle, column) else { return Data() }  // an empty blob
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A date stored as seconds since 1970, or nil for NULL.
    func date(_ column: Int32) -> Date? {
        isNull(column) ? nil : Date(timeIntervalSince1970: double(column))
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }
}
