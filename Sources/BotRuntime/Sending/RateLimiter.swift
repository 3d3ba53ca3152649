#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Token buckets pacing sends to a platform's limits: one for the whole bot, one per chat.
///
/// Pure bookkeeping over times it is given, so it is tested without waiting. A rate of 0 means no pacing.
public struct RateLimiter: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Messages per second for the whole bot (Telegram: about 30); 0 = unlimited.
        public var globalRate: Double
        public var globalBurst: Double
        /// Messages per second to one chat (Telegram: about 1); 0 = unlimited.
        public var chatRate: Double
        /// Messages a chat may receive at once before pacing starts (a menu after a message).
        public var chatBurst: Double

        public init(globalRate: Double = 30, globalBurst: Double = 30, chatRate: Double = 1, chatBurst: Double = 3) {
            self.globalRate = globalRate
            self.globalBurst = globalBurst
            self.chatRate = chatRate
            self.chatBurst = chatBurst
        }
    }

    struct Bucket: Sendable {
        var tokens: Double
        var updated: Date
    }

    public let configuration: Configuration
    private var global: Bucket?
    private var chats: [String: Bucket] = [:]

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Takes a token for `chat` at `now` if both buckets have one; otherwise returns when to try again.
    public mutating func acquire(chat: String, now: Date) -> Date? {
        var globalBucket = refill(global, rate: configuration.globalRate, burst: configuration.globalBurst, now: now)
        var chatBucket = refill(chats[chat], rate: configuration.chatRate, burst: configuration.chatBurst, now: now)
        let globalWait = wait(globalBucket, rate: configuration.globalRate)
        let chatWait = wait(chatBucket, rate: configuration.chatRate)
        if globalWait > 0 || chatWait > 0 {
            return now.addingTimeInterval(max(globalWait, chatWait))
        }
        if configuration.globalRate > 0 { globalBucket.tokens -= 1 }
        if configuration.chatRate > 0 { chatBucket.tokens -= 1 }
        global = globalBucket
        // Without per-chat pacing there is nothing to remember about a chat.
        guard configuration.chatRate > 0 else { return nil }
        chats[chat] = chatBucket
        if chats.count > 50_000 { forgetFullBuckets(now: now) }
        return nil
    }

    private func refill(_ bucket: Bucket?, rate: Double, burst: Double, now: Date) -> Bucket {
        guard rate > 0 else { return Bucket(tokens: 1, updated: now) }
        guard var bucket else { return Bucket(tokens: burst, updated: now) }
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(burst, bucket.tokens + elapsed * rate)
        bucket.updated = now
        return bucket
    }

    private func wait(_ bucket: Bucket, rate: Double) -> TimeInterval {
        guard rate > 0, bucket.tokens < 1 else { return 0 }
        return (1 - bucket.tokens) / rate
    }

    /// Chats whose bucket refilled completely carry no information; dropping them bounds memory.
    private mutating func forgetFullBuckets(now: Date) {
        let rate = configuration.chatRate
        let burst = configuration.chatBurst
        chats = chats.filter { _, bucket in bucket.tokens + now.timeIntervalSince(bucket.updated) * rate < burst }
    }
}
