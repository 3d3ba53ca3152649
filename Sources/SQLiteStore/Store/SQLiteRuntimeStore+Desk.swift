public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension SQLiteRuntimeStore {
    public func enqueueOutbound(_ key: ConversationKey, _ payloads: [OutboundPayload], at: Date) throws {
        guard !payloads.isEmpty else { return }
        try withDatabase { db, json in
            let encoded = payloads.map { $0.jsonText() }
            try writeTransaction(db) { try Self.insertOutbound(encoded, key: key, at: at, into: db) }
        }
    }

    @discardableResult
    public func appendDeskEvent(platformID: String?, key: ConversationKey?, event: DeskEvent, at: Date) throws -> Bool {
        try withDatabase { db, json in
            let encoded = try json.encode(event)
            try db.execute(
                """
                INSERT INTO desk_events (platform_id, channel, chat, event_json, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (platform_id) DO NOTHING
                """,
                [
                    .optionalText(platformID), .optionalText(key?.channel), .optionalText(key?.chat), .text(encoded),
                    .date(at),
                ])
            return db.changes == 1
        }
    }

    public func pendingDeskEvents(limit: Int) throws -> [DeskEventRecord] {
        try withDatabase { db, json in
            let rows = try db.query(
                """
                SELECT id, channel, chat, event_json, created_at FROM desk_events
                WHERE processed_at IS NULL ORDER BY id LIMIT ?
                """,
                [.int(max(0, limit))]
            ) { row in
                (
                    id: row.int64(0), channel: row.string(1), chat: row.string(2), event: row.string(3) ?? "",
                    at: row.double(4)
                )
            }
            return try rows.map { row in
                let key = row.channel.flatMap { channel in row.chat.map { ConversationKey(channel: channel, chat: $0) }
                }
                return DeskEventRecord(
                    id: row.id, key: key,
                    event: try json.decode(DeskEvent.self, from: row.event, table: "desk_events", row: "\(row.id)"),
                    at: Date(timeIntervalSince1970: row.at))
            }
        }
    }

    public func markDeskEventsProcessed(_ ids: [Int64], at: Date) throws {
        guard !ids.isEmpty else { return }
        try withDatabase { db, _ in
            try db.transaction {
                for id in ids {
                    try db.execute(
                        "UPDATE desk_events SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
                        [.date(at), .integer(id)])
                }
            }
        }
    }
}
