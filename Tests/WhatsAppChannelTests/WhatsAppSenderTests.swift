import BotRuntime
import DialogCore
import Dispatch
import Foundation
import HTTPClient
import SafaBotTestSupport
import Testing
import WhatsAppChannel

/// The sender against the fake Graph API over real HTTP on 127.0.0.1.
@Suite struct WhatsAppSenderTests {
    final class Running: Sendable {
        let fake: FakeGraphAPI
        let server: FakeGraphHTTPServer
        let http: HTTPClient
        let menus = NumberedMenus()
        let sender: WhatsAppSender

        init() throws {
            fake = FakeGraphAPI(validator: try GraphRequestValidator())
            server = FakeGraphHTTPServer(fake: fake)
            try server.start()
            http = try HTTPClient()
            let client = GraphClient(
                http: http,
                endpoint: .init(baseURL: server.baseURL, version: fake.version, phoneNumberID: fake.phoneNumberID),
                accessToken: fake.accessToken)
            sender = WhatsAppSender(client: client, menus: menus)
        }

        /// Shuts down off Swift's cooperative pool: stopping a server waits for its handlers, which need
        /// that pool (two threads here); blocking one of them from a test starves every other test.
        func stop() {
            let (http, server) = (self.http, self.server)
            DispatchQueue.global().async {
                http.shutdown()
                server.stop()
            }
        }

        func deliver(_ payload: OutboundPayload, to chat: String = "966500000001", partsSent: Int = 0) async
            -> DeliveryOutcome
        {
            await sender.deliver(
                OutboundRecord(
                    id: 1, key: ConversationKey(channel: "whatsapp", chat: chat), payload: payload, notBefore: Date(),
                    partsSent: partsSent))
        }
    }

    @Test func sendsTextButtonsListsAndReadReceiptsTheAPIAccepts() async throws {
        let r = try Running()
        defer { r.stop() }
        #expect(await r.deliver(.readReceipt(platformMessageID: "wamid.in1")) == .sent(platformMessageID: nil))
        #expect(await r.deliver(.message(OutgoingMessage(text: "مرحباً بك"))) == .sent(platformMessageID: "wamid.fake1"))
        let three = (1...3).map { Button(payload: "b\($0)", label: "خيار \($0)") }
        #expect(await r.deliver(.message(OutgoingMessage(text: "اختر", buttons: three))) == .sent(platformMessageID: "wamid.fake2"))
        let six = (1...6).map { Button(payload: "l\($0)", label: "خيار \($0)") }
        #expect(await r.deliver(.message(OutgoingMessage(text: "اختر", buttons: six))) == .sent(platformMessageID: "wamid.fake3"))
        let sent = await r.fake.sent
        #expect(sent.map { $0.body["type"]?.stringValue ?? "read" } == ["read", "text", "interactive", "interactive"])
        #expect(sent[0].body["typing_indicator"]?["type"]?.stringValue == "text")
        #expect(sent[1].to == "966500000001")
        #expect(await r.fake.rejections.isEmpty)
    }

    @Test func aNumberedMenuIsRememberedAndForgottenByTheNextMessage() async throws {
        let r = try Running()
        defer { r.stop() }
        let many = (1...12).map { Button(payload: "p\($0)", label: "خيار \($0)") }
        _ = await r.deliver(.message(OutgoingMessage(text: "اختر", buttons: many)))
        #expect(r.menus.payload(for: 12, chat: "966500000001") == "p12")
        _ = await r.deliver(.message(OutgoingMessage(text: "شكراً")))
        #expect(r.menus.payload(for: 1, chat: "966500000001") == nil)
    }

    @Test func rateLimitsAndServerErrorsAreRetriedPermanentErrorsAreNot() async throws {
        let r = try Running()
        defer { r.stop() }
        await r.fake.fail("u1", with: [.graphError(code: 130429, httpStatus: 400)])
        await r.fake.fail("u2", with: [.graphError(code: 131056, httpStatus: 400)])
        await r.fake.fail("u3", with: [.serverError(503)])
        await r.fake.fail("u4", with: [.graphError(code: 131047, httpStatus: 400)])
        await r.fake.fail("u5", with: [.graphError(code: 131026, httpStatus: 400)])
        let message = OutboundPayload.message(OutgoingMessage(text: "مرحباً"))
        for chat in ["u1", "u2", "u3"] {
            guard case .retry = await r.deliver(message, to: chat) else {
                Issue.record("\(chat) not retried")
                continue
            }
        }
        guard case .failed(let reason) = await r.deliver(message, to: "u4") else {
            Issue.record("131047 retried")
            return
        }
        #expect(reason.contains("24-hour"))
        guard case .failed = await r.deliver(message, to: "u5") else {
            Issue.record("131026 retried")
            return
        }
        // Each retried one goes through on its next attempt.
        #expect(await r.deliver(message, to: "u1") == .sent(platformMessageID: "wamid.fake1"))
    }

    @Test func aSplitMessageResumesAfterThePartsAlreadyDelivered() async throws {
        let r = try Running()
        defer { r.stop() }
        let text = String(repeating: "جملة قصيرة للتجربة. ", count: 400)  // ~8,000 characters: two parts
        await r.fake.fail("u1", with: [.graphError(code: 1, httpStatus: 500)])
        // The first part fails: a plain retry.
        guard case .retry = await r.deliver(.message(OutgoingMessage(text: text)), to: "u1") else {
            Issue.record("not retried")
            return
        }
        // Resuming after one delivered part sends only the rest.
        #expect(await r.deliver(.message(OutgoingMessage(text: text)), to: "u1", partsSent: 1) == .sent(platformMessageID: "wamid.fake1"))
        #expect(await r.fake.messages.count == 1)
    }

