import DialogCore
import Foundation
import HTTPClient
import SafaBotTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bench web`: the release `safa-bot run` serving only web chat as a child process, and `users`
/// simulated pages in this process. Each page starts a conversation, keeps an event stream open
/// (`/chat/events`, resumed with `Last-Event-ID`, as the browser's EventSource does) and posts its next
/// input once every reply to the previous one arrived; reply latency is from the post to the first reply.
/// Then every page leaves one event stream waiting with nothing to receive, to measure what idle open
/// connections cost the bot.
struct WebChatBenchmark {
    let executable: String
    let dialogs: String
    let bundle: DialogBundle
    let users: Int

    struct Result {
        var messages: Int
        var replies: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakResidentMiB: Double
        var idleResidentMiB: Double
        var p50: Double
        var p99: Double
        var driverCPUSeconds: Double
        /// Resident memory with every page's stream waiting, minus before they were opened, per 100.
        var mebibytesPer100IdleStreams: Double
        var idleStreams: Int
        var messagesPerSecond: Double { Double(messages) / seconds }
        var cpuMillisecondsPerMessage: Double { cpuSeconds * 1000 / Double(messages) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Bot messages after each input, cumulatively (the web shows every message whole: one entry each).
    func cumulativeReplies() -> [Int] {
        let engine = DialogEngine(bundle: bundle)
        var state = ConversationState()
        var total = 0
        return TelegramBenchmark.inputs.enumerated().map { index, input in
            let content: EventContent = index == 0 ? .start : .text(input)
            let result = engine.step(state, Event(content, receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            total += result.effects.filter { if case .send = $0 { true } else { false } }.count
            return total
        }
    }

    func run() async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let port = BotProcess.freeLoopbackPort() else { throw Failure(description: "no free port") }
        let configPath = directory.appendingPathComponent("config.json").path
        // Each simulated page has its own address (the proxy's X-Real-IP), as real visitors do.
        let configuration = #"""
            {"version": 1, "http": {"maxConnections": \#(users * 2 + 64), "perIPConnectionLimit": \#(users * 2 + 64)},
             "webChat": {"enabled": true, "waitSeconds": 55, "postsPerSecond": 0, "clientAddressHeader": "X-Real-IP"}}
            """#
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: configPath))
        let bot = try BotProcess(
            executable: executable, arguments: ["run", "--config", configPath],
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path,
                "SAFA_WEBCHAT_SECRET": "bench-web-chat-secret-0123456789abcdef",
                "SAFA_DB_PATH": BotProcess.databasePath(in: directory), "SAFA_DIALOGS_DIR": dialogs,
                "SAFA_OFFICERS_CONFIG": directory.appendingPathComponent("no-officers.json").path,
                "SAFA_HTTP_PORT": String(port),
                "SAFA_LOG_LEVEL": ProcessInfo.processInfo.environment["SAFA_LOG_LEVEL"] ?? "warning",
            ],
            standardErrorPath: directory.appendingPathComponent("bot.log").path)
        defer { if bot.isRunning { bot.send(SIGKILL) } }
        let client = try HTTPClient(
            configuration: HTTPClientConfiguration(maxConcurrentTransfers: users * 2 + 16, maxConnectionsPerHost: 0))
        defer { client.shutdown() }
        let base = "http://127.0.0.1:\(port)"
        let deadline = Date().addingTimeInterval(60)
        while (try? await client.send(HTTPClientRequest(url: base + "/chat")))?.status != 200 {
            guard bot.isRunning, Date() < deadline else {
                throw Failure(description: "safa-bot did not start; its log:\n\(bot.standardError.suffix(2000))")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let cpuBefore = bot.cpuSeconds() ?? 0
        let idle = bot.residentMiB() ?? -1
        let driverBefore = TelegramBenchmark.ownCPUSeconds()
        let cumulative = cumulativeReplies()
        let clock = ContinuousClock()
        let started = clock.now
        let pages: [Page]
        do {
            pages = try await conversations(client: client, base: base, cumulative: cumulative)
        } catch {
            let status = bot.isRunning ? nil : await bot.waitForExit(limit: 1)
            throw Failure(
                description: "\(error); safa-bot \(status.map { "exited with \($0)" } ?? "running"), its log ends:\n"
                    + bot.standardError.suffix(2000))
        }
        let elapsed = clock.now - started
        let cpuAfter = bot.cpuSeconds() ?? 0
        let driverAfter = TelegramBenchmark.ownCPUSeconds()
        let peak = bot.peakResidentMiB() ?? -1

        // Every page leaves a stream open with nothing new to receive.
        let beforeIdle = bot.residentMiB() ?? 0
        let streams = Task {
            await withTaskGroup(of: Void.self) { group in
                for page in pages {
                    group.addTask {
                        var page = page
                        _ = try? await page.events()
                    }
                }
            }
        }
        try await Task.sleep(for: .seconds(3))
        let withIdle = bot.residentMiB() ?? 0
        bot.send(SIGTERM)
        if await bot.waitForExit(limit: 30) != 0 {
            print("web: warning: safa-bot did not exit cleanly on SIGTERM; its log ends:")
            print(bot.standardError.suffix(1500))
        }
        streams.cancel()

        var latencies = pages.flatMap(\.latencies).sorted()
        if latencies.isEmpty { latencies = [0] }
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(
            messages: users * TelegramBenchmark.inputs.count, replies: pages.map(\.replies).reduce(0, +),
            seconds: seconds, cpuSeconds: cpuAfter - cpuBefore, peakResidentMiB: peak, idleResidentMiB: idle,
            p50: percentile(0.5), p99: percentile(0.99), driverCPUSeconds: driverAfter - driverBefore,
            mebibytesPer100IdleStreams: (withIdle - beforeIdle) * 100 / Double(users), idleStreams: users)
    }

    /// Every page's whole conversation, all at once.
    func conversations(client: HTTPClient, base: String, cumulative: [Int]) async throws -> [Page] {
        try await withThrowingTaskGroup(of: Page.self) { group in
            for index in 0..<users {
                group.addTask {
                    var page = Page(
                        client: client, base: base, address: "10.\(index >> 16).\((index >> 8) & 255).\(index & 255)")
                    try await page.converse(cumulative: cumulative)
                    return page
                }
            }
            var pages: [Page] = []
            for try await page in group { pages.append(page) }
            return pages
        }
    }
}

/// One simulated page: its cookie, where its event stream stands, and the latencies it saw.
struct Page: Sendable {
    let client: HTTPClient
    let base: String
    let address: String
    var cookie = ""
    var lastEventID: Int64 = 0
    var replies = 0
    var latencies: [Double] = []

    init(client: HTTPClient, base: String, address: String) {
        self.client = client
        self.base = base
        self.address = address
    }

    mutating func converse(cumulative: [Int]) async throws {
        let clock = ContinuousClock()
        var postedAt = clock.now
        let start = try await client.send(
            HTTPClientRequest(method: "POST", url: base + "/chat/start", headers: [("X-Real-IP", address)]))
        guard start.status == 200, let cookie = start.headers["set-cookie"]?.split(separator: ";").first else {
            throw WebChatBenchmark.Failure(description: "start answered \(start.status)")
        }
        self.cookie = String(cookie)
        let inputs = TelegramBenchmark.inputs
        for step in 0..<inputs.count {
            if step > 0 {
                let body = try JSONSerialization.data(withJSONObject: [
                    "key": "bench-\(address.replacingOccurrences(of: ".", with: "-"))-\(step)", "text": inputs[step],
                ])
                postedAt = clock.now
                let sent = try await client.send(
                    HTTPClientRequest(
                        method: "POST", url: base + "/chat/send",
                        headers: [
                            ("X-Real-IP", address), ("Cookie", self.cookie), ("Content-Type", "application/json"),
                        ],
                        body: body))
                guard sent.status == 202 else {
                    throw WebChatBenchmark.Failure(description: "send answered \(sent.status)")
                }
            }
            var first = true
            while replies < cumulative[step] {
                let got = try await events()
                if got > 0, first {
                    first = false
                    let d = clock.now - postedAt
                    latencies.append(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
                }
                replies += got
            }
        }
    }

    /// One event-stream request resumed after the last id; returns how many bot replies it carried.
    mutating func events() async throws -> Int {
        let response = try await client.send(
            HTTPClientRequest(
                url: base + "/chat/events",
                headers: [("X-Real-IP", address), ("Cookie", cookie), ("Last-Event-ID", String(lastEventID))],
                timeout: .seconds(70)))
        guard response.status == 200 else {
            throw WebChatBenchmark.Failure(description: "events answered \(response.status)")
        }
        var count = 0
        for line in String(decoding: response.body, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("id: "), let id = Int64(line.dropFirst(4)) { lastEventID = max(lastEventID, id) }
            if line.hasPrefix("data: "), line.contains(#""type":"bot""#) { count += 1 }
        }
        return count
    }
}
