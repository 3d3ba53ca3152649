import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// `safa-bot run` serving WhatsApp only: Meta's handshake, signed notifications through the durable
/// runtime, replies on the fake Graph API (every request checked against Meta's examples and limits).
@Suite(.serialized) struct WhatsAppServiceTests {
    static let appSecret = "whatsapp-app-secret"
    static let verifyToken = "verify-me"
    static let user = "966500000123"

    struct Running: Sendable {
        let fake: FakeGraphAPI
        let graph: FakeGraphHTTPServer
        let store: SQLiteRuntimeStore
        let service: BotService
        let client: HTTPClient
        let directory: URL
        let base: String

        func stop() {
            service.stop()
            client.shutdown()
            graph.stop()
            try? FileManager.default.removeItem(at: directory)
        }

        func post(_ body: Data, secret: String? = WhatsAppServiceTests.appSecret) async throws -> HTTPClientResponse {
            var headers = [("Content-Type", "application/json")]
            if let secret {
                headers.append(("X-Hub-Signature-256", WhatsAppWebhookBodies.signature(body, appSecret: secret)))
            }
            return try await client.send(
                HTTPClientRequest(method: "POST", url: base + "/whatsapp/webhook", headers: headers, body: body))
        }

        func say(_ text: String, id: String) async throws -> HTTPClientResponse {
            try await post(WhatsAppWebhookBodies.body([.text(from: WhatsAppServiceTests.user, id: id, text)]))
        }
    }

    func start() async throws -> Running {
        let fake = FakeGraphAPI(validator: try GraphRequestValidator())
        let graph = FakeGraphHTTPServer(fake: fake)
        try graph.start()
        let directory = try TestEnvironment.temporaryDirectory()
        var configuration = BotConfiguration()
        configuration.dialogs = TestEnvironment.dialogs
        configuration.database = directory.appendingPathComponent("bot.sqlite").path
        configuration.officers = directory.appendingPathComponent("no-officers.json").path
        try configuration.apply(environment: [
            "GRAPH_API_BASE_URL": graph.baseURL, "WHATSAPP_ACCESS_TOKEN": fake.accessToken,
            "WHATSAPP_PHONE_NUMBER_ID": fake.phoneNumberID, "WHATSAPP_APP_SECRET": Self.appSecret,
            "WHATSAPP_VERIFY_TOKEN": Self.verifyToken,
        ])
        configuration.whatsapp.globalRate = 0
        configuration.whatsapp.chatRate = 0
        configuration.http.port = 0
        let store = try SQLiteRuntimeStore(path: configuration.database)
        let service = try BotService(
            configuration: configuration, token: nil, bundle: TestEnvironment.shippedDialogs(), store: store,
            logger: Logger(label: "test", handler: MemoryLogHandler(level: .error)))
        try await offPool { try service.start() }
        return Running(
            fake: fake, graph: graph, store: store, service: service, client: try HTTPClient(), directory: directory,
            base: "http://127.0.0.1:\(service.httpPort ?? 0)")
    }

    @Test func metaCanVerifyTheWebhook() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) { () async throws in
            let ok = try await bot.client.send(
                HTTPClientRequest(
                    url: bot.base + "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=987654&hub.verify_token=\(Self.verifyToken)"))
            #expect(ok.status == 200)
            #expect(String(decoding: ok.body, as: UTF8.self) == "987654")
            let refused = try await bot.client.send(
                HTTPClientRequest(url: bot.base + "/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess"))
            #expect(refused.status == 403)
        }
    }

    @Test func aWholeHelpRequestWorksOnWhatsApp() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) { () async throws in
            for (index, input) in TestEnvironment.helpRequestInputs.enumerated() {
                let before = await bot.fake.messages.count
                #expect(try await bot.say(input, id: "wamid.help\(index)").status == 200)
                #expect(await TestEnvironment.eventually { await bot.fake.messages.count > before }, "no reply to \(input)")
                #expect(await TestEnvironment.eventually { (try? bot.store.outboxDepth()) == 0 })
            }
            #expect(try bot.store.requests(limit: 10).count == 1)
            #expect(await bot.fake.rejections.isEmpty)
            // Each message was marked read before its replies.
            let receipts = await bot.fake.sent.filter(\.isReadReceipt)
            #expect(receipts.count == TestEnvironment.helpRequestInputs.count)
            #expect(await bot.fake.messages.allSatisfy { $0.to == Self.user })
        }
    }

    @Test func forgedNotificationsAreRefusedAndRetriesHandledOnce() async throws {
        let bot = try await start()
        try await withCleanup(bot.stop) { () async throws in
            let body = WhatsAppWebhookBodies.body([.text(from: Self.user, id: "wamid.once", "مرحبا")])
            #expect(try await bot.post(body, secret: nil).status == 401)
            #expect(try await bot.post(body, secret: "guessed-secret").status == 403)
            #expect(try bot.store.unprocessedInbound(limit: 10).isEmpty)
            #expect(try await bot.post(body).status == 200)
            #expect(try await bot.post(body).status == 200)
            #expect(await TestEnvironment.eventually { (try? bot.store.outboxDepth()) == 0 && bot.service.metrics.processed >= 1 })
            #expect(bot.service.metrics.processed == 1)
        }
    }

    @Test func halfConfiguredWhatsAppIsReportedByName() throws {
        var configuration = BotConfiguration()
        try configuration.apply(environment: ["WHATSAPP_ACCESS_TOKEN": "t", "WHATSAPP_APP_SECRET": "s"])
        #expect(throws: ConfigurationError.self) { try configuration.whatsappSecrets() }
        do {
            _ = try configuration.whatsappSecrets()
        } catch {
            #expect("\(error)".contains("WHATSAPP_PHONE_NUMBER_ID"))
            #expect("\(error)".contains("WHATSAPP_VERIFY_TOKEN"))
        }
        #expect(try BotConfiguration().whatsappSecrets() == nil)
    }
}
