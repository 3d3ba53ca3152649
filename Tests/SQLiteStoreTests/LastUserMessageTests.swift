import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// The store knows when each beneficiary last wrote on their channel (WhatsApp's 24-hour window), in both
/// stores alike; the desk's own inbox events (hand-backs) do not count.
@Suite struct LastUserMessageTests {
    func check(_ store: any RuntimeStore) throws {
        let key = ConversationKey(channel: "whatsapp", chat: "966500000001")
        #expect(try store.lastUserMessage(key) == nil)
        let first = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try store.appendInbound(key: key, platformID: "whatsapp:wamid.1", content: .text("a"), receivedAt: first, meta: [:])
        _ = try store.appendInbound(
            key: key, platformID: "whatsapp:wamid.2", content: .text("b"), receivedAt: first.addingTimeInterval(60), meta: [:])
        _ = try store.appendInbound(
            key: key, platformID: "desk:handback:C1:1", content: .handBack(node: nil, survey: false),
            receivedAt: first.addingTimeInterval(3600), meta: [:])
        _ = try store.appendInbound(
            key: ConversationKey(channel: "whatsapp", chat: "other"), platformID: "whatsapp:wamid.3", content: .text("c"),
            receivedAt: first.addingTimeInterval(7200), meta: [:])
        #expect(try store.lastUserMessage(key) == first.addingTimeInterval(60))
    }

    @Test func sqliteStore() throws {
        try withTemporaryDatabase { path in try check(try SQLiteRuntimeStore(path: path)) }
    }

    @Test func memoryStore() throws { try check(MemoryRuntimeStore()) }
}
