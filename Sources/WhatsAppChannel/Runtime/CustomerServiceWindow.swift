import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// WhatsApp's customer-service window: free-form messages (text, buttons, lists, files) reach a user only
/// within 24 hours of their last message; after that only an approved template does (error 131047).
///
/// The webhook records each message's time here as it stores it; a user not seen since start-up is looked
/// up once in the store (`lastMessage`), which knows each conversation's last inbound time.
public final class CustomerServiceWindow: Sendable {
    public static let standardLength: TimeInterval = 24 * 3600

    let length: TimeInterval
    let lastMessage: @Sendable (String) async -> Date?
    private let seen = Mutex<[String: Date]>([:])

    /// - Parameter lastMessage: the stored time of the user's last message (nil when never, or unknown).
    public init(length: TimeInterval = standardLength, lastMessage: @escaping @Sendable (String) async -> Date?) {
        self.length = length
        self.lastMessage = lastMessage
    }

    /// The user wrote at `date` (the webhook, once the message is stored).
    public func userWrote(_ user: String, at date: Date) {
        seen.withLock { seen in
            if let known = seen[user], known >= date { return }
            seen[user] = date
        }
    }

    /// Whether a free-form message may go to `user` at `now`.
    public func isOpen(for user: String, at now: Date = Date()) async -> Bool {
        var last = seen.withLock { $0[user] }
        if last == nil, let stored = await lastMessage(user) {
            userWrote(user, at: stored)
            last = stored
        }
        guard let last else { return false }
        return now.timeIntervalSince(last) < length
    }
}
