import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `config/safa-bot.json`: versioned settings with defaults for every missing key; secrets never live here.
struct BotConfiguration: Equatable {
    struct Telegram: Equatable {
        /// "polling" (default) or "webhook".
        var mode = "polling"
        var apiBaseURL = "https://api.telegram.org"
        /// getUpdates long-poll timeout in seconds.
        var pollTimeoutSeconds = 50
        /// Public HTTPS URL Telegram posts updates to, in webhook mode.
        var webhookURL: String?
        /// Path on our HTTP server that receives webhook updates.
        var webhookPath = "/telegram/webhook"
        /// Messages per second overall and per chat (0 = no pacing), and the per-chat burst.
        var globalRate = 30.0
        var chatRate = 1.0
        var chatBurst = 3.0
    }

    struct WhatsApp: Equatable {
        /// The Graph API (GRAPH_API_BASE_URL overrides it; a fake on 127.0.0.1 in tests).
        var apiBaseURL = "https://graph.facebook.com"
        /// The Graph API version in every URL; Meta keeps each version about two years.
        var apiVersion = "v23.0"
        /// The business number's id (WHATSAPP_PHONE_NUMBER_ID overrides it).
        var phoneNumberID: String?
        /// Path on our HTTP server that Meta posts notifications to (behind the TLS proxy).
        var webhookPath = "/whatsapp/webhook"
        /// Messages per second per business number (Meta's default throughput is 80) and per user, and the
        /// per-user burst (Meta's pair rate allows short bursts).
        var globalRate = 80.0
        var chatRate = 1.0
        var chatBurst = 3.0
        /// Mark each message read and show "typing…" while its answer is prepared.
        var readReceipts = true
        /// Where files beneficiaries send are kept (with their SHA-256) as soon as they arrive.
        var mediaDirectory = "data/media/whatsapp"
        /// Hold free-form messages back once 24 hours passed since the user last wrote (WhatsApp refuses
        /// them with 131047 anyway); officers are told and may send the re-engagement template.
        var enforceWindow = true
        /// The approved template that asks a user to write again, as named in WhatsApp Manager.
        var reengagementTemplate: String?
        var reengagementLanguage = "ar"
    }

    /// The four WhatsApp secrets from the environment (the phone number id may come from the file).
    struct WhatsAppSecrets: Equatable {
        var accessToken: String
        var phoneNumberID: String
        var appSecret: String
        var verifyToken: String
    }

    struct HTTP: Equatable {
        /// Where /healthz, /metrics and webhooks are served; meant to sit behind a TLS reverse proxy.
        var host = "127.0.0.1"
        var port = 8080
        var maxBodyBytes = 1_048_576
        var maxConnections = 256
        /// Connections one IP address may hold at once (behind a proxy on this machine, every connection
        /// is the proxy's: raise it to maxConnections there and let the proxy limit its clients).
        var perIPConnectionLimit = 64
        /// Seconds a request may take to send its headers and body, however steadily it drips.
        var requestDeadlineSeconds = 20
        /// Refused credentials (401/403) one client may cause per minute before it is answered 429.
        var failureBudgetPerMinute = 20
        /// A header carrying the real client's address, believed only from a loopback peer (the proxy).
        var clientAddressHeader: String?
        /// Off by default in polling mode; webhook mode always serves.
        var enabled = true
    }

    /// The chat page on the bot's own server (`/chat`); runs when enabled and `SAFA_WEBCHAT_SECRET` is set.
    struct WebChat: Equatable {
        var enabled = false
        /// Sites allowed to embed the chat, as origins ("https://safa.org.sa").
        var allowedOrigins: [String] = []
        /// Seconds a fetch for replies waits before answering empty.
        var waitSeconds = 25
        /// The largest photo or PDF a beneficiary may send (the server's `http.maxBodyBytes` applies first).
        var maxUploadBytes = 5 << 20
        /// The header the TLS proxy puts the client's address in ("X-Real-IP"), for per-address limits;
        /// trusted only from 127.0.0.1. Without it every client behind the proxy shares one address's limits.
        var clientAddressHeader: String?
        /// New conversations per minute from one client address (bursts of twenty).
        var startsPerMinutePerAddress = 12.0
        /// Messages and files per second one conversation may send (bursts of ten).
        var postsPerSecond = 1.0
        /// Fetches one address may leave waiting for replies at once (people behind one NAT share it).
        var openFetchesPerAddress = 200
        /// `Secure` on the conversation cookie; turn off only for plain HTTP on a test network.
        var secureCookie = true
    }

