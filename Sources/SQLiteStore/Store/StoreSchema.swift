/// The runtime store's schema, as ordered migrations. Dates are REAL seconds since 1970; JSON is UTF-8 text.
enum StoreSchema {
    /// Every migration of the runtime store, oldest first. Never edit a shipped one; append a new one.
    static var migrator: Migrator {
        var migrator = Migrator()
        migrator.register("2025-01 runtime store", sql: initial)
        migrator.register("2026-11 desk events", sql: deskEvents)
        migrator.register("2026-11 officer cases", sql: officerCases)
        migrator.register("2026-11 outbox pending in order", sql: outboxPendingInOrder)
        migrator.register("2026-11 outbox parts sent", sql: outboxPartsSent)
        migrator.register("2026-12 channel-neutral rows", sql: channelNeutralRows)
        migrator.register("2026-12 web chat mailbox", sql: webChatMailbox)
        migrator.register("2026-12 whatsapp last message by conversation", sql: inboxByConversation)
        migrator.register("2026-12 request lifecycle events", sql: requestLifecycle)
        migrator.register("2026-12 whatsapp delivery statuses", sql: deliveryStatuses)
        return migrator
    }

    /// What the platform reported after a send (delivered, read, failed), found by the platform's message id.
    private static let deliveryStatuses = """
        ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
        ALTER TABLE outbox ADD COLUMN delivery_status_at REAL;
        CREATE INDEX outbox_by_platform_message ON outbox (platform_message_id) WHERE platform_message_id IS NOT NULL;
        """

    /// Serves `lastUserMessage` (WhatsApp's 24-hour window) without scanning the inbox.
    private static let inboxByConversation = """
        CREATE INDEX inbox_by_conversation ON inbox (channel, chat, received_at);
        """

    /// What web chat pages fetch: one row per reply the outbox delivered there and per message the
    /// beneficiary sent, read by conversation in id order. `origin` (the outbox row, the inbound message) is
    /// unique, so a re-delivery after a crash or a retried post adds nothing; `acked_at` once the page showed it.
    private static let webChatMailbox = """
        CREATE TABLE mailbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            chat TEXT NOT NULL,
            origin TEXT UNIQUE,
            body_json TEXT NOT NULL,
            created_at REAL NOT NULL,
            acked_at REAL
        );
        CREATE INDEX mailbox_by_chat ON mailbox (channel, chat, id);
        """

    /// A request's history (status changes by officers, information added by the beneficiary), when its
    /// status last changed, and the applicant's national ID for finding an open request from any chat.
    private static let requestLifecycle = """
        CREATE TABLE request_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL,
            at REAL NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('status', 'information')),
            from_status TEXT,
            to_status TEXT,
            reason TEXT,
            note TEXT,
            via TEXT NOT NULL
        );
        CREATE INDEX request_events_by_reference ON request_events (reference, id);
        ALTER TABLE requests ADD COLUMN status_changed_at REAL;
        ALTER TABLE requests ADD COLUMN applicant_id TEXT;
        CREATE INDEX requests_by_applicant ON requests (applicant_id, status) WHERE applicant_id IS NOT NULL;
        CREATE INDEX requests_by_status ON requests (status, submitted_at);
        """

    /// Stored JSON from before the channel-neutral core, rewritten to today's shapes (attachments without a
    /// channel need nothing: they read as Telegram's):
    /// - pending `answerButton` outbox rows are done (Telegram acknowledges presses itself now; these are
    ///   long expired anyway);
    /// - officers' desk events name the officer as "telegram:<user id>" and the place as a string (the topic,
    ///   else the card replied to), message ids as strings;
    /// - cases keep their topic as `place` (the thread id as a string).
    private static let channelNeutralRows = """
        UPDATE outbox SET status = 'sent', finished_at = (julianday('now') - 2440587.5) * 86400.0,
            last_error = 'button answer dropped at the channel-neutral upgrade'
        WHERE status = 'pending' AND json_type(payload_json, '$.answerButton') IS NOT NULL;

        UPDATE desk_events SET event_json = json_object('officerMessage', json_object('_0', json_object(
            'officer', 'telegram:' || json_extract(event_json, '$.officerMessage._0.userID'),
            'officerName', json_extract(event_json, '$.officerMessage._0.userName'),
            'place', CAST(coalesce(json_extract(event_json, '$.officerMessage._0.threadID'),
                json_extract(event_json, '$.officerMessage._0.replyToMessageID')) AS TEXT),
            'messageID', CAST(json_extract(event_json, '$.officerMessage._0.messageID') AS TEXT),
            'content', json_extract(event_json, '$.officerMessage._0.content'))))
        WHERE json_type(event_json, '$.officerMessage._0.userID') = 'integer';

        UPDATE desk_events SET event_json = json_object('officerButton', json_object(
            'officer', 'telegram:' || json_extract(event_json, '$.officerButton.userID'),
            'data', json_extract(event_json, '$.officerButton.data'),
            'place', CAST(json_extract(event_json, '$.officerButton.threadID') AS TEXT)))
        WHERE json_type(event_json, '$.officerButton.userID') = 'integer';

        UPDATE officer_cases
        SET json = json_remove(json_set(json, '$.place', CAST(json_extract(json, '$.topicThreadID') AS TEXT)),
            '$.topicThreadID')
        WHERE json_type(json, '$.topicThreadID') = 'integer';
        """

    /// How many leading parts of a split message are delivered, so a retry does not send them twice.
    private static let outboxPartsSent = """
        ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
        """

    /// Lets dueOutbound walk pending rows in id order and stop at its limit, with no temporary tables
    /// (materializing every chat's head and sorting them cost two temporary B-trees per sender round).
    private static let outboxPendingInOrder = """
        CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
        """

    /// The officers' desk queue: beneficiary-side events from steps, officer-side events as they arrive.
    private static let deskEvents = """
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
        """

    /// The officers' cases (one JSON row each, `in_book` while the desk holds it) and the audit trail.
    private static let officerCases = """
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
        """

    private static let initial = """
        -- AUTOINCREMENT: ids are never reused, even after deletes, because they become Event.sequence
        -- and reference numbers derive from them.
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

        -- state_json is NULL for a conversation known only because its user blocked the bot.
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
        -- Serves dueOutbound: the head of each conversation's queue, MIN(id) per (channel, chat), read from
        -- pending rows only (a partial index, so sent and failed history costs nothing).
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
        """
}
