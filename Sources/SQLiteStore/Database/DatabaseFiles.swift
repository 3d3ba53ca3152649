#if canImport(Glibc)
    import Glibc
#endif

/// The database and its WAL and SHM files hold national IDs, phone numbers, names and IBANs: only the bot's
/// own user may read them.
public enum DatabaseFiles {
    /// The database file and the two SQLite keeps beside it in WAL mode.
    public static func paths(of database: String) -> [String] {
        [database, database + "-wal", database + "-shm"]
    }

    /// Creates `database` with mode 0600 when it does not exist yet (SQLite then gives its WAL and SHM files
    /// the same mode), and takes group and other permissions away from each of its files that has them.
    /// Returns the existing files it tightened, for the log.
    @discardableResult
    public static func secure(_ database: String) -> [String] {
        if access(database, F_OK) != 0 {
            let fd = open(database, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { close(fd) }
        }
        var tightened: [String] = []
        for path in paths(of: database) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            if chmod(path, info.st_mode & 0o700) == 0 { tightened.append(path) }
        }
        return tightened
    }
}
