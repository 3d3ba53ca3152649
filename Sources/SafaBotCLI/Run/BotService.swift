import BotRuntime
import DialogCore
import Dispatch
import HTTPClient
import HTTPServer
import OfficerDesk
import SQLiteStore
import Synchronization

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
/// Each channel (``ChannelPlugin``) writes its inbound events into the inbox (a poller or a webhook route) →
/// the processing thread (engine + one SQLite transaction per batch) → the outbox sender, which hands each
/// row to the sender of its `key.channel`, paced per channel. The officers' desk works in the workplace one
/// channel provides (Telegram's officers' group), or over the API only.
final class BotService: Sendable {
    let configuration: BotConfiguration
    let dialogsDirectory: String
    let officersPath: String
    let store: SQLiteRuntimeStore
    let logger: Logger
    let metrics = RuntimeMetrics()
    let executor = BlockingExecutor(label: "safabot.store")
    let dialogs: DialogHolder
    let http: HTTPClient
    let sender: OutboxSender
    let processing: ProcessingLoop
    let channels: [ChannelPlugin]
    /// Every channel's files, for relaying one channel's file to another.
    let media = MediaSources()
    let server: HTTPServer?
    /// The officers' desk; nil when no officers' configuration exists.
    let desk: DeskService?
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let failure = Mutex<String?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Builds a channel once the runtime it writes into exists.
    typealias ChannelFactory = (ChannelContext, OfficerConfiguration?, HTTPClient) throws -> ChannelPlugin

    /// The service for the channels whose secrets are configured: Telegram when `token` is given, WhatsApp
    /// when its four settings are (``BotConfiguration/whatsappSecrets()``), web chat when it is enabled and
    /// `SAFA_WEBCHAT_SECRET` is set.
    convenience init(
        configuration: BotConfiguration, token: String?, bundle: DialogBundle, store: SQLiteRuntimeStore,
        logger: Logger, deskClock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        var factories: [ChannelFactory] = []
        if let token {
            factories.append { context, officers, http in
                try TelegramPlugin.make(
                    configuration: configuration, token: token, http: http, officers: officers, context: context)
            }
        }
        if let secrets = try configuration.whatsappSecrets() {
            factories.append { context, _, http in
                WhatsAppPlugin.make(configuration: configuration, secrets: secrets, http: http, context: context)
            }
        }
        if configuration.webChat.enabled, let secret = configuration.webChatSecret {
            factories.append { context, _, _ in
                WebChatPlugin.make(configuration: configuration, secret: secret, mailbox: store, context: context)
            }
        }
        try self.init(
            configuration: configuration, channels: factories, bundle: bundle, store: store, logger: logger,
            deskClock: deskClock)
    }

