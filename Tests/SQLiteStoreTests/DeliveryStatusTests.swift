import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// WhatsApp's `statuses` recorded against the outbox row that sent the message, whatever order they come in.
@Suite struct DeliveryStatusTests {
    func sentRow(_ store: any RuntimeStore) throws -> Int64 {
        let key = ConversationKey(channel: "whatsapp", chat: "966500000001")
        try store.enqueueOutbound(key, [.message(OutgoingMessage(text: "مرحبا"))], at: Date())
        let row = try #require(try store.dueOutbound(now: Date().addingTimeInterval(1), limit: 1).first)
        try store.record(.sent(platformMessageID: "wamid.out1"), forOutbound: row.id, at: Date())
        return row.id
    }

    @Test func sqliteStoreKeepsTheFurthestStatus() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            _ = try sentRow(store)
            #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.out1", status: "sent", error: nil, at: Date()))
            #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.out1", status: "read", error: nil, at: Date()))
            // A late "delivered" does not move it back.
            #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.out1", status: "delivered", error: nil, at: Date()))
            #expect(try store.deliveryStatus(platformMessageID: "wamid.out1") == "read")
            #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.unknown", status: "read", error: nil, at: Date()) == false)
        }
    }

    @Test func failuresAreKeptWithTheirError() throws {
        let store = MemoryRuntimeStore()
        _ = try sentRow(store)
        #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.out1", status: "failed", error: "131026 Message undeliverable", at: Date()))
        #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.out1", status: "read", error: nil, at: Date()))
        #expect(store.deliveryStatus(platformMessageID: "wamid.out1") == "failed")
    }
}
