import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// `safa-bot run` in webhook mode: registration, the secret token, body limits, health and metrics.
@Suite(.serialized) struct WebhookServiceTests {
    static let secret = "webhook_Secret-42"
    static let chat: Int64 = 408_258_968

    struct Running: Sendable {
        let fake: FakeTelegramServer
        let http: FakeTelegramHTTPServer
        let store: SQLiteRuntimeStore
        let service: BotService
        let client: HTTPClient
        let directory: URL
        let base: String

        func stop() {
            service.stop()
            client.shutdown()
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }

        func post(_ body: Data, secret: String?, path: String = "/telegram/webhook") async throws -> HTTPClientResponse
        {
            var headers = [("Content-Type", "application/json")]
            if let secret { headers.append(("X-Telegram-Bot-Api-Secret-Token", secret)) }
            return try await client.send(
                HTTPClientRequest(method: "POST", url: base + path, headers: headers, body: body))
        }

        func get(_ path: String) async throws -> HTTPClientResponse {
            try await client.send(HTTPClientRequest(url: base + path))
        }
    }

    func start() async throws -> Running {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        let directory = try TestEnvironment.temporaryDirectory()
        var configuration = BotConfiguration()
        configuration.dialogs = TestEnvironment.dialogs
        configuration.database = directory.appendingPathComponent("bot.sqlite").path
        configuration.telegram.apiBaseURL = http.baseURL
        configuration.telegram.mode = "webhook"
        configuration.telegram.webhookURL = "https://bot.safa.example/telegram/webhook"
        configuration.telegram.globalRate = 0
        configuration.telegram.chatRate = 0
        configuration.webhookSecret = Self.secret
        configuration.http.enabled = true
        configuration.http.port = 0
        configuration.http.maxBodyBytes = 16_384
        let store = try SQLiteRuntimeStore(path: configuration.database)
        let service = try BotService(
            configuration: configuration, token: fake.token, bundle: TestEnvironment.shippedDialogs(), store: store,
            logger: Logger(label: "test", handler: MemoryLogHandler(level: .error)))
        try await offPool { try service.start() }
        let port = service.httpPort ?? 0
        return Running(
            fake: fake, http: http, store: store, service: service, client: try HTTPClient(), directory: directory,
            base: "http://127.0.0.1:\(port)")
    }

