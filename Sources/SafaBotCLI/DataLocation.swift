#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the bot keeps its SQLite file.
struct DataLocation {
    let databasePath: String

    /// `--db PATH`, else `SAFA_DB_PATH`, else `safa-bot.sqlite` in `SAFA_DATA_DIR` (default `data/`).
    init(arguments: inout Arguments) throws {
        let environment = ProcessInfo.processInfo.environment
        if let path = try arguments.option("db") ?? environment["SAFA_DB_PATH"] {
            databasePath = path
        } else {
            let directory = environment["SAFA_DATA_DIR"] ?? "data"
            databasePath = directory + "/safa-bot.sqlite"
        }
    }

    /// The folder part of `path` ("" for a bare file name), as `deletingLastPathComponent` gives it.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates the folder the database lives in.
    func prepare() throws {
        let folder = Self.folder(of: databasePath)
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError.runtime("cannot create the data folder \(folder): \(error)")
        }
    }
}
