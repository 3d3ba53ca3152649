public import BotRuntime
public import DialogCore
import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The runtime's durable memory in one SQLite file (WAL journal): inbox, states, outbox, records, settings.
///
/// Every call runs synchronously on a private serial queue that owns the connection, so calls from many
/// threads are serialized; call it from a dedicated thread, not Swift's cooperative pool (it blocks on disk).
/// Outcomes shared with `MemoryRuntimeStore` are listed on that type.
public final class SQLiteRuntimeStore: RuntimeStore, @unchecked Sendable {
    // @unchecked Sendable invariant: `database` and `json` (non-Sendable classes) are touched only inside
    // `queue.sync` blocks (`withDatabase`), so at most one thread uses them at a time; every other stored
    // property is an immutable Sendable value or a Mutex.
    private let queue: DispatchQueue
    private let database: Database
    private let json = StoreJSON()
    /// `.sent` outcomes not yet written (see `recordHolding`). Behind a lock of its own, never held across
    /// disk work, so `hold` can take an outcome from the sender's task without a trip to the store thread.
    let heldOutcomes = Mutex(HeldOutcomes())

    /// The database file.
    public let path: String
    /// Database files that were readable by others and were made 0600 when the store opened (for the log).
    public let tightenedFiles: [String]

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// - Parameter synchronous: `.normal` (default) survives a process crash; `.full` also survives power loss.
    public init(path: String, synchronous: SynchronousMode = .normal) throws {
        self.path = path
        // Before SQLite creates anything: a new database is 0600 (its WAL and SHM follow), an old one is tightened.
        self.tightenedFiles = DatabaseFiles.secure(path)
        self.queue = DispatchQueue(label: "safabot.sqlite-runtime-store")
        self.database = try Database(path: path, configuration: Database.Configuration(synchronous: synchronous))
        try StoreSchema.migrator.migrate(database)
        queue.setSpecific(key: Self.queueOwner, value: ObjectIdentifier(self))
    }

    /// Marks the store's queue, so a read asked for from inside one of its own transactions is recognised.
    private static let queueOwner = DispatchSpecificKey<ObjectIdentifier>()

    /// Runs `body` with the connection, serialized on the store's queue.
    func withDatabase<T>(_ body: (Database, StoreJSON) throws -> T) throws -> T {
        // queue.sync from the queue itself would deadlock; that can only be a bug in this file.
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync { try body(database, json) }
    }

    /// Runs a read with the connection: on the store's queue, or directly when already there. The engine's
    /// lookups (an applicant's open request, a request by reference) are asked during a step, and a step runs
    /// inside the transaction that stores its update; the read then sees that transaction's own writes.
    func readDatabase<T>(_ body: (Database, StoreJSON) throws -> T) throws -> T {
        if DispatchQueue.getSpecific(key: Self.queueOwner) == ObjectIdentifier(self) {
            return try body(database, json)
        }
        return try withDatabase(body)
    }

    /// Why a pending row was failed when its conversation is blocked (the same text as the memory store).
    static let blockedReason = "blocked"

    // MARK: Inbox and conversations

    public func appendInbound(
        key: ConversationKey, platformID: String, content: EventContent, receivedAt: Date, meta: [String: String]
    ) throws -> InboundRecord? {
        try appendInbound([
            InboundItem(key: key, platformID: platformID, content: content, receivedAt: receivedAt, meta: meta)
        ])[0]
    }

    /// A batch of inbound events in one transaction (a getUpdates answer), instead of one transaction each.
    public func appendInbound(_ items: [InboundItem]) throws -> [InboundRecord?] {
        guard !items.isEmpty else { return [] }
        return try withDatabase { db, _ in
            // Written by hand (see EventContent+JSON): one per update, read back by JSONDecoder.
            let encoded = items.map { ($0.content.jsonText(), $0.meta.jsonText()) }
            return try writeTransaction(db) { () throws -> [InboundRecord?] in
                try zip(items, encoded).map { item, json in
                    let key = item.key
                    try db.execute(
                        """
                        INSERT INTO inbox (platform_id, channel, chat, content_json, received_at, meta_json)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform_id) DO NOTHING
                        """,
                        [
                            .text(item.platformID), .text(key.channel), .text(key.chat), .text(json.0),
                            .date(item.receivedAt), .text(json.1),
                        ])
                    guard db.changes == 1 else { return nil }
                    let id = db.lastInsertRowID
                    // The user wrote again, so they unblocked the bot.
                    try db.execute(
                        "UPDATE conversations SET blocked_at = NULL WHERE channel = ? AND chat = ? AND blocked_at IS NOT NULL",
                        [.text(key.channel), .text(key.chat)])
                    return InboundRecord(
                        id: id, key: key, platformID: item.platformID, content: item.content,
                        receivedAt: item.receivedAt, meta: item.meta)
                }
            }
        }
    }

    public func unprocessedInbound(limit: Int) throws -> [InboundRecord] {
        try withDatabase { db, json in
            let rows = try db.query(
                """
                SELECT id, platform_id, channel, chat, content_json, received_at, meta_json
                FROM inbox WHERE processed_at IS NULL ORDER BY id LIMIT ?
                """,
                [.int(max(0, limit))]
            ) { row in
                (
                    id: row.int64(0), platformID: row.string(1) ?? "", channel: row.string(2) ?? "",
                    chat: row.string(3) ?? "", content: row.string(4) ?? "", receivedAt: row.double(5),
                    meta: row.string(6) ?? ""
                )
            }
            return try rows.map { row in
                InboundRecord(
                    id: row.id, key: ConversationKey(channel: row.channel, chat: row.chat), platformID: row.platformID,
                    content: try JSONNode.parse(row.content).flatMap(EventContent.init(json:))
                        ?? json.decode(EventContent.self, from: row.content, table: "inbox", row: "\(row.id)"),
                    receivedAt: Date(timeIntervalSince1970: row.receivedAt),
                    meta: try JSONNode.parse(row.meta).flatMap([String: String].init(json:))
                        ?? json.decode([String: String].self, from: row.meta, table: "inbox", row: "\(row.id)"))
            }
        }
    }

    public func conversation(_ key: ConversationKey) throws -> ConversationState? {
        try withDatabase { db, json in try Self.conversation(key, in: db, json: json) }
    }

    /// A conversation's stored state, read on a connection the caller already holds.
    static func conversation(_ key: ConversationKey, in db: Database, json: StoreJSON) throws -> ConversationState? {
        let stored = try db.query(
            "SELECT state_json FROM conversations WHERE channel = ? AND chat = ?",
            [.text(key.channel), .text(key.chat)]
        ) { $0.string(0) }
        // No row, or a row kept only for its block mark: a new conversation.
        guard let text = stored.first ?? nil else { return nil }
        return try json.decode(ConversationState.self, from: text, table: "conversations", row: "(by key)")
    }
}
