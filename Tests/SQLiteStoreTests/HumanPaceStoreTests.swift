import BotRuntime
import DialogCore
import Foundation
import SQLiteStore
import Testing

/// The store's two ways of writing less per update: a poller's batch stored, stepped and acknowledged in one
/// transaction, and `.sent` outcomes held until the next write.
@Suite struct HumanPaceStoreTests {
    typealias F = Fixtures
    let key = ConversationKey(channel: "telegram", chat: "4242")
    let offset = StoreSetting(key: "telegram.offset", value: "77")

    func item(_ platformID: String, _ text: String = "مرحبا") -> InboundItem {
        InboundItem(key: key, platformID: platformID, content: .text(text), receivedAt: F.at(0), meta: [:])
    }

    /// Steps each record into a commit that replies with its text and counts steps in the state.
    var stepper: InboundStepper {
        { [key] records, storedState in
            try records.map { record in
                var state = try storedState(key) ?? ConversationState()
                state.promptSequence += 1
                return StepCommit(
                    inboundID: record.id, key: record.key, state: state,
                    outbound: [.message(OutgoingMessage(text: "رد \(record.id)"))], committedAt: F.at(1))
            }
        }
    }

    @Test func aBatchIsStoredSteppedAndAcknowledgedTogetherWhenNothingOlderWaits() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let result = try store.appendInbound(
                [item("u1"), item("u1"), item("u2")], setting: offset, stepping: stepper)
            #expect(result.records.map { $0?.platformID } == ["u1", nil, "u2"])
            #expect(result.commits.count == 2)
            #expect(try store.unprocessedInbound(limit: 10).isEmpty, "stored already processed")
            #expect(try store.value(forKey: offset.key) == "77")
            #expect(try store.dueOutbound(now: F.at(2), limit: 10).count == 1, "one row per chat at a time")
            #expect(try store.outboxDepth() == 2)
        }
    }

    /// A step runs inside the batch's transaction, on the store's queue; the engine's lookups (an applicant's
    /// open request, a request by reference) read the store from there and must not queue behind themselves.
    @Test func aStepMayReadTheStoreThroughTheEnginesLookups() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let lookup = store.openRequestLookup
            let byReference = store.requestByReferenceLookup
            var looked = 0
            let result = try store.appendInbound([item("u1")], setting: offset) { records, storedState in
                #expect(lookup("1010101010", "help") == nil)
                #expect(byReference("123456789") == nil)
                looked += 1
                return try stepper(records, storedState)
            }
            #expect(looked == 1)
            #expect(result.commits.count == 1)
        }
    }

    @Test func aBacklogLeavesNewEventsToTheProcessingLoopInOrder() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            _ = try store.appendInbound([item("old")])
            let result = try store.appendInbound([item("new")], setting: offset, stepping: stepper)
            #expect(result.commits.isEmpty)
            #expect(try store.unprocessedInbound(limit: 10).map(\.platformID) == ["old", "new"])
            #expect(try store.value(forKey: offset.key) == "77", "acknowledged all the same: it is stored")
        }
    }

    @Test func heldOutcomesAreSettledAndWrittenWithTheNextTransaction() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let other = ConversationKey(channel: "telegram", chat: "5151")
            try store.enqueueOutbound(key, [F.message("١"), F.message("٢")], at: F.at(0))
            try store.enqueueOutbound(other, [F.message("أ")], at: F.at(0))
            let first = try store.dueOutbound(now: F.at(1), limit: 10)
            #expect(first.map(\.key) == [key, other])
            try store.recordHolding(
                first.map { HeldOutcomeInput(id: $0.id, key: $0.key, outcome: .sent(platformMessageID: "m")) },
                at: F.at(1))
            #expect(try store.outboxDepth() == 1, "held rows count as settled")
            // Another connection sees them pending still: held, not written.
            let reader = try SQLiteRuntimeStore(path: path)
            #expect(try reader.outboxDepth() == 3)
            #expect(try store.flushHeldOutcomes(olderThan: 60, now: Date()) != nil, "not old enough to write alone")
            // The chat's next row is due: what it held is written before that row goes out.
            let second = try store.dueOutbound(now: F.at(2), limit: 10)
            #expect(second.map(\.key) == [key])
            #expect(try reader.outboxDepth() == 1)
            try store.recordHolding(
                [HeldOutcomeInput(id: second[0].id, key: key, outcome: .sent(platformMessageID: "n"))], at: F.at(2))
            #expect(try reader.outboxDepth() == 1)
            // Any write takes held outcomes along.
            _ = try store.appendInbound([item("u9")], setting: offset, stepping: nil)
            #expect(try reader.outboxDepth() == 0)
            #expect(try store.flushHeldOutcomes(olderThan: 0, now: Date()) == nil)
        }
    }

    /// WhatsApp reports "delivered" for a message id that may still be held in memory with its "sent".
    @Test func aDeliveryStatusFindsARowWhoseSentOutcomeIsStillHeld() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            try store.enqueueOutbound(key, [F.message("١")], at: F.at(0))
            let due = try store.dueOutbound(now: F.at(1), limit: 10)
            try store.recordHolding(
                due.map { HeldOutcomeInput(id: $0.id, key: $0.key, outcome: .sent(platformMessageID: "wamid.held")) },
                at: F.at(1))
            #expect(try store.recordDeliveryStatus(platformMessageID: "wamid.held", status: "delivered", error: nil, at: F.at(2)))
            #expect(try store.deliveryStatus(platformMessageID: "wamid.held") == "delivered")
        }
    }

    @Test func anOutcomeOtherThanSentIsWrittenAtOnceWithWhatIsHeld() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let other = ConversationKey(channel: "telegram", chat: "5151")
            try store.enqueueOutbound(key, [F.message("١")], at: F.at(0))
            try store.enqueueOutbound(other, [F.message("أ")], at: F.at(0))
            let due = try store.dueOutbound(now: F.at(1), limit: 10)
            try store.recordHolding(
                [HeldOutcomeInput(id: due[0].id, key: key, outcome: .sent(platformMessageID: "m"))], at: F.at(1))
            try store.recordHolding(
                [HeldOutcomeInput(id: due[1].id, key: other, outcome: .retry(notBefore: F.at(30), reason: "HTTP 502"))],
                at: F.at(1))
            let reader = try SQLiteRuntimeStore(path: path)
            #expect(try reader.outboxDepth() == 1, "the sent row written, the retried one pending")
            #expect(try store.dueOutbound(now: F.at(31), limit: 10).map(\.key) == [other])
        }
    }

    @Test func aBlockedChatDoesNotFailARowAlreadySent() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            try store.enqueueOutbound(key, [F.message("١")], at: F.at(0))
            let due = try store.dueOutbound(now: F.at(1), limit: 10)
            try store.recordHolding(
                [HeldOutcomeInput(id: due[0].id, key: key, outcome: .sent(platformMessageID: "m"))], at: F.at(1))
            try store.markBlocked(key, at: F.at(2))
            let reader = try SQLiteRuntimeStore(path: path)
            #expect(try reader.outboxDepth() == 0)
            #expect(try reader.dueOutbound(now: F.at(3), limit: 10).isEmpty)
        }
    }

    @Test func theNextDueTimeIsAConversationsFirstPendingRowsNotALaterOnes() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            #expect(try store.nextOutboundDue() == nil, "nothing pending: the sender may sleep until woken")
            try store.enqueueOutbound(key, [F.message("١"), F.message("٢")], at: F.at(0))
            let first = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            try store.record(.retry(notBefore: F.at(30), reason: "HTTP 502"), forOutbound: first.id, at: F.at(1))
            #expect(try store.nextOutboundDue() == F.at(30), "the second row waits behind the first")
            #expect(try store.dueOutbound(now: F.at(29), limit: 10).isEmpty)
        }
    }

    @Test func holdingWithoutTheStoreThreadTakesOnlyWhatFits() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            try store.enqueueOutbound(key, [F.message("١"), F.message("٢")], at: F.at(0))
            let first = try #require(try store.dueOutbound(now: F.at(1), limit: 10).first)
            #expect(store.hold([HeldOutcomeInput(id: first.id, key: key, outcome: .sent(platformMessageID: "m"))], at: F.at(1)))
            let second = try #require(try store.dueOutbound(now: F.at(2), limit: 10).first)
            #expect(!store.hold([HeldOutcomeInput(id: second.id, key: key, outcome: .failed(reason: "x"))], at: F.at(2)))
            #expect(store.hold([HeldOutcomeInput(id: second.id, key: key, outcome: .sent(platformMessageID: "n"))], at: F.at(2)))
            #expect(try store.outboxDepth() == 0)
            #expect(try store.flushHeldOutcomes(olderThan: 0, now: Date()) == nil)
            #expect(try SQLiteRuntimeStore(path: path).outboxDepth() == 0)
        }
    }
}
