#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One entry of a conversation's mailbox: what a pulled channel's client fetches, by increasing `id`.
public struct MailboxEntry: Sendable, Equatable {
    /// Unique and increasing across every mailbox: the client's resume point (`Last-Event-ID`).
    public var id: Int64
    /// The channel's own JSON for the entry; the store keeps it as it is.
    public var body: String
    public var createdAt: Date

    public init(id: Int64, body: String, createdAt: Date) {
        self.id = id
        self.body = body
        self.createdAt = createdAt
    }
}

/// Durable per-conversation mailboxes, for channels whose client pulls its replies (web chat) instead of
/// the bot pushing them to a platform.
///
/// The channel's sender turns each outbox row into an entry (so a reply delivered to the mailbox survives a
/// restart, a reload and a lost network), the client reads the entries after the last one it has, and
/// acknowledges what it showed.
public protocol MailboxStore: Sendable {
    /// Appends an entry; when `origin` (an outbox row "outbox:<id>", an inbound platform id) was appended
    /// before (the sender retried after a crash, the page retried a post) nothing is added and the earlier
    /// entry's id comes back.
    func appendMailbox(_ key: ConversationKey, origin: String?, body: String, at: Date) throws -> Int64

    /// The conversation's entries with an id above `after`, oldest first, at most `limit`.
    func mailbox(_ key: ConversationKey, after: Int64, limit: Int) throws -> [MailboxEntry]

    /// Marks the conversation's entries up to `upTo` as shown by the client; returns how many were new.
    @discardableResult
    func acknowledgeMailbox(_ key: ConversationKey, upTo: Int64, at: Date) throws -> Int
}
