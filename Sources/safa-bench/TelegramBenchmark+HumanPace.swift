import Foundation
import SafaBotTestSupport

/// The human-pace load: beneficiaries who read, think and type. Each one's first message comes at its own
/// moment, spread evenly over `spreadSeconds`; every next message `thinkSeconds` after the last reply to the
/// previous one arrived. Nothing is left to batch, so each update pays the runtime's fixed costs in full.
struct HumanPace {
    var thinkSeconds: Double = 3
    var spreadSeconds: Double = 30
    /// How long the bot is watched with nothing to do before the load starts (its idle CPU).
    var idleSeconds: Double = Double(ProcessInfo.processInfo.environment["SAFA_BENCH_IDLE_SECONDS"] ?? "") ?? 20
}

/// Reply latency in milliseconds: from a beneficiary's message reaching the fake Bot API to the last reply
/// to it being accepted there (long polling, processing, the store and every sendMessage in between).
struct LatencySummary {
    var p50: Double
    var p99: Double

    init(milliseconds: [Double]) {
        let sorted = milliseconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
        }
        p50 = percentile(0.50)
        p99 = percentile(0.99)
    }
}

extension TelegramBenchmark {
    /// Runs the human-pace load to its end; returns every step's reply latency in milliseconds.
    func driveHumanPace(
        _ pace: HumanPace, fake: FakeTelegramServer, bot: BotProcess, chats: [Int64], cumulative: [Int]
    ) async throws -> [Double] {
        let clock = ContinuousClock()
        let started = clock.now
        let count = chats.count
        let firstChat = chats.first ?? 0
        let think = Duration.milliseconds(Int64(pace.thinkSeconds * 1000))
        func startTime(_ index: Int) -> ContinuousClock.Instant {
            started + .milliseconds(Int64(pace.spreadSeconds * 1000 * Double(index) / Double(max(1, count))))
        }
        var sentInputs = [Int](repeating: 0, count: count)
        var received = [Int](repeating: 0, count: count)
        var sentAt = [ContinuousClock.Instant](repeating: started, count: count)
        // Think times are all equal, so next messages fall due in the order their replies completed.
        var thinking: [(due: ContinuousClock.Instant, index: Int)] = []
        var thinkingHead = 0
        var nextStart = 0
        var latencies: [Double] = []
        latencies.reserveCapacity(count * Self.inputs.count)
        var finished = 0
        var cursor = 0
        let giveUp = Date().addingTimeInterval(600)

        func send(_ index: Int) async {
            sentAt[index] = clock.now
            await fake.userSends(chatID: chats[index], text: Self.input(sentInputs[index], beneficiary: index))
            sentInputs[index] += 1
        }

        while finished < count {
            let now = clock.now
            while nextStart < count, startTime(nextStart) <= now {
                await send(nextStart)
                nextStart += 1
            }
            while thinkingHead < thinking.count, thinking[thinkingHead].due <= now {
                await send(thinking[thinkingHead].index)
                thinkingHead += 1
            }
            if thinkingHead > 4096 {
                thinking.removeFirst(thinkingHead)
                thinkingHead = 0
            }
            let dues = [
                nextStart < count ? startTime(nextStart) : nil,
                thinkingHead < thinking.count ? thinking[thinkingHead].due : nil,
            ].compactMap { $0 }
            // Wakes the wait below when the next message falls due (a reply or the watchdog may come first).
            let alarm = dues.min().map { due in
                Task {
                    do {
                        try await clock.sleep(until: due)
                        await fake.wakeSendMessageWaiters()
                    } catch {}
                }
            }
            let (batch, next) = await fake.nextSendMessageChats(since: cursor)
            alarm?.cancel()
            cursor = next
            guard bot.isRunning, Date() < giveUp else {
                throw Failure(
                    description:
                        "human pace stalled with \(finished) of \(count) done; log:\n\(bot.standardError.suffix(2000))")
            }
            let arrived = clock.now
            for chat in batch {
                let index = Int(chat - firstChat)
                guard index >= 0, index < count else { continue }
                received[index] += 1
                let step = sentInputs[index]
                guard step > 0, received[index] == cumulative[step - 1] else { continue }
                let waited = arrived - sentAt[index]
                latencies.append(
                    Double(waited.components.seconds) * 1000 + Double(waited.components.attoseconds) / 1e15)
                if step < Self.inputs.count {
                    thinking.append((arrived + think, index))
                } else {
                    finished += 1
                }
            }
        }
        return latencies
    }
}
