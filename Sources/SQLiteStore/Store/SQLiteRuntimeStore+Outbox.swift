public import BotRuntime
import Synchronization
import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension SQLiteRuntimeStore {
    /// Due rows, at most one per conversation: each conversation's oldest pending row, when it is due.
    ///
    /// A later row never goes out while an earlier one of the same chat is pending (even if the earlier one
    /// waits for a retry), so each chat sees its messages in order. Blocked conversations are skipped.
    public func dueOutbound(now: Date, limit: Int) throws -> [OutboundRecord] {
        try withDatabase { db, json in
            // Held outcomes (see recordHolding) are settled: neither due again nor ahead of a later row.
            let held = heldOutcomes.withLock { $0 }
            let holding = !held.isEmpty
            let rows = try db.query(
                holding ? Self.dueSQLExceptHeld : Self.dueSQL,
                [.date(now), .int(max(0, limit))] + (holding ? [.text(held.idsJSON)] : [])
            ) { row in
                (
                    id: row.int64(0), channel: row.string(1) ?? "", chat: row.string(2) ?? "",
                    payload: row.string(3) ?? "", attempts: row.int(4), notBefore: row.double(5),
                    partsSent: row.int(6)
                )
            }
            // A conversation holds one outcome at most: before its next row goes out, write what is held.
            if holding, rows.contains(where: { held.keys.contains(ConversationKey(channel: $0.channel, chat: $0.chat)) }) {
                try writeTransaction(db) {}
            }
            return try rows.map { row in
                OutboundRecord(
                    id: row.id, key: ConversationKey(channel: row.channel, chat: row.chat),
                    // Our own shape first (fast); anything else through JSONDecoder.
                    payload: try JSONNode.parse(row.payload).flatMap(OutboundPayload.init(json:))
                        ?? json.decode(OutboundPayload.self, from: row.payload, table: "outbox", row: "\(row.id)"),
                    attempts: row.attempts, notBefore: Date(timeIntervalSince1970: row.notBefore),
                    partsSent: row.partsSent)
            }
        }
    }

    private static let dueSQL = """
        SELECT o.id, o.channel, o.chat, o.payload_json, o.attempts, o.not_before, o.parts_sent
        FROM outbox AS o
        WHERE o.status = 'pending' AND o.not_before <= ?1
          AND NOT EXISTS (
            SELECT 1 FROM outbox AS earlier
            WHERE earlier.status = 'pending' AND earlier.channel = o.channel AND earlier.chat = o.chat
              AND earlier.id < o.id)
          AND NOT EXISTS (
            SELECT 1 FROM conversations AS c
            WHERE c.channel = o.channel AND c.chat = o.chat AND c.blocked_at IS NOT NULL)
        ORDER BY o.id
        LIMIT ?2
        """

    /// `dueSQL` with the held ids (?3, a JSON array) counted as settled.
    private static let dueSQLExceptHeld = """
        SELECT o.id, o.channel, o.chat, o.payload_json, o.attempts, o.not_before, o.parts_sent
        FROM outbox AS o
        WHERE o.status = 'pending' AND o.not_before <= ?1
          AND o.id NOT IN (SELECT value FROM json_each(?3))
          AND NOT EXISTS (
            SELECT 1 FROM outbox AS earlier
            WHERE earlier.status = 'pending' AND earlier.channel = o.channel AND earlier.chat = o.chat
              AND earlier.id < o.id AND earlier.id NOT IN (SELECT value FROM json_each(?3)))
          AND NOT EXISTS (
            SELECT 1 FROM conversations AS c
            WHERE c.channel = o.channel AND c.chat = o.chat AND c.blocked_at IS NOT NULL)
        ORDER BY o.id
        LIMIT ?2
        """

    /// Records a delivery outcome; outcomes for a row already sent or failed are ignored (idempotent).
    public func record(_ outcome: DeliveryOutcome, forOutbound id: Int64, at: Date) throws {
        try withDatabase { db, _ in try writeTransaction(db) { try Self.record(outcome, forOutbound: id, at: at, in: db) } }
    }

    /// Several outcomes in one transaction (a sender round), instead of one transaction each.
    public func record(_ outcomes: [(id: Int64, outcome: DeliveryOutcome)], at: Date) throws {
        guard !outcomes.isEmpty else { return }
        try withDatabase { db, _ in
            try writeTransaction(db) {
                for (id, outcome) in outcomes { try Self.record(outcome, forOutbound: id, at: at, in: db) }
            }
        }
    }

    static func record(_ outcome: DeliveryOutcome, forOutbound id: Int64, at: Date, in db: Database) throws {
        switch outcome {
        case .sent(let platformMessageID):
            try db.execute(
                """
                UPDATE outbox SET status = 'sent', platform_message_id = ?, finished_at = ?
                WHERE id = ? AND status = 'pending'
                """,
                [.optionalText(platformMessageID), .date(at), .integer(id)])
        case .retry(let notBefore, let reason):
            try db.execute(
                """
                UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ?
                WHERE id = ? AND status = 'pending'
                """,
                [.date(notBefore), .text(reason), .integer(id)])
        case .partlySent(let parts, let notBefore, let reason):
            try db.execute(
                """
                UPDATE outbox SET attempts = attempts + 1, not_before = ?, last_error = ?,
                    parts_sent = MAX(parts_sent, ?)
                WHERE id = ? AND status = 'pending'
                """,
                [.date(notBefore), .text(reason), .int(parts), .integer(id)])
        case .failed(let reason):
            try db.execute(
                """
                UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, finished_at = ?
                WHERE id = ? AND status = 'pending'
                """,
                [.text(reason), .date(at), .integer(id)])
        }
        if db.changes == 0,
            try db.query("SELECT 1 FROM outbox WHERE id = ?", [.integer(id)], row: { _ in 1 }).isEmpty
        {
            throw RuntimeStoreError.unknownOutbound(id: id)
        }
    }

    public func outboxDepth() throws -> Int {
        try withDatabase { db, _ in
            // Held outcomes are settled, though not yet written.
            (try db.query("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") { $0.int(0) }.first ?? 0)
                - heldOutcomes.withLock { $0.entries.count }
        }
    }

    public func markBlocked(_ key: ConversationKey, at: Date) throws {
        try withDatabase { db, _ in
            // Held outcomes are written first: those rows went out, they must not be failed below.
            try writeTransaction(db) {
                // Keeps the first block time; a conversation never seen gets a row with no state.
                try db.execute(
                    """
                    INSERT INTO conversations (channel, chat, state_json, updated_at, blocked_at) VALUES (?, ?, NULL, ?, ?)
                    ON CONFLICT (channel, chat) DO UPDATE SET blocked_at = COALESCE(blocked_at, excluded.blocked_at)
                    """,
                    [.text(key.channel), .text(key.chat), .date(at), .date(at)])
                try db.execute(
                    """
                    UPDATE outbox SET status = 'failed', last_error = ?, finished_at = ?
                    WHERE channel = ? AND chat = ? AND status = 'pending'
                    """,
                    [.text(Self.blockedReason), .date(at), .text(key.channel), .text(key.chat)])
            }
        }
    }

    public func isBlocked(_ key: ConversationKey) throws -> Bool {
        try withDatabase { db, _ in try Self.isBlocked(key, in: db) }
    }

    public func recordDeliveryStatus(platformMessageID: String, status: String, error: String?, at: Date) throws -> Bool {
        // In a write transaction that first writes held outcomes: a status can arrive before the row's
        // "sent" (and with it its platform message id) leaves memory.
        try withDatabase { db, _ in try writeTransaction(db) {
            let rows = try db.query(
                "SELECT id, delivery_status FROM outbox WHERE platform_message_id = ?", [.text(platformMessageID)]
            ) { row in (row.int64(0), row.string(1)) }
            guard let (id, current) = rows.first else { return false }
            guard DeliveryStatusRank.rank(status) > DeliveryStatusRank.rank(current) else { return true }
            try db.execute(
                """
                UPDATE outbox SET delivery_status = ?, delivery_status_at = ?, last_error = coalesce(?, last_error)
                WHERE id = ?
                """,
                [.text(status), .date(at), .optionalText(error), .integer(id)])
            return true
        } }
    }

    /// The delivery status recorded for the row with `platformMessageID` (tests, operators).
    public func deliveryStatus(platformMessageID: String) throws -> String? {
        try withDatabase { db, _ in
            try db.query(
                "SELECT delivery_status FROM outbox WHERE platform_message_id = ?", [.text(platformMessageID)]
            ) { row in row.string(0) }.first ?? nil
        }
    }

    public func lastUserMessage(_ key: ConversationKey) throws -> Date? {
        try withDatabase { db, _ in
            try db.query(
                """
                SELECT max(received_at) FROM inbox
                WHERE channel = ? AND chat = ? AND substr(platform_id, 1, length(channel) + 1) = channel || ':'
                """,
                [.text(key.channel), .text(key.chat)]
            ) { row in row.isNull(0) ? nil : Date(timeIntervalSince1970: row.double(0)) }.first ?? nil
        }
    }
}
