import BotRuntime
import DialogCore
import Dispatch
import HTTPClient
import HTTPServer
import OfficerDesk
import SQLiteStore
import Synchronization
import TelegramChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Everything `safa-bot run` starts, wired together: the one place that knows every concrete type.
///
/// inbox (poller or webhook) → processing thread (engine + one SQLite transaction per batch) → outbox sender.
final class TelegramService: Sendable {
    let configuration: BotConfiguration
    let dialogsDirectory: String
    let store: SQLiteRuntimeStore
    let logger: Logger
    let metrics = RuntimeMetrics()
    let executor = BlockingExecutor(label: "safabot.store")
    let dialogs: DialogHolder
    let http: HTTPClient
    let client: TelegramClient
    let sender: OutboxSender
    let processing: ProcessingLoop
    let writer: TelegramInboxWriter
    let server: HTTPServer?
    /// The officers' desk; nil when no officers' configuration exists.
    let desk: DeskService?
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let failure = Mutex<String?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(
        configuration: BotConfiguration, token: String, bundle: DialogBundle, store: SQLiteRuntimeStore, logger: Logger,
        deskClock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.configuration = configuration
        self.dialogsDirectory = configuration.dialogs
        self.store = store
        self.logger = logger
        let officers = try Self.loadOfficers(path: configuration.officers, logger: logger)
        var isWorkingTime: (@Sendable (Date) -> Bool)?
        if let hours = officers?.workingHours {
            isWorkingTime = { date in hours.isOpen(at: date) }
        }
        dialogs = DialogHolder(bundle, isWorkingTime: isWorkingTime)
        http = try HTTPClient()
        client = TelegramClient(
            transport: TelegramHTTPTransport(
                client: http, baseURL: configuration.telegram.apiBaseURL, token: token,
                pollTimeoutSeconds: configuration.telegram.pollTimeoutSeconds))
        let executor = self.executor
        let telegramSender = TelegramSender(client: client) { [store] key in
            _ = try? await executor.run { try store.markBlocked(key, at: Date()) }
        }
        let t = configuration.telegram
        let rate = RateLimiter.Configuration(
            globalRate: t.globalRate, globalBurst: max(1, t.globalRate), chatRate: t.chatRate,
            chatBurst: max(1, t.chatBurst))
        let sender = OutboxSender(
            store: store, executor: executor, senders: [telegramSender], rateLimits: ["telegram": rate],
            metrics: metrics,
            logger: Logger(label: "outbox", handler: logger.handler))
        self.sender = sender
        let deskWake = WakeSignal()
        let processing = ProcessingLoop(
            processor: InboxProcessor(store: store, dialogs: dialogs), metrics: metrics,
            logger: Logger(label: "processing", handler: logger.handler),
            onCommitted: {
                sender.wake.signal()
                deskWake.signal()
            })
        self.processing = processing
        writer = TelegramInboxWriter(
            store: store, executor: executor, metrics: metrics, logger: Logger(label: "inbox", handler: logger.handler),
            onAccepted: { processing.wake.signal() }, officersGroupID: officers?.groupChatID,
            onDeskEvent: { deskWake.signal() })
        if let officers {
            let client = self.client
            let dialogs = self.dialogs
            desk = try DeskService(
                config: officers, keyHashes: officers.apiKeyHashes(environment: ProcessInfo.processInfo.environment),
                store: store, executor: executor,
                group: officers.groupChatID.map { OfficerGroup(chatID: $0, client: client) }, dialogs: dialogs,
                logger: Logger(label: "desk", handler: logger.handler), wake: deskWake,
                wakeProcessing: { processing.wake.signal() }, wakeSender: { sender.wake.signal() }, clock: deskClock)
        } else {
            desk = nil
        }
        let serveHTTP = configuration.http.enabled || configuration.telegram.mode == "webhook"
        if serveHTTP {
            let writer = self.writer
            let routes = Routes(
                metrics: metrics, store: store, executor: executor, dialogs: dialogs, desk: desk,
                webhookPath: configuration.telegram.mode == "webhook" ? configuration.telegram.webhookPath : nil,
                webhook: configuration.webhookSecret.map {
                    TelegramWebhook(
                        secret: $0, writer: writer, logger: Logger(label: "webhook", handler: logger.handler))
                })
            server = HTTPServer(
                configuration: HTTPServerConfiguration(
                    host: configuration.http.host, port: UInt16(configuration.http.port),
                    maxBodyBytes: configuration.http.maxBodyBytes, maxConnections: configuration.http.maxConnections),
                handler: { await routes.handle($0) })
        } else {
            server = nil
        }
    }

    /// Runs until SIGTERM or SIGINT (then drains and returns) or a fatal error (thrown).
    func run() throws {
        let sources = installSignalHandlers()
        // The signal sources must outlive the wait: in release builds a bare `_ = sources` does not keep
        // them alive, they are cancelled at once and SIGTERM/SIGHUP are then simply ignored (SIG_IGN).
        try withExtendedLifetime(sources) {
            try start()
            waitUntilStopRequested()
            stop()
        }
        if let message = failure.withLock({ $0 }) { throw CLIError.runtime(message) }
    }