    var version = 1
    var dialogs = "dialogs"
    /// The officers' configuration (queues, officers, working hours); without it no officer desk runs.
    var officers = "config/officers.json"
    var database = "data/safa-bot.sqlite"
    var logLevel = "info"
    var telegram = Telegram()
    var whatsapp = WhatsApp()
    var http = HTTP()
    var webChat = WebChat()
    /// Secrets, from the environment only.
    var webChatSecret: String?
    var telegramToken: String?
    var webhookSecret: String?
    var whatsappAccessToken: String?
    var whatsappAppSecret: String?
    var whatsappVerifyToken: String?

    /// The environment variables WhatsApp needs, by what they hold.
    static let whatsappVariables = (
        token: "WHATSAPP_ACCESS_TOKEN", phoneNumberID: "WHATSAPP_PHONE_NUMBER_ID", appSecret: "WHATSAPP_APP_SECRET",
        verifyToken: "WHATSAPP_VERIFY_TOKEN"
    )

    /// WhatsApp's settings when every one is given; nil when none is (WhatsApp is simply off). Throws naming
    /// what is missing when only some are: a half-configured channel is a mistake to report, not to ignore.
    func whatsappSecrets() throws -> WhatsAppSecrets? {
        let v = Self.whatsappVariables
        let values: [(String, String?)] = [
            (v.token, whatsappAccessToken), (v.phoneNumberID, whatsapp.phoneNumberID), (v.appSecret, whatsappAppSecret),
            (v.verifyToken, whatsappVerifyToken),
        ]
        let missing = values.filter { $0.1 == nil }.map(\.0)
        if missing.count == values.count { return nil }
        guard missing.isEmpty, let token = whatsappAccessToken, let id = whatsapp.phoneNumberID,
            let secret = whatsappAppSecret, let verify = whatsappVerifyToken
        else {
            throw ConfigurationError(
                file: "environment",
                message: "WhatsApp is half-configured: \(missing.joined(separator: ", ")) not set "
                    + "(set all four to serve WhatsApp, or none; the phone number id may also be whatsapp.phoneNumberID)"
            )
        }
        return WhatsAppSecrets(accessToken: token, phoneNumberID: id, appSecret: secret, verifyToken: verify)
    }
}

/// A configuration file that cannot be used, with the key at fault.
struct ConfigurationError: Error, CustomStringConvertible {
    var file: String
    var message: String
    var description: String { "\(file): \(message)" }
}

extension BotConfiguration {
    static let supportedVersion = 1

    /// Reads `path` if it exists (defaults otherwise), then applies environment overrides.
    static func load(path: String, environment: [String: String]) throws -> BotConfiguration {
        var configuration = BotConfiguration()
        if let data = FileManager.default.contents(atPath: path) {
            try configuration.apply(data: data, file: path)
        }
        try configuration.apply(environment: environment)
        return configuration
    }