    /// The spec example of a private text message, addressed to `chat` with `updateID`.
    static func exampleUpdate(chat: Int64 = chat, updateID: Int64) throws -> Data {
        let url = PlatformSpecs.telegramExamples.appending(path: "update-text-message-private.teloxide.json")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "408258968", with: String(chat))
            .replacingOccurrences(of: "306197398", with: String(updateID))
        return Data(text.utf8)
    }

    @Test func startingRegistersTheWebhookWithTheSecretAndTheUpdateKinds() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            #expect(await bot.fake.webhookURL == "https://bot.safa.example/telegram/webhook")
            #expect(await bot.fake.webhookSecretToken == Self.secret)
            let call = try #require(await bot.fake.requests(method: "setWebhook").first)
            let kinds = call.parameters["allowed_updates"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(kinds.contains("message") && kinds.contains("callback_query"))
        }
    }

    @Test func anUpdateWithTheRightSecretIsAcceptedAndAnswered() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            await bot.fake.addPrivateChat(chatID: Self.chat)
            let response = try await bot.post(try Self.exampleUpdate(updateID: 1), secret: Self.secret)
            #expect(response.status == 200)
            #expect(await TestEnvironment.eventually { await !bot.fake.sentTexts(chatID: Self.chat).isEmpty })
            let again = try await bot.post(try Self.exampleUpdate(updateID: 1), secret: Self.secret)
            #expect(again.status == 200, "a redelivered update is acknowledged")
            #expect(await TestEnvironment.eventually { (try? bot.store.outboxDepth()) == 0 })
            #expect(bot.service.metrics.processed == 1, "and processed once")
        }
    }

    @Test func aWrongOrMissingSecretIsForbiddenAndNothingIsStored() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            let stranger: Int64 = 555
            await bot.fake.addPrivateChat(chatID: stranger)
            await bot.fake.addPrivateChat(chatID: Self.chat)
            let wrong = try await bot.post(
                try Self.exampleUpdate(chat: stranger, updateID: 1), secret: "not-the-secret")
            let missing = try await bot.post(try Self.exampleUpdate(chat: stranger, updateID: 2), secret: nil)
            #expect(wrong.status == 403)
            #expect(missing.status == 403)
            // An accepted update after them is processed; had the refused ones been stored, they came first.
            #expect(try await bot.post(try Self.exampleUpdate(updateID: 3), secret: Self.secret).status == 200)
            #expect(await TestEnvironment.eventually { await !bot.fake.sentTexts(chatID: Self.chat).isEmpty })
            let key = ConversationKey(channel: "telegram", chat: String(stranger))
            #expect(try bot.store.conversation(key) == nil)
            #expect(await bot.fake.sentTexts(chatID: stranger).isEmpty)
            #expect(bot.service.metrics.processed == 1)
        }
    }

    @Test func oversizedMalformedAndTruncatedBodiesAreRefused() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            let huge =
                Data(#"{"update_id": 9, "message": {"text": ""#.utf8)
                + Data(repeating: UInt8(ascii: "a"), count: 40_000)
                + Data(#""}}"#.utf8)
            #expect(try await bot.post(huge, secret: Self.secret).status == 413)
            #expect(try await bot.post(Data("hello, not json".utf8), secret: Self.secret).status == 400)
            let full = try Self.exampleUpdate(updateID: 4)
            #expect(try await bot.post(full.prefix(full.count / 2), secret: Self.secret).status == 400)
            #expect(try bot.store.unprocessedInbound(limit: 10).isEmpty)
            #expect(bot.service.metrics.processed == 0)
        }
    }

    @Test func healthAndMetricsAreServed() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            let health = try await bot.get("/healthz")
            #expect(health.status == 200)
            let object = try JSONSerialization.jsonObject(with: health.body) as? [String: Any]
            #expect(object?["status"] as? String == "ok")
            let metrics = try await bot.get("/metrics")
            #expect(metrics.status == 200)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains("safabot_updates_received_total"))
            // The process's own footprint, in the names Prometheus clients use; a live process has both.
            let resident = text.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") }
            #expect((resident?.split(separator: " ").last).flatMap { Int($0) }.map { $0 > 1_000_000 } == true)
            #expect(text.contains("process_cpu_seconds_total "))
        }
    }

    /// Refusals are decided on the headers: a client announcing a megabyte and sending none is answered at
    /// once, and each refusal is a counter in /metrics rather than a log line.
    @Test func refusalsAreAnsweredOnTheHeadersAndCounted() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) {
            let port = try #require(bot.service.httpPort)
            let answers = try await offPool {
                try [
                    "POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: guess\r\n",
                    "POST /telegram/webhook HTTP/1.1\r\nHost: x\r\n",
                    "POST /wp-login.php HTTP/1.1\r\nHost: x\r\n",
                    "PUT /telegram/webhook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: \(Self.secret)\r\n",
                    "POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: \(Self.secret)\r\n",
                ].map { head in
                    let connection = try RawConnection(port: port)
                    connection.send(head + "Content-Length: 1000000\r\n\r\n")
                    return String(connection.receive(until: "\r\n").prefix(12))
                }
            }
            #expect(answers == ["HTTP/1.1 403", "HTTP/1.1 403", "HTTP/1.1 404", "HTTP/1.1 405", "HTTP/1.1 413"])
            let text = String(decoding: try await bot.get("/metrics").body, as: UTF8.self)
            for line in [
                #"safa_http_refused_total{reason="forbidden"} 2"#, #"safa_http_refused_total{reason="not_found"} 1"#,
                #"safa_http_refused_total{reason="method_not_allowed"} 1"#,
                #"safa_http_refused_total{reason="too_large"} 1"#,
            ] {
                #expect(text.contains(line), "\(line)")
            }
        }
    }
}
