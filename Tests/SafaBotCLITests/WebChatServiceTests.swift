import BotRuntime
import DialogCore
import Foundation
import SafaBotTestSupport
import HTTPClient
import Hashing
import SQLiteStore
import Testing
import WebChatChannel

@testable import SafaBotCLI

/// The web chat end to end: the real bot (SQLite store, processing, outbox) serving `/chat` on 127.0.0.1,
/// driven over HTTP as the page's script drives it.
@Suite(.serialized) struct WebChatServiceTests {
    /// A running bot with only the web chat channel; `restart()` keeps the database.
    final class Bot: @unchecked Sendable {
        // @unchecked Sendable invariant: used from one test at a time; `service` is replaced only by restart().
        let directory: URL
        var configuration = BotConfiguration()
        var service: BotService
        let client: HTTPClient
        let token: String?

        init(telegram token: String? = nil, configure: (inout BotConfiguration) -> Void = { _ in }) throws {
            directory = try TestEnvironment.temporaryDirectory()
            configuration.dialogs = TestEnvironment.dialogs
            configuration.officers = directory.appendingPathComponent("no-officers.json").path
            configuration.database = directory.appendingPathComponent("bot.sqlite").path
            configuration.http.port = 0
            configuration.webChat.enabled = true
            configuration.webChat.waitSeconds = 5
            configuration.webChatSecret = "web-chat-test-secret-0123456789abcdef"
            // Scripted conversations post faster than people type; the limits have their own test.
            configuration.webChat.postsPerSecond = 0
            configure(&configuration)
            self.token = token
            service = try Self.make(configuration, token: token)
            try service.start()
            client = try HTTPClient()
        }

