/// How hard SQLite pushes each commit to disk (`PRAGMA synchronous`), always with the WAL journal.
///
/// - `normal`: a commit is durable against a crash or SIGKILL of the process (the WAL is written before
///   COMMIT returns), but the last transactions before a power loss or kernel panic may be lost — never
///   corrupted. The bot's default: fast, and platforms resend what was not acknowledged.
/// - `full`: every commit is fsync'ed to the WAL before COMMIT returns, so it survives power loss too,
///   at the price of one fsync per transaction.
public enum SynchronousMode: String, Sendable, CaseIterable {
    case normal
    case full

    /// The pragma's value.
    var pragmaValue: String {
        switch self {
        case .normal: "NORMAL"
        case .full: "FULL"
        }
    }
}
