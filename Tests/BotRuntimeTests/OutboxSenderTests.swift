import DialogCore
import Foundation
import Synchronization
import Testing

@testable import BotRuntime

/// A channel whose deliveries to one chat hang until released; the others succeed at once.
private final class GatedSender: ChannelSender, Sendable {
    private struct Gate {
        var open = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    let channel = "test"
    let slowChat: String
    private let gate = Mutex(Gate())

    init(slowChat: String) { self.slowChat = slowChat }

    func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        if record.key.chat == slowChat {
            await withCheckedContinuation { continuation in
                let resumeNow = gate.withLock { gate in
                    if !gate.open { gate.waiting.append(continuation) }
                    return gate.open
                }
                if resumeNow { continuation.resume() }
            }
        }
        return .sent(platformMessageID: "m\(record.id)")
    }

    func release() {
        let waiting = gate.withLock { gate in
            gate.open = true
            defer { gate.waiting.removeAll() }
            return gate.waiting
        }
        for continuation in waiting { continuation.resume() }
    }
}

@Suite struct OutboxSenderTests {
    @Test func outcomesAreRecordedInBatchesAsTheyArriveNotWhenTheSlowestSendOfTheRoundEnds() async throws {
        let store = MemoryRuntimeStore()
        let now = Date()
        for chat in ["slow", "a", "b", "c"] {
            try store.enqueueOutbound(
                ConversationKey(channel: "test", chat: chat), [.message(OutgoingMessage(text: "مرحبًا"))], at: now)
        }
        let channel = GatedSender(slowChat: "slow")
        let sender = OutboxSender(
            store: store, executor: BlockingExecutor(label: "test.store"), senders: [channel], rateLimits: [:],
            metrics: RuntimeMetrics(), logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)),
            configuration: OutboxSender.Configuration(outcomeBatchSize: 3))

        let round = Task { await sender.round(now: now) }
        // While the slow send hangs, the three fast ones (one batch) are already recorded as sent.
        var depth = try store.outboxDepth()
        for _ in 0..<2_000 where depth != 1 {
            try await Task.sleep(for: .milliseconds(5))
            depth = try store.outboxDepth()
        }
        #expect(depth == 1)
        channel.release()
        _ = await round.value
        #expect(try store.outboxDepth() == 0)
    }

    @Test func everyOutcomeOfARoundIsRecordedWhenBatchesDoNotDivideIt() async throws {
        let store = MemoryRuntimeStore()
        let now = Date()
        for chat in 0..<50 {
            try store.enqueueOutbound(
                ConversationKey(channel: "test", chat: "c\(chat)"), [.message(OutgoingMessage(text: "رد \(chat)"))],
                at: now)
        }
        let channel = GatedSender(slowChat: "none")
        let sender = OutboxSender(
            store: store, executor: BlockingExecutor(label: "test.store"), senders: [channel], rateLimits: [:],
            metrics: RuntimeMetrics(), logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)),
            configuration: OutboxSender.Configuration(outcomeBatchSize: 7))
        _ = await sender.round(now: now)
        #expect(try store.outboxDepth() == 0)
        #expect(sender.metrics.sends("sent") == 50)
    }
}
