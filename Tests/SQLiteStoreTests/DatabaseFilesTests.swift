import Foundation
import Testing

@testable import SQLiteStore

/// The database holds national IDs, phones, names and IBANs: its files are the bot user's alone.
@Suite struct DatabaseFilesTests {
    func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safa-modes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aNewDatabaseAndItsWALAndSHMAre0600() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bot.sqlite").path
        let store = try SQLiteRuntimeStore(path: path)
        _ = try store.outboxDepth()
        #expect(store.tightenedFiles.isEmpty)
        for file in DatabaseFiles.paths(of: path) where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anExistingDatabaseReadableByOthersIsTightenedAndReported() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bot.sqlite").path
        do { _ = try SQLiteRuntimeStore(path: path) }
        for file in DatabaseFiles.paths(of: path) where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        let store = try SQLiteRuntimeStore(path: path)
        #expect(store.tightenedFiles.contains(path))
        for file in DatabaseFiles.paths(of: path) where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
    }
}
