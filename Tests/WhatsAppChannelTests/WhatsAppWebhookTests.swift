import BotRuntime
import DialogCore
import Foundation
import HTTPServer
import SafaBotTestSupport
import Testing
import WhatsAppChannel

@Suite struct WhatsAppWebhookTests {
    // MARK: Verification handshake

    @Test func echoesTheChallengeForTheRightVerifyToken() async {
        let fixture = WebhookFixture()
        let response = await fixture.webhook.handle(
            HTTPRequest(
                method: "GET", path: "/whatsapp/webhook",
                query: ["hub.mode": "subscribe", "hub.verify_token": WebhookFixture.verifyToken, "hub.challenge": "1158201444"]))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "1158201444")
    }

    @Test(arguments: [
        ["hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"],
        ["hub.mode": "unsubscribe", "hub.verify_token": WebhookFixture.verifyToken, "hub.challenge": "1"],
        ["hub.mode": "subscribe", "hub.challenge": "1"],
        ["hub.mode": "subscribe", "hub.verify_token": WebhookFixture.verifyToken],
    ])
    func refusesAnyOtherHandshake(query: [String: String]) async {
        let response = await WebhookFixture().webhook.handle(
            HTTPRequest(method: "GET", path: "/whatsapp/webhook", query: query))
        #expect(response.status == 403)
    }

    // MARK: Signatures

    @Test func storesNothingWithoutAValidSignature() async throws {
        let fixture = WebhookFixture()
        let body = try WebhookFixture.example("webhook-text-message.meta-openapi.json")
        #expect(await fixture.post(body, signedWith: nil).status == 401)
        #expect(await fixture.post(body, signedWith: "wrong-secret").status == 403)
        #expect(await fixture.post(body, signedWith: nil, header: "sha256=00").status == 403)
        // A valid signature of another body (a replayed header on a forged body).
        let other = WhatsAppWebhookBodies.signature(Data("{}".utf8), appSecret: WebhookFixture.appSecret)
        #expect(await fixture.post(body, signedWith: nil, header: other).status == 403)
        #expect(try fixture.stored().isEmpty)
    }

    @Test func acknowledgesSignedGarbageWithoutStoringIt() async throws {
        let fixture = WebhookFixture()
        let full = try WebhookFixture.example("webhook-text-message.meta-openapi.json")
        for body in [full.prefix(full.count / 2), Data("not json".utf8), Data(#"{"entry":"x"}"#.utf8), Data()] {
            #expect(await fixture.post(Data(body)).status == 200)
        }
        #expect(try fixture.stored().isEmpty)
    }

    // MARK: Meta's examples

    @Test func readsEveryExampleMessageKind() async throws {
        let cases: [(String, EventContent)] = [
            ("webhook-text-message.meta-openapi.json", .text("Hello, world!")),
            ("webhook-interactive-button-reply.meta-openapi.json", .button(payload: "cancel-button")),
            ("webhook-interactive-list-reply.meta-openapi.json", .button(payload: "priority_express")),
            ("webhook-template-quick-reply-button.meta-openapi.json", .text("Unsubscribe")),
            ("webhook-reaction-message.meta-openapi.json", .unsupported(kind: "reaction")),
            ("webhook-unsupported-message.meta-openapi.json", .unsupported(kind: "unsupported")),
        ]
        // Meta's examples reuse wamids across files: each one goes to a fresh inbox.
        for (file, expected) in cases {
            let fixture = WebhookFixture()
            #expect(await fixture.post(try WebhookFixture.example(file)).status == 200, "\(file)")
            let stored = try fixture.stored()
            try #require(stored.count == 1, "\(file)")
            let record = stored[0]
            if file.contains("text-message") {
                #expect(record.content == .text(try Self.exampleText(file)))
            } else {
                #expect(record.content == expected, "\(file)")
            }
            #expect(record.key == ConversationKey(channel: "whatsapp", chat: "16505551234"))
            #expect(record.platformID.hasPrefix("whatsapp:wamid."))
            #expect(record.meta[InboundMeta.readReceiptID] == String(record.platformID.dropFirst("whatsapp:".count)))
        }
    }

    @Test func readsImagesAndDocumentsAsAttachmentsOfTheirChannel() async throws {
        let fixture = WebhookFixture()
        _ = await fixture.post(try WebhookFixture.example("webhook-image-message.meta-openapi.json"))
        _ = await fixture.post(try WebhookFixture.example("webhook-document-message.pywa.json"))
        let stored = try fixture.stored()
        try #require(stored.count == 2)
        guard case .attachment(let image) = stored[0].content, case .attachment(let document) = stored[1].content else {
            Issue.record("not attachments: \(stored.map(\.content))")
            return
        }
        #expect(image == Attachment(kind: .photo, fileID: "1003383421387256", channel: "whatsapp", mimeType: "image/jpeg"))
        #expect(document.kind == .document)
        #expect(document.channel == "whatsapp")
        #expect(document.fileName != nil)
    }

    @Test func statusesAreReportedAndStoreNothing() async throws {
        let collected = StatusCollector()
        let store = MemoryRuntimeStore()
        let webhook = WhatsAppWebhook(
            verifyToken: "v", appSecret: WebhookFixture.appSecret,
            inbox: ChannelInbox(store: store, executor: BlockingExecutor(label: "t"), metrics: RuntimeMetrics(), onAccepted: {}),
            menus: NumberedMenus(), statuses: { await collected.add($0) }, logger: Logger(label: "t", handler: MemoryLogHandler(level: .error)))
        for name in ["sent", "delivered", "read", "failed"] {
            let body = try WebhookFixture.example("webhook-status-\(name).pywa.json")
            let signature = WhatsAppWebhookBodies.signature(body, appSecret: WebhookFixture.appSecret)
            let response = await webhook.handle(
                HTTPRequest(method: "POST", path: "/", headers: ["x-hub-signature-256": signature], body: body))
            #expect(response.status == 200)
        }
        let statuses = await collected.statuses
        #expect(statuses.map(\.status) == ["sent", "delivered", "read", "failed"])
        #expect(statuses.last?.errors.first?.code == 130472)
        #expect(try store.unprocessedInbound(limit: 10).isEmpty)
    }

    @Test func keysUsersByPhoneNumberElseByBusinessScopedID() async throws {
        let fixture = WebhookFixture()
        let body = try WebhookFixture.example("webhook-text-message-with-bsuid-fields.pywa.json")
        _ = await fixture.post(body)
        let withoutPhone = String(decoding: body, as: UTF8.self)
            .replacingOccurrences(of: #""from": "972987654321","#, with: "")
            .replacingOccurrences(of: "wamid.xyzxyz", with: "wamid.nophone")
        _ = await fixture.post(Data(withoutPhone.utf8))
        let stored = try fixture.stored()
        #expect(stored.map(\.key.chat) == ["972987654321", "US.13491208655302741918"])
    }

    // MARK: Batches and retries

    @Test func walksEveryMessageOfABodyAndHandlesRetriesOnce() async throws {
        let fixture = WebhookFixture()
        let messages = (0..<1_000).map { i in
            WhatsAppWebhookBodies.Message.text(from: "9665\(10_000_000 + i % 50)", id: "wamid.batch\(i)", "رسالة \(i)")
        }
        let body = WhatsAppWebhookBodies.body(messages)
        #expect(await fixture.post(body).status == 200)
        #expect(await fixture.post(body).status == 200)  // Meta's retry of the same body
        let stored = try fixture.stored()
        #expect(stored.count == 1_000)
        #expect(Set(stored.map(\.platformID)).count == 1_000)
    }

    @Test func aTypedNumberUnderANumberedMenuIsAPress() async throws {
        let fixture = WebhookFixture()
        fixture.menus.set(["a", "b", "c"], for: "966500000001")
        let body = WhatsAppWebhookBodies.body([
            .text(from: "966500000001", id: "wamid.n1", "٣"),
            .text(from: "966500000001", id: "wamid.n2", "2"),
            .text(from: "966500000001", id: "wamid.n3", "4"),
            .text(from: "966500000002", id: "wamid.n4", "1"),
        ])
        _ = await fixture.post(body)
        #expect(
            try fixture.stored().map(\.content) == [
                .button(payload: "c"), .button(payload: "b"), .text("4"), .text("1"),
            ])
    }

    static func exampleText(_ file: String) throws -> String {
        let root = try JSONSerialization.jsonObject(with: WebhookFixture.example(file)) as? [String: Any]
        let entry = (root?["entry"] as? [[String: Any]])?.first
        let value = ((entry?["changes"] as? [[String: Any]])?.first?["value"]) as? [String: Any]
        let message = (value?["messages"] as? [[String: Any]])?.first
        return (message?["text"] as? [String: Any])?["body"] as? String ?? ""
    }
}

actor StatusCollector {
    var statuses: [MessageStatus] = []
    func add(_ more: [MessageStatus]) { statuses += more }
}