    mutating func apply(data: Data, file: String) throws {
        guard let root = JSONValue.untyped(parsing: data) as? [String: Any] else {
            throw ConfigurationError(file: file, message: "not a JSON object (run it through a JSON validator)")
        }
        let reader = ConfigReader(file: file)
        guard let version = root["version"] as? Int else {
            throw ConfigurationError(file: file, message: "missing \"version\" (expected \(Self.supportedVersion))")
        }
        guard version == Self.supportedVersion else {
            throw ConfigurationError(file: file, message: "unsupported version \(version); this build reads version 1")
        }
        try reader.string(root, "dialogs", into: &dialogs)
        try reader.string(root, "database", into: &database)
        try reader.string(root, "officers", into: &officers)
        try reader.string(root, "logLevel", into: &logLevel)
        if let object = root["telegram"] {
            guard let t = object as? [String: Any] else { throw reader.error("telegram", "must be an object") }
            try reader.string(t, "mode", into: &telegram.mode, path: "telegram.mode")
            try reader.string(t, "apiBaseURL", into: &telegram.apiBaseURL, path: "telegram.apiBaseURL")
            try reader.int(
                t, "pollTimeoutSeconds", into: &telegram.pollTimeoutSeconds, path: "telegram.pollTimeoutSeconds")
            try reader.optionalString(t, "webhookURL", into: &telegram.webhookURL, path: "telegram.webhookURL")
            try reader.string(t, "webhookPath", into: &telegram.webhookPath, path: "telegram.webhookPath")
            try reader.double(t, "globalRate", into: &telegram.globalRate, path: "telegram.globalRate")
            try reader.double(t, "chatRate", into: &telegram.chatRate, path: "telegram.chatRate")
            try reader.double(t, "chatBurst", into: &telegram.chatBurst, path: "telegram.chatBurst")
        }
        if let object = root["whatsapp"] {
            guard let w = object as? [String: Any] else { throw reader.error("whatsapp", "must be an object") }
            try reader.string(w, "apiBaseURL", into: &whatsapp.apiBaseURL, path: "whatsapp.apiBaseURL")
            try reader.string(w, "apiVersion", into: &whatsapp.apiVersion, path: "whatsapp.apiVersion")
            try reader.optionalString(w, "phoneNumberID", into: &whatsapp.phoneNumberID, path: "whatsapp.phoneNumberID")
            try reader.string(w, "webhookPath", into: &whatsapp.webhookPath, path: "whatsapp.webhookPath")
            try reader.double(w, "globalRate", into: &whatsapp.globalRate, path: "whatsapp.globalRate")
            try reader.double(w, "chatRate", into: &whatsapp.chatRate, path: "whatsapp.chatRate")
            try reader.double(w, "chatBurst", into: &whatsapp.chatBurst, path: "whatsapp.chatBurst")
            try reader.bool(w, "readReceipts", into: &whatsapp.readReceipts, path: "whatsapp.readReceipts")
            try reader.string(w, "mediaDirectory", into: &whatsapp.mediaDirectory, path: "whatsapp.mediaDirectory")
            try reader.bool(w, "enforceWindow", into: &whatsapp.enforceWindow, path: "whatsapp.enforceWindow")
            if let object = w["reengagementTemplate"], !(object is JSONNull) {
                guard let t = object as? [String: Any] else {
                    throw reader.error(
                        "whatsapp.reengagementTemplate", "must be an object {\"name\", \"language\"} or null")
                }
                var name = ""
                try reader.string(t, "name", into: &name, path: "whatsapp.reengagementTemplate.name")
                guard !name.isEmpty else { throw reader.error("whatsapp.reengagementTemplate.name", "must be given") }
                whatsapp.reengagementTemplate = name
                try reader.string(
                    t, "language", into: &whatsapp.reengagementLanguage, path: "whatsapp.reengagementTemplate.language")
            }
        }
        if let object = root["http"] {
            guard let h = object as? [String: Any] else { throw reader.error("http", "must be an object") }
            try reader.string(h, "host", into: &http.host, path: "http.host")
            try reader.int(h, "port", into: &http.port, path: "http.port")
            try reader.int(h, "maxBodyBytes", into: &http.maxBodyBytes, path: "http.maxBodyBytes")
            try reader.int(h, "maxConnections", into: &http.maxConnections, path: "http.maxConnections")
            try reader.bool(h, "enabled", into: &http.enabled, path: "http.enabled")
            try reader.int(
                h, "perIPConnectionLimit", into: &http.perIPConnectionLimit, path: "http.perIPConnectionLimit")
            try reader.int(
                h, "requestDeadlineSeconds", into: &http.requestDeadlineSeconds, path: "http.requestDeadlineSeconds")
            try reader.int(
                h, "failureBudgetPerMinute", into: &http.failureBudgetPerMinute, path: "http.failureBudgetPerMinute")
            try reader.optionalString(
                h, "clientAddressHeader", into: &http.clientAddressHeader, path: "http.clientAddressHeader")
        }
        if let object = root["webChat"] {
            guard let w = object as? [String: Any] else { throw reader.error("webChat", "must be an object") }
            try reader.bool(w, "enabled", into: &webChat.enabled, path: "webChat.enabled")
            try reader.int(w, "waitSeconds", into: &webChat.waitSeconds, path: "webChat.waitSeconds")
            try reader.int(w, "maxUploadBytes", into: &webChat.maxUploadBytes, path: "webChat.maxUploadBytes")
            try reader.optionalString(
                w, "clientAddressHeader", into: &webChat.clientAddressHeader, path: "webChat.clientAddressHeader")
            try reader.double(w, "postsPerSecond", into: &webChat.postsPerSecond, path: "webChat.postsPerSecond")
            try reader.double(
                w, "startsPerMinutePerAddress", into: &webChat.startsPerMinutePerAddress,
                path: "webChat.startsPerMinutePerAddress")
            try reader.int(
                w, "openFetchesPerAddress", into: &webChat.openFetchesPerAddress, path: "webChat.openFetchesPerAddress")
            try reader.bool(w, "secureCookie", into: &webChat.secureCookie, path: "webChat.secureCookie")
            if let raw = w["allowedOrigins"] {
                guard let origins = raw as? [Any], origins.allSatisfy({ $0 is String }) else {
                    throw reader.error(
                        "webChat.allowedOrigins", "must be a list of origins like \"https://example.org\"")
                }
                webChat.allowedOrigins = origins.compactMap { $0 as? String }
            }
        }
        try validate(file: file)
    }

