import Foundation

/// Runs `body` with the path of a database file in a fresh temporary directory, removed afterwards
/// (with the file's -wal and -shm companions).
func withTemporaryDatabase<T>(_ body: (String) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("safabot-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory.appendingPathComponent("store.sqlite").path)
}