    init(
        configuration: BotConfiguration, channels factories: [ChannelFactory], bundle: DialogBundle,
        store: SQLiteRuntimeStore, logger: Logger, deskClock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.configuration = configuration
        self.dialogsDirectory = configuration.dialogs
        self.officersPath = configuration.officers
        self.store = store
        self.logger = logger
        let officers = try Self.loadOfficers(path: configuration.officers, logger: logger)
        var isWorkingTime: (@Sendable (Date) -> Bool)?
        if let hours = officers?.workingHours {
            isWorkingTime = { date in hours.isOpen(at: date) }
        }
        dialogs = DialogHolder(
            bundle, isWorkingTime: isWorkingTime, openRequest: store.openRequestLookup,
            requestByReference: store.requestByReferenceLookup)
        http = try HTTPClient()
        let executor = self.executor
        let deskWake = WakeSignal()
        // The sender is built after the channels (it needs their senders); its wake signal exists before.
        let senderWake = WakeSignal()
        let processor = InboxProcessor(store: store, dialogs: dialogs)
        let processing = ProcessingLoop(
            processor: processor, metrics: metrics,
            logger: Logger(label: "processing", handler: logger.handler),
            onCommitted: {
                senderWake.signal()
                deskWake.signal()
            })
        self.processing = processing
        let context = ChannelContext(
            store: store, executor: executor, metrics: metrics, media: media, logHandler: logger.handler,
            wakeProcessing: { processing.wake.signal() }, wakeDesk: { deskWake.signal() }, processor: processor,
            wakeAfterCommit: {
                senderWake.signal()
                deskWake.signal()
            })
        let http = self.http
        let channels = try factories.map { try $0(context, officers, http) }
        self.channels = channels
        for channel in channels { if let source = channel.media { media.register(source) } }
        let sender = OutboxSender(
            store: store, executor: executor, senders: channels.map(\.sender),
            rateLimits: Dictionary(
                channels.compactMap { c in c.rateLimit.map { (c.name, $0) } }, uniquingKeysWith: { first, _ in first }),
            metrics: metrics, logger: Logger(label: "outbox", handler: logger.handler), wake: senderWake)
        self.sender = sender
        if let officers {
            let workplaces = channels.compactMap(\.workplace)
            if workplaces.count > 1 { logger.warning("several_workplaces", ["using": "the first"]) }
            desk = try DeskService(
                config: officers, keyHashes: officers.apiKeyHashes(environment: ProcessInfo.processInfo.environment),
                store: store, executor: executor, workplace: workplaces.first, dialogs: dialogs,
                logger: Logger(label: "desk", handler: logger.handler), wake: deskWake,
                wakeProcessing: { processing.wake.signal() }, wakeSender: { senderWake.signal() }, clock: deskClock)
        } else {
            desk = nil
        }
        let channelRoutes = channels.flatMap(\.routes)
        if configuration.http.enabled || !channelRoutes.isEmpty {
            let routes = Routes(
                metrics: metrics, store: store, executor: executor, dialogs: dialogs, desk: desk,
                channelRoutes: channelRoutes)
            server = HTTPServer(
                configuration: HTTPServerConfiguration(
                    host: configuration.http.host, port: UInt16(configuration.http.port),
                    maxBodyBytes: configuration.http.maxBodyBytes, maxConnections: configuration.http.maxConnections,
                    perIPConnectionLimit: configuration.http.perIPConnectionLimit,
                    requestDeadlineSeconds: configuration.http.requestDeadlineSeconds,
                    failureBudget: configuration.http.failureBudgetPerMinute, failureWindowSeconds: 60,
                    clientAddressHeader: configuration.http.clientAddressHeader),
                refusals: routes.refusals, admit: { routes.admit($0) }, handler: { await routes.handle($0) })
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

    /// Starts every part without blocking: processing thread, HTTP server, outbox sender, desk, and each
    /// channel's preparation (webhook registration) and inbound loop (long polling).
    func start() throws {
        processing.start()
        if let server {
            try server.start()
            logger.info("http_listening", ["host": configuration.http.host, "port": String(server.port)])
        }
        start { [sender] in await sender.run() }
        if let desk { start { await desk.run() } }
        for channel in channels {
            if let prepare = channel.prepare { try Self.blocking(prepare) }
            if let loop = channel.inboundLoop {
                start { [self] in
                    do {
                        try await loop()
                    } catch {
                        logger.error("channel_stopped", ["channel": channel.name, "error": "\(error)"])
                        failure.withLock { $0 = "\(error)" }
                        finished.signal()
                    }
                }
            }
        }
        for channel in channels { logger.info("channel_started", ["channel": channel.name, "mode": channel.mode]) }
        logger.info(
            "started",
            ["channels": channels.map(\.name).joined(separator: ","), "dialogs": dialogs.engine.bundle.version])
    }

    /// Runs `body` to completion from a synchronous caller (start-up only).
    private static func blocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<(any Error)?>(nil)
        Task.detached {
            do { try await body() } catch { outcome.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
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
        do {
            _ = try store.flushHeldOutcomes(olderThan: 0, now: Date())
        } catch {
            logger.error("outbox_record_failed", ["error": "\(error)"])
        }
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
        guard errors.isEmpty, let loaded = result.bundle else {
            for finding in errors { logger.error("reload_finding", ["finding": finding.description]) }
            logger.error("reload_refused", ["errors": String(errors.count), "kept": dialogs.engine.bundle.version])
            return
        }
        let bundle: DialogBundle
        do {
            let source = DialogSource(directory: dialogsDirectory, officersPath: officersPath)
            let (filled, omissions) = try source.fillingFacts(loaded, printWarnings: false)
            for omission in omissions { logger.warning("reload_fact_unset", ["detail": omission]) }
            bundle = filled
        } catch {
            logger.error("reload_refused", ["error": "\(error)", "kept": dialogs.engine.bundle.version])
            return
        }
        dialogs.replace(with: bundle)
        logger.info("reloaded", ["dialogs": bundle.version])
    }
}
