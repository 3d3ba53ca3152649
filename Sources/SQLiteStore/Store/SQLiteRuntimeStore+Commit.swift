public import BotRuntime
internal import CSQLite
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteRuntimeStore {
    /// One step with its JSON already encoded, so the transaction does only SQL.
    struct EncodedStep {
        var step: StepCommit
        var state: String
        var outbound: [String]
        var requestFields: [String]
        var requestAttestations: [String?]
        var handoffFields: [String]
        var deskEvents: [String]
    }

    public func commit(_ steps: [StepCommit]) throws {
        guard !steps.isEmpty else { return }
        try withDatabase { db, json in
            let encoded = try steps.map { try Self.encode($0, json: json) }
            // One transaction for the whole batch: any failure rolls every step back.
            try writeTransaction(db) {
                for step in encoded { try Self.write(step, to: db) }
            }
        }
    }

    static func encode(_ step: StepCommit, json: StoreJSON) throws -> EncodedStep {
        EncodedStep(
            step: step,
            // Written by hand: JSONEncoder was an eighth of the bot's CPU (see ConversationState+JSON).
            state: step.state.jsonText(),
            outbound: step.outbound.map { $0.jsonText() },
            // Written by hand too: JSONEncoder took ~100 µs for one request's fields.
            requestFields: step.requests.map { $0.fields.jsonText() },
            requestAttestations: step.requests.map { $0.attestation?.jsonText() },
            handoffFields: step.handoffs.map { $0.fields.jsonText() },
            deskEvents: try step.deskEvents.map { try json.encode($0) })
    }

    /// Writes one step; `markingInbound: false` when its inbox row was inserted already processed.
    static func write(_ encoded: EncodedStep, to db: Database, markingInbound: Bool = true) throws {
        let step = encoded.step
        let channel = SQLiteValue.text(step.key.channel)
        let chat = SQLiteValue.text(step.key.chat)
        let now = SQLiteValue.date(step.committedAt)

        if markingInbound {
            try markProcessed(step, now: now, in: db)
        }

        try db.execute(
            """
            INSERT INTO conversations (channel, chat, state_json, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (channel, chat) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            """,
            [channel, chat, .text(encoded.state), now])

        try insertOutbound(encoded.outbound, key: step.key, at: step.committedAt, into: db)

        for (index, request) in step.requests.enumerated() {
            try insertRequest(
                request, fields: encoded.requestFields[index], attestation: encoded.requestAttestations[index],
                key: step.key, into: db)
        }

        for (index, handoff) in step.handoffs.enumerated() {
            try db.execute(
                """
                INSERT INTO handoffs (channel, chat, queue, reason, from_node, fields_json, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    channel, chat, .text(handoff.queue), .text(handoff.reason),
                    .optionalText(handoff.from?.description), .text(encoded.handoffFields[index]), now,
                ])
        }

        for event in encoded.deskEvents {
            try db.execute(
                "INSERT INTO desk_events (channel, chat, event_json, created_at) VALUES (?, ?, ?, ?)",
                [channel, chat, .text(event), now])
        }

        for information in step.information {
            // Recorded in the request's history as the beneficiary's; `note` holds what they sent (a text,
            // or a file's or location's JSON).
            let content: String
            if case .text(let text) = information.content { content = text } else { content = information.content.jsonText() }
            try db.execute(
                """
                INSERT INTO request_events (reference, at, actor, kind, note, via)
                VALUES (?, ?, 'beneficiary', 'information', ?, ?)
                """,
                [.text(information.reference), now, .text(content), channel])
        }

        for survey in step.surveys {
            try db.execute(
                "INSERT INTO surveys (channel, chat, node, rating, answered_at) VALUES (?, ?, ?, ?, ?)",
                [channel, chat, .text(survey.node.description), .text(survey.rating), .date(survey.answeredAt)])
        }
    }

    private static func markProcessed(_ step: StepCommit, now: SQLiteValue, in db: Database) throws {
        try db.execute(
            "UPDATE inbox SET processed_at = ? WHERE id = ? AND processed_at IS NULL", [now, .integer(step.inboundID)])
        if db.changes != 1 {
            let exists = try db.query("SELECT 1 FROM inbox WHERE id = ?", [.integer(step.inboundID)]) { _ in true }
            throw exists.isEmpty
                ? RuntimeStoreError.unknownInbound(id: step.inboundID)
                : RuntimeStoreError.inboundAlreadyProcessed(id: step.inboundID)
        }
    }

    /// Inserts one request; a reused reference number becomes `RuntimeStoreError.duplicateRequestReference`.
    private static func insertRequest(
        _ request: SubmittedRequest, fields: String, attestation: String?, key: ConversationKey, into db: Database
    ) throws {
        let values: [SQLiteValue] = [
            .text(request.reference), .text(request.requestType), .text(key.channel), .text(key.chat),
            .text(request.form.description), .text(fields), .date(request.submittedAt), .optionalText(attestation),
            .optionalText(request.applicantID),
        ]
        let sql = """
            INSERT INTO requests
                (reference, request_type, channel, chat, form, fields_json, submitted_at, attestation_json,
                 applicant_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let result: Result<Void, SQLiteError> = Result { () throws(SQLiteError) in try db.execute(sql, values) }
        if case .failure(let error) = result {
            // The reference is the only key of this table that a well-formed request can violate.
            throw error.code == SQLITE_CONSTRAINT ? RuntimeStoreError.duplicateRequestReference : error
        }
    }

    /// Appends outbox rows in order; for a blocked conversation they are stored already failed, for the record.
    static func insertOutbound(_ payloads: [String], key: ConversationKey, at: Date, into db: Database) throws {
        let blocked = try isBlocked(key, in: db)
        for payload in payloads {
            try db.execute(
                """
                INSERT INTO outbox (channel, chat, payload_json, not_before, status, last_error, created_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(key.channel), .text(key.chat), .text(payload), .date(at),
                    .text(blocked ? "failed" : "pending"),
                    blocked ? .text(blockedReason) : .null, .date(at), blocked ? .date(at) : .null,
                ])
        }
    }

    /// Whether `key` is marked blocked, read on a connection the caller already holds.
    static func isBlocked(_ key: ConversationKey, in db: Database) throws -> Bool {
        try !db.query(
            "SELECT 1 FROM conversations WHERE channel = ? AND chat = ? AND blocked_at IS NOT NULL",
            [.text(key.channel), .text(key.chat)]
        ) { _ in true }.isEmpty
    }
}
