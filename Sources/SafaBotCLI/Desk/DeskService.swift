import BotRuntime
import DialogCore
import HTTPServer
import OfficerDesk
import TelegramChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The officers' desk at run time: consumes the desk queue, keeps the case book, posts to the officers'
/// group, answers the officer API, and fires stored timers.
///
/// Every change to the book is saved together with its audit entries and the desk events it consumed, in
/// one transaction, after its effects were carried out: a crash repeats effects rather than losing them.
actor DeskService {
    typealias Store = RuntimeStore & CaseStore

    let config: OfficerConfiguration
    let api: OfficerAPI
    let store: any Store
    let executor: BlockingExecutor
    let group: OfficerGroup?
    let dialogs: DialogHolder
    let logger: Logger
    /// Called after a hand-back was put in the inbox / replies in the outbox.
    let wakeProcessing: @Sendable () -> Void
    let wakeSender: @Sendable () -> Void
    nonisolated let wake: WakeSignal
    /// The desk's time (cases, timers, audit); injected so tests can let ten minutes pass at once.
    let clock: @Sendable () -> Date

    private var book: CaseBook
    /// Whether the group turned out to have no topics (cases then live in replies to their card).
    private(set) var groupWithoutTopics = false
    private var audit: [AuditEntry] = []

    static let groupModeKey = "desk.group_without_topics"

    init(
        config: OfficerConfiguration, keyHashes: [String: [UInt8]], store: any Store, executor: BlockingExecutor,
        group: OfficerGroup?, dialogs: DialogHolder, logger: Logger, wake: WakeSignal,
        wakeProcessing: @escaping @Sendable () -> Void, wakeSender: @escaping @Sendable () -> Void,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.config = config
        self.store = store
        self.executor = executor
        self.group = group
        self.dialogs = dialogs
        self.logger = logger
        self.wakeProcessing = wakeProcessing
        self.wakeSender = wakeSender
        self.wake = wake
        self.clock = clock
        api = OfficerAPI(config: config, keyHashes: keyHashes, nodeExists: { Self.nodeExists($0, dialogs) })
        // At start-up, before any other work: reading the store on the calling thread is fine.
        book = try store.loadCaseBook() ?? CaseBook()
        groupWithoutTopics = try store.value(forKey: Self.groupModeKey) == "1"
    }

    static func nodeExists(_ node: String, _ dialogs: DialogHolder) -> Bool {
        NodeRef(qualified: node).map { dialogs.engine.bundle.node($0) != nil } ?? false
    }

    /// Works the queue and the timers until cancelled.
    func run() async {
        while !Task.isCancelled {
            await processPending()
            await fireTimers()
            let next = book.nextTimer.map { max(0.05, $0.timeIntervalSince(clock())) } ?? 5
            await wake.wait(timeout: min(5, next))
        }
    }

    // MARK: - The desk queue

    func processPending() async {
        let store = self.store
        while true {
            let events: [DeskEventRecord]
            do {
                events = try await executor.run { try store.pendingDeskEvents(limit: 50) }
            } catch {
                logger.error("desk_read_failed", ["error": "\(error)"])
                return
            }
            guard !events.isEmpty else { return }
            for record in events {
                await perform(handle(record), eventID: record.id)
            }
            await save(processed: events.map(\.id))
        }
    }

    private func handle(_ record: DeskEventRecord) async -> [CaseEffect] {
        let now = clock()
        func applied(_ action: CaseAction) -> [CaseEffect] {
            switch book.apply(action, now: now, config: config) {
            case .success(let effects): return effects
            case .failure(let error):
                logger.info("desk_action_refused", ["event": String(record.id), "reason": "\(error)"])
                return []
            }
        }
        switch record.event {
        case .handoff(let request):
            guard let key = record.key else { return [] }
            return applied(.open(key, request))
        case .beneficiarySent(let content):
            guard let key = record.key else { return [] }
            return applied(.beneficiarySent(key, content))
        case .beneficiaryLeft:
            guard let key = record.key else { return [] }
            return applied(.beneficiaryLeft(key))
        case .surveyAnswered(let answer):
            guard let key = record.key else { return [] }
            return applied(.survey(key, answer))
        case .officerMessage(let message):
            guard let place = message.threadID ?? message.replyToMessageID, book.caseForTopic(place) != nil else {
                await answerOutsideACase(message)
                return []
            }
            let input: TopicInput
            switch message.content {
            case .text(let text): input = .text(text)
            case .attachment(let file): input = .attachment(file)
            default:
                await postOrLog(
                    OutgoingMessage(
                        text: "This kind of message cannot be passed on; send text, a photo or a document."),
                    at: self.place(forTopicKey: place))
                return []
            }
            return book.handleTopic(
                threadID: place, telegramUserID: message.userID, input: input, now: now, config: config,
                nodeExists: { Self.nodeExists($0, self.dialogs) })
        case .officerButton(let userID, let data, let callbackID, let threadID):
            let effects =
                threadID.map {
                    book.handleTopic(
                        threadID: $0, telegramUserID: userID, input: .button(payload: data), now: now, config: config,
                        nodeExists: { Self.nodeExists($0, self.dialogs) })
                } ?? []
            try? await group?.answer(callbackID: callbackID, text: nil)
            return effects
        }
    }

    /// A message in the General topic (or not replying to a case card): commands get an answer, chat a log line.
    private func answerOutsideACase(_ message: OfficerGroupMessage) async {
        if case .text(let text) = message.content, text.hasPrefix("/") {
            await postOrLog(
                OutgoingMessage(text: "Commands work inside a case's topic (or as a reply to its case card)."),
                at: message.threadID.map { place(forTopicKey: $0) } ?? .group)
        } else {
            logger.info("officer_message_outside_case", ["message_id": String(message.messageID)])
        }
    }

    private func postOrLog(_ message: OutgoingMessage, at place: CasePlace) async {
        guard let group else { return }
        do {
            try await group.post(message, at: place)
        } catch {
            logger.warning("desk_post_failed", ["error": "\(error)"])
        }
    }

    // MARK: - Timers and the API

    func fireTimers() async {
        guard let next = book.nextTimer, next <= clock() else { return }
        await perform(book.tick(now: clock(), config: config), eventID: nil)
        await save(processed: [])
    }

    /// The officer HTTP API (`/officer/...`).
    func handleAPI(_ request: HTTPRequest) async -> HTTPResponse {
        let result = api.handle(request, now: clock(), book: &book)
        if !result.effects.isEmpty {
            await perform(result.effects, eventID: nil)
            await save(processed: [])
        }
        return result.response
    }

    /// A snapshot of the book (for tests).
    var currentBook: CaseBook { book }

    /// Records where a case's topic (or anchor message) is; returns the book's follow-up effects.
    func applyTopicCreated(caseID: String, threadID: Int64) -> [CaseEffect] {
        switch book.apply(.topicCreated(caseID: caseID, threadID: threadID), now: clock(), config: config) {
        case .success(let effects): return effects
        case .failure(let error):
            logger.warning("topic_not_recorded", ["case": caseID, "reason": "\(error)"])
            return []
        }
    }

    func rememberGroupWithoutTopics() async {
        groupWithoutTopics = true
        logger.warning("officer_group_without_topics", ["detail": "cases will live in replies to their card"])
        let store = self.store
        _ = try? await executor.run { try store.setValue("1", forKey: Self.groupModeKey) }
    }

    func record(_ entry: AuditEntry) {
        audit.append(entry)
    }

    // MARK: - Saving

    private func save(processed: [Int64]) async {
        let archived = book.removeFinished(before: clock().addingTimeInterval(-7 * 86_400)).map(\.id)
        let snapshot = book
        let entries = audit
        audit = []
        let store = self.store
        do {
            try await executor.run {
                try store.saveCaseBook(
                    snapshot, archived: archived, audit: entries, processedDeskEvents: processed, at: Date())
            }
        } catch {
            // Kept for the next save; the events stay pending and are handled again.
            audit = entries + audit
            logger.error("desk_save_failed", ["error": "\(error)"])
        }
    }
}
