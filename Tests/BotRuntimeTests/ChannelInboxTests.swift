import BotRuntime
import DialogCore
import Foundation
import Synchronization
import Testing

/// Another channel plugs into the runtime through `ChannelInbox` and meta keys alone: its events are stored
/// once, processed like Telegram's, and a read receipt it asks for goes out before the replies.
@Suite struct ChannelInboxTests {
    static let key = ConversationKey(channel: "whatsapp", chat: "966501234567")

    static func shippedDialogs() throws -> DialogBundle {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try #require(DialogLoader.load(directory: root.appending(path: "dialogs")).bundle)
    }

    @Test func eventsAreStoredOnceAndAReadReceiptPrecedesTheReplies() async throws {
        let store = MemoryRuntimeStore()
        let woken = Mutex(0)
        let inbox = ChannelInbox(
            store: store, executor: BlockingExecutor(label: "test.store"), metrics: RuntimeMetrics(),
            onAccepted: { woken.withLock { $0 += 1 } })
        let item = InboundItem(
            key: Self.key, platformID: "whatsapp:wamid.HBgLOTY2NTAxMjM0NTY3FQIAEhgg", content: .text("السلام عليكم"),
            receivedAt: Date(timeIntervalSince1970: 1_767_500_000),
            meta: [InboundMeta.readReceiptID: "wamid.HBgLOTY2NTAxMjM0NTY3FQIAEhgg"])

        let first = try await inbox.accept([item])
        let retried = try await inbox.accept([item])
        #expect(first.count == 1 && first[0] != nil)
        #expect(retried == [nil], "Meta's retry of the same message is not stored again")
        #expect(woken.withLock { $0 } == 1)

        let processed = try InboxProcessor(store: store, dialogs: DialogHolder(try Self.shippedDialogs()))
            .processPending(now: Date(timeIntervalSince1970: 1_767_500_001))
        let outbound = try #require(processed.first?.commit.outbound)
        #expect(outbound.first == .readReceipt(platformMessageID: "wamid.HBgLOTY2NTAxMjM0NTY3FQIAEhgg"))
        #expect(outbound.dropFirst().contains { if case .message = $0 { true } else { false } })
        #expect(try store.unprocessedInbound(limit: 10).isEmpty)
    }
}
