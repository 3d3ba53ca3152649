public import BotRuntime
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// `.sent` outcomes the store has not written yet: one per conversation, `OutcomeHold.limit` in all.
///
/// Why hold them: at human pace every reply's outcome was a transaction of its own, rewriting the outbox
/// page and both its pending indexes (three 4 KiB WAL frames) for one status change. Held, it rides along
/// with the next write that touches those very pages anyway (the next update's commit inserts into them).
struct HeldOutcomes {
    struct Entry {
        var id: Int64
        var key: ConversationKey
        var platformMessageID: String?
        var finishedAt: Date
    }

    var entries: [Entry] = []
    var keys: Set<ConversationKey> = []
    /// When the oldest entry was added.
    var since: Date?

    var isEmpty: Bool { entries.isEmpty }

    /// The held ids as a JSON array, for `json_each` in the outbox queries.
    var idsJSON: String { "[" + entries.map { String($0.id) }.joined(separator: ",") + "]" }

    /// Adds `.sent` outcomes if every one fits (room left, its conversation holding none); else changes
    /// nothing and returns false.
    mutating func add(_ outcomes: [HeldOutcomeInput], at: Date) -> Bool {
        guard entries.count + outcomes.count <= OutcomeHold.limit else { return false }
        var newKeys = keys
        var adding: [Entry] = []
        for input in outcomes {
            guard case .sent(let platformMessageID) = input.outcome, newKeys.insert(input.key).inserted else {
                return false
            }
            adding.append(Entry(id: input.id, key: input.key, platformMessageID: platformMessageID, finishedAt: at))
        }
        entries += adding
        keys = newKeys
        since = since ?? Date()
        return true
    }

    /// Forgets entries once written.
    mutating func remove(_ written: [Entry]) {
        guard !written.isEmpty else { return }
        let ids = Set(written.map(\.id))
        entries.removeAll { ids.contains($0.id) }
        keys = Set(entries.map(\.key))
        if entries.isEmpty { since = nil }
    }
}

extension SQLiteRuntimeStore {
    /// Runs `body` in a write transaction that first writes every held outcome, so they cost no
    /// transaction of their own; they are dropped from memory only once that transaction committed.
    func writeTransaction<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let writing = heldOutcomes.withLock { $0.entries }
        let result = try db.transaction { () throws -> T in
            for entry in writing {
                try Self.writeSent(entry, in: db)
            }
            return try body()
        }
        heldOutcomes.withLock { $0.remove(writing) }
        return result
    }

    private static func writeSent(_ entry: HeldOutcomes.Entry, in db: Database) throws {
        try db.execute(
            """
            UPDATE outbox SET status = 'sent', platform_message_id = ?, finished_at = ?
            WHERE id = ? AND status = 'pending'
            """,
            [.optionalText(entry.platformMessageID), .date(entry.finishedAt), .integer(entry.id)])
    }

    /// Holds `.sent` outcomes without touching the database, when they fit; false when they must go
    /// through `recordHolding`. Never blocks on disk: the sender calls it from its own task.
    public func hold(_ outcomes: [HeldOutcomeInput], at: Date) -> Bool {
        heldOutcomes.withLock { $0.add(outcomes, at: at) }
    }

    /// Holds `.sent` outcomes while there is room and their conversation has none held; anything else
    /// (another outcome, a second one for a conversation, a full hold) writes everything at once.
    public func recordHolding(_ outcomes: [HeldOutcomeInput], at: Date) throws {
        guard !outcomes.isEmpty, !hold(outcomes, at: at) else { return }
        try withDatabase { db, _ in
            try writeTransaction(db) {
                for input in outcomes { try Self.record(input.outcome, forOutbound: input.id, at: at, in: db) }
            }
        }
    }

    public func flushHeldOutcomes(olderThan age: TimeInterval, now: Date) throws -> Date? {
        guard let since = heldOutcomes.withLock({ $0.since }) else { return nil }
        let due = since.addingTimeInterval(age)
        guard due <= now else { return due }
        try withDatabase { db, _ in _ = try writeTransaction(db) {} }
        return nil
    }

    /// The earliest `not_before` among the conversations' first pending rows (a later row waits behind its
    /// conversation's first, so its own time says nothing), held rows counted as settled.
    public func nextOutboundDue() throws -> Date? {
        let held = heldOutcomes.withLock { $0.idsJSON }
        return try withDatabase { db, _ in
            try db.query(
                """
                SELECT min(o.not_before) FROM outbox AS o
                WHERE o.status = 'pending' AND o.id NOT IN (SELECT value FROM json_each(?1))
                  AND NOT EXISTS (
                    SELECT 1 FROM outbox AS earlier
                    WHERE earlier.status = 'pending' AND earlier.channel = o.channel AND earlier.chat = o.chat
                      AND earlier.id < o.id AND earlier.id NOT IN (SELECT value FROM json_each(?1)))
                  AND NOT EXISTS (
                    SELECT 1 FROM conversations AS c
                    WHERE c.channel = o.channel AND c.chat = o.chat AND c.blocked_at IS NOT NULL)
                """,
                [.text(held)]
            ) { row in row.isNull(0) ? nil : Date(timeIntervalSince1970: row.double(0)) }.first ?? nil
        }
    }
}
