import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// The desk queue and officer-initiated outbox rows, on both stores.
@Suite struct DeskEventContractTests {
    typealias F = Fixtures
    let key = ConversationKey(channel: "telegram", chat: "501")

    @Test(arguments: StoreKind.allCases)
    func deskEventsCommittedWithAStepComeBackInOrderUntilProcessed(kind: StoreKind) throws {
        try kind.withStore { store in
            let inbound = try #require(
                try store.appendInbound(
                    key: key, platformID: "u1", content: .text("موظف"), receivedAt: F.at(0), meta: [:]))
            let handoff = HandoffRequest(
                queue: "relations", reason: "طلب موظف", from: nil,
                fields: [FieldEntry(id: "nid", label: "الهوية", value: .text("1023456781"), sensitive: true)])
            try store.commit([
                StepCommit(
                    inboundID: inbound.id, key: key, state: ConversationState(), outbound: [],
                    deskEvents: [.handoff(handoff), .beneficiarySent(.text("أحتاج مساعدة عاجلة"))], committedAt: F.at(1)
                )
            ])
            let pending = try store.pendingDeskEvents(limit: 10)
            #expect(pending.map(\.event) == [.handoff(handoff), .beneficiarySent(.text("أحتاج مساعدة عاجلة"))])
            #expect(pending.allSatisfy { $0.key == key })
            try store.markDeskEventsProcessed([pending[0].id], at: F.at(2))
            #expect(try store.pendingDeskEvents(limit: 10).map(\.id) == [pending[1].id])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anOfficerEventWithTheSameIDIsQueuedOnce(kind: StoreKind) throws {
        try kind.withStore { store in
            let message = OfficerGroupMessage(
                officer: "telegram:77", officerName: "نورة", place: "12", messageID: "3", content: .text("/claim"))
            let first = try store.appendDeskEvent(
                platformID: "telegram:update:9", key: nil, event: .officerMessage(message), at: F.at(0))
            let again = try store.appendDeskEvent(
                platformID: "telegram:update:9", key: nil, event: .officerMessage(message), at: F.at(0))
            let unnamed = try store.appendDeskEvent(
                platformID: nil, key: nil, event: .officerMessage(message), at: F.at(0))
            #expect(first && !again && unnamed)
            #expect(try store.pendingDeskEvents(limit: 10).count == 2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anOfficersMessagesAreQueuedInOrderForTheBeneficiary(kind: StoreKind) throws {
        try kind.withStore { store in
            let photo = Attachment(kind: .photo, fileID: "AgAD-photo")
            try store.enqueueOutbound(
                key, [.message(OutgoingMessage(text: "مرحبًا، معك نورة")), .file(photo, caption: "صورة النموذج")],
                at: F.at(0))
            let first = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            #expect(first.payload == .message(OutgoingMessage(text: "مرحبًا، معك نورة")))
            try store.record(.sent(platformMessageID: "1"), forOutbound: first.id, at: F.at(1))
            #expect(
                try store.dueOutbound(now: F.at(1), limit: 10).first?.payload == .file(photo, caption: "صورة النموذج"))
        }
    }
}
