import Foundation
import Testing
import WebChatChannel

@Suite struct WebChatLimitsTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func waitingFetchesAreCappedPerAddressAndPerConversation() {
        let limits = WebChatLimits(.init(openFetchesPerAddress: 3, openFetchesPerConversation: 2))
        #expect(limits.openFetch(address: "a", conversation: "1"))
        #expect(limits.openFetch(address: "a", conversation: "1"))
        #expect(!limits.openFetch(address: "a", conversation: "1"), "the conversation's cap")
        #expect(limits.openFetch(address: "a", conversation: "2"))
        #expect(!limits.openFetch(address: "a", conversation: "3"), "the address's cap")
        #expect(limits.openFetch(address: "b", conversation: "3"), "another address is served")
        limits.closeFetch(address: "a", conversation: "1")
        #expect(limits.openFetch(address: "a", conversation: "3"))
    }

    @Test func postsArePacedPerConversationThenPerAddress() {
        let limits = WebChatLimits(
            .init(
                postsPerSecondPerConversation: 1, conversationBurst: 2, postsPerSecondPerAddress: 10, addressBurst: 3))
        #expect(limits.admitPost(address: "a", conversation: "1", now: now) == nil)
        #expect(limits.admitPost(address: "a", conversation: "1", now: now) == nil)
        #expect(limits.admitPost(address: "a", conversation: "1", now: now) != nil)
        #expect(limits.admitPost(address: "a", conversation: "2", now: now) == nil)
        #expect(limits.admitPost(address: "a", conversation: "3", now: now) != nil, "the address's burst is used up")
        #expect(limits.admitPost(address: "a", conversation: "1", now: now.addingTimeInterval(1)) == nil)
    }
}
