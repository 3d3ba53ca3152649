import BotRuntime
import DialogCore
import Foundation
import OfficerDesk
import Testing

@testable import SQLiteStore

/// A database written by the Telegram-only version (its schema and stored JSON, as raw SQL) opens with the
/// channel-neutral code: the conversation goes on where it was, nothing is handled twice, the old outbox and
/// desk rows read in their new shapes, and the officers' case is found by its place.
@Suite struct ChannelNeutralUpgradeTests {
    static let chat = "4242"
    static var key: ConversationKey { ConversationKey(channel: "telegram", chat: chat) }

    @Test func aTelegramOnlyDatabaseKeepsWorkingAfterTheUpgrade() throws {
        try withTemporaryDatabase { path in
            try Self.writeTelegramOnlyDatabase(at: path)
            let store = try SQLiteRuntimeStore(path: path)

            // The button answer left in the outbox is done; the file row, written without a channel, is
            // Telegram's and is next in line for its chat.
            let due = try store.dueOutbound(now: Date(timeIntervalSince1970: 1_800_000_000), limit: 10)
            #expect(due.map(\.id) == [2])
            let file = Attachment(
                kind: .document, fileID: "BQACAgQAAxkBAAIBQ2", channel: "telegram", fileName: "نموذج الدخل.pdf",
                mimeType: "application/pdf", size: 48_213)
            #expect(due.first?.payload == .file(file, caption: nil))
            #expect(due.first?.key == Self.key)
            #expect(try store.outboxDepth() == 2)

            // Desk events written with Telegram user and thread ids read as identities and places.
            let events = try store.pendingDeskEvents(limit: 10).map(\.event)
            #expect(
                events == [
                    .officerMessage(
                        OfficerGroupMessage(
                            officer: "telegram:111", officerName: "محمد", place: "42", messageID: "501",
                            content: .text("/claim"))),
                    .officerButton(officer: "telegram:111", data: "desk:claim:C1001", place: "42"),
                    .officerMessage(
                        OfficerGroupMessage(
                            officer: "telegram:222", officerName: "فاطمة", place: "777", messageID: "502",
                            content: .text("السلام عليكم"))),
                ])

            // The case is found by its place, and an officer's command in that place still acts on it.
            var book = try #require(try store.loadCaseBook())
            let c = try #require(book.caseInPlace("42"))
            #expect(c.id == "C1001" && c.key == Self.key && c.place == "42")
            #expect(book.nextNumber == 1002)
            let config = OfficerConfiguration(
                groupChatID: -1_001_234_567_890,
                queues: [
                    QueueConfiguration(id: "relations", title: "علاقات المستفيدين", members: [.officer("mohammed")])
                ],
                officers: [Officer(id: "mohammed", name: "محمد عبدالله", identities: ["telegram:111"])])
            let effects = book.handle(
                inPlace: "42", from: "telegram:111", input: .text("/claim"),
                now: Date(timeIntervalSince1970: 1_767_510_000),
                config: config, nodeExists: { _ in true })
            #expect(book["C1001"]?.claimant == "mohammed")
            #expect(
                effects.contains(
                    .tellBeneficiary(Self.key, .officerJoined(officerName: "محمد عبدالله", queue: "علاقات المستفيدين")))
            )