    /// Starts every part without blocking: processing thread, HTTP server, outbox sender, poller or webhook.
    func start() throws {
        processing.start()
        if let server {
            try server.start()
            logger.info("http_listening", ["host": configuration.http.host, "port": String(server.port)])
        }
        start { [sender] in await sender.run() }
        if let desk { start { await desk.run() } }
        if configuration.telegram.mode == "webhook" {
            try registerWebhook()
        } else {
            let poller = TelegramPoller(
                client: client, writer: writer, store: store, executor: executor,
                logger: Logger(label: "poller", handler: logger.handler),
                timeoutSeconds: configuration.telegram.pollTimeoutSeconds)
            start { [self] in
                do {
                    try await poller.run()
                } catch {
                    logger.error("polling_stopped", ["error": "\(error)"])
                    failure.withLock { $0 = "\(error)" }
                    finished.signal()
                }
            }
        }
        logger.info("started", ["mode": configuration.telegram.mode, "dialogs": dialogs.engine.bundle.version])
    }

    /// Blocks until a signal or a fatal error asks the service to stop.
    func waitUntilStopRequested() {
        finished.wait()
    }

    /// The fatal error that stopped the service, if any.
    var fatalError: String? { failure.withLock { $0 } }

    /// The HTTP port actually bound (useful with port 0).
    var httpPort: UInt16? { server?.port }

    private func start(_ body: @escaping @Sendable () async -> Void) {
        let task = Task.detached { await body() }
        tasks.withLock { $0.append(task) }
    }

    /// Stops taking updates, drains the inbox, delivers what is due, then returns.
    func stop() {
        logger.info("stopping")
        server?.stop()
        let running = tasks.withLock { $0 }
        for task in running { task.cancel() }
        // Wait for the poller to finish storing what it already took from Telegram (its offset may have
        // advanced), so the drain below processes it too.
        let ended = DispatchSemaphore(value: 0)
        Task.detached {
            for task in running { await task.value }
            ended.signal()
        }
        if ended.wait(timeout: .now() + 10) == .timedOut { logger.warning("stop_tasks_slow") }
        processing.stop()
        let drained = DispatchSemaphore(value: 0)
        Task.detached { [sender] in
            // Final rounds for replies already committed; retries wait for the next start.
            for _ in 0..<50 where await sender.round() == 0 {}
            drained.signal()
        }
        _ = drained.wait(timeout: .now() + 10)
        http.shutdown()
        logger.info("stopped", ["processed": String(metrics.processed), "sent": String(metrics.sends("sent"))])
    }

    /// Reads the officers' configuration; a missing file means no desk, a broken one stops the start.
    static func loadOfficers(path: String, logger: Logger) throws -> OfficerConfiguration? {
        guard let data = FileManager.default.contents(atPath: path) else {
            logger.warning("no_officers", ["file": path, "detail": "handoffs are recorded but no officer desk runs"])
            return nil
        }
        do {
            return try OfficerConfiguration.decode(data)
        } catch {
            throw CLIError.usage("\(path):\n\(error.description)")
        }
    }

    private func registerWebhook() throws {
        guard let url = configuration.telegram.webhookURL, let secret = configuration.webhookSecret else {
            throw CLIError.usage(
                "webhook mode needs telegram.webhookURL (or TELEGRAM_WEBHOOK_URL) and TELEGRAM_WEBHOOK_SECRET")
        }
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<String?>(nil)
        Task.detached { [client] in
            do {
                _ = try await client.call(
                    SetWebhook(url: url, secretToken: secret, allowedUpdates: TelegramPoller.allowedUpdates))
            } catch {
                outcome.withLock { $0 = "setWebhook failed: \(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = outcome.withLock({ $0 }) { throw CLIError.runtime(message) }
    }

    private func installSignalHandlers() -> [any DispatchSourceSignal] {
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [finished] in finished.signal() }
            source.resume()
            sources.append(source)
        }
        signal(SIGHUP, SIG_IGN)
        let reload = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        reload.setEventHandler { [self] in reloadDialogs() }
        reload.resume()
        sources.append(reload)
        return sources
    }

    /// SIGHUP: loads `dialogs/` again; a version with errors is refused and the running one kept.
    func reloadDialogs() {
        let result = DialogLoader.load(directory: URL(fileURLWithPath: dialogsDirectory))
        let errors = result.findings.filter { $0.severity == .error }
        guard errors.isEmpty, let bundle = result.bundle else {
            for finding in errors { logger.error("reload_finding", ["finding": finding.description]) }
            logger.error("reload_refused", ["errors": String(errors.count), "kept": dialogs.engine.bundle.version])
            return
        }
        dialogs.replace(with: bundle)
        logger.info("reloaded", ["dialogs": bundle.version])
    }
}
