public import BotRuntime

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension SQLiteRuntimeStore: MailboxStore {
    public func appendMailbox(_ key: ConversationKey, origin: String?, body: String, at date: Date) throws -> Int64 {
        try withDatabase { db, _ in
            try db.transaction { () throws -> Int64 in
                try db.execute(
                    """
                    INSERT INTO mailbox (channel, chat, origin, body_json, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (origin) DO NOTHING
                    """,
                    [
                        .text(key.channel), .text(key.chat), .optionalText(origin), .text(body),
                        .date(date),
                    ])
                if db.changes == 1 { return db.lastInsertRowID }
                // Only a known origin conflicts: the entry appended before.
                return try db.query(
                    "SELECT id FROM mailbox WHERE origin = ?", [.optionalText(origin)]
                ) { $0.int64(0) }.first ?? 0
            }
        }
    }

    public func mailbox(_ key: ConversationKey, after: Int64, limit: Int) throws -> [MailboxEntry] {
        try withDatabase { db, _ in
            try db.query(
                """
                SELECT id, body_json, created_at FROM mailbox
                WHERE channel = ? AND chat = ? AND id > ? ORDER BY id LIMIT ?
                """,
                [.text(key.channel), .text(key.chat), .integer(after), .int(max(0, limit))]
            ) { row in
                MailboxEntry(
                    id: row.int64(0), body: row.string(1) ?? "{}",
                    createdAt: Date(timeIntervalSince1970: row.double(2)))
            }
        }
    }

    @discardableResult
    public func acknowledgeMailbox(_ key: ConversationKey, upTo: Int64, at date: Date) throws -> Int {
        try withDatabase { db, _ in
            try db.execute(
                """
                UPDATE mailbox SET acked_at = ?
                WHERE channel = ? AND chat = ? AND id <= ? AND acked_at IS NULL
                """,
                [.date(date), .text(key.channel), .text(key.chat), .integer(upTo)])
            return db.changes
        }
    }
}
