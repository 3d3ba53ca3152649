import BotRuntime
import SQLiteStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `safa-bot run`: serves Telegram (long polling by default, webhook as an option), WhatsApp (webhook), or
/// both, by which secrets are set, until SIGTERM.
struct RunCommand: SafaBotCommand {
    static let name = "run"
    static let summary =
        "serve Telegram (TELEGRAM_BOT_TOKEN), WhatsApp (WHATSAPP_* secrets) and/or web chat (SAFA_WEBCHAT_SECRET); --config PATH"

    let configPath: String

    init(arguments: inout Arguments) throws {
        configPath = try arguments.option("config") ?? "config/safa-bot.json"
        _ = try arguments.positionals()
    }

    func run() throws {
        let configuration: BotConfiguration
        do {
            configuration = try BotConfiguration.load(
                path: configPath, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw CLIError.usage(error.description)
        }
        let whatsapp: BotConfiguration.WhatsAppSecrets?
        do {
            whatsapp = try configuration.whatsappSecrets()
        } catch let error as ConfigurationError {
            throw CLIError.usage(error.description)
        }
        let webChat = configuration.webChat.enabled && configuration.webChatSecret != nil
        if configuration.webChat.enabled && configuration.webChatSecret == nil {
            throw CLIError.usage("webChat.enabled is true but SAFA_WEBCHAT_SECRET is not set (32 random bytes or more)")
        }
        guard configuration.telegramToken != nil || whatsapp != nil || webChat else {
            throw CLIError.usage(
                "no channel is configured: set TELEGRAM_BOT_TOKEN to serve Telegram, or WHATSAPP_ACCESS_TOKEN, "
                    + "WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN to serve WhatsApp, "
                    + "or SAFA_WEBCHAT_SECRET to serve web chat (or use 'safa-bot chat' to talk in this terminal)")
        }
        let level = Logger.Level(name: configuration.logLevel) ?? .info
        let logger = Logger(label: "safa-bot", handler: StandardErrorLogHandler(level: level))
        let bundle = try DialogSource(directory: configuration.dialogs, officersPath: configuration.officers).load()
        let folder = DataLocation.folder(of: configuration.database)
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let store: SQLiteRuntimeStore
        do {
            store = try SQLiteRuntimeStore(path: configuration.database)
        } catch {
            throw CLIError.runtime("cannot open the database \(configuration.database): \(error)")
        }
        try BotService(configuration: configuration, token: configuration.telegramToken, bundle: bundle, store: store, logger: logger)
            .run()
    }
}
