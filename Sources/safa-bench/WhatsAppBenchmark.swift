import DialogCore
import Foundation
import Synchronization
import HTTPClient
import SafaBotTestSupport
import WhatsAppChannel

#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bench whatsapp`: the release `safa-bot run` serving WhatsApp as a child process; this process
/// signs webhook notifications (one message each, as Meta sends them), posts them to the bot's webhook and
/// serves the fake Graph API the replies go to. Each simulated user types its next input once every reply
/// to the previous one arrived, so per-message reply latency is measured as a user would feel it.
struct WhatsAppBenchmark {
    static let appSecret = "bench-app-secret"

    let executable: String
    let dialogs: String
    let bundle: DialogBundle
    let users: Int
    let readReceipts: Bool

    struct Result {
        var messages: Int
        var replies: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakResidentMiB: Double
        var idleResidentMiB: Double
        var p50: Double
        var p99: Double
        var fakeCPUSeconds: Double
        var messagesPerSecond: Double { Double(messages) / seconds }
        var cpuMillisecondsPerMessage: Double { cpuSeconds * 1000 / Double(messages) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Graph API sends (not read receipts) after each input, cumulatively, as WhatsApp renders the engine's
    /// messages (a long text with options can take two sends).
    func cumulativeSends() -> [Int] {
        let engine = DialogEngine(bundle: bundle)
        let renderer = WhatsAppRenderer()
        var state = ConversationState()
        var total = 0
        var counts: [Int] = []
        for (index, input) in TelegramBenchmark.inputs.enumerated() {
            let result = engine.step(state, Event(.text(input), receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            for case .send(let message) in result.effects {
                total += (try? renderer.render(message, to: "x").parts.count) ?? 0
            }
            counts.append(total)
        }
        return counts
    }

    func run() async throws -> Result {
        let fake = FakeGraphAPI(validator: try GraphRequestValidator())
        let graph = FakeGraphHTTPServer(fake: fake)
        try graph.start()
        defer { graph.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let port = BotProcess.freeLoopbackPort() else { throw Failure(description: "no free port") }
        let bot = try BotProcess.whatsapp(
            executable: executable, graphBaseURL: graph.baseURL, fake: fake, appSecret: Self.appSecret,
            verifyToken: "bench", port: port, directory: directory, dialogs: dialogs,
            configuration: #"{"version":1,"whatsapp":{"readReceipts":\#(readReceipts),"chatRate":0}}"#,
            environment: ["SAFA_LOG_LEVEL": ProcessInfo.processInfo.environment["SAFA_LOG_LEVEL"] ?? "warning"])
        defer { if bot.isRunning { bot.send(SIGKILL) } }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let webhook = "http://127.0.0.1:\(port)/whatsapp/webhook"
        // Start-up (dialogs, database) is not measured: wait until the webhook answers.
        let deadline = Date().addingTimeInterval(60)
        while true {
            let probe = try? await client.send(HTTPClientRequest(url: webhook + "?hub.mode=subscribe&hub.verify_token=bench&hub.challenge=1"))
            if probe?.status == 200 { break }
            guard bot.isRunning, Date() < deadline else {
                throw Failure(description: "safa-bot did not start; its log:\n\(bot.standardError.suffix(2000))")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let cpuBefore = bot.cpuSeconds() ?? 0
        let idle = bot.residentMiB() ?? -1
        let fakeBefore = TelegramBenchmark.ownCPUSeconds()

        let inputs = TelegramBenchmark.inputs
        let cumulative = cumulativeSends()
        let perUser = cumulative.last ?? 0
        let userIDs = (0..<users).map { String(966_500_000_000 + $0) }
        let index = Dictionary(uniqueKeysWithValues: userIDs.enumerated().map { ($1, $0) })
        var nextInput = [Int](repeating: 1, count: users)
        var received = [Int](repeating: 0, count: users)
        var postedAt = [ContinuousClock.Instant?](repeating: nil, count: users)
        var latencies: [Double] = []
        latencies.reserveCapacity(users * inputs.count)
        let poster = Poster(client: client, url: webhook, secret: Self.appSecret, limit: 64)
        let clock = ContinuousClock()
        let started = clock.now
        for (i, user) in userIDs.enumerated() {
            postedAt[i] = clock.now
            poster.post(.text(from: user, id: "wamid.bench.\(user).0", inputs[0]))
        }
        var finished = 0
        var cursor = 0
        let giveUp = Date().addingTimeInterval(600)
        let watchdog = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await fake.wake()
            }
        }
        defer { watchdog.cancel() }
        while finished < users {
            let (batch, next) = await fake.nextRecipients(since: cursor)
            cursor = next
            if batch.isEmpty {
                guard bot.isRunning, Date() < giveUp, poster.failures == 0 else {
                    let refused = await fake.rejections.prefix(2).map(\.reason)
                    throw Failure(
                        description: "stalled with \(finished) of \(users) done, \(poster.failures) failed posts, "
                            + "bot running: \(bot.isRunning), \(await fake.sent.count) sends, refused: \(refused); "
                            + "log:\n\(bot.standardError.suffix(2000))")
                }
                continue
            }
            let now = clock.now
            for case let user? in batch {
                guard let i = index[user] else { continue }
                received[i] += 1
                if let start = postedAt[i] {
                    let d = now - start
                    latencies.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
                    postedAt[i] = nil
                }
                let step = nextInput[i]
                if step < inputs.count, received[i] == cumulative[step - 1] {
                    postedAt[i] = clock.now
                    poster.post(.text(from: user, id: "wamid.bench.\(user).\(step)", inputs[step]))
                    nextInput[i] = step + 1
                } else if received[i] == perUser {
                    finished += 1
                }
            }
        }
        let elapsed = clock.now - started
        let cpuAfter = bot.cpuSeconds() ?? 0
        let fakeAfter = TelegramBenchmark.ownCPUSeconds()
        let peak = bot.peakResidentMiB() ?? -1
        bot.send(SIGTERM)
        if await bot.waitForExit(limit: 30) != 0 {
            print("whatsapp: warning: safa-bot did not exit cleanly on SIGTERM; its log ends:")
            print(bot.standardError.suffix(1500))
        }
        let rejections = await fake.rejections
        if !rejections.isEmpty { print("whatsapp: warning: \(rejections.count) requests refused by the fake: \(rejections[0].reason)") }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(
            messages: users * inputs.count, replies: users * perUser, seconds: seconds, cpuSeconds: cpuAfter - cpuBefore,
            peakResidentMiB: peak, idleResidentMiB: idle, p50: percentile(0.5), p99: percentile(0.99),
            fakeCPUSeconds: fakeAfter - fakeBefore)
    }
}

/// Posts signed notifications to the bot with at most `limit` in flight, retrying refusals as Meta would.
final class Poster: Sendable {
    let client: HTTPClient
    let url: String
    let secret: String
    let gate: Gate
    private let failed = Synchronization.Atomic<Int>(0)

    init(client: HTTPClient, url: String, secret: String, limit: Int) {
        self.client = client
        self.url = url
        self.secret = secret
        gate = Gate(limit: limit)
    }

    var failures: Int { failed.load(ordering: .relaxed) }

    func post(_ message: WhatsAppWebhookBodies.Message) {
        let body = WhatsAppWebhookBodies.body([message])
        let headers = [
            ("Content-Type", "application/json"),
            ("X-Hub-Signature-256", WhatsAppWebhookBodies.signature(body, appSecret: secret)),
        ]
        Task {
            await gate.enter()
            defer { Task { await gate.leave() } }
            for _ in 0..<5 {
                if let response = try? await client.send(
                    HTTPClientRequest(method: "POST", url: url, headers: headers, body: body)), response.status == 200
                {
                    return
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
            failed.add(1, ordering: .relaxed)
        }
    }
}

/// A counting semaphore for tasks.
actor Gate {
    let limit: Int
    var inside = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if inside < limit {
            inside += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
