import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// Batched appends and outcomes behave like their one-by-one forms, on both stores.
@Suite struct BatchContractTests {
    typealias F = Fixtures
    let key = ConversationKey(channel: "telegram", chat: "808")

    @Test(arguments: StoreKind.allCases)
    func aBatchOfInboundEventsKeepsOrderAndMarksDuplicates(kind: StoreKind) throws {
        try kind.withStore { store in
            _ = try store.appendInbound(
                key: key, platformID: "u2", content: .text("قبل"), receivedAt: F.at(0), meta: [:])
            let items = ["u1", "u2", "u3"].map {
                InboundItem(
                    key: key, platformID: $0, content: .text("رسالة \($0)"), receivedAt: F.at(1), meta: ["m": $0])
            }
            let records = try store.appendInbound(items)
            #expect(records.map { $0?.platformID } == ["u1", nil, "u3"])
            #expect(try store.unprocessedInbound(limit: 10).map(\.platformID) == ["u2", "u1", "u3"])
            #expect(records[2]?.meta == ["m": "u3"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func outcomesOfARoundAreRecordedTogether(kind: StoreKind) throws {
        try kind.withStore { store in
            let other = ConversationKey(channel: "telegram", chat: "909")
            try store.enqueueOutbound(key, [.message(OutgoingMessage(text: "أ"))], at: F.at(0))
            try store.enqueueOutbound(other, [.message(OutgoingMessage(text: "ب"))], at: F.at(0))
            let due = try store.dueOutbound(now: F.at(1), limit: 10)
            #expect(due.count == 2)
            try store.record(
                [
                    (id: due[0].id, outcome: .sent(platformMessageID: "1")),
                    (id: due[1].id, outcome: .retry(notBefore: F.at(60), reason: "HTTP 502")),
                ],
                at: F.at(1))
            #expect(try store.dueOutbound(now: F.at(2), limit: 10).isEmpty)
            #expect(try store.dueOutbound(now: F.at(61), limit: 10).map(\.key) == [other])
            #expect(try store.outboxDepth() == 1)
        }
    }
}
