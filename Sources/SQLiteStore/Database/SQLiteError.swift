internal import CSQLite

/// A failed SQLite call: its result codes, SQLite's own message and the statement's SQL text.
///
/// The message comes from `sqlite3_errmsg`, which names tables and columns but never bound values;
/// `sql` is the statement text with `?` placeholders. Neither carries message text or personal data.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`…).
    public var code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`…); equals `code` when SQLite gave none.
    public var extendedCode: Int32
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    /// Reads the error SQLite recorded on `connection` for the call that just returned `code`.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        let primary = code & 0xFF
        if let connection {
            let extended = sqlite3_extended_errcode(connection)
            self.init(
                code: primary,
                // The connection's extended code belongs to this call only when its primary part matches.
                extendedCode: extended & 0xFF == primary ? extended : code,
                message: String(cString: sqlite3_errmsg(connection)),
                sql: sql
            )
        } else {
            self.init(code: primary, extendedCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
        }
    }

    /// True for a violated UNIQUE, PRIMARY KEY, CHECK, NOT NULL or FOREIGN KEY constraint.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(code)"
        if extendedCode != code { text += " (extended \(extendedCode))" }
        text += ": \(message)"
        if let sql { text += " — while running: \(sql)" }
        return text
    }
}