        static func make(_ configuration: BotConfiguration, token: String?) throws -> BotService {
            let store = try SQLiteRuntimeStore(path: configuration.database)
            return try BotService(
                configuration: configuration, token: token, bundle: TestEnvironment.shippedDialogs(), store: store,
                logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)))
        }

        func restart() throws {
            service.stop()
            service = try Self.make(configuration, token: token)
            try service.start()
        }

        func stop() {
            service.stop()
            client.shutdown()
            try? FileManager.default.removeItem(at: directory)
        }

        var base: String { "http://127.0.0.1:\(service.httpPort ?? 0)" }

        func call(
            _ method: String, _ path: String, cookie: String? = nil, json: String? = nil,
            headers: [(String, String)] = []
        ) async throws -> HTTPClientResponse {
            var all = headers
            if let cookie { all.append(("Cookie", cookie)) }
            if json != nil { all.append(("Content-Type", "application/json")) }
            return try await client.send(
                HTTPClientRequest(method: method, url: base + path, headers: all, body: json.map { Data($0.utf8) }))
        }

        /// Starts a conversation; returns the cookie to send back.
        func startConversation() async throws -> String {
            let response = try await call("POST", "/chat/start")
            #expect(response.status == 200)
            let setCookie = try #require(response.headers["set-cookie"])
            #expect(
                setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Secure"))
            return String(setCookie.split(separator: ";")[0])
        }

        /// Every entry of the conversation after `after` (no waiting).
        func entries(_ cookie: String, after: Int64 = 0) async throws -> [Entry] {
            let response = try await call("GET", "/chat/poll?after=\(after)&wait=0", cookie: cookie)
            #expect(response.status == 200)
            let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            return (object?["entries"] as? [[String: Any]] ?? []).map(Entry.init)
        }

        func upload(_ cookie: String, _ bytes: Data, type: String, key: String = UUID().uuidString) async throws
            -> HTTPClientResponse
        {
            try await client.send(
                HTTPClientRequest(
                    method: "POST", url: base + "/chat/upload?key=\(key)",
                    headers: [("Cookie", cookie), ("Content-Type", type)], body: bytes))
        }

        func send(_ cookie: String, text: String, key: String = UUID().uuidString) async throws -> HTTPClientResponse {
            let body = try JSONSerialization.data(withJSONObject: ["key": key, "text": text])
            return try await call("POST", "/chat/send", cookie: cookie, json: String(decoding: body, as: UTF8.self))
        }
    }

    /// One mailbox entry as the page receives it.
    struct Entry {
        var id: Int64
        var type: String
        var text: String
        var buttons: [String]
        var key: String?
        var url: String?
        var kind: String?

        init(_ object: [String: Any]) {
            id = (object["id"] as? NSNumber)?.int64Value ?? 0
            let entry = object["entry"] as? [String: Any] ?? [:]
            type = entry["type"] as? String ?? ""
            text = entry["text"] as? String ?? ""
            buttons = (entry["buttons"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            key = entry["key"] as? String
            url = entry["url"] as? String
            kind = entry["kind"] as? String
        }
    }

    /// The texts the engine answers to each input of a new conversation (the first input starts it).
    static func expectedReplies(_ inputs: [String]) throws -> [[String]] {
        let engine = DialogEngine(bundle: try TestEnvironment.shippedDialogs())
        var state = ConversationState()
        return inputs.enumerated().map { index, input in
            let content: EventContent = index == 0 ? .start : .text(input)
            let result = engine.step(state, Event(content, receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            return result.effects.compactMap { effect in
                guard case .send(let message) = effect else { return nil }
                return ExpectedReplies.normalized(message.text)
            }
        }
    }

    @Test func thePageIsArabicRightToLeftUnderAStrictPolicy() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let page = try await bot.call("GET", "/chat")
        #expect(page.status == 200)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"role="log""#) && html.contains(#"aria-live="polite""#))
        #expect(!html.contains("<script>"), "no inline script")
        let policy = try #require(page.headers["content-security-policy"])
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
        #expect(policy.contains("frame-ancestors 'self'"))
        let script = try await bot.call("GET", "/chat/app.js")
        #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true)
        let style = try await bot.call("GET", "/chat/app.css")
        #expect(style.status == 200 && String(decoding: style.body, as: UTF8.self).contains("Noto Sans Arabic"))
    }

    @Test func aBeneficiaryCompletesTheHelpRequestAndEveryReplyArrivesOnceInOrder() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let inputs = TestEnvironment.helpRequestInputs
        let expected = try Self.expectedReplies(inputs)
        let cookie = try await bot.startConversation()
        var received = 0
        for (index, input) in inputs.enumerated() {
            if index > 0 {
                let response = try await bot.send(cookie, text: input)
                #expect(response.status == 202)
            }
            received += expected[index].count
            let count = received
            #expect(
                try await TestEnvironment.eventually {
                    try await bot.entries(cookie).filter { $0.type == "bot" }.count >= count
                })
        }
        let entries = try await bot.entries(cookie)
        let replies = entries.filter { $0.type == "bot" }.map { ExpectedReplies.normalized($0.text) }
        #expect(replies == expected.flatMap { $0 })
        #expect(entries.filter { $0.type == "me" }.map(\.text) == Array(inputs.dropFirst()))
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
        #expect(replies.contains { $0.contains("REF-#") }, "the reference number")
        #expect(entries.contains { !$0.buttons.isEmpty }, "options come as buttons")
    }

    @Test func aRetriedPostIsHandledOnce() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        #expect(try await TestEnvironment.eventually { try await !bot.entries(cookie).isEmpty })
        let first = try await bot.send(cookie, text: "1", key: "retry-key-0001")
        let again = try await bot.send(cookie, text: "1", key: "retry-key-0001")
        #expect(String(decoding: first.body, as: UTF8.self).contains(#""duplicate":false"#))
        #expect(String(decoding: again.body, as: UTF8.self).contains(#""duplicate":true"#))
        let expected = try Self.expectedReplies(["/start", "1"]).flatMap { $0 }.count
        #expect(
            try await TestEnvironment.eventually {
                try await bot.entries(cookie).filter { $0.type == "bot" }.count >= expected
            })
        let entries = try await bot.entries(cookie)
        #expect(entries.filter { $0.type == "me" }.count == 1)
        #expect(entries.filter { $0.type == "bot" }.count == expected)
    }

    @Test func forgedOrMissingConversationsAreRefused() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        let value = cookie.split(separator: "=", maxSplits: 1)[1]
        // Another id with the same signature, and a made-up token.
        let otherID = String(repeating: "a", count: 32)
        let forged = "safa_chat=\(otherID).\(value.split(separator: ".")[1])"
        for bad in [forged, "safa_chat=nonsense", "safa_chat=\(otherID).\(String(repeating: "0", count: 64))"] {
            #expect(try await bot.send(bad, text: "مرحبا").status == 401)
            #expect(try await bot.call("GET", "/chat/poll?wait=0", cookie: bad).status == 401)
            #expect(try await bot.call("GET", "/chat/events?wait=0", cookie: bad).status == 401)
        }
        #expect(try await bot.send(cookie, text: "x", key: "bad key!").status == 400)
        #expect(try await bot.call("POST", "/chat/send", cookie: cookie, json: "{").status == 400)
        #expect(
            try await bot.call(
                "POST", "/chat/send", cookie: cookie, headers: [("Content-Type", "text/plain")]
            ).status == 415)
        #expect(try await bot.call("GET", "/chat/send", cookie: cookie).status == 405)
        // Oversized: refused on the route's limit (before the body is read), or on the text's length.
        let huge = #"{"key":"huge-key-0001","text":"\#(String(repeating: "ب", count: 20_000))"}"#
        #expect(try await bot.call("POST", "/chat/send", cookie: cookie, json: huge).status == 413)
        let long = #"{"key":"long-key-0001","text":"\#(String(repeating: "x", count: 2_001))"}"#
        #expect(try await bot.call("POST", "/chat/send", cookie: cookie, json: long).status == 413)
    }

    @Test func theEventStreamResumesAfterLastEventID() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        #expect(try await TestEnvironment.eventually { try await !bot.entries(cookie).isEmpty })
        _ = try await bot.send(cookie, text: "1")
        let expected = try Self.expectedReplies(["/start", "1"]).flatMap { $0 }.count
        #expect(
            try await TestEnvironment.eventually {
                try await bot.entries(cookie).filter { $0.type == "bot" }.count >= expected
            })
        let all = try await bot.entries(cookie)
        let stream = try await bot.call(
            "GET", "/chat/events?wait=0", cookie: cookie, headers: [("Last-Event-ID", String(all[0].id))])
        #expect(stream.status == 200)
        #expect(stream.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        let text = String(decoding: stream.body, as: UTF8.self)
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { Int64($0.dropFirst(4)) }
        #expect(ids == all.dropFirst().map(\.id))
        #expect(text.hasPrefix("retry: "))
    }

    @Test func aWaitingFetchIsAnsweredByTheNextReply() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        #expect(try await TestEnvironment.eventually { try await !bot.entries(cookie).isEmpty })
        let last = try await bot.entries(cookie).last?.id ?? 0
        async let waited = bot.call("GET", "/chat/poll?after=\(last)", cookie: cookie)
        _ = try await bot.send(cookie, text: "1")
        let response = try await waited
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        #expect((object?["entries"] as? [Any])?.isEmpty == false)
    }

    @Test func theConversationSurvivesARestartAndIsAcknowledged() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        let greeting = try Self.expectedReplies(["/start"]).flatMap { $0 }.count
        #expect(try await TestEnvironment.eventually { try await bot.entries(cookie).count == greeting })
        let before = try await bot.entries(cookie)
        try bot.restart()
        let resumed = try await bot.call("POST", "/chat/start", cookie: cookie)
        #expect(String(decoding: resumed.body, as: UTF8.self).contains("resumed"))
        #expect(resumed.headers["set-cookie"] == nil)
        #expect(try await bot.entries(cookie).map(\.id) == before.map(\.id))
        let ack = try await bot.call("POST", "/chat/ack", cookie: cookie, json: #"{"upTo":\#(before.last?.id ?? 0)}"#)
        #expect(ack.status == 204)
        let fresh = try await bot.call("POST", "/chat/start?fresh=1", cookie: cookie)
        #expect(String(decoding: fresh.body, as: UTF8.self).contains("new"))
        #expect(fresh.headers["set-cookie"] != nil)
    }

    /// A small real PNG (1×1), and a "photo" that is really a shell script.
    static let png = Data(
        base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
    static let script = Data("#!/bin/sh\nrm -rf /\n".utf8)

    @Test func aPhotoIsCheckedByItsBytesKeptByChecksumAndShownOnlyToItsConversation() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        let upload = try await bot.upload(cookie, Self.png, type: "image/png", key: "upload-key-0001")
        #expect(upload.status == 202)
        #expect(try await bot.upload(cookie, Self.png, type: "image/png", key: "upload-key-0001").status == 202)
        // A phone photo is far larger than a message: the upload route has its own body limit.
        let large = Self.png + Data(repeating: 0, count: 900_000)
        #expect(try await bot.upload(cookie, large, type: "image/png", key: "upload-key-0002").status == 202)
        let mine = try await bot.entries(cookie).filter { $0.type == "me" }.prefix(1)
        #expect(mine.count == 1)
        let url = try #require(mine.first?.url)
        #expect(mine.first?.kind == "photo")
        let sha = Hashing.hex(Hashing.sha256(Self.png))
        #expect(url.contains(sha))
        let stored = bot.directory.appendingPathComponent("web-chat-files").appendingPathComponent(sha)
        #expect(FileManager.default.contents(atPath: stored.path) == Self.png)
        let fetched = try await bot.call("GET", url, cookie: cookie)
        #expect(fetched.status == 200 && fetched.body == Self.png)
        #expect(fetched.headers["content-type"] == "image/png")
        let stranger = try await bot.startConversation()
        #expect(try await bot.call("GET", url, cookie: stranger).status == 404)
        #expect(try await bot.call("GET", "/chat/file?id=\(sha)&sig=00", cookie: cookie).status == 404)
    }

    /// The server decides body limits per route on the headers: the upload route takes a phone photo's size,
    /// the other web chat routes only small JSON.
    @Test func aPhotoOfAFewHundredKilobytesIsAcceptedWhileSmallRoutesStaySmall() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        let photo = Self.png + Data(count: 300_000)
        #expect(try await bot.upload(cookie, photo, type: "image/png").status == 202)
        let padded = #"{"key":"k","text":""# + String(repeating: "a", count: 70_000) + #""}"#
        #expect(try await bot.call("POST", "/chat/send", cookie: cookie, json: padded).status == 413)
    }

    @Test func uploadsThatLieAboutTheirTypeOrAreTooLargeAreRefused() async throws {
        let bot = try Bot { $0.webChat.maxUploadBytes = 1000 }
        defer { bot.stop() }
        let cookie = try await bot.startConversation()
        #expect(try await bot.upload(cookie, Self.script, type: "image/jpeg").status == 415)
        #expect(try await bot.upload(cookie, Data(repeating: 0xFF, count: 2000), type: "image/jpeg").status == 413)
        #expect(try await bot.upload(cookie, Data(), type: "image/jpeg").status == 400)
        #expect(try await bot.entries(cookie).filter { $0.type == "me" }.isEmpty)
    }

    @Test func aFloodingConversationIsToldToSlowDownAndOthersAreStillServed() async throws {
        let bot = try Bot {
            $0.webChat.postsPerSecond = 0.001
            $0.webChat.startsPerMinutePerAddress = 0.001
            $0.webChat.clientAddressHeader = "X-Real-IP"
        }
        defer { bot.stop() }
        let flooder = try await bot.startConversation()
        var statuses: [Int] = []
        for index in 0..<15 { statuses.append(try await bot.send(flooder, text: "رسالة \(index)").status) }
        #expect(statuses.prefix(10).allSatisfy { $0 == 202 }, "\(statuses)")
        #expect(statuses.suffix(5).allSatisfy { $0 == 429 }, "\(statuses)")
        let refused = try await bot.send(flooder, text: "مرة أخرى")
        #expect(Int(refused.headers["retry-after"] ?? "") ?? 0 >= 1)
        let other = try await bot.startConversation()
        #expect(try await bot.send(other, text: "مرحبا").status == 202)
        // New conversations are paced per client address (the proxy's header, trusted from 127.0.0.1).
        var starts: [Int] = []
        for _ in 0..<25 {
            starts.append(try await bot.call("POST", "/chat/start", headers: [("X-Real-IP", "192.0.2.7")]).status)
        }
        #expect(starts.filter { $0 == 429 }.count == 5)
        #expect(try await bot.call("POST", "/chat/start", headers: [("X-Real-IP", "192.0.2.8")]).status == 200)
    }

    @Test func theEmbedKeepsItsTokenInAHeaderAndOnlyAllowedOriginsGetCORS() async throws {
        let bot = try Bot { $0.webChat.allowedOrigins = ["https://safa.example"] }
        defer { bot.stop() }
        let widget = try await bot.call("GET", "/chat/widget.js")
        #expect(widget.status == 200 && String(decoding: widget.body, as: UTF8.self).contains("/chat?embed=1"))
        let page = try await bot.call("GET", "/chat?embed=1")
        #expect(
            page.headers["content-security-policy"]?.contains("frame-ancestors 'self' https://safa.example") == true)

        let started = try await bot.call("POST", "/chat/start?embed=1")
        let object = try JSONSerialization.jsonObject(with: started.body) as? [String: Any]
        let token = try #require(object?["token"] as? String)
        let header = [("X-Safa-Chat", token)]
        #expect(
            try await bot.call("POST", "/chat/start?embed=1", headers: header).body
                == Data(#"{"conversation":"resumed"}"#.utf8))
        let sent = try await bot.call(
            "POST", "/chat/send", json: #"{"key":"embed-key-0001","text":"1"}"#, headers: header)
        #expect(sent.status == 202)
        let polled = try await bot.call("GET", "/chat/poll?wait=0", headers: header)
        #expect(String(decoding: polled.body, as: UTF8.self).contains("embed-key-0001"))
        // Without the embed flag the token stays in the HttpOnly cookie only.
        let plain = try await bot.call("POST", "/chat/start")
        #expect(!String(decoding: plain.body, as: UTF8.self).contains("token"))

        let preflight = try await bot.call(
            "OPTIONS", "/chat/send", headers: [("Origin", "https://safa.example")])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-origin"] == "https://safa.example")
        #expect(preflight.headers["access-control-allow-headers"]?.contains("X-Safa-Chat") == true)
        let stranger = try await bot.call("OPTIONS", "/chat/send", headers: [("Origin", "https://evil.example")])
        #expect(stranger.headers["access-control-allow-origin"] == nil)
        let read = try await bot.call(
            "GET", "/chat/poll?wait=0", headers: header + [("Origin", "https://safa.example")])
        #expect(read.headers["access-control-allow-origin"] == "https://safa.example")
        #expect(read.headers["access-control-allow-credentials"] == nil)
    }
}
