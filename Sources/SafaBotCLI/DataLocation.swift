import Foundation

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

    /// Creates the folder the database lives in.
    func prepare() throws {
        let folder = (databasePath as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError.runtime("cannot create the data folder \(folder): \(error.localizedDescription)")
        }
    }
}
