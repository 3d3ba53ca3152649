public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteRuntimeStore {
    /// A poller's batch in one transaction: the new events, their engine steps (when nothing older waits in
    /// the inbox), and the offset that acknowledges them.
    ///
    /// Why one: stored, then processed, then the offset saved, an update cost three transactions, each
    /// rewriting the inbox page, its indexes and the id counter; stepped here, the event goes in already
    /// processed, so the index of unprocessed events is not touched either.
    public func appendInbound(_ items: [InboundItem], setting: StoreSetting?, stepping step: InboundStepper?) throws
        -> (records: [InboundRecord?], commits: [StepCommit])
    {
        guard !items.isEmpty || setting != nil else { return ([], []) }
        let encodedItems = items.map { ($0.content.jsonText(), $0.meta.jsonText()) }
        return try withDatabase { db, json in
            try writeTransaction(db) { () throws -> (records: [InboundRecord?], commits: [StepCommit]) in
                // A backlog (left by a crash, or by another channel's inbox) is the processing loop's to
                // work through in order; new events then wait their turn behind it.
                let backlog = try db.query("SELECT 1 FROM inbox WHERE processed_at IS NULL LIMIT 1") { _ in true }
                let inline = step != nil && backlog.isEmpty
                let processedAt: SQLiteValue = inline ? .date(Date()) : .null
                var records: [InboundRecord?] = []
                var fresh: [InboundRecord] = []
                for (item, encoded) in zip(items, encodedItems) {
                    let key = item.key
                    try db.execute(
                        """
                        INSERT INTO inbox
                            (platform_id, channel, chat, content_json, received_at, meta_json, processed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform_id) DO NOTHING
                        """,
                        [
                            .text(item.platformID), .text(key.channel), .text(key.chat), .text(encoded.0),
                            .date(item.receivedAt), .text(encoded.1), processedAt,
                        ])
                    guard db.changes == 1 else {
                        records.append(nil)
                        continue
                    }
                    let id = db.lastInsertRowID
                    // The user wrote again, so they unblocked the bot.
                    try db.execute(
                        "UPDATE conversations SET blocked_at = NULL WHERE channel = ? AND chat = ? AND blocked_at IS NOT NULL",
                        [.text(key.channel), .text(key.chat)])
                    let record = InboundRecord(
                        id: id, key: key, platformID: item.platformID, content: item.content,
                        receivedAt: item.receivedAt, meta: item.meta)
                    records.append(record)
                    fresh.append(record)
                }
                var commits: [StepCommit] = []
                if inline, let step, !fresh.isEmpty {
                    commits = try step(fresh) { key in try Self.conversation(key, in: db, json: json) }
                    guard commits.map(\.inboundID) == fresh.map(\.id) else {
                        throw RuntimeStoreError.unknownInbound(id: commits.first?.inboundID ?? -1)
                    }
                    for commit in commits {
                        try Self.write(try Self.encode(commit, json: json), to: db, markingInbound: false)
                    }
                }
                if let setting {
                    try db.execute(
                        "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        [.text(setting.key), .text(setting.value)])
                }
                return (records, commits)
            }
        }
    }
}
