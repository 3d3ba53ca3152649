import Foundation
import Testing

@testable import SQLiteStore

private struct Boom: Error {}

@Suite struct DatabaseTests {
    @Test func valuesOfEveryKindComeBackAsBound() throws {
        try withTemporaryDatabase { path in
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT, e TEXT)", cached: false)
            let blob = Data([0, 1, 2, 255])
            try db.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                [.integer(.max), .real(-2.5), .text("جمعية صفا\u{0}بعد"), .blob(blob), .null, .text("")])
            let rows = try db.query("SELECT i, r, s, b, n, e FROM t") { row in
                (row.int64(0), row.double(1), row.string(2), row.data(3), row.isNull(4), row.string(5))
            }
            let row = try #require(rows.first)
            #expect(row.0 == .max)
            #expect(row.1 == -2.5)
            #expect(row.2 == "جمعية صفا\u{0}بعد")  // embedded NUL kept: text is bound with its length
            #expect(row.3 == blob)
            #expect(row.4)
            #expect(row.5 == "")
        }
    }

    @Test func errorsNameTheStatementButNeverTheBoundValues() throws {
        try withTemporaryDatabase { path in
            let db = try Database(path: path)
            try db.execute("CREATE TABLE people (national_id TEXT UNIQUE)", cached: false)
            try db.execute("INSERT INTO people VALUES (?)", [.text("1098765432")])
            let error = try #require(throws: SQLiteError.self) {
                try db.execute("INSERT INTO people VALUES (?)", [.text("1098765432")])
            }
            #expect(error.code == 19)  // SQLITE_CONSTRAINT
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.isConstraintViolation)
            #expect(error.sql == "INSERT INTO people VALUES (?)")
            #expect(error.description.contains("UNIQUE"))
            #expect(!error.description.contains("1098765432"))
            // The cached statement is usable again after the failure.
            try db.execute("INSERT INTO people VALUES (?)", [.text("other")])
        }
    }

    @Test func misuseIsReportedNotIgnored() throws {
        try withTemporaryDatabase { path in
            let db = try Database(path: path)
            #expect(throws: SQLiteError.self) { try db.execute("SELECT 1; SELECT 2", cached: false) }
            #expect(throws: SQLiteError.self) { try db.execute("SELECT ?", []) }
            #expect(throws: SQLiteError.self) { try db.execute("SELEKT 1") }
            #expect(throws: SQLiteError.self) { try db.transaction { try db.transaction {} } }
        }
    }

    @Test func aFileThatCannotBeOpenedIsAnError() throws {
        let error = try #require(throws: SQLiteError.self) {
            try Database(path: "/nonexistent-safabot-dir/\(UUID().uuidString)/store.sqlite")
        }
        #expect(error.code == 14)  // SQLITE_CANTOPEN
    }

    @Test func aTransactionThatThrowsIsRolledBack() throws {
        try withTemporaryDatabase { path in
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (x INTEGER)", cached: false)
            // A plain do/catch, not #expect(throws:): Swift 6.3.1 (-Onone) ran this macro's closure again as the
            // body of the next transaction below, a miscompilation that failed this test spuriously.
            var caught: (any Error)?
            do {
                try db.transaction {
                    try db.execute("INSERT INTO t VALUES (1)")
                    throw Boom()
                }
            } catch {
                caught = error
            }
            #expect(caught is Boom)
            #expect(db.isAutocommit)
            try db.transaction { try db.execute("INSERT INTO t VALUES (2)") }
            #expect(try db.query("SELECT x FROM t") { $0.int(0) } == [2])
        }
    }

    @Test func theConnectionRunsInWALModeWithForeignKeysAndTheChosenSynchronousLevel() throws {
        try withTemporaryDatabase { path in
            let normal = try Database(path: path)
            #expect(try normal.query("PRAGMA journal_mode") { $0.string(0) } == ["wal"])
            #expect(try normal.query("PRAGMA foreign_keys") { $0.int(0) } == [1])
            #expect(try normal.query("PRAGMA synchronous") { $0.int(0) } == [1])  // NORMAL
            let full = try Database(path: path, configuration: .init(synchronous: .full))
            #expect(try full.query("PRAGMA synchronous") { $0.int(0) } == [2])  // FULL
        }
    }

    @Test func committedDataIsVisibleToAnotherConnectionAndRolledBackDataIsNot() throws {
        try withTemporaryDatabase { path in
            let writer = try Database(path: path)
            let reader = try Database(path: path)
            try writer.execute("CREATE TABLE t (x INTEGER)", cached: false)
            try writer.transaction { try writer.execute("INSERT INTO t VALUES (1)") }
            #expect(try reader.query("SELECT x FROM t") { $0.int(0) } == [1])

            #expect(throws: Boom.self) {
                try writer.transaction {
                    try writer.execute("INSERT INTO t VALUES (2)")
                    // Not yet committed: the other connection (another process, after a crash) cannot see it.
                    #expect(try reader.query("SELECT x FROM t") { $0.int(0) } == [1])
                    throw Boom()
                }
            }
            #expect(try reader.query("SELECT x FROM t") { $0.int(0) } == [1])
            #expect(try writer.query("SELECT x FROM t") { $0.int(0) } == [1])
        }
    }

    @Test func migrationsRunOnceInOrderAndUnknownOnesAreRefused() throws {
        try withTemporaryDatabase { path in
            let db = try Database(path: path)
            var migrator = Migrator()
            migrator.register("one", sql: "CREATE TABLE a (x INTEGER)")
            migrator.register("two", sql: "ALTER TABLE a ADD COLUMN y TEXT")
            #expect(try migrator.migrate(db) == ["one", "two"])
            #expect(try migrator.migrate(db) == [])

            var failing = migrator
            failing.register("three") { db in
                try db.execute("CREATE TABLE b (x INTEGER)", cached: false)
                throw Boom()
            }
            #expect(throws: Boom.self) { try failing.migrate(db) }
            // The failed migration left neither its table nor its record.
            #expect(try db.query("SELECT name FROM sqlite_master WHERE name = 'b'") { $0.string(0) }.isEmpty)
            #expect(try migrator.appliedNames(db) == ["one", "two"])

            var older = Migrator()
            older.register("one", sql: "CREATE TABLE a (x INTEGER)")
            #expect(throws: Migrator.Failure.unknownMigration(name: "two")) { try older.migrate(db) }
        }
    }
}
