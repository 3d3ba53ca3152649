internal import CSQLite

extension Database {
    /// Runs one statement and hands each row to `body` as it is stepped, collecting nothing (exports of
    /// many rows). A fresh statement, not the cache's: `body` may run other cached queries meanwhile.
    func forEachRow(_ sql: String, _ values: [SQLiteValue] = [], _ body: (Statement) throws -> Void) throws {
        let statement = try makeStatement(sql)
        try statement.bind(values)
        do {
            while try statement.step() { try body(statement) }
        } catch {
            statement.resetAfterFailure()
            throw error
        }
        try statement.reset()
    }
}
