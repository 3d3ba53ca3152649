import BotRuntime
public import OfficerDesk

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension SQLiteRuntimeStore: CaseStore {
    /// The next case number lives in `kv` so numbers are never reused, even after archiving.
    static let nextCaseNumberKey = "desk.next_case_number"

    public func loadCaseBook() throws -> CaseBook? {
        try withDatabase { db, json in
            let rows = try db.query("SELECT id, json FROM officer_cases WHERE in_book = 1", []) { row in
                (id: row.string(0) ?? "", json: row.string(1) ?? "")
            }
            let next = try db.query("SELECT value FROM kv WHERE key = ?", [.text(Self.nextCaseNumberKey)]) {
                $0.string(0)
            }.first.flatMap { $0.flatMap { Int($0) } }
            guard !rows.isEmpty || next != nil else { return nil }
            let cases = try rows.map { try json.decode(Case.self, from: $0.json, table: "officer_cases", row: $0.id) }
            return CaseBook(cases: cases, nextNumber: next ?? 1001)
        }
    }

    public func saveCaseBook(
        _ book: CaseBook, archived: [String], audit: [AuditEntry], processedDeskEvents: [Int64], at: Date
    ) throws {
        try withDatabase { db, json in
            let encoded = try book.cases.values.map { ($0, try json.encode($0)) }
            try db.transaction {
                for (c, text) in encoded {
                    try db.execute(
                        """
                        INSERT INTO officer_cases (id, channel, chat, queue, state, json, in_book, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 1, ?)
                        ON CONFLICT (id) DO UPDATE SET queue = excluded.queue, state = excluded.state,
                            json = excluded.json, in_book = 1, updated_at = excluded.updated_at
                        """,
                        [
                            .text(c.id), .text(c.key.channel), .text(c.key.chat), .text(c.queue),
                            .text(Self.stateName(c.state)), .text(text), .date(at),
                        ])
                }
                for id in archived {
                    try db.execute(
                        "UPDATE officer_cases SET in_book = 0, updated_at = ? WHERE id = ?", [.date(at), .text(id)])
                }
                try db.execute(
                    "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [.text(Self.nextCaseNumberKey), .text(String(book.nextNumber))])
                for entry in audit {
                    try db.execute(
                        "INSERT INTO officer_audit (actor, action, case_id, at, via, detail) VALUES (?, ?, ?, ?, ?, ?)",
                        [
                            .text(entry.actor), .text(entry.action), .text(entry.caseID), .date(entry.at),
                            .text(entry.via),
                            .optionalText(entry.detail),
                        ])
                }
                for id in processedDeskEvents {
                    try db.execute(
                        "UPDATE desk_events SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
                        [.date(at), .integer(id)])
                }
            }
        }
    }

    public func auditEntries(caseID: String?, limit: Int) throws -> [AuditEntry] {
        try withDatabase { db, _ in
            let sql =
                caseID == nil
                ? "SELECT actor, action, case_id, at, via, detail FROM officer_audit ORDER BY id LIMIT ?"
                : "SELECT actor, action, case_id, at, via, detail FROM officer_audit WHERE case_id = ? ORDER BY id LIMIT ?"
            let values: [SQLiteValue] = caseID.map { [.text($0), .int(max(0, limit))] } ?? [.int(max(0, limit))]
            return try db.query(sql, values) { row in
                AuditEntry(
                    actor: row.string(0) ?? "", action: row.string(1) ?? "", caseID: row.string(2) ?? "",
                    at: Date(timeIntervalSince1970: row.double(3)), via: row.string(4) ?? "", detail: row.string(5))
            }
        }
    }

    static func stateName(_ state: CaseState) -> String {
        switch state {
        case .waiting: "waiting"
        case .claimed: "claimed"
        case .released: "released"
        case .closed: "closed"
        }
    }
}