    mutating func apply(environment: [String: String]) throws {
        let file = "environment"
        func number(_ name: String) throws -> Double? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Double(text), value >= 0 else {
                throw ConfigurationError(file: file, message: "\(name) must be a number ≥ 0, got \"\(text)\"")
            }
            return value
        }
        // A secret with a space or line break in it is a copy mistake (often an env file saved with CRLF line
        // ends); sent as it is, every call would fail with an error that does not say why.
        for name in [
            "TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", Self.whatsappVariables.token, "WHATSAPP_TOKEN",
            Self.whatsappVariables.appSecret, Self.whatsappVariables.verifyToken, "SAFA_WEBCHAT_SECRET",
        ] {
            if let value = environment[name], value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                throw ConfigurationError(
                    file: file,
                    message: "\(name) contains a space or a line break (an env file saved with CRLF line ends?); "
                        + "remove it")
            }
        }
        if let token = environment["TELEGRAM_BOT_TOKEN"], !token.isEmpty, !Self.looksLikeBotToken(token) {
            throw ConfigurationError(
                file: file,
                message: "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, digits, "
                    + "'-' and '_', as @BotFather gives it)")
        }
        telegramToken = environment["TELEGRAM_BOT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        webhookSecret = environment["TELEGRAM_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        func secret(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        // WHATSAPP_TOKEN is accepted too: the name Meta's own samples use.
        whatsappAccessToken = secret(Self.whatsappVariables.token) ?? secret("WHATSAPP_TOKEN")
        whatsappAppSecret = secret(Self.whatsappVariables.appSecret)
        whatsappVerifyToken = secret(Self.whatsappVariables.verifyToken)
        if let id = secret(Self.whatsappVariables.phoneNumberID) { whatsapp.phoneNumberID = id }
        if let url = secret("GRAPH_API_BASE_URL") { whatsapp.apiBaseURL = url }
        if let rate = try number("WHATSAPP_GLOBAL_RATE") { whatsapp.globalRate = rate }
        webChatSecret = environment["SAFA_WEBCHAT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = environment["TELEGRAM_API_BASE_URL"], !url.isEmpty { telegram.apiBaseURL = url }
        if let mode = environment["TELEGRAM_MODE"], !mode.isEmpty { telegram.mode = mode }
        if let url = environment["TELEGRAM_WEBHOOK_URL"], !url.isEmpty { telegram.webhookURL = url }
        if let path = environment["SAFA_DB_PATH"], !path.isEmpty { database = path }
        if let dir = environment["SAFA_DIALOGS_DIR"], !dir.isEmpty { dialogs = dir }
        if let path = environment["SAFA_OFFICERS_CONFIG"], !path.isEmpty { officers = path }
        if let level = environment["SAFA_LOG_LEVEL"], !level.isEmpty { logLevel = level }
        if let host = environment["SAFA_HTTP_HOST"], !host.isEmpty { http.host = host }
        if let port = try number("SAFA_HTTP_PORT") { http.port = Int(port) }
        if let rate = try number("TELEGRAM_GLOBAL_RATE") { telegram.globalRate = rate }
        if let rate = try number("TELEGRAM_CHAT_RATE") { telegram.chatRate = rate }
        try validate(file: file)
    }

    func validate(file: String) throws {
        for (key, url) in [("telegram.apiBaseURL", telegram.apiBaseURL), ("whatsapp.apiBaseURL", whatsapp.apiBaseURL)] {
            if let problem = Self.baseURLProblem(url) {
                throw ConfigurationError(file: file, message: "\(key) \"\(url)\": \(problem)")
            }
        }
        guard ["polling", "webhook"].contains(telegram.mode) else {
            throw ConfigurationError(
                file: file, message: "telegram.mode must be \"polling\" or \"webhook\", got \"\(telegram.mode)\"")
        }
        guard ["debug", "info", "warning", "error"].contains(logLevel) else {
            throw ConfigurationError(file: file, message: "logLevel must be debug, info, warning or error")
        }
        guard (0...65535).contains(http.port) else {
            throw ConfigurationError(file: file, message: "http.port must be between 0 and 65535")
        }
        guard whatsapp.webhookPath.hasPrefix("/") else {
            throw ConfigurationError(file: file, message: "whatsapp.webhookPath must start with \"/\"")
        }
        guard whatsapp.apiVersion.hasPrefix("v") else {
            throw ConfigurationError(file: file, message: "whatsapp.apiVersion must look like \"v23.0\"")
        }
        guard (1...55).contains(webChat.waitSeconds) else {
            throw ConfigurationError(file: file, message: "webChat.waitSeconds must be between 1 and 55")
        }
        for origin in webChat.allowedOrigins {
            // An origin is scheme://host[:port], nothing after it: it goes into CSP and CORS headers as it is.
            let valid =
                (origin.hasPrefix("https://") || origin.hasPrefix("http://"))
                && !origin.dropFirst(8).contains("/")
                && origin.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != ";" && $0 != "," && $0 != "'" }
            guard valid else {
                throw ConfigurationError(
                    file: file,
                    message: "webChat.allowedOrigins: \"\(origin)\" is not an origin like \"https://example.org\"")
            }
        }
        guard (1...50).contains(telegram.pollTimeoutSeconds) else {
            throw ConfigurationError(file: file, message: "telegram.pollTimeoutSeconds must be between 1 and 50")
        }
    }
}

