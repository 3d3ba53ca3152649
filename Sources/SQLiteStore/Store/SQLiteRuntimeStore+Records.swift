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
            try db.query(
                "SELECT \(Self.requestColumns) FROM requests ORDER BY submitted_at DESC, rowid DESC LIMIT ?",
                [.int(max(0, limit))], row: StoredRequestRow.init
            ).map { try $0.request(json) }
        }
    }

    /// The request with `reference`, or nil when there is none.
    public func request(reference: String) throws -> SubmittedRequest? {
        try withDatabase { db, json in
            try db.query(
                "SELECT \(Self.requestColumns) FROM requests WHERE reference = ?", [.text(reference)],
                row: StoredRequestRow.init
            ).first.map { try $0.request(json) }
        }
    }

    static let requestColumns = "rowid, reference, request_type, form, fields_json, submitted_at, attestation_json"
}

/// A `requests` row as read by `requestColumns`, before its JSON is decoded.
struct StoredRequestRow {
    var rowid: Int64
    var reference: String
    var requestType: String
    var form: String
    var fields: String
    var submittedAt: Double
    var attestation: String?

    init(_ row: Statement) {
        rowid = row.int64(0)
        reference = row.string(1) ?? ""
        requestType = row.string(2) ?? ""
        form = row.string(3) ?? ""
        fields = row.string(4) ?? ""
        submittedAt = row.double(5)
        attestation = row.string(6)
    }

    func request(_ json: StoreJSON) throws -> SubmittedRequest {
        let rowName = "\(rowid)"
        guard let formRef = NodeRef(qualified: form) else {
            throw RuntimeStoreError.corruptRecord(table: "requests", row: rowName)
        }
        return SubmittedRequest(
            reference: reference, requestType: requestType, form: formRef,
            fields: try json.decode([FieldEntry].self, from: fields, table: "requests", row: rowName),
            submittedAt: Date(timeIntervalSince1970: submittedAt),
            attestation: try attestation.map {
                try json.decode(Attestation.self, from: $0, table: "requests", row: rowName)
            })
    }
}
