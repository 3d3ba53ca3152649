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
    /// Whether `--config` named the file (then it must exist; the default may be absent).
    let configGiven: Bool

    init(arguments: inout Arguments) throws {
        let given = try arguments.option("config")
        configPath = given ?? "config/safa-bot.json"
        configGiven = given != nil
        _ = try arguments.positionals()
    }

    func run() throws {
        if configGiven, !FileManager.default.fileExists(atPath: configPath) {
            throw CLIError.configuration("--config \(configPath): no such file")
        }
        let configuration: BotConfiguration
        do {
            configuration = try BotConfiguration.load(
                path: configPath, environment: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw CLIError.configuration(error.description)
        }
        let whatsapp: BotConfiguration.WhatsAppSecrets?
        do {
            whatsapp = try configuration.whatsappSecrets()
        } catch let error as ConfigurationError {
            throw CLIError.configuration(error.description)
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
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            // Only the bot's user may list or enter the folder of the database and the files people send.
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIError.runtime("cannot create the database folder \(folder): permission denied or no such parent")
            }
            logger.warning("created_data_folder", ["folder": folder, "mode": "0700"])
        }
        let store: SQLiteRuntimeStore
        do {
            store = try SQLiteRuntimeStore(path: configuration.database)
        } catch {
            throw CLIError.runtime("cannot open the database \(configuration.database): \(error)")
        }
        for file in store.tightenedFiles {
            logger.warning("database_file_tightened", ["file": file, "mode": "0600", "was": "readable by others"])
        }
        try BotService(configuration: configuration, token: configuration.telegramToken, bundle: bundle, store: store, logger: logger)
            .run()
    }
}
