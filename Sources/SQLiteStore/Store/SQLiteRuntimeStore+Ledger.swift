public import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteRuntimeStore: RequestLedger {
    public func changeStatus(_ change: StatusChange) throws(StatusChangeError) -> RequestEvent {
        do {
            return try withDatabase { db, _ in
                try db.transaction { try Self.changeStatus(change, in: db) }
            }
        } catch let error as StatusChangeError {
            throw error
        } catch {
            throw .storeFailed("\(error)")
        }
    }

    private static func changeStatus(_ change: StatusChange, in db: Database) throws -> RequestEvent {
        let rows = try db.query(
            "SELECT status, channel, chat FROM requests WHERE reference = ?", [.text(change.reference)]
        ) { (status: $0.string(0) ?? "", channel: $0.string(1) ?? "", chat: $0.string(2) ?? "") }
        guard let row = rows.first else { throw StatusChangeError.unknownRequest(change.reference) }
        guard let from = RequestStatus(rawValue: row.status) else {
            throw StatusChangeError.unknownStoredStatus(reference: change.reference, status: row.status)
        }
        guard from.allowedNext.contains(change.to) else {
            throw StatusChangeError.illegalTransition(reference: change.reference, from: from, to: change.to)
        }
        let at = SQLiteValue.date(change.at)
        try db.execute(
            "UPDATE requests SET status = ?, status_changed_at = ? WHERE reference = ?",
            [.text(change.to.rawValue), at, .text(change.reference)])
        try db.execute(
            """
            INSERT INTO request_events (reference, at, actor, kind, from_status, to_status, reason, note, via)
            VALUES (?, ?, ?, 'status', ?, ?, ?, ?, ?)
            """,
            [
                .text(change.reference), at, .text(change.actor), .text(from.rawValue), .text(change.to.rawValue),
                .optionalText(change.reason), .optionalText(change.note), .text(change.via),
            ])
        let id = db.lastInsertRowID
        // The beneficiary's notice goes through their conversation, so the engine words it from the dialog
        // files and the outbox delivers it once; the event id keeps the inbox row unique.
        let content = EventContent.requestStatus(
            reference: change.reference, status: change.to.rawValue, reason: change.reason)
        try db.execute(
            """
            INSERT INTO inbox (platform_id, channel, chat, content_json, received_at, meta_json)
            VALUES (?, ?, ?, ?, ?, '{}')
            """,
            [.text("request-status:\(id)"), .text(row.channel), .text(row.chat), .text(content.jsonText()), at])
        return RequestEvent(
            id: id, reference: change.reference, at: change.at, actor: change.actor, kind: "status",
            from: from.rawValue, to: change.to.rawValue, reason: change.reason, note: change.note, via: change.via)
    }

    public func requestEvents(reference: String) throws -> [RequestEvent] {
        try withDatabase { db, _ in
            try db.query(
                """
                SELECT id, reference, at, actor, kind, from_status, to_status, reason, note, via
                FROM request_events WHERE reference = ? ORDER BY id
                """,
                [.text(reference)], row: Self.requestEvent)
        }
    }

    static func requestEvent(_ row: Statement) -> RequestEvent {
        RequestEvent(
            id: row.int64(0), reference: row.string(1) ?? "", at: Date(timeIntervalSince1970: row.double(2)),
            actor: row.string(3) ?? "", kind: row.string(4) ?? "", from: row.string(5), to: row.string(6),
            reason: row.string(7), note: row.string(8), via: row.string(9) ?? "")
    }

    /// The current status of a request, or nil when there is none.
    public func status(ofRequest reference: String) throws -> String? {
        try withDatabase { db, _ in
            try db.query("SELECT status FROM requests WHERE reference = ?", [.text(reference)]) { $0.string(0) }
                .first ?? nil
        }
    }
}

extension SQLiteRuntimeStore {
    /// The newest open request (submitted, in review, needing information) of `applicantID` and `requestType`,
    /// from any chat or channel; for the dialog engine's duplicate check.
    public func openRequest(applicantID: String, requestType: String) throws -> OpenRequest? {
        let open = RequestStatus.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try readDatabase { db, _ in
            try db.query(
                """
                SELECT reference, status, submitted_at FROM requests
                WHERE applicant_id = ? AND request_type = ? AND status IN (\(open))
                ORDER BY submitted_at DESC LIMIT 1
                """,
                [.text(applicantID), .text(requestType)]
            ) {
                OpenRequest(
                    reference: $0.string(0) ?? "", status: $0.string(1) ?? "",
                    submittedAt: Date(timeIntervalSince1970: $0.double(2)))
            }.first
        }
    }

    /// `openRequest` as the engine's lookup; a failed read is logged by the caller's absence of a match
    /// (the beneficiary can still submit; officers see both requests by national ID in the export).
    public var openRequestLookup: OpenRequestLookup {
        { [self] applicantID, requestType in try? self.openRequest(applicantID: applicantID, requestType: requestType) }
    }
}

extension SQLiteRuntimeStore {
    /// A request by reference, with its applicant's ID, for follow-up from another phone or channel.
    public func request(byReference reference: String) throws -> OpenRequest? {
        try readDatabase { db, _ in
            try db.query(
                "SELECT reference, status, submitted_at, applicant_id FROM requests WHERE reference = ?",
                [.text(reference)]
            ) {
                OpenRequest(
                    reference: $0.string(0) ?? "", status: $0.string(1) ?? "",
                    submittedAt: Date(timeIntervalSince1970: $0.double(2)), applicantID: $0.string(3))
            }.first
        }
    }

    /// `request(byReference:)` as the engine's lookup.
    public var requestByReferenceLookup: RequestByReference {
        { [self] reference in try? self.request(byReference: reference) }
    }
}
