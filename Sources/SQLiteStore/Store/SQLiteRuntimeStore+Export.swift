public import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One request as the committee's export reads it: the stored row, its fields and its history.
public struct ExportedRequest: Sendable {
    public var reference: String
    public var requestType: String
    public var status: String
    public var channel: String
    public var submittedAt: Date
    public var statusChangedAt: Date?
    public var applicantID: String?
    public var fields: [FieldEntry]
    public var attestation: ExportedAttestation?
    public var history: [RequestEvent]
}

/// What the export shows of an attestation (the full record stays in the database; `verify` checks it).
public struct ExportedAttestation: Sendable {
    public var acceptedAt: Date
    public var statementSHA256: String?
    public var dataSHA256: String?
    public var platformMessageID: String?
}

extension SQLiteRuntimeStore {
    /// How many requests `exportRequests` would give (for a progress line).
    public func countRequests(since: Date, status: String?) throws -> Int {
        try withDatabase { db, _ in
            try db.query(
                "SELECT count(*) FROM requests WHERE submitted_at >= ? AND (?2 IS NULL OR status = ?2)",
                [.date(since), .optionalText(status)]
            ) { Int($0.int64(0)) }.first ?? 0
        }
    }

    /// The field ids (with the label first seen) of the requests `exportRequests` would give, in first-seen
    /// order: the export's columns, read in one pass of SQLite's JSON functions.
    public func exportFieldColumns(since: Date, status: String?) throws -> [(id: String, label: String)] {
        try withDatabase { db, _ in
            try db.query(
                """
                SELECT json_extract(f.value, '$.id') AS id, min(json_extract(f.value, '$.label'))
                FROM requests r, json_each(r.fields_json) f
                WHERE r.submitted_at >= ?1 AND (?2 IS NULL OR r.status = ?2)
                GROUP BY id ORDER BY min(r.rowid * 1000 + f.key)
                """,
                [.date(since), .optionalText(status)]
            ) { (id: $0.string(0) ?? "", label: $0.string(1) ?? "") }
        }
    }

    /// Calls `body` with each request submitted since `since` (optionally only of `status`), oldest first,
    /// one at a time: the rows are streamed from SQLite, never all held in memory.
    public func exportRequests(
        since: Date, status: String?, _ body: (ExportedRequest) throws -> Void
    ) throws {
        try withDatabase { db, json in
            // One statement walks the rows; while it is open the connection keeps one read snapshot, so the
            // history queries below see the same moment, and (WAL) the running bot keeps writing meanwhile.
            try db.forEachRow(
                    """
                    SELECT reference, request_type, status, channel, submitted_at, status_changed_at, applicant_id,
                        fields_json, json_extract(attestation_json, '$.acceptedAt'),
                        json_extract(attestation_json, '$.statementSHA256'),
                        json_extract(attestation_json, '$.dataSHA256'),
                        json_extract(attestation_json, '$.platformMessageID')
                    FROM requests WHERE submitted_at >= ?1 AND (?2 IS NULL OR status = ?2)
                    ORDER BY submitted_at, rowid
                    """,
                    [.date(since), .optionalText(status)]
                ) { row in
                    let reference = row.string(0) ?? ""
                    let history = try db.query(
                        """
                        SELECT id, reference, at, actor, kind, from_status, to_status, reason, note, via
                        FROM request_events WHERE reference = ? ORDER BY id
                        """,
                        [.text(reference)], row: Self.requestEvent)
                    try body(
                        ExportedRequest(
                            reference: reference, requestType: row.string(1) ?? "", status: row.string(2) ?? "",
                            channel: row.string(3) ?? "", submittedAt: Date(timeIntervalSince1970: row.double(4)),
                            statusChangedAt: row.isNull(5) ? nil : Date(timeIntervalSince1970: row.double(5)),
                            applicantID: row.string(6),
                            fields: try Self.fields(row.string(7) ?? "[]", json, reference: reference),
                            attestation: row.isNull(8)
                                ? nil
                                : ExportedAttestation(
                                    acceptedAt: Date(timeIntervalSince1970: row.double(8)),
                                    statementSHA256: row.string(9), dataSHA256: row.string(10),
                                    platformMessageID: row.string(11)),
                            history: history))
            }
        }
    }

    /// A request's fields: the hand-written reader first (fast), `JSONDecoder` for any other shape.
    static func fields(_ text: String, _ json: StoreJSON, reference: String) throws -> [FieldEntry] {
        if let node = JSONNode.parse(text), let entries = [FieldEntry](json: node) { return entries }
        return try json.decode([FieldEntry].self, from: text, table: "requests", row: reference)
    }
}
