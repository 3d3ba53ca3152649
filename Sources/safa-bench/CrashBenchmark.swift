import DialogCore
import Foundation
import SQLiteStore
import SafaBotTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `safa-bench crash USERS KILLS`: the SIGKILL guarantee, measured. The release `safa-bot run` serves USERS
/// beneficiaries completing the help request on the fake Bot API and is killed KILLS times mid-work (each
/// time after another share of the replies went out), then runs to the end and stops with SIGTERM.
///
/// Counted at the end, from the fake's record of what reached the platform and from the database:
/// - lost: expected replies a chat never received (the engine, run in this process, says what to expect);
/// - stuck: updates never processed and replies never sent (inbox and outbox left over);
/// - duplicated: a reply received twice in a row (its first send reached the platform, but the bot was
///   killed before it recorded the outcome), each with the age of that first send at the kill;
/// - duplicate references: request references filed twice (each chat must file exactly one request).
struct CrashBenchmark {
    let executable: String
    let dialogs: String
    let bundle: DialogBundle
    let users: Int
    let kills: Int

    struct Result {
        var expectedReplies = 0
        var lost = 0
        var unexpected = 0
        var stuckInbound = 0
        var stuckOutbox = 0
        var requests = 0
        var duplicateReferences = 0
        var killsDone = 0
        /// Duplicated replies, each with the age (ms) of its first send at the kill after it.
        var duplicateAges: [Double] = []
        /// Duplicates attributed to each kill, in kill order.
        var duplicatesPerKill: [Int] = []
        var seconds = 0.0
    }

    func run() async throws -> Result {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        defer { http.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safa-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let chats = (1...users).map { Int64(8_000_000 + $0) }
        var expected: [Int64: [String]] = [:]
        for chat in chats {
            expected[chat] = try ExpectedReplies.texts(for: TelegramBenchmark.inputs, chatID: chat, bundle: bundle)
        }
        var result = Result()
        result.expectedReplies = expected.values.reduce(0) { $0 + $1.count }
        for input in TelegramBenchmark.inputs {
            for chat in chats { await fake.userSends(chatID: chat, text: input) }
        }
        let started = Date()
        func launch(_ name: String) throws -> BotProcess {
            try BotProcess.telegram(
                executable: executable, apiBaseURL: http.baseURL, token: fake.token, directory: directory,
                dialogs: dialogs, logName: "\(name).log")
        }
        func sends() async -> Int { await fake.requests(method: "sendMessage").count }

        // Each kill waits for another share of the replies, so the kills spread over the whole run.
        let step = max(1, result.expectedReplies / (kills + 2))
        var killTimes: [Date] = []
        for index in 0..<kills {
            let bot = try launch("run-\(index)")
            let target = await sends() + step
            var reached = false
            for _ in 0..<1200 where !reached {
                try await Task.sleep(for: .milliseconds(50))
                reached = await sends() >= target || !bot.isRunning
            }
            guard bot.isRunning, await sends() < result.expectedReplies else {
                bot.send(SIGKILL)
                _ = await bot.waitForExit()
                break
            }
            killTimes.append(Date())
            bot.send(SIGKILL)
            _ = await bot.waitForExit()
        }
        result.killsDone = killTimes.count

        let bot = try launch("run-final")
        var idleRounds = 0
        var last = -1
        // Until every chat has every reply, or nothing has moved for 20 s (then whatever is missing is lost).
        while idleRounds < 100 {
            try await Task.sleep(for: .milliseconds(200))
            let now = await sends()
            idleRounds = now == last ? idleRounds + 1 : 0
            last = now
            var complete = true
            for chat in chats where complete {
                let texts = await fake.sentTexts(chatID: chat).map(ExpectedReplies.normalized)
                complete = ExpectedReplies.compare(actual: texts, expected: expected[chat] ?? []).missing.isEmpty
            }
            if complete { break }
        }
        bot.send(SIGTERM)
        _ = await bot.waitForExit(limit: 60)
        result.seconds = Date().timeIntervalSince(started)

        result.duplicatesPerKill = Array(repeating: 0, count: killTimes.count)
        let messages = await fake.requests(method: "sendMessage")
        for chat in chats {
            let sent = messages.filter { $0.parameters["chat_id"]?.intValue == chat }
            let texts = sent.compactMap { $0.parameters["text"]?.stringValue }.map(ExpectedReplies.normalized)
            let comparison = ExpectedReplies.compare(actual: texts, expected: expected[chat] ?? [])
            result.lost += comparison.missing.count
            result.unexpected += comparison.unexpected.count
            // The same walk as `compare`: a reply that is not the next expected one but repeats the one before.
            let wanted = expected[chat] ?? []
            var next = 0
            var repeats: [Int] = []
            for (index, text) in texts.enumerated() {
                if next < wanted.count, text == wanted[next] {
                    next += 1
                } else if index > 0, text == texts[index - 1] {
                    repeats.append(index)
                }
            }
            for index in repeats {
                let first = sent[index - 1].receivedAt
                guard let kill = killTimes.firstIndex(where: { $0 >= first }) else { continue }
                result.duplicateAges.append(killTimes[kill].timeIntervalSince(first) * 1000)
                result.duplicatesPerKill[kill] += 1
            }
        }
        let store = try SQLiteRuntimeStore(path: BotProcess.databasePath(in: directory))
        result.stuckInbound = try store.unprocessedInbound(limit: 1_000_000).count
        result.stuckOutbox = try store.outboxDepth()
        let references = try store.requests(limit: 1_000_000).map(\.reference)
        result.requests = references.count
        result.duplicateReferences = references.count - Set(references).count
        return result
    }
}
