public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Delivers outbox rows to web chat pages: each row becomes an entry in the conversation's durable mailbox
/// (once, even when a crash makes the outbox send it again), and the page's waiting fetch is woken.
///
/// Delivery means "in the mailbox": the page fetches it when it is open, or after a reload, a lost network
/// or a phone that slept, and acknowledges what it showed.
public struct WebChatSender: ChannelSender {
    public let channel = WebChat.channel
    let mailbox: any MailboxStore
    let executor: BlockingExecutor
    let bell: MailboxBell

    public init(mailbox: any MailboxStore, executor: BlockingExecutor, bell: MailboxBell) {
        self.mailbox = mailbox
        self.executor = executor
        self.bell = bell
    }

    public func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        let entry: WebChatEntry
        switch record.payload {
        case .message(let message):
            entry = WebChatEntry(message)
        case .readReceipt:
            // The page shows "typing…" itself from the moment its post is accepted.
            return .sent(platformMessageID: nil)
        case .file:
            return .failed(reason: "files to web chat are not supported yet")
        }
        let mailbox = self.mailbox
        let body = entry.json()
        do {
            let id = try await executor.run {
                try mailbox.appendMailbox(record.key, origin: "outbox:\(record.id)", body: body, at: Date())
            }
            bell.ring(record.key.chat)
            return .sent(platformMessageID: String(id))
        } catch {
            return .retry(notBefore: Date().addingTimeInterval(1), reason: "mailbox write failed: \(error)")
        }
    }
}

/// Names shared by the web chat's parts.
public enum WebChat {
    /// The channel name in conversation keys and attachments.
    public static let channel = "web"

    /// The conversation key of a web chat conversation id.
    public static func conversationKey(_ id: String) -> ConversationKey {
        ConversationKey(channel: channel, chat: id)
    }
}
