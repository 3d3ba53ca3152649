internal import CSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Owns one SQLite connection (`sqlite3*`): opens and configures it, caches statements, runs transactions.
///
/// Threading: opened with `SQLITE_OPEN_NOMUTEX` (SQLite's multi-thread mode, no per-call mutex), so the
/// caller must serialize every use of a `Database` and its statements — one thread at a time. It is
/// therefore not Sendable; `SQLiteRuntimeStore` confines it to a serial queue.
final class Database {
    /// How the connection is set up.
    struct Configuration {
        var synchronous: SynchronousMode = .normal
        /// How long a write waits for another connection's lock before failing with SQLITE_BUSY.
        var busyTimeoutMilliseconds: Int32 = 5_000
        /// The page size of a new database file (an existing file keeps its own). A commit writes every page
        /// it changed, whole, to the WAL: the bot's transactions change a few small rows in each of several
        /// tables and indexes, so 1 KiB pages write far fewer bytes for the same rows (at human pace, 16 KiB
        /// per update instead of 35; more pages per update, as rows overflow and the file grows more often).
        var newFilePageSize: Int = 1024
    }

    /// The file this connection opened.
    let path: String
    private let connection: OpaquePointer
    /// Prepared statements by SQL text, reused across calls (prepared with SQLITE_PREPARE_PERSISTENT).
    private var cache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path` in WAL mode with foreign keys on.
    init(path: String, configuration: Configuration = Configuration()) throws(SQLiteError) {
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let error = SQLiteError(code: code, connection: opened, sql: nil)
            // SQLite usually allocates a handle even when opening fails; it must still be closed.
            sqlite3_close_v2(opened)
            throw error
        }
        self.connection = opened
        self.path = path
        try check(sqlite3_extended_result_codes(opened, 1), sql: nil)
        try check(sqlite3_busy_timeout(opened, configuration.busyTimeoutMilliseconds), sql: nil)
        try configure(configuration)
    }

    deinit {
        // Statements first, so the close below can release the connection at once; close_v2 would
        // otherwise keep a zombie connection until the last statement is finalized. It returns
        // SQLITE_OK for any valid handle, so there is nothing to report.
        cache.removeAll()
        sqlite3_close_v2(connection)
    }

    private func configure(_ configuration: Configuration) throws(SQLiteError) {
        // Only takes effect before the file's first page is written (the journal_mode switch below).
        try execute("PRAGMA page_size = \(configuration.newFilePageSize)", cached: false)
        // journal_mode answers with the mode now in force; a file system without shared memory says "delete".
        let mode = try query("PRAGMA journal_mode = WAL", cached: false) { $0.string(0) }.first ?? nil
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                code: SQLITE_ERROR, message: "could not switch to WAL journal", sql: "PRAGMA journal_mode")
        }
        try execute("PRAGMA synchronous = \(configuration.synchronous.pragmaValue)", cached: false)
        try execute("PRAGMA foreign_keys = ON", cached: false)
    }

    // MARK: Statements

    /// A cached prepared statement for `sql`, compiled on first use.
    func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try Statement(connection: connection, sql: sql, persistent: true)
        cache[sql] = statement
        return statement
    }

    /// A fresh statement for `sql`, for one-off SQL such as migrations.
    func makeStatement(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: connection, sql: sql, persistent: false)
    }

    /// Runs one statement to completion with `values` bound, discarding any rows.
    func execute(_ sql: String, _ values: [SQLiteValue] = [], cached: Bool = true) throws(SQLiteError) {
        let statement = cached ? try cachedStatement(sql) : try makeStatement(sql)
        try statement.bind(values)
        do {
            while try statement.step() {}
        } catch {
            statement.resetAfterFailure()
            throw error
        }
        try statement.reset()
    }

    /// Runs one statement with `values` bound and maps each row with `row`.
    func query<Row>(
        _ sql: String, _ values: [SQLiteValue] = [], cached: Bool = true, row: (Statement) -> Row
    ) throws(SQLiteError) -> [Row] {
        let statement = cached ? try cachedStatement(sql) : try makeStatement(sql)
        try statement.bind(values)
        var rows: [Row] = []
        do {
            while try statement.step() { rows.append(row(statement)) }
        } catch {
            statement.resetAfterFailure()
            throw error
        }
        // Reset at once so a read statement does not hold its snapshot open until its next use.
        try statement.reset()
        return rows
    }

    /// Runs several statements without parameters (schema scripts), each checked.
    func executeScript(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw SQLiteError(
                code: code & 0xFF, extendedCode: sqlite3_extended_errcode(connection),
                message: message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code)), sql: sql)
        }
    }

    // MARK: Connection facts

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes64(connection)) }

    /// The rowid of the most recent successful INSERT.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection) }

    /// True when no transaction is open.
    var isAutocommit: Bool { sqlite3_get_autocommit(connection) != 0 }

    // MARK: Transactions

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back when it throws.
    ///
    /// IMMEDIATE takes the write lock at once, so a writer never fails half-way with SQLITE_BUSY on upgrade.
    /// Transactions do not nest; calling this inside one is a misuse error.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        guard isAutocommit else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "transaction already open", sql: "BEGIN IMMEDIATE")
        }
        try execute("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already done so after an error.
    private func rollback() {
        guard !isAutocommit else { return }
        do {
            try execute("ROLLBACK")
        } catch {
            // The caller is already throwing the error that caused the rollback, which matters more;
            // a failed ROLLBACK leaves the transaction for SQLite to roll back when the connection closes.
        }
    }

    private func check(_ code: Int32, sql: String?) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
    }
}
