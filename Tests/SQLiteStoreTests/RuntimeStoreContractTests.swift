import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// The implementations the shared tests run against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case sqlite

    var testDescription: String { rawValue }

    /// Runs `body` with a new, empty store of this kind (SQLite on its own temporary file).
    func withStore(_ body: (any RuntimeStore) throws -> Void) throws {
        switch self {
        case .memory:
            try body(MemoryRuntimeStore())
        case .sqlite:
            try withTemporaryDatabase { path in try body(try SQLiteRuntimeStore(path: path)) }
        }
    }
}

/// Behaviour every `RuntimeStore` must show; each test runs on the memory and the SQLite store.
@Suite struct RuntimeStoreContractTests {
    typealias F = Fixtures

    @discardableResult
    private func append(
        _ store: any RuntimeStore, _ key: ConversationKey, _ platformID: String, _ text: String = "مرحبا",
        at seconds: Double = 0
    ) throws -> InboundRecord {
        try #require(
            try store.appendInbound(
                key: key, platformID: platformID, content: .text(text), receivedAt: F.at(seconds), meta: [:]))
    }

    private func step(
        _ inbound: InboundRecord, _ outbound: [OutboundPayload] = [], state: ConversationState = ConversationState(),
        requests: [SubmittedRequest] = [], at seconds: Double = 0
    ) -> StepCommit {
        StepCommit(
            inboundID: inbound.id, key: inbound.key, state: state, outbound: outbound, requests: requests,
            committedAt: F.at(seconds))
    }

    private func texts(_ records: [OutboundRecord]) -> [String] {
        records.map { record in
            if case .message(let message) = record.payload { message.text } else { "?" }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRepeatedPlatformIDIsRecordedOnlyOnce(kind: StoreKind) throws {
        try kind.withStore { store in
            let first = try append(store, F.alice, "telegram:update:1")
            let again = try store.appendInbound(
                key: F.alice, platformID: "telegram:update:1", content: .start, receivedAt: F.at(1), meta: [:])
            #expect(again == nil)
            #expect(try store.unprocessedInbound(limit: 10) == [first])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func unprocessedInboundComesOldestFirstAndLeavesOnceCommitted(kind: StoreKind) throws {
        try kind.withStore { store in
            let a1 = try store.appendInbound(
                key: F.alice, platformID: "u1", content: .button(payload: "p:3:yes"), receivedAt: F.at(0),
                meta: ["callback_id": "cb-9"])
            let b1 = try append(store, F.bilal, "u2", at: 1)
            let a2 = try append(store, F.alice, "u3", at: 2)
            let first = try #require(a1)
            #expect(first.id < b1.id && b1.id < a2.id)
            #expect(try store.unprocessedInbound(limit: 10) == [first, b1, a2])
            #expect(try store.unprocessedInbound(limit: 2) == [first, b1])

            try store.commit([step(first)])
            #expect(try store.unprocessedInbound(limit: 10) == [b1, a2])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aFailingCommitLeavesNothingBehind(kind: StoreKind) throws {
        try kind.withStore { store in
            let earlier = try append(store, F.alice, "u0")
            try store.commit([step(earlier, requests: [F.request("SAFA-1", at: 1)])])

            let a = try append(store, F.alice, "u1", at: 2)
            let b = try append(store, F.bilal, "u2", at: 3)
            var state = ConversationState()
            state.promptSequence = 99
            let batch = [
                step(a, [F.message("first")], state: state, requests: [F.request("SAFA-2", at: 4)]),
                step(b, [F.message("second")], state: state, requests: [F.request("SAFA-1", at: 5)]),  // reused
            ]
            #expect(throws: RuntimeStoreError.duplicateRequestReference) { try store.commit(batch) }

            #expect(try store.unprocessedInbound(limit: 10) == [a, b])
            #expect(try store.conversation(F.alice) == ConversationState())
            #expect(try store.conversation(F.bilal) == nil)
            #expect(try store.outboxDepth() == 0)
            #expect(try store.requests(limit: 10).map(\.reference) == ["SAFA-1"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func anInboundEventCannotBeCommittedTwice(kind: StoreKind) throws {
        try kind.withStore { store in
            let inbound = try append(store, F.alice, "u1")
            try store.commit([step(inbound, [F.message("hello")])])
            #expect(throws: RuntimeStoreError.inboundAlreadyProcessed(id: inbound.id)) {
                try store.commit([step(inbound, [F.message("hello")])])
            }
            #expect(throws: RuntimeStoreError.unknownInbound(id: inbound.id + 100)) {
                try store.commit([
                    StepCommit(
                        inboundID: inbound.id + 100, key: F.alice, state: .init(), outbound: [], committedAt: F.start)
                ])
            }
            #expect(try store.outboxDepth() == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func eachChatsMessagesGoOutInOrderWhileChatsInterleave(kind: StoreKind) throws {
        try kind.withStore { store in
            let a1 = try append(store, F.alice, "u1")
            let b1 = try append(store, F.bilal, "u2")
            let a2 = try append(store, F.alice, "u3")
            let b2 = try append(store, F.bilal, "u4")
            try store.commit([step(a1, [F.message("A1"), F.message("A2")])])
            try store.commit([step(b1, [F.message("B1")]), step(a2, [F.message("A3")])])
            try store.commit([step(b2, [F.message("B2")])])
            #expect(try store.outboxDepth() == 5)

            let now = F.at(10)
            var due = try store.dueOutbound(now: now, limit: 10)
            #expect(texts(due) == ["A1", "B1"])
            #expect(texts(try store.dueOutbound(now: now, limit: 1)) == ["A1"])

            try store.record(.sent(platformMessageID: "m1"), forOutbound: due[0].id, at: now)
            due = try store.dueOutbound(now: now, limit: 10)
            // Oldest first across chats: A2 was queued before B1.
            #expect(texts(due) == ["A2", "B1"])

            try store.record(.sent(platformMessageID: nil), forOutbound: due[0].id, at: now)
            try store.record(.sent(platformMessageID: "m3"), forOutbound: due[1].id, at: now)
            #expect(texts(try store.dueOutbound(now: now, limit: 10)) == ["A3", "B2"])
            #expect(try store.outboxDepth() == 2)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRetriedRowWaitsForItsTimeAndHoldsBackItsChat(kind: StoreKind) throws {
        try kind.withStore { store in
            let a = try append(store, F.alice, "u1")
            let b = try append(store, F.bilal, "u2")
            try store.commit([step(a, [F.message("A1"), F.message("A2")]), step(b, [F.message("B1")])])

            let first = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            try store.record(.retry(notBefore: F.at(30), reason: "HTTP 429"), forOutbound: first.id, at: F.at(1))

            // A1 waits, and A2 must not overtake it; the other chat is unaffected.
            #expect(texts(try store.dueOutbound(now: F.at(29), limit: 10)) == ["B1"])
            let later = try store.dueOutbound(now: F.at(30), limit: 10)
            #expect(texts(later) == ["A1", "B1"])
            #expect(later[0].attempts == 1)
            #expect(later[0].notBefore == F.at(30))

            try store.record(.failed(reason: "HTTP 400"), forOutbound: first.id, at: F.at(31))
            #expect(texts(try store.dueOutbound(now: F.at(31), limit: 10)) == ["A2", "B1"])
            #expect(try store.outboxDepth() == 2)
            // Outcomes after the row finished change nothing.
            try store.record(.sent(platformMessageID: "late"), forOutbound: first.id, at: F.at(32))
            #expect(try store.outboxDepth() == 2)
            #expect(throws: RuntimeStoreError.unknownOutbound(id: 999)) {
                try store.record(.sent(platformMessageID: nil), forOutbound: 999, at: F.at(32))
            }
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aPartlySentRowComesBackWithItsDeliveredPartsCounted(kind: StoreKind) throws {
        try kind.withStore { store in
            let a = try append(store, F.alice, "u1")
            try store.commit([step(a, [F.message("رسالة طويلة"), F.message("A2")])])
            let row = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            #expect(row.partsSent == 0)

            try store.record(
                .partlySent(parts: 2, notBefore: F.at(20), reason: "HTTP 502"), forOutbound: row.id, at: F.at(1))
            #expect(try store.dueOutbound(now: F.at(19), limit: 10).isEmpty)
            let retried = try #require(try store.dueOutbound(now: F.at(20), limit: 10).first)
            #expect(retried.id == row.id)
            #expect(retried.partsSent == 2)
            #expect(retried.attempts == 1)

            // A later attempt that got less far never lowers the count; a plain retry keeps it.
            try store.record(
                .partlySent(parts: 1, notBefore: F.at(40), reason: "HTTP 502"), forOutbound: row.id, at: F.at(21))
            try store.record(.retry(notBefore: F.at(50), reason: "timeout"), forOutbound: row.id, at: F.at(41))
            let again = try #require(try store.dueOutbound(now: F.at(50), limit: 10).first)
            #expect(again.partsSent == 2)
            #expect(again.attempts == 3)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aBlockedConversationGetsNothingUntilItsUserWritesAgain(kind: StoreKind) throws {
        try kind.withStore { store in
            let a = try append(store, F.alice, "u1")
            let b = try append(store, F.bilal, "u2")
            try store.commit([step(a, [F.message("A1"), F.message("A2")]), step(b, [F.message("B1")])])

            #expect(try !store.isBlocked(F.alice))
            try store.markBlocked(F.alice, at: F.at(1))
            #expect(try store.isBlocked(F.alice))
            #expect(texts(try store.dueOutbound(now: F.at(2), limit: 10)) == ["B1"])
            #expect(try store.outboxDepth() == 1)

            // Still blocked: what a later step adds for this chat fails at once.
            let pending = try append(store, F.bilal, "u3")
            try store.commit([
                StepCommit(
                    inboundID: pending.id, key: F.alice, state: .init(), outbound: [F.message("A3")],
                    committedAt: F.at(3))
            ])
            #expect(try store.outboxDepth() == 1)

            // A stranger can be marked too (no state yet), and stays a new conversation.
            let stranger = ConversationKey(channel: "telegram", chat: "777")
            try store.markBlocked(stranger, at: F.at(3))
            #expect(try store.isBlocked(stranger))
            #expect(try store.conversation(stranger) == nil)

            // Writing again proves the user unblocked the bot.
            let back = try append(store, F.alice, "u4", at: 5)
            #expect(try !store.isBlocked(F.alice))
            try store.commit([step(back, [F.message("A4")], at: 5)])
            #expect(texts(try store.dueOutbound(now: F.at(6), limit: 10)) == ["B1", "A4"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aConversationStateComesBackExactlyAsSaved(kind: StoreKind) throws {
        try kind.withStore { store in
            let inbound = try append(store, F.alice, "u1", "أريد التقديم على طلب مساعدة")
            #expect(try store.conversation(F.alice) == nil)
            try store.commit([step(inbound, state: F.richState)])
            #expect(try store.conversation(F.alice) == F.richState)

            var next = F.richState
            next.phase = .withOfficer(queue: "العلاقات")
            let second = try append(store, F.alice, "u2")
            try store.commit([step(second, state: next)])
            #expect(try store.conversation(F.alice) == next)
            #expect(try store.unprocessedInbound(limit: 1).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func outboundPayloadsAndInboundContentRoundTrip(kind: StoreKind) throws {
        try kind.withStore { store in
            let content = EventContent.attachment(Attachment(kind: .document, fileID: "F-1", fileName: "صك.pdf"))
            let inbound = try #require(
                try store.appendInbound(
                    key: F.alice, platformID: "u1", content: content, receivedAt: F.at(0.25), meta: ["k": "v"]))
            #expect(try store.unprocessedInbound(limit: 1).first == inbound)
            let payloads: [OutboundPayload] = [
                .message(OutgoingMessage(text: "اختر:", buttons: [Button(payload: "p:1:a", label: "نعم")])),
                .readReceipt(platformMessageID: "wamid.HBgL-1"),
            ]
            try store.commit([step(inbound, payloads)])
            let first = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            #expect(first.payload == payloads[0])
            #expect(first.key == F.alice)
            #expect(first.attempts == 0)
            try store.record(.sent(platformMessageID: "1"), forOutbound: first.id, at: F.at(1))
            #expect(try store.dueOutbound(now: F.at(1), limit: 10).map(\.payload) == [payloads[1]])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func settingsAreStoredReplacedAndDeleted(kind: StoreKind) throws {
        try kind.withStore { store in
            #expect(try store.value(forKey: "telegram.offset") == nil)
            try store.setValue("100", forKey: "telegram.offset")
            try store.setValue("101", forKey: "telegram.offset")
            try store.setValue("نص", forKey: "other")
            #expect(try store.value(forKey: "telegram.offset") == "101")
            try store.setValue(nil, forKey: "telegram.offset")
            #expect(try store.value(forKey: "telegram.offset") == nil)
            #expect(try store.value(forKey: "other") == "نص")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func requestsComeBackNewestFirst(kind: StoreKind) throws {
        try kind.withStore { store in
            let a = try append(store, F.alice, "u1")
            let b = try append(store, F.bilal, "u2")
            var noAttestation = F.request("SAFA-3", at: 20)
            noAttestation.attestation = nil
            try store.commit([step(a, requests: [F.request("SAFA-1", at: 10), noAttestation])])
            try store.commit([step(b, requests: [F.request("SAFA-2", at: 15)])])

            let all = try store.requests(limit: 10)
            #expect(all.map(\.reference) == ["SAFA-3", "SAFA-2", "SAFA-1"])
            #expect(all[0] == noAttestation)
            #expect(all[2] == F.request("SAFA-1", at: 10))
            #expect(try store.requests(limit: 1).map(\.reference) == ["SAFA-3"])
        }
    }
}
