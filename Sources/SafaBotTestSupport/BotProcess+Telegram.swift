public import Foundation

extension BotProcess {
    /// Starts `safa-bot run` against a fake Bot API at `apiBaseURL`, with its database and logs in `directory`.
    ///
    /// `configuration` is written to `directory/config.json` verbatim (a version-1 safa-bot config);
    /// `environment` adds to (and overrides) the variables set here.
    public static func telegram(
        executable: String, apiBaseURL: String, token: String, directory: URL, dialogs: String,
        configuration: String = #"{"version":1,"telegram":{"pollTimeoutSeconds":2},"http":{"enabled":false}}"#,
        environment: [String: String] = [:], logName: String = "bot.log"
    ) throws -> BotProcess {
        let configPath = directory.appendingPathComponent("config.json").path
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        var variables: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path,
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_API_BASE_URL": apiBaseURL,
            "SAFA_DB_PATH": databasePath(in: directory),
            "SAFA_DIALOGS_DIR": dialogs,
            "TELEGRAM_GLOBAL_RATE": "0",
            "TELEGRAM_CHAT_RATE": "0",
            "SAFA_HTTP_PORT": "0",
            "SAFA_LOG_LEVEL": "warning",
        ]
        variables.merge(environment) { _, new in new }
        return try BotProcess(
            executable: executable, arguments: ["run", "--config", configPath], environment: variables,
            standardErrorPath: directory.appendingPathComponent(logName).path)
    }

    /// The SQLite file `telegram(…)` points the bot at.
    public static func databasePath(in directory: URL) -> String {
        directory.appendingPathComponent("bot.sqlite").path
    }
}
