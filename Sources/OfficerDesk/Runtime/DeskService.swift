public import BotRuntime
import DialogCore
public import HTTPServer

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The officers' desk at run time: consumes the desk queue, keeps the case book, posts where officers work
/// (through an ``OfficerWorkplace``), answers the officer API, and fires stored timers.
///
/// Every change to the book is saved together with its audit entries and the desk events it consumed, in
/// one transaction, after its effects were carried out: a crash repeats effects rather than losing them.
public actor DeskService {
    public typealias Store = RuntimeStore & CaseStore & RequestLedger

    let config: OfficerConfiguration
    let api: OfficerAPI
    let store: any Store
    let executor: BlockingExecutor
    /// Where officers work; nil when they work over the API only.
    let workplace: (any OfficerWorkplace)?
    let dialogs: DialogHolder
    let logger: Logger
    /// Called after a hand-back was put in the inbox / replies in the outbox.
    let wakeProcessing: @Sendable () -> Void
    let wakeSender: @Sendable () -> Void
    public nonisolated let wake: WakeSignal
    /// The desk's time (cases, timers, audit); injected so tests can let ten minutes pass at once.
    let clock: @Sendable () -> Date

    private var book: CaseBook
    private var audit: [AuditEntry] = []

    public init(
        config: OfficerConfiguration, keyHashes: [String: [UInt8]], store: any Store, executor: BlockingExecutor,
        workplace: (any OfficerWorkplace)?, dialogs: DialogHolder, logger: Logger, wake: WakeSignal,
        wakeProcessing: @escaping @Sendable () -> Void, wakeSender: @escaping @Sendable () -> Void,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.config = config
        self.store = store
        self.executor = executor
        self.workplace = workplace
        self.dialogs = dialogs
        self.logger = logger
        self.wakeProcessing = wakeProcessing
        self.wakeSender = wakeSender
        self.wake = wake
        self.clock = clock
        api = OfficerAPI(config: config, keyHashes: keyHashes, nodeExists: { Self.nodeExists($0, dialogs) })
        // At start-up, before any other work: reading the store on the calling thread is fine.
        book = try store.loadCaseBook() ?? CaseBook()
    }

    /// Whether `node` ("flow.node") is a place a case may be released to: it exists in the loaded dialogs and
    /// asks the beneficiary something (releasing to a submission would file a request for them).
    static func nodeExists(_ node: String, _ dialogs: DialogHolder) -> Bool {
        NodeRef(qualified: node).flatMap { dialogs.engine.bundle.node($0) }?.body.asksBeneficiary ?? false
    }

    /// Works the queue and the timers until cancelled.
    public func run() async {
        while !Task.isCancelled {
            await processPending()
            await fireTimers()
            let next = book.nextTimer.map { max(0.05, $0.timeIntervalSince(clock())) } ?? 5
            await wake.wait(timeout: min(5, next))
        }
    }

    // MARK: - The desk queue

    public func processPending() async {
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
            if case .text(let text) = message.content, let command = StatusCommand.parse(text) {
                await changeStatus(command, from: message)
                return []
            }
            guard let place = message.place, book.caseInPlace(place) != nil else {
                await answerOutsideACase(message)
                return []
            }
            let input: PlaceInput
            switch message.content {
            case .text(let text): input = .text(text)
            case .attachment(let file): input = .attachment(file)
            default:
                await postOrLog(
                    OutgoingMessage(
                        text: "This kind of message cannot be passed on; send text, a photo or a document."),
                    in: place)
                return []
            }
            return book.handle(
                inPlace: place, from: message.officer, input: input, now: now, config: config,
                nodeExists: { Self.nodeExists($0, self.dialogs) })
        case .replyWindowClosed:
            guard let key = record.key else { return [] }
            return applied(.replyWindowClosed(key))
        case .officerButton(let officer, let data, let place):
            // The press itself was acknowledged by the workplace's channel when it arrived.
            guard let place else { return [] }
            return book.handle(
                inPlace: place, from: officer, input: .button(payload: data), now: now, config: config,
                nodeExists: { Self.nodeExists($0, self.dialogs) })
        }
    }

    /// A message outside any case's place (the General topic, not replying to a case card): commands get an
    /// answer, chat a log line.
    private func answerOutsideACase(_ message: OfficerGroupMessage) async {
        if case .text(let text) = message.content, text.hasPrefix("/") {
            await postOrLog(
                OutgoingMessage(text: "Commands work inside a case's topic (or as a reply to its case card)."),
                in: message.place)
        } else {
            logger.info("officer_message_outside_case", ["message_id": message.messageID])
        }
    }

    private func postOrLog(_ message: OutgoingMessage, in place: String?) async {
        guard let workplace else { return }
        do {
            try await workplace.post(message, in: place)
        } catch {
            logger.warning("desk_post_failed", ["error": "\(error)"])
        }
    }

    // MARK: - Timers and the API

    public func fireTimers() async {
        guard let next = book.nextTimer, next <= clock() else { return }
        await perform(book.tick(now: clock(), config: config), eventID: nil)
        await save(processed: [])
    }

    /// The officer HTTP API (`/officer/...`).
    /// Whether `headers` carry a valid officer key: the server's check on the headers, before any body.
    public nonisolated func authorizes(_ headers: [String: String]) -> Bool {
        api.authenticate(headers) != nil
    }

    public func handleAPI(_ request: HTTPRequest) async -> HTTPResponse {
        if request.path.hasPrefix(RequestStatusAPI.prefix) { return await handleRequestAPI(request) }
        let result = api.handle(request, now: clock(), book: &book)
        if !result.effects.isEmpty {
            await perform(result.effects, eventID: nil)
            await save(processed: [])
        }
        return result.response
    }

    /// A snapshot of the book (for tests).
    public var currentBook: CaseBook { book }

    /// Records where a case's place is; returns the book's follow-up effects.
    func applyPlaceOpened(caseID: String, place: String) -> [CaseEffect] {
        switch book.apply(.placeOpened(caseID: caseID, place: place), now: clock(), config: config) {
        case .success(let effects): return effects
        case .failure(let error):
            logger.warning("place_not_recorded", ["case": caseID, "reason": "\(error)"])
            return []
        }
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
