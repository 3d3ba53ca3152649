import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import SQLiteStore

/// What only the SQLite store can show: durability across reopening and across connections.
@Suite struct SQLiteRuntimeStoreTests {
    typealias F = Fixtures

    @Test func reopeningTheFileKeepsEverything() throws {
        try withTemporaryDatabase { path in
            var pendingInbound: InboundRecord?
            var lastID: Int64 = 0
            do {
                let store = try SQLiteRuntimeStore(path: path)
                let a = try #require(
                    try store.appendInbound(
                        key: F.alice, platformID: "u1", content: .start, receivedAt: F.start, meta: [:]))
                pendingInbound = try store.appendInbound(
                    key: F.bilal, platformID: "u2", content: .text("السلام عليكم"), receivedAt: F.at(1),
                    meta: ["callback_id": "x"])
                try store.commit([
                    StepCommit(
                        inboundID: a.id, key: F.alice, state: F.richState,
                        outbound: [F.message("أهلاً"), F.message("اختر")], requests: [F.request("SAFA-9", at: 2)],
                        handoffs: [HandoffRequest(queue: "relations", reason: "طلب موظف", from: nil, fields: [])],
                        surveys: [
                            SurveyAnswer(node: NodeRef(flow: "survey", node: "rate"), rating: "5", answeredAt: F.at(3))
                        ],
                        committedAt: F.at(2))
                ])
                try store.setValue("42", forKey: "telegram.offset")
                try store.markBlocked(ConversationKey(channel: "telegram", chat: "555"), at: F.at(3))
                lastID = try #require(pendingInbound).id
            }

            // Simulate a restart: the first store is gone; a new one opens the same file.
            let store = try SQLiteRuntimeStore(path: path)
            #expect(try store.unprocessedInbound(limit: 10) == [try #require(pendingInbound)])
            #expect(try store.conversation(F.alice) == F.richState)
            #expect(try store.dueOutbound(now: F.at(5), limit: 10).map(\.payload) == [F.message("أهلاً")])
            #expect(try store.outboxDepth() == 2)
            #expect(try store.requests(limit: 10) == [F.request("SAFA-9", at: 2)])
            #expect(try store.value(forKey: "telegram.offset") == "42")
            #expect(try store.isBlocked(ConversationKey(channel: "telegram", chat: "555")))
            let counts = try store.withDatabase { db, _ in
                try db.query("SELECT (SELECT COUNT(*) FROM handoffs), (SELECT COUNT(*) FROM surveys)") {
                    [$0.int(0), $0.int(1)]
                }
            }
            #expect(counts == [[1, 1]])

            // Inbox ids never repeat, even after the newest row is deleted (AUTOINCREMENT).
            try store.withDatabase { db, _ in try db.execute("DELETE FROM inbox WHERE id = ?", [.integer(lastID)]) }
            let next = try #require(
                try store.appendInbound(key: F.alice, platformID: "u3", content: .start, receivedAt: F.at(6), meta: [:])
            )
            #expect(next.id == lastID + 1)
        }
    }

    @Test func whatTheStoreCommitsIsVisibleToASecondConnection() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let other = try Database(path: path)
            let inbound = try #require(
                try store.appendInbound(key: F.alice, platformID: "u1", content: .start, receivedAt: F.start, meta: [:])
            )
            try store.commit([
                StepCommit(
                    inboundID: inbound.id, key: F.alice, state: F.richState, outbound: [F.message("1")],
                    committedAt: F.start)
            ])
            #expect(try other.query("SELECT COUNT(*) FROM inbox WHERE processed_at IS NOT NULL") { $0.int(0) } == [1])
            #expect(try other.query("SELECT status FROM outbox") { $0.string(0) } == ["pending"])

            // A failed batch is invisible to the other connection too.
            let second = try #require(
                try store.appendInbound(key: F.alice, platformID: "u2", content: .start, receivedAt: F.start, meta: [:])
            )
            #expect(throws: RuntimeStoreError.self) {
                try store.commit([
                    StepCommit(
                        inboundID: second.id, key: F.alice, state: .init(), outbound: [F.message("2")],
                        committedAt: F.start),
                    StepCommit(inboundID: second.id, key: F.alice, state: .init(), outbound: [], committedAt: F.start),
                ])
            }
            #expect(try other.query("SELECT COUNT(*) FROM outbox") { $0.int(0) } == [1])
            #expect(try store.conversation(F.alice) == F.richState)
        }
    }

    @Test func theStoreOpensWithTheChosenSynchronousLevel() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path, synchronous: .full)
            #expect(try store.withDatabase { db, _ in try db.query("PRAGMA synchronous") { $0.int(0) } } == [2])
        }
    }

    @Test func failedDeliveriesKeepTheirReason() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let inbound = try #require(
                try store.appendInbound(key: F.alice, platformID: "u1", content: .start, receivedAt: F.start, meta: [:])
            )
            try store.commit([
                StepCommit(
                    inboundID: inbound.id, key: F.alice, state: .init(), outbound: [F.message("x")],
                    committedAt: F.start)
            ])
            let row = try #require(try store.dueOutbound(now: F.start, limit: 1).first)
            try store.record(.failed(reason: "HTTP 400"), forOutbound: row.id, at: F.at(1))
            let stored = try store.withDatabase { db, _ in
                try db.query("SELECT status, attempts, last_error, finished_at FROM outbox") {
                    "\($0.string(0) ?? "") \($0.int(1)) \($0.string(2) ?? "") \($0.date(3) == F.at(1))"
                }
            }
            #expect(stored == ["failed 1 HTTP 400 true"])
        }
    }
}