/// Reads typed keys from a decoded JSON object, naming the key at fault.
struct ConfigReader {
    let file: String

    func error(_ path: String, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, message: "\"\(path)\" \(message)")
    }

    func string(_ object: [String: Any], _ key: String, into value: inout String, path: String? = nil) throws {
        guard let raw = object[key] else { return }
        guard let text = raw as? String else { throw error(path ?? key, "must be a string") }
        value = text
    }

    func optionalString(_ object: [String: Any], _ key: String, into value: inout String?, path: String) throws {
        guard let raw = object[key], !(raw is JSONNull) else { return }
        guard let text = raw as? String else { throw error(path, "must be a string or null") }
        value = text
    }

    func int(_ object: [String: Any], _ key: String, into value: inout Int, path: String) throws {
        guard let raw = object[key] else { return }
        guard let number = raw as? Int else { throw error(path, "must be a whole number") }
        value = number
    }

    func double(_ object: [String: Any], _ key: String, into value: inout Double, path: String) throws {
        guard let raw = object[key] else { return }
        guard let number = (raw as? Double) ?? (raw as? Int).map(Double.init), number >= 0 else {
            throw error(path, "must be a number ≥ 0")
        }
        value = number
    }

    func bool(_ object: [String: Any], _ key: String, into value: inout Bool, path: String) throws {
        guard let raw = object[key] else { return }
        guard let flag = raw as? Bool else { throw error(path, "must be true or false") }
        value = flag
    }
}

extension BotConfiguration {
    /// Why `url` cannot be a platform API base URL, or nil: it must be https, or plain http to this machine
    /// only (a local Bot API server, a test fake), since every call carries the bot's token.
    static func baseURLProblem(_ url: String) -> String? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("https://") { return nil }
        guard lowered.hasPrefix("http://") else { return "must start with https://" }
        let authority = lowered.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last.map(String.init) ?? ""
        let host: String
        if hostAndPort.hasPrefix("[") {
            host = String(hostAndPort.dropFirst().prefix { $0 != "]" })
        } else {
            host = String(hostAndPort.prefix { $0 != ":" })
        }
        let loopback =
            host == "localhost" || host == "::1"
            || (host.hasPrefix("127.") && host.split(separator: ".").count == 4
                && host.split(separator: ".").allSatisfy { UInt8($0) != nil })
        return loopback
            ? nil
            : "plain http would send the token in clear; use https:// (http:// is allowed only to this machine: "
                + "localhost, 127.0.0.1, [::1])"
    }
}

extension BotConfiguration {
    /// `123456789:AA…`: the bot's numeric id, a colon, and the secret part.
    static func looksLikeBotToken(_ token: String) -> Bool {
        let parts = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
