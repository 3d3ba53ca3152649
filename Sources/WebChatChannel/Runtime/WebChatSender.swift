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
    let files: WebChatFiles
    /// Other channels' files (an officer's photo from the Telegram group): downloaded there, kept here.
    let media: MediaSources

    public init(
        mailbox: any MailboxStore, executor: BlockingExecutor, bell: MailboxBell, files: WebChatFiles,
        media: MediaSources
    ) {
        self.mailbox = mailbox
        self.executor = executor
        self.bell = bell
        self.files = files
        self.media = media
    }

    public func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        let entry: WebChatEntry
        switch record.payload {
        case .message(let message):
            entry = WebChatEntry(message)
        case .readReceipt:
            // The page shows "typing…" itself from the moment its post is accepted.
            return .sent(platformMessageID: nil)
        case .reengage:
            // A page has no 24-hour window: a beneficiary who comes back sees every reply waiting.
            return .failed(reason: "web chat has no re-engagement message: replies wait in the page's mailbox")
        case .file(let attachment, let caption):
            do {
                let sha = try await keep(attachment)
                entry = WebChatEntry(
                    type: "bot", text: caption, url: files.link(sha, conversation: record.key.chat),
                    kind: attachment.kind.rawValue)
            } catch MediaError.noSource(let channel) {
                return .failed(reason: "no media source for \(channel) files")
            } catch {
                return .retry(
                    notBefore: Date().addingTimeInterval(Double(min(300, 5 << min(record.attempts, 6)))),
                    reason: "file not available yet: \(error)")
            }
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

extension WebChatSender {
    /// The file's checksum in the web chat's folder, fetching it from its own channel first when needed.
    func keep(_ attachment: Attachment) async throws -> String {
        if attachment.channel == WebChat.channel { return attachment.fileID }
        let file = try await media.download(attachment)
        let files = self.files
        return try await executor.run { try files.save(file.bytes) }
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
