import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteRuntimeStore {
    public func value(forKey key: String) throws -> String? {
        try withDatabase { db, _ in
            try db.query("SELECT value FROM kv WHERE key = ?", [.text(key)]) { $0.string(0) }.first ?? nil
        }
    }

    /// Stores `value` under `key`; nil deletes the key.
    public func setValue(_ value: String?, forKey key: String) throws {
        try withDatabase { db, _ in
            if let value {
                try db.execute(
                    "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [.text(key), .text(value)])
            } else {
                try db.execute("DELETE FROM kv WHERE key = ?", [.text(key)])
            }
        }
    }

    /// Submitted requests, newest first; among equal times, the later recorded first.
    public func requests(limit: Int) throws -> [SubmittedRequest] {
        try withDatabase { db, json in
            let rows = try db.query(
                """
                SELECT rowid, reference, request_type, form, fields_json, submitted_at, attestation_json
                FROM requests ORDER BY submitted_at DESC, rowid DESC LIMIT ?
                """,
                [.int(max(0, limit))]
            ) { row in
                (
                    rowid: row.int64(0), reference: row.string(1) ?? "", requestType: row.string(2) ?? "",
                    form: row.string(3) ?? "", fields: row.string(4) ?? "", submittedAt: row.double(5),
                    attestation: row.string(6)
                )
            }
            return try rows.map { row in
                let rowName = "\(row.rowid)"
                guard let form = NodeRef(qualified: row.form) else {
                    throw RuntimeStoreError.corruptRecord(table: "requests", row: rowName)
                }
                return SubmittedRequest(
                    reference: row.reference, requestType: row.requestType, form: form,
                    fields: try json.decode([FieldEntry].self, from: row.fields, table: "requests", row: rowName),
                    submittedAt: Date(timeIntervalSince1970: row.submittedAt),
                    attestation: try row.attestation.map {
                        try json.decode(Attestation.self, from: $0, table: "requests", row: rowName)
                    })
            }
        }
    }
}