            // The stored state reads, its attachment as Telegram's.
            let before = try #require(try store.conversation(Self.key))
            #expect(
                before.forms["help_request.form"]?["documents"]
                    == .attachments([
                        Attachment(
                            kind: .document, fileID: "BQACAgQAAxkBAAIBQ1", channel: "telegram", fileName: "صك.pdf",
                            mimeType: "application/pdf", size: 20480)
                    ]))

            // The conversation goes on: the pending document is taken into the form it was asked for.
            let bundle = try #require(Self.shippedDialogs())
            let processed = try InboxProcessor(store: store, dialogs: DialogHolder(bundle))
                .processPending(now: Date(timeIntervalSince1970: 1_767_510_100))
            #expect(processed.count == 1)
            #expect(processed.first?.commit.key == Self.key)
            #expect(processed.first?.commit.outbound.isEmpty == false)
            let state = try #require(try store.conversation(Self.key))
            #expect(state.forms["help_request.form"]?["full_name"] == .text("عبدالله محمد القحطاني"))
            guard case .attachments(let files)? = state.forms["help_request.form"]?["documents"] else {
                Issue.record("the document was not taken: \(state)")
                return
            }
            #expect(files.map(\.channel) == ["telegram"])
            #expect(files.map(\.fileID) == ["BQACAgQAAxkBAAIBQ4"])

            // Telegram's update ids still deduplicate across the upgrade.
            let again = try store.appendInbound(
                key: Self.key, platformID: "telegram:update:900001", content: .text("مكرر"),
                receivedAt: Date(timeIntervalSince1970: 1_767_510_200), meta: [:])
            #expect(again == nil)
        }
    }

    static func shippedDialogs() -> DialogBundle? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return DialogLoader.load(directory: root.appending(path: "dialogs")).bundle
    }

    /// The schema and rows exactly as the Telegram-only version wrote them (its five migrations applied).
    static func writeTelegramOnlyDatabase(at path: String) throws {
        let db = try Database(path: path)
        try db.executeScript(Self.telegramOnlySchema)
        try db.executeScript(Self.telegramOnlyRows)
    }

    static let telegramOnlySchema = """
        CREATE TABLE schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at REAL NOT NULL);
        INSERT INTO schema_migrations VALUES ('2025-01 runtime store', 1767000000.0),
            ('2026-11 desk events', 1767000000.0), ('2026-11 officer cases', 1767000000.0),
            ('2026-11 outbox pending in order', 1767000000.0), ('2026-11 outbox parts sent', 1767000000.0);

        CREATE TABLE inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            platform_id TEXT NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            content_json TEXT NOT NULL,
            received_at REAL NOT NULL,
            meta_json TEXT NOT NULL,
            processed_at REAL
        );
        CREATE INDEX inbox_unprocessed ON inbox (id) WHERE processed_at IS NULL;
        CREATE TABLE conversations (
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            state_json TEXT,
            updated_at REAL NOT NULL,
            blocked_at REAL,
            PRIMARY KEY (channel, chat)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            not_before REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
            platform_message_id TEXT,
            last_error TEXT,
            created_at REAL NOT NULL,
            finished_at REAL
        );
        CREATE INDEX outbox_pending_by_chat ON outbox (channel, chat, id) WHERE status = 'pending';
        CREATE TABLE requests (
            reference TEXT PRIMARY KEY NOT NULL,
            request_type TEXT NOT NULL,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            form TEXT NOT NULL,
            fields_json TEXT NOT NULL,
            submitted_at REAL NOT NULL,
            attestation_json TEXT,
            status TEXT NOT NULL DEFAULT 'submitted'
        );
        CREATE INDEX requests_by_time ON requests (submitted_at);
        CREATE INDEX requests_by_chat ON requests (channel, chat);
        CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            queue TEXT NOT NULL,
            reason TEXT NOT NULL,
            from_node TEXT,
            fields_json TEXT NOT NULL,
            created_at REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'waiting'
        );
        CREATE INDEX handoffs_waiting ON handoffs (queue, id) WHERE status = 'waiting';
        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            node TEXT NOT NULL,
            rating TEXT NOT NULL,
            answered_at REAL NOT NULL
        );
        CREATE TABLE kv (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE desk_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            platform_id TEXT UNIQUE,
            channel TEXT,
            chat TEXT,
            event_json TEXT NOT NULL,
            created_at REAL NOT NULL,
            processed_at REAL
        );
        CREATE INDEX desk_events_pending ON desk_events (id) WHERE processed_at IS NULL;

        CREATE TABLE officer_cases (
            id TEXT PRIMARY KEY NOT NULL,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            queue TEXT NOT NULL,
            state TEXT NOT NULL,
            json TEXT NOT NULL,
            in_book INTEGER NOT NULL DEFAULT 1,
            updated_at REAL NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX officer_cases_in_book ON officer_cases (in_book);
        CREATE TABLE officer_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id TEXT NOT NULL,
            at REAL NOT NULL,
            via TEXT NOT NULL,
            detail TEXT
        );
        CREATE INDEX officer_audit_by_case ON officer_audit (case_id, id);

        CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
        ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
        """

    /// A conversation in the help request's documents field (one document already taken), the next document
    /// waiting in the inbox, an outbox with a button answer, a file and a message, a waiting case with its
    /// topic, and officers' events from the group, in the JSON the Telegram-only version wrote.
    static let telegramOnlyRows = #"""
        INSERT INTO conversations (channel, chat, state_json, updated_at) VALUES ('telegram', '4242',
            '{"node":"help_request.form","phase":{"field":{"index":8,"editing":false}},"attempts":0,"promptSequence":12,"forms":{"help_request.form":{"city":{"text":{"_0":"الرياض"}},"documents":{"attachments":{"_0":[{"kind":"document","fileID":"BQACAgQAAxkBAAIBQ1","fileName":"صك.pdf","mimeType":"application/pdf","size":20480}]}},"family_size":{"integer":{"_0":6}},"full_name":{"text":{"_0":"عبدالله محمد القحطاني"}},"help_type":{"choice":{"id":"food","label":"سلة غذائية"}},"housing":{"choice":{"id":"rent","label":"إيجار"}},"mobile":{"text":{"_0":"0501234567"}},"monthly_income":{"decimal":{"_0":3500.5}},"national_id":{"text":{"_0":"1012345678"}}}},"trail":["main.menu"],"lastActivity":1767500000,"requests":[],"dialogVersion":"a1b2c3d4e5f60718","attestations":{}}',
            1767500000.0);

        INSERT INTO inbox (id, platform_id, channel, chat, content_json, received_at, meta_json, processed_at)
        VALUES (1, 'telegram:update:900000', 'telegram', '4242', '{"text":{"_0":"6"}}', 1767499000.0,
                '{"message_id":"70"}', 1767499000.5),
               (2, 'telegram:update:900001', 'telegram', '4242',
                '{"attachment":{"_0":{"kind":"document","fileID":"BQACAgQAAxkBAAIBQ4","fileName":"عقد الإيجار.pdf","mimeType":"application/pdf","size":30111}}}',
                1767500100.0, '{"message_id":"77"}', NULL);

        INSERT INTO outbox (id, channel, chat, payload_json, not_before, status, created_at) VALUES
            (1, 'telegram', '4242', '{"answerButton":{"callbackID":"4382bfdwdsb323b2d9"}}', 1767499000.5, 'pending',
             1767499000.5),
            (2, 'telegram', '4242', '{"file":{"_0":{"kind":"document","fileID":"BQACAgQAAxkBAAIBQ2","fileName":"نموذج الدخل.pdf","mimeType":"application/pdf","size":48213}}}',
             1767499000.5, 'pending', 1767499000.5),
            (3, 'telegram', '4242', '{"message":{"_0":{"text":"أرسل صورة الصك أو المستند","buttons":[{"payload":"12:skip","label":"تخطي"}]}}}',
             1767499000.5, 'pending', 1767499000.5);

        INSERT INTO officer_cases (id, channel, chat, queue, state, json, in_book, updated_at) VALUES
            ('C1001', 'telegram', '4242', 'relations', 'waiting',
             '{"id":"C1001","key":{"channel":"telegram","chat":"4242"},"queue":"relations","reason":"طلب التحدث مع موظف","from":"help_request.form","fields":[{"id":"full_name","label":"الاسم الكامل","value":{"text":{"_0":"عبدالله محمد القحطاني"}},"sensitive":false}],"state":{"waiting":{"since":1767499500}},"openedAt":1767499500,"transcript":[{"who":{"beneficiary":{}},"text":"أحتاج مساعدة في الطلب","at":1767499600}],"topicThreadID":42,"claimDeadline":1767500100}',
             1, 1767499600.0);
        INSERT INTO kv (key, value) VALUES ('desk.next_case_number', '1002'), ('telegram.offset', '900002');

        INSERT INTO desk_events (id, platform_id, channel, chat, event_json, created_at, processed_at) VALUES
            (1, 'telegram:update:900010', NULL, NULL,
             '{"officerMessage":{"_0":{"userID":111,"userName":"محمد","threadID":42,"messageID":501,"content":{"text":{"_0":"/claim"}}}}}',
             1767500200.0, NULL),
            (2, 'telegram:update:900011', NULL, NULL,
             '{"officerButton":{"userID":111,"data":"desk:claim:C1001","callbackID":"9911","threadID":42}}',
             1767500201.0, NULL),
            (3, 'telegram:update:900012', NULL, NULL,
             '{"officerMessage":{"_0":{"userID":222,"userName":"فاطمة","replyToMessageID":777,"messageID":502,"content":{"text":{"_0":"السلام عليكم"}}}}}',
             1767500202.0, NULL);
        """#
}
