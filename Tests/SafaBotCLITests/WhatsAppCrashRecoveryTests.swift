import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import SQLiteStore
import SafaBotTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `safa-bot` serving WhatsApp, killed with SIGKILL while Meta (the driver) is still posting and
/// the bot is still answering, then restarted: every message that got a 200 is answered, nothing twice
/// beyond what was in flight at a kill.
@Suite(.serialized) struct WhatsAppCrashRecoveryTests {
    static let appSecret = "crash-app-secret"
    static let users = (1...60).map { String(966_511_000_000 + $0) }

    struct Harness {
        let fake: FakeGraphAPI
        let graph: FakeGraphHTTPServer
        let directory: URL
        let executable: String
        let client: HTTPClient

        init() throws {
            guard let executable = BotProcess.builtExecutable(named: "safa-bot") else {
                throw CrashRecoveryTests.HarnessError("safa-bot is not built next to the test bundle; run `swift build`")
            }
            self.executable = executable
            fake = FakeGraphAPI(validator: try GraphRequestValidator())
            graph = FakeGraphHTTPServer(fake: fake)
            try graph.start()
            directory = try TestEnvironment.temporaryDirectory()
            client = try HTTPClient()
        }

        func launch(_ name: String) throws -> (BotProcess, String) {
            guard let port = BotProcess.freeLoopbackPort() else { throw CrashRecoveryTests.HarnessError("no free port") }
            let bot = try BotProcess.whatsapp(
                executable: executable, graphBaseURL: graph.baseURL, fake: fake, appSecret: WhatsAppCrashRecoveryTests.appSecret,
                verifyToken: "v", port: port, directory: directory, dialogs: TestEnvironment.dialogs,
                configuration: #"{"version":1,"whatsapp":{"chatRate":0}}"#, logName: "\(name).log")
            return (bot, "http://127.0.0.1:\(port)/whatsapp/webhook")
        }

        /// Posts one signed message until the bot answers 200 (as Meta retries); false if it never did.
        func deliver(_ message: WhatsAppWebhookBodies.Message, to url: String, bot: BotProcess) async -> Bool {
            let body = WhatsAppWebhookBodies.body([message])
            let headers = [
                ("Content-Type", "application/json"),
                ("X-Hub-Signature-256", WhatsAppWebhookBodies.signature(body, appSecret: WhatsAppCrashRecoveryTests.appSecret)),
            ]
            for _ in 0..<400 {
                if let response = try? await client.send(HTTPClientRequest(method: "POST", url: url, headers: headers, body: body)),
                    response.status == 200
                {
                    return true
                }
                guard bot.isRunning else { return false }
                try? await Task.sleep(nanoseconds: 25_000_000)
            }
            return false
        }

        /// Off Swift's cooperative pool: stopping a server waits for handlers that need it.
        func stop() {
            let (client, graph, directory) = (self.client, self.graph, self.directory)
            DispatchQueue.global().async {
                client.shutdown()
                graph.stop()
                try? FileManager.default.removeItem(at: directory)
            }
        }
    }

    @Test func killedWhileReceivingAndAnsweringEveryAcknowledgedMessageIsAnsweredOnce() async throws {
        let harness = try Harness()
        defer { harness.stop() }
        let bundle = try TestEnvironment.shippedDialogs()
        let inputs = TestEnvironment.helpRequestInputs
        var expected: [String: [String]] = [:]
        for user in Self.users {
            expected[user] = try ExpectedReplies.whatsappTexts(for: inputs, user: user, bundle: bundle)
        }
        let total = expected.values.reduce(0) { $0 + $1.count }
        // Every (user, input) acknowledged with 200 so far; a kill may cut the posting short.
        var acknowledged = 0
        var killedAt: [Int] = []
        // Each run posts from the first input on: what was acknowledged before is a duplicate (same wamid),
        // what was cut off by a kill is posted again in order, as Meta retries.
        let halves = [Array(inputs.indices.prefix(7)), Array(inputs.indices)]
        for (run, half) in halves.enumerated() {
            let (bot, url) = try harness.launch("run-\(run)")
            let target = Int(Double(total) * (run == 0 ? 0.15 : 0.55))
            // Meta's side: posts in order per user, in the background while the bot works.
            let posting = Task { [harness] in
                var ok = 0
                for step in half {
                    for user in Self.users {
                        let message = WhatsAppWebhookBodies.Message.text(from: user, id: "wamid.crash.\(user).\(step)", inputs[step])
                        if await harness.deliver(message, to: url, bot: bot) { ok += 1 } else { return ok }
                    }
                }
                return ok
            }
            let reached = await TestEnvironment.eventually(limit: 240) { await harness.fake.messages.count >= target }
            bot.send(SIGKILL)
            _ = await bot.waitForExit()
            acknowledged += await posting.value
            killedAt.append(await harness.fake.messages.count)
            try #require(reached, "fewer than \(target) replies before the kill; log: \(bot.standardError.suffix(2000))")
        }
        // Whatever was not acknowledged before a kill is posted again now, as Meta retries.
        let (bot, url) = try harness.launch("run-final")
        var redelivered = 0
        for step in inputs.indices {
            for user in Self.users {
                let message = WhatsAppWebhookBodies.Message.text(from: user, id: "wamid.crash.\(user).\(step)", inputs[step])
                if await harness.deliver(message, to: url, bot: bot) { redelivered += 1 }
            }
        }
        #expect(redelivered == inputs.count * Self.users.count, "every message is acknowledged in the end")
        func comparisons() async -> [String: ExpectedReplies.Comparison] {
            let sent = await harness.fake.messages
            var byUser: [String: [String]] = [:]
            for item in sent { if let to = item.to, let text = item.text { byUser[to, default: []].append(ExpectedReplies.normalized(text)) } }
            var result: [String: ExpectedReplies.Comparison] = [:]
            for user in Self.users {
                result[user] = ExpectedReplies.compare(actual: byUser[user] ?? [], expected: expected[user] ?? [])
            }
            return result
        }
        let finished = await TestEnvironment.eventually(limit: 120) {
            await comparisons().values.allSatisfy { $0.missing.isEmpty }
        }
        bot.send(SIGTERM)
        #expect(await bot.waitForExit(limit: 30) == 0, "log: \(bot.standardError.suffix(2000))")
        #expect(finished, "every user got every reply")
        var duplicates = 0
        for (user, comparison) in await comparisons() {
            #expect(comparison.isComplete, "\(user): missing \(comparison.missing.prefix(2)), unexpected \(comparison.unexpected.prefix(2))")
            #expect(comparison.duplicates <= killedAt.count, "\(user) got \(comparison.duplicates) repeats")
            duplicates += comparison.duplicates
        }
        print("whatsapp crash recovery: \(total) replies expected, \(acknowledged) messages acknowledged before the kills, "
            + "kills at \(killedAt) sends, \(duplicates) repeated replies")
        let store = try SQLiteRuntimeStore(path: BotProcess.databasePath(in: harness.directory))
        #expect(try store.unprocessedInbound(limit: 10).isEmpty)
        #expect(try store.requests(limit: 1000).count == Self.users.count, "each message processed once")
        #expect(try store.outboxDepth() == 0)
        #expect(await harness.fake.rejections.isEmpty)
    }
}
