import BotRuntime
import Foundation
import SQLiteStore
import Testing

@Suite struct MailboxStoreTests {
    let mine = ConversationKey(channel: "web", chat: "mine")
    let other = ConversationKey(channel: "web", chat: "other")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func entriesComeBackPerConversationInOrderAfterAnID() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let a = try store.appendMailbox(mine, origin: "outbox:1", body: #"{"n":1}"#, at: now)
            _ = try store.appendMailbox(other, origin: "outbox:2", body: #"{"n":2}"#, at: now)
            let c = try store.appendMailbox(mine, origin: nil, body: #"{"n":3}"#, at: now)
            #expect(try store.mailbox(mine, after: 0, limit: 10).map(\.id) == [a, c])
            #expect(try store.mailbox(mine, after: a, limit: 10).map(\.body) == [#"{"n":3}"#])
            #expect(try store.mailbox(mine, after: 0, limit: 1).map(\.id) == [a])
        }
    }

    @Test func theSameOriginIsAppendedOnce() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let first = try store.appendMailbox(mine, origin: "outbox:7", body: "{}", at: now)
            let again = try store.appendMailbox(mine, origin: "outbox:7", body: "{}", at: now)
            #expect(first == again)
            #expect(try store.mailbox(mine, after: 0, limit: 10).count == 1)
        }
    }

    @Test func acknowledgingCountsOnlyNewEntriesOfThatConversation() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteRuntimeStore(path: path)
            let a = try store.appendMailbox(mine, origin: nil, body: "{}", at: now)
            _ = try store.appendMailbox(other, origin: nil, body: "{}", at: now)
            let c = try store.appendMailbox(mine, origin: nil, body: "{}", at: now)
            #expect(try store.acknowledgeMailbox(mine, upTo: a, at: now) == 1)
            #expect(try store.acknowledgeMailbox(mine, upTo: c, at: now) == 1)
            #expect(try store.acknowledgeMailbox(mine, upTo: c, at: now) == 0)
        }
    }
}
