import DialogCore
import Foundation
import SafaBotTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bench telegram`: the release `safa-bot run` as a child process against the fake Bot API served
/// over loopback HTTP in this process, with simulated beneficiaries filling in the help request.
///
/// The bot runs in its own process so its CPU time and peak memory are its own, not the fake's.
struct TelegramBenchmark {
    /// What a beneficiary types to complete the shipped help request (as in the CLI tests).
    static let inputs = [
        "/start", "1", "محمد عبدالله الأحمد", "١٠٢٣٤٥٦٧٨١", "٠٥٥١٢٣٤٥٦٧", "الرياض", "٥", "٣٥٠٠", "1", "1", "تخطي",
        "البيانات صحيحة", "أقرّ وأوافق", "1",
    ]

    /// The input of `step` for one beneficiary: each types a national ID of their own, since the same ID
    /// with an open request is (rightly) refused a second request, and a late beneficiary would then
    /// never reach the replies the bench waits for.
    static func input(_ step: Int, beneficiary: Int) -> String {
        step == 3 ? nationalID(beneficiary) : inputs[step]
    }

    /// A valid Saudi national ID (1, eight digits, a Luhn check digit) distinct for each beneficiary.
    static func nationalID(_ beneficiary: Int) -> String {
        let digits = String(beneficiary % 100_000_000)
        let payload = "1" + String(repeating: "0", count: 8 - digits.count) + digits
        for check in 0...9 where FieldValidator.luhnIsValid(payload + String(check)) { return payload + String(check) }
        return inputs[3]
    }

    enum Driver: String {
        /// Each beneficiary types its next input only once every reply to the previous one arrived.
        case reactive
        /// Every input of every beneficiary is queued before the clock starts.
        case upfront
        /// Beneficiaries who pause between a reply and their next message (see `HumanPace`).
        case human
    }

    let executable: String
    let dialogs: String
    let bundle: DialogBundle
    let beneficiaries: Int
    let latency: Duration?
    let driver: Driver
    var pace = HumanPace()

    struct Result {
        var updates: Int
        var sends: Int
        var seconds: Double
        var cpuSeconds: Double
        var peakResidentMiB: Double
        /// The bot's resident memory once started, before any load.
        var idleResidentMiB: Double
        /// CPU this process (fake Bot API, HTTP server, driver) used meanwhile, in seconds.
        var fakeCPUSeconds: Double
        /// Voluntary and involuntary context switches of the bot's threads during the load.
        var contextSwitches: (voluntary: Int64, involuntary: Int64) = (0, 0)
        /// Bytes the bot made the kernel write to storage during the load (/proc/<pid>/io write_bytes).
        var writtenBytes: Int64 = 0
        /// Reply latencies (human pace only).
        var latency: LatencySummary?
        /// The bot's CPU use with nothing to do, in percent of one core (human pace only).
        var idleCPUPercent: Double?
        var switchesPerUpdate: Double {
            Double(contextSwitches.voluntary + contextSwitches.involuntary) / Double(updates)
        }
        var kibibytesWrittenPerUpdate: Double { Double(writtenBytes) / 1024 / Double(updates) }
        var updatesPerSecond: Double { Double(updates) / seconds }
        var sendsPerSecond: Double { Double(sends) / seconds }
        var cpuMillisecondsPerUpdate: Double { cpuSeconds * 1000 / Double(updates) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Replies the bot sends after each input, cumulatively (what the pure engine produces).
    func cumulativeReplies() -> [Int] {
        let engine = DialogEngine(bundle: bundle)
        var state = ConversationState()
        var total = 0
        var counts: [Int] = []
        for (index, input) in Self.inputs.enumerated() {
            let content: EventContent = input == "/start" ? .start : .text(input)
            let result = engine.step(state, Event(content, receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            total += result.effects.filter { if case .send = $0 { true } else { false } }.count
            counts.append(total)
        }
        return counts
    }

    func run() async throws -> Result {
        let fake = try FakeTelegramServer()
        let baseURL: String
        let stopServer: () -> Void
        if let latency {
            let server = SlowFakeTelegramHTTPServer(fake: fake, latency: latency)
            try server.start()
            (baseURL, stopServer) = (server.baseURL, server.stop)
        } else {
            let server = FakeTelegramHTTPServer(fake: fake)
            try server.start()
            (baseURL, stopServer) = (server.baseURL, server.stop)
        }
        defer { stopServer() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safa-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let bot = try BotProcess.telegram(
            executable: executable, apiBaseURL: baseURL, token: fake.token, directory: directory, dialogs: dialogs,
            configuration: #"{"version":1,"telegram":{"pollTimeoutSeconds":10},"http":{"enabled":false}}"#,
            environment: ["SAFA_LOG_LEVEL": ProcessInfo.processInfo.environment["SAFA_LOG_LEVEL"] ?? "warning"])
        defer { if bot.isRunning { bot.send(SIGKILL) } }
        // Start-up (loading dialogs, opening the database) is not part of the measurement.
        let deadline = Date().addingTimeInterval(60)
        while await !fake.isPolling {
            guard bot.isRunning, Date() < deadline else {
                throw Failure(
                    description: "safa-bot did not start polling; its log:\n\(bot.standardError.suffix(2000))")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        var idleCPUPercent: Double?
        if driver == .human {
            let before = bot.cpuSeconds() ?? 0
            try await Task.sleep(for: .milliseconds(Int64(pace.idleSeconds * 1000)))
            idleCPUPercent = ((bot.cpuSeconds() ?? 0) - before) * 100 / pace.idleSeconds
        }
        let cpuBefore = bot.cpuSeconds() ?? 0
        let idle = bot.residentMiB() ?? -1
        let fakeBefore = Self.ownCPUSeconds()
        let writtenBefore = bot.writtenBytes() ?? 0
        let switches = ContextSwitchTally(process: bot)
        let sampler = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                switches.sample()
            }
        }

        let cumulative = cumulativeReplies()
        let perBeneficiary = cumulative.last ?? 0
        let firstChat: Int64 = 10_000_000
        let chats = (0..<beneficiaries).map { firstChat + Int64($0) }
        var nextInput = [Int](repeating: 1, count: beneficiaries)
        var received = [Int](repeating: 0, count: beneficiaries)
        let clock = ContinuousClock()
        let started = clock.now
        switch driver {
        case .reactive:
            for chat in chats { await fake.userSends(chatID: chat, text: Self.inputs[0]) }
        case .upfront:
            for input in Self.inputs { for chat in chats { await fake.userSends(chatID: chat, text: input) } }
            nextInput = [Int](repeating: Self.inputs.count, count: beneficiaries)
        case .human:
            break
        }
        var finished = 0
        var cursor = 0
        let giveUp = Date().addingTimeInterval(600)
        // The driver waits for the fake to accept a sendMessage; this tick wakes it now and then to see
        // whether the bot is still alive (polling every millisecond cost more CPU than the fake's answers).
        let watchdog = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await fake.wakeSendMessageWaiters()
            }
        }
        defer { watchdog.cancel() }
        var latencies: [Double]?
        if driver == .human {
            latencies = try await driveHumanPace(pace, fake: fake, bot: bot, chats: chats, cumulative: cumulative)
            finished = beneficiaries
        }
        while finished < beneficiaries {
            let (batch, next) = await fake.nextSendMessageChats(since: cursor)
            cursor = next
            if batch.isEmpty {
                guard bot.isRunning, Date() < giveUp else {
                    throw Failure(
                        description:
                            "stalled with \(finished) of \(beneficiaries) done; log:\n\(bot.standardError.suffix(2000))"
                    )
                }
                continue
            }
            for chat in batch {
                let index = Int(chat - firstChat)
                guard index >= 0, index < beneficiaries else { continue }
                received[index] += 1
                let step = nextInput[index]
                if step < Self.inputs.count, received[index] == cumulative[step - 1] {
                    await fake.userSends(chatID: chat, text: Self.input(step, beneficiary: index))
                    nextInput[index] = step + 1
                } else if received[index] == perBeneficiary {
                    finished += 1
                }
            }
        }
        let elapsed = clock.now - started
        let cpuAfter = bot.cpuSeconds() ?? 0
        let fakeAfter = Self.ownCPUSeconds()
        let writtenAfter = bot.writtenBytes() ?? 0
        sampler.cancel()
        switches.sample()
        let peak = bot.peakResidentMiB() ?? -1
        bot.send(SIGTERM)
        let status = await bot.waitForExit(limit: 30)
        if status != 0 {
            print(
                "telegram: warning: safa-bot did not exit cleanly on SIGTERM (status \(status.map(String.init) ?? "none: still running after 30 s, killed")); its log ends:"
            )
            print(bot.standardError.suffix(1500))
        }
        let rejections = await fake.rejections.filter { $0.method != "getUpdates" }
        if !rejections.isEmpty { print("telegram: warning: \(rejections.count) requests refused by the fake") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(
            updates: beneficiaries * Self.inputs.count, sends: beneficiaries * perBeneficiary, seconds: seconds,
            cpuSeconds: cpuAfter - cpuBefore, peakResidentMiB: peak, idleResidentMiB: idle,
            fakeCPUSeconds: fakeAfter - fakeBefore, contextSwitches: switches.total,
            writtenBytes: writtenAfter - writtenBefore, latency: latencies.map(LatencySummary.init(milliseconds:)),
            idleCPUPercent: idleCPUPercent)
    }

    /// User + system CPU of this process so far, in seconds.
    static func ownCPUSeconds() -> Double {
        var usage = rusage()
        _ = getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
