public import BotRuntime

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

    /// The held ids as a JSON array, for `json_each` in dueOutbound.
    var idsJSON: String { "[" + entries.map { String($0.id) }.joined(separator: ",") + "]" }
}

extension SQLiteRuntimeStore {
    /// Runs `body` in a write transaction that first writes every held outcome, so they cost no
    /// transaction of their own; they are dropped from memory only once that transaction committed.
    func writeTransaction<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let writing = held.entries
        let result = try db.transaction { () throws -> T in
            for entry in writing {
                try Self.writeSent(entry, in: db)
            }
            return try body()
        }
        if !writing.isEmpty { held = HeldOutcomes() }
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

    /// Holds `.sent` outcomes while there is room and their conversation has none held; anything else
    /// (another outcome, a second one for a conversation, a full hold) writes everything at once.
    public func recordHolding(_ outcomes: [HeldOutcomeInput], at: Date) throws {
        guard !outcomes.isEmpty else { return }
        try withDatabase { db, _ in
            var adding: [HeldOutcomes.Entry] = []
            var keys = held.keys
            var holdsAll = held.entries.count + outcomes.count <= OutcomeHold.limit
            for input in outcomes where holdsAll {
                guard case .sent(let platformMessageID) = input.outcome, keys.insert(input.key).inserted else {
                    holdsAll = false
                    break
                }
                adding.append(
                    HeldOutcomes.Entry(id: input.id, key: input.key, platformMessageID: platformMessageID, finishedAt: at))
            }
            if holdsAll {
                held.entries += adding
                held.keys = keys
                held.since = held.since ?? Date()
                return
            }
            try writeTransaction(db) {
                for input in outcomes { try Self.record(input.outcome, forOutbound: input.id, at: at, in: db) }
            }
        }
    }

    public func flushHeldOutcomes(olderThan age: TimeInterval, now: Date) throws -> Date? {
        try withDatabase { db, _ in
            guard let since = held.since else { return nil }
            let due = since.addingTimeInterval(age)
            guard due <= now else { return due }
            try writeTransaction(db) {}
            return nil
        }
    }
}
