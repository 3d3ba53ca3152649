import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `safa-bot` binary, killed with SIGKILL mid-work and restarted, against the fake Bot API.
@Suite(.serialized) struct CrashRecoveryTests {
    /// A fake Bot API over HTTP plus a temporary folder for the bot's database, config and logs.
    struct Harness {
        let fake: FakeTelegramServer
        let http: FakeTelegramHTTPServer
        let directory: URL
        let executable: String

        init() throws {
            guard let executable = BotProcess.builtExecutable(named: "safa-bot") else {
                throw HarnessError(
                    "safa-bot is not built next to the test bundle (\(CommandLine.arguments.first ?? "?")); "
                        + "run `swift build` first (`make test` does)")
            }
            self.executable = executable
            fake = try FakeTelegramServer()
            http = FakeTelegramHTTPServer(fake: fake)
            try http.start()
            directory = try TestEnvironment.temporaryDirectory()
        }

        /// Sends are paced (60 a second for the whole bot) so a kill aimed at a fraction of the replies lands
        /// mid-run even when a busy machine starves this test's polling for seconds: unpaced, the bot can
        /// send all 1,800 replies before the kill arrives.
        static let pacing = ["TELEGRAM_GLOBAL_RATE": "60"]

        func launch(_ name: String, configuration: String? = nil) throws -> BotProcess {
            if let configuration {
                return try BotProcess.telegram(
                    executable: executable, apiBaseURL: http.baseURL, token: fake.token, directory: directory,
                    dialogs: TestEnvironment.dialogs, configuration: configuration, environment: Self.pacing,
                    logName: "\(name).log")
            }
            return try BotProcess.telegram(
                executable: executable, apiBaseURL: http.baseURL, token: fake.token, directory: directory,
                dialogs: TestEnvironment.dialogs, environment: Self.pacing, logName: "\(name).log")
        }

        func sendCount() async -> Int { await fake.requests(method: "sendMessage").count }

        func openStore() throws -> SQLiteRuntimeStore {
            try SQLiteRuntimeStore(path: BotProcess.databasePath(in: directory))
        }

        func stop() {
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    struct HarnessError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let chats = (1...100).map { Int64(7_000_000 + $0) }

    @Test func killedTwiceMidRunEveryBeneficiaryGetsEveryReplyOnceAndEveryUpdateIsProcessedOnce() async throws {
        let harness = try Harness()
        defer { harness.stop() }
        let bundle = try TestEnvironment.shippedDialogs()
        var expected: [Int64: [String]] = [:]
        for chat in Self.chats {
            expected[chat] = try ExpectedReplies.texts(
                for: TestEnvironment.helpRequestInputs, chatID: chat, bundle: bundle)
        }
        let total = expected.values.reduce(0) { $0 + $1.count }
        for input in TestEnvironment.helpRequestInputs {
            for chat in Self.chats { await harness.fake.userSends(chatID: chat, text: input) }
        }

        // Kill at two different points of the run, each time once the fake has seen part of the replies.
        var killedAt: [Int] = []
        for (index, fraction) in [0.2, 0.6].enumerated() {
            let bot = try harness.launch("run-\(index)")
            let target = Int(Double(total) * fraction)
            // The fake kills the bot as it accepts the target's reply: a test task polling for it could be
            // late, under a parallel test run, by more than the bot needs to finish everything.
            await harness.fake.whenSent(target) { bot.send(SIGKILL) }
            let reached = await TestEnvironment.eventually(limit: 60) { await harness.sendCount() >= target }
            bot.send(SIGKILL)
            let status = await bot.waitForExit()
            killedAt.append(await harness.sendCount())
            try #require(
                reached,
                "the bot sent fewer than \(target) replies before the kill; log: \(bot.standardError.suffix(2000))")
            #expect(status == 128 + SIGKILL)
        }
        #expect(
            killedAt[0] < total && killedAt[1] < total, "both kills hit a bot still at work: \(killedAt) of \(total)")

        let bot = try harness.launch("run-final")
        func comparisons() async -> [Int64: ExpectedReplies.Comparison] {
            var result: [Int64: ExpectedReplies.Comparison] = [:]
            for chat in Self.chats {
                let actual = await harness.fake.sentTexts(chatID: chat).map(ExpectedReplies.normalized)
                result[chat] = ExpectedReplies.compare(actual: actual, expected: expected[chat] ?? [])
            }
            return result
        }
        let finished = await TestEnvironment.eventually(limit: 90) {
            await comparisons().values.allSatisfy { $0.missing.isEmpty }
        }
        // SIGTERM: a clean exit once everything is delivered.
        bot.send(SIGTERM)
        let status = await bot.waitForExit(limit: 30)
        #expect(status == 0, "SIGTERM ends the bot cleanly; log: \(bot.standardError.suffix(2000))")
        #expect(finished, "every chat got every reply")

        let results = await comparisons()
        let kills = killedAt.count
        var duplicates = 0
        for chat in Self.chats {
            let comparison = try #require(results[chat])
            #expect(
                comparison.isComplete,
                "chat \(chat): missing \(comparison.missing.prefix(2)), unexpected \(comparison.unexpected.prefix(2))")
            #expect(
                comparison.duplicates <= kills, "chat \(chat) got \(comparison.duplicates) repeats over \(kills) kills")
            duplicates += comparison.duplicates
        }
        // A repeat is a send in flight at a kill: at most one per conversation per kill.
        #expect(duplicates <= kills * Self.chats.count)
        print("crash recovery: \(total) replies expected, kills at \(killedAt) sends, \(duplicates) repeated replies")

        let store = try harness.openStore()
        #expect(try store.unprocessedInbound(limit: 10).isEmpty, "every update was processed")
        #expect(
            try store.requests(limit: 1000).count == Self.chats.count,
            "each update processed once: one request per chat")
        #expect(try store.outboxDepth() == 0)
        let rejections = await harness.fake.rejections.filter { !($0.method == "getUpdates" && $0.status == 409) }
        #expect(rejections.isEmpty, "no request broke the Bot API spec: \(rejections.prefix(3))")
    }

    @Test func sigtermMidRunExitsCleanlyAndLeavesNothingUnprocessed() async throws {
        let harness = try Harness()
        defer { harness.stop() }
        for input in TestEnvironment.helpRequestInputs {
            for chat in Self.chats { await harness.fake.userSends(chatID: chat, text: input) }
        }
        let bot = try harness.launch("run")
        let reached = await TestEnvironment.eventually(limit: 60) { await harness.sendCount() >= 100 }
        bot.send(SIGTERM)
        let status = await bot.waitForExit(limit: 30)
        #expect(reached)
        #expect(status == 0, "log: \(bot.standardError.suffix(2000))")
        let store = try harness.openStore()
        #expect(
            try store.unprocessedInbound(limit: 10).isEmpty, "what was taken from Telegram was processed before exit")
    }
}