    @Test func theFakeRefusesWhatTheAPIWouldRefuse() throws {
        let validator = try GraphRequestValidator()
        let tooMany = GraphMessage.buttons(
            to: "1", body: "x", buttons: (1...4).map { .init(id: "b\($0)", title: "t\($0)") })
        #expect(!validator.violations(tooMany.json).isEmpty)
        let longTitle = GraphMessage.buttons(to: "1", body: "x", buttons: [.init(id: "b", title: String(repeating: "x", count: 21))])
        #expect(!validator.violations(longTitle.json).isEmpty)
        let rows = GraphMessage.list(to: "1", body: "x", button: "b", rows: (1...11).map { .init(id: "r\($0)", title: "t") })
        #expect(!validator.violations(rows.json).isEmpty)
        #expect(!validator.violations(Data(#"{"messaging_product":"whatsapp","to":"1","type":"text","txt":{"body":"x"}}"#.utf8)).isEmpty)
        #expect(validator.violations(GraphMessage.text(to: "1", body: "x").json) == [])
        #expect(validator.violations(GraphMessage.template(to: "1", name: "n", language: "ar", bodyParameters: ["a"]).json) == [])
    }
}

/// The 24-hour customer-service window, held by the sender before Meta refuses (131047).
@Suite struct CustomerServiceWindowTests {
    actor Closed {
        var records: [OutboundRecord] = []
        func add(_ record: OutboundRecord) { records.append(record) }
    }

    @Test func freeFormMessagesWaitForTheUserTemplatesDoNot() async throws {
        let fake = FakeGraphAPI(validator: try GraphRequestValidator())
        let server = FakeGraphHTTPServer(fake: fake)
        try server.start()
        let http = try HTTPClient()
        defer {
            DispatchQueue.global().async {
                http.shutdown()
                server.stop()
            }
        }
        let client = GraphClient(
            http: http, endpoint: .init(baseURL: server.baseURL, version: fake.version, phoneNumberID: fake.phoneNumberID),
            accessToken: fake.accessToken)
        let longAgo = Date().addingTimeInterval(-25 * 3600)
        let window = CustomerServiceWindow { user in user == "stored-recently" ? Date().addingTimeInterval(-3600) : (user == "old" ? longAgo : nil) }
        let closed = Closed()
        let sender = WhatsAppSender(
            client: client, menus: NumberedMenus(), window: window,
            reengagement: ReengagementTemplate(name: "safa_reengage", language: "ar"),
            onWindowClosed: { await closed.add($0) })
        func record(_ chat: String, _ payload: OutboundPayload) -> OutboundRecord {
            OutboundRecord(id: 1, key: ConversationKey(channel: "whatsapp", chat: chat), payload: payload, notBefore: Date())
        }
        let text = OutboundPayload.message(OutgoingMessage(text: "تم تحديث حالة طلبك"))
        func isWaiting(_ outcome: DeliveryOutcome) -> Bool {
            if case .retry(_, let reason) = outcome { return reason == WhatsAppSender.waitingForUserReason }
            return false
        }
        // Window closed: the re-engagement template goes out once, and the message waits for the user.
        #expect(isWaiting(await sender.deliver(record("old", text))))
        #expect(isWaiting(await sender.deliver(record("never", text))))
        var again = record("old", text)
        again.attempts = 5
        #expect(isWaiting(await sender.deliver(again)), "tried again later without a second template")
        #expect(await closed.records.map(\.key.chat) == ["old", "never"], "the officer is told once")
        #expect(await fake.messages.map { $0.body["type"]?.stringValue } == ["template", "template"])
        #expect(await fake.messages.allSatisfy { $0.body["template"]?["name"]?.stringValue == "safa_reengage" })
        #expect(await fake.messages.allSatisfy { $0.body["template"]?["language"]?["code"]?.stringValue == "ar" })
        // A week without an answer: given up, and the officer told.
        again.attempts = Int(WhatsAppSender.windowWaitLimit / WhatsAppSender.windowRetryInterval)
        #expect(await sender.deliver(again) == .failed(reason: WhatsAppSender.windowClosedReason))
        // The store knew a recent message; a message the webhook just stored opens the window too.
        #expect(await sender.deliver(record("stored-recently", text)) == .sent(platformMessageID: "wamid.fake3"))
        window.userWrote("old", at: Date())
        again.attempts = 6
        #expect(await sender.deliver(again) == .sent(platformMessageID: "wamid.fake4"))
        // The re-engagement template an officer sends goes out whatever the window.
        #expect(await sender.deliver(record("never", .reengage)) == .sent(platformMessageID: "wamid.fake5"))
        #expect(await fake.rejections.isEmpty)
        // Without a template nothing can reach a user outside the window.
        let bare = WhatsAppSender(client: client, menus: NumberedMenus(), window: window)
        #expect(await bare.deliver(record("never", text)) == .failed(reason: WhatsAppSender.windowClosedReason))
    }
}
