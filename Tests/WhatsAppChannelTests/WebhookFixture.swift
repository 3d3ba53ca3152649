import BotRuntime
import DialogCore
import Foundation
import HTTPServer
import SafaBotTestSupport
import WhatsAppChannel

/// A webhook over a memory store, and Meta's example bodies.
struct WebhookFixture {
    static let appSecret = "app-secret-123"
    static let verifyToken = "verify-Token_42"

    let store = MemoryRuntimeStore()
    let menus = NumberedMenus()
    let logs = MemoryLogHandler(level: .debug)
    let webhook: WhatsAppWebhook

    init(readReceipts: Bool = true) {
        let inbox = ChannelInbox(
            store: store, executor: BlockingExecutor(label: "test.store"), metrics: RuntimeMetrics(), onAccepted: {})
        webhook = WhatsAppWebhook(
            verifyToken: Self.verifyToken, appSecret: Self.appSecret, inbox: inbox, menus: menus,
            readReceipts: readReceipts, logger: Logger(label: "test", handler: logs))
    }

    /// POSTs `body` signed with `secret` (nil: no signature header).
    func post(_ body: Data, signedWith secret: String? = appSecret, header: String? = nil) async -> HTTPResponse {
        var headers = ["content-type": "application/json"]
        if let secret { headers["x-hub-signature-256"] = WhatsAppWebhookBodies.signature(body, appSecret: secret) }
        if let header { headers["x-hub-signature-256"] = header }
        return await webhook.handle(HTTPRequest(method: "POST", path: "/whatsapp/webhook", headers: headers, body: body))
    }

    func stored() throws -> [InboundRecord] { try store.unprocessedInbound(limit: 100_000) }

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: PlatformSpecs.directory.appending(path: "whatsapp/examples/\(name)"))
    }
}
