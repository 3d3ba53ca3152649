import BotRuntime
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What one address or one conversation may ask of the web chat: new conversations and posts are paced by
/// token buckets, and the fetches left waiting for replies are counted, so one hostile address (a thousand
/// event streams, a flood of posts) is refused with 429 and everybody else is served as before.
public final class WebChatLimits: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// New conversations per second from one address, and at once.
        public var startsPerSecondPerAddress: Double
        public var startBurst: Double
        /// Messages and files per second in one conversation, and at once.
        public var postsPerSecondPerConversation: Double
        public var conversationBurst: Double
        /// Messages and files per second from one address (many people may share one), and at once.
        public var postsPerSecondPerAddress: Double
        public var addressBurst: Double
        /// Fetches waiting for replies at once, per address and per conversation.
        public var openFetchesPerAddress: Int
        public var openFetchesPerConversation: Int

        public init(
            startsPerSecondPerAddress: Double = 0.2, startBurst: Double = 20, postsPerSecondPerConversation: Double = 1,
            conversationBurst: Double = 10, postsPerSecondPerAddress: Double = 20, addressBurst: Double = 100,
            openFetchesPerAddress: Int = 200, openFetchesPerConversation: Int = 4
        ) {
            self.startsPerSecondPerAddress = startsPerSecondPerAddress
            self.startBurst = startBurst
            self.postsPerSecondPerConversation = postsPerSecondPerConversation
            self.conversationBurst = conversationBurst
            self.postsPerSecondPerAddress = postsPerSecondPerAddress
            self.addressBurst = addressBurst
            self.openFetchesPerAddress = openFetchesPerAddress
            self.openFetchesPerConversation = openFetchesPerConversation
        }
    }

    private struct Open {
        var byAddress: [String: Int] = [:]
        var byConversation: [String: Int] = [:]
    }

    let configuration: Configuration
    private let starts: Mutex<RateLimiter>
    private let conversationPosts: Mutex<RateLimiter>
    private let addressPosts: Mutex<RateLimiter>
    private let open = Mutex(Open())

    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        func limiter(_ rate: Double, _ burst: Double) -> Mutex<RateLimiter> {
            Mutex(RateLimiter(.init(globalRate: 0, globalBurst: 0, chatRate: rate, chatBurst: burst)))
        }
        starts = limiter(configuration.startsPerSecondPerAddress, configuration.startBurst)
        conversationPosts = limiter(configuration.postsPerSecondPerConversation, configuration.conversationBurst)
        addressPosts = limiter(configuration.postsPerSecondPerAddress, configuration.addressBurst)
    }

    /// nil when `address` may start a conversation now, else when to try again.
    public func admitStart(address: String, now: Date) -> Date? {
        starts.withLock { $0.acquire(chat: address, now: now) }
    }

    /// nil when a post is admitted now, else when to try again (the conversation's bucket is checked first,
    /// so a flooding conversation does not use up its address's share).
    public func admitPost(address: String, conversation: String, now: Date) -> Date? {
        if let later = conversationPosts.withLock({ $0.acquire(chat: conversation, now: now) }) { return later }
        return addressPosts.withLock { $0.acquire(chat: address, now: now) }
    }

    /// Counts a fetch that may wait; false (nothing counted) when the address or conversation has too many.
    public func openFetch(address: String, conversation: String) -> Bool {
        open.withLock { open in
            guard open.byAddress[address, default: 0] < configuration.openFetchesPerAddress,
                open.byConversation[conversation, default: 0] < configuration.openFetchesPerConversation
            else { return false }
            open.byAddress[address, default: 0] += 1
            open.byConversation[conversation, default: 0] += 1
            return true
        }
    }

    /// Uncounts a fetch ``openFetch(address:conversation:)`` admitted.
    public func closeFetch(address: String, conversation: String) {
        open.withLock { open in
            open.byAddress[address] = open.byAddress[address].flatMap { $0 > 1 ? $0 - 1 : nil }
            open.byConversation[conversation] = open.byConversation[conversation].flatMap { $0 > 1 ? $0 - 1 : nil }
        }
    }
}
