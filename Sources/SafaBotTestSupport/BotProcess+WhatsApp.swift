public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension BotProcess {
    /// Starts `safa-bot run` serving WhatsApp only, against a fake Graph API at `graphBaseURL`, its webhook on
    /// 127.0.0.1:`port`, with its database and logs in `directory`. `environment` adds to (and overrides)
    /// the variables set here.
    public static func whatsapp(
        executable: String, graphBaseURL: String, fake: FakeGraphAPI, appSecret: String, verifyToken: String,
        port: UInt16, directory: URL, dialogs: String,
        configuration: String = #"{"version":1,"http":{"enabled":true}}"#, environment: [String: String] = [:],
        logName: String = "bot.log"
    ) throws -> BotProcess {
        let configPath = directory.appendingPathComponent("config.json").path
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        var variables: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path,
            "GRAPH_API_BASE_URL": graphBaseURL,
            "WHATSAPP_ACCESS_TOKEN": fake.accessToken,
            "WHATSAPP_PHONE_NUMBER_ID": fake.phoneNumberID,
            "WHATSAPP_APP_SECRET": appSecret,
            "WHATSAPP_VERIFY_TOKEN": verifyToken,
            "WHATSAPP_GLOBAL_RATE": "0",
            "SAFA_DB_PATH": databasePath(in: directory),
            "SAFA_DIALOGS_DIR": dialogs,
            "SAFA_OFFICERS_CONFIG": directory.appendingPathComponent("no-officers.json").path,
            "SAFA_HTTP_PORT": String(port),
            "SAFA_LOG_LEVEL": "warning",
        ]
        variables.merge(environment) { _, new in new }
        return try BotProcess(
            executable: executable, arguments: ["run", "--config", configPath], environment: variables,
            standardErrorPath: directory.appendingPathComponent(logName).path)
    }

    /// A TCP port on 127.0.0.1 free right now (the kernel's pick for port 0), for a child's webhook server.
    public static func freeLoopbackPort() -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return UInt16(bigEndian: address.sin_port)
    }
}
