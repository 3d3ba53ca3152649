#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Applies ordered, named schema migrations once each, every one in its own transaction.
///
/// Applied names are kept in a `schema_migrations` table. A database that records a migration this
/// build does not know was written by a newer build; opening it is refused rather than guessed at.
struct Migrator {
    /// One schema change: a stable name (never renamed once shipped) and the change itself.
    struct Migration {
        var name: String
        var apply: (Database) throws -> Void
    }

    /// Why migrating refused to run.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// The database records a migration unknown to this build (it was written by a newer one).
        case unknownMigration(name: String)
        /// Two migrations share a name (a programming error in the list).
        case duplicateName(String)

        var description: String {
            switch self {
            case .unknownMigration(let name): "database has migration \"\(name)\" unknown to this build"
            case .duplicateName(let name): "migration \"\(name)\" is listed twice"
            }
        }
    }

    private(set) var migrations: [Migration] = []

    /// Appends a migration; order of registration is order of application.
    mutating func register(_ name: String, _ apply: @escaping (Database) throws -> Void) {
        migrations.append(Migration(name: name, apply: apply))
    }

    /// Appends a migration that is one SQL script.
    mutating func register(_ name: String, sql: String) {
        register(name) { try $0.executeScript(sql) }
    }

    /// Applies every migration not yet applied, in order; returns the names it applied.
    @discardableResult
    func migrate(_ database: Database) throws -> [String] {
        var seen = Set<String>()
        for migration in migrations where !seen.insert(migration.name).inserted {
            throw Failure.duplicateName(migration.name)
        }
        try database.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at REAL NOT NULL)",
            cached: false)
        let known = Set(migrations.map(\.name))
        for name in try appliedNames(database) where !known.contains(name) {
            throw Failure.unknownMigration(name: name)
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try database.transaction {
                // Checked inside the write transaction, so two processes opening one file apply it once.
                guard try !appliedNames(database).contains(migration.name) else { return false }
                try migration.apply(database)
                try database.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    [.text(migration.name), .date(Date())], cached: false)
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        return applied
    }

    /// Names of the migrations already applied to `database`.
    func appliedNames(_ database: Database) throws -> Set<String> {
        Set(try database.query("SELECT name FROM schema_migrations", cached: false) { $0.string(0) ?? "" })
    }
}
