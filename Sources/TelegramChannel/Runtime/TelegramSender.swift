public import BotRuntime
import DialogCore
import HTTPClient

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Delivers outbox rows to Telegram and turns every answer into a `DeliveryOutcome`.
///
/// 429 waits `retry_after`; network errors and 5xx back off with jitter; 403 "blocked by the user"
/// marks the chat blocked; a group upgraded to a supergroup is followed once to its new id.
public struct TelegramSender: ChannelSender {
    public let channel = "telegram"
    let client: TelegramClient
    let renderer: TelegramRenderer
    let backoff: Backoff
    /// Other channels' files (a WhatsApp photo an officer relays): downloaded there, uploaded here.
    let media: MediaSources
    let onBlocked: @Sendable (ConversationKey) async -> Void

    public init(
        client: TelegramClient, renderer: TelegramRenderer = TelegramRenderer(), backoff: Backoff = Backoff(),
        media: MediaSources = MediaSources(), onBlocked: @escaping @Sendable (ConversationKey) async -> Void
    ) {
        self.client = client
        self.renderer = renderer
        self.backoff = backoff
        self.media = media
        self.onBlocked = onBlocked
    }

    public func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        do {
            switch record.payload {
            case .message(let message):
                guard let chatID = Int64(record.key.chat) else {
                    return .failed(reason: "conversation key is not a Telegram chat id")
                }
                return try await send(message, to: chatID, record)
            case .readReceipt:
                // Telegram has no read receipts for bots: "typing…" says the message arrived, best effort.
                await indicateActivity(record.key)
                return .sent(platformMessageID: nil)
            case .reengage:
                // Telegram has no messaging window: there is nothing to re-open.
                return .failed(reason: "Telegram has no re-engagement template")
            case .file(let file, let caption):
                guard let chatID = Int64(record.key.chat) else {
                    return .failed(reason: "conversation key is not a Telegram chat id")
                }
                return .sent(
                    platformMessageID: String(
                        try await client.sendFile(
                            file, caption: caption, chatID: chatID, threadID: nil, media: media)))
            }
        } catch {
            return await deliveryOutcome(for: error, record)
        }
    }

    /// What a failed call means for the row.
    private func deliveryOutcome(for error: any Error, _ record: OutboundRecord) async -> DeliveryOutcome {
        switch error {
        case let error as TelegramAPIError: return await outcome(for: error, record)
        case let error as TelegramRenderError: return .failed(reason: "cannot render for Telegram: \(error)")
        case MediaError.noSource(let channel): return .failed(reason: "no media source for \(channel) files")
        case TelegramClientError.uploadUnsupported: return .failed(reason: "this transport cannot upload files")
        case is CancellationError: return .retry(notBefore: Date(), reason: "cancelled at shutdown")
        // Network failures, timeouts, undecodable answers: try again later.
        default: return .retry(notBefore: retryTime(record), reason: "\(error)")
        }
    }

    /// Sends the parts of a message (long texts are split) not yet delivered by an earlier attempt; `.sent`
    /// carries the last part's message id. A part that fails after others went out makes `.partlySent`, so
    /// the retry resumes there instead of repeating what the beneficiary already has.
    private func send(_ message: OutgoingMessage, to chatID: Int64, _ record: OutboundRecord) async throws
        -> DeliveryOutcome
    {
        let parts = try renderer.render(message, chatID: chatID)
        var lastID: String?
        var delivered = min(record.partsSent, parts.count)
        for part in parts.dropFirst(delivered) {
            var request = part
            do {
                do {
                    lastID = String(try await client.call(request).messageID)
                } catch let error as TelegramAPIError where error.migrateToChatID != nil {
                    request.chatID = error.migrateToChatID ?? chatID
                    lastID = String(try await client.call(request).messageID)
                }
            } catch {
                guard delivered > record.partsSent else { throw error }
                switch await deliveryOutcome(for: error, record) {
                case .retry(let notBefore, let reason):
                    return .partlySent(parts: delivered, notBefore: notBefore, reason: reason)
                case let outcome: return outcome
                }
            }
            delivered += 1
        }
        return .sent(platformMessageID: lastID)
    }

    public func indicateActivity(_ key: ConversationKey) async {
        guard let chatID = Int64(key.chat) else { return }
        _ = try? await client.call(SendChatAction(chatID: chatID, action: "typing"))
    }

    private func outcome(for error: TelegramAPIError, _ record: OutboundRecord) async -> DeliveryOutcome {
        if let seconds = error.retryAfter {
            return .retry(
                notBefore: Date().addingTimeInterval(TimeInterval(seconds)), reason: "429 retry after \(seconds)s")
        }
        if error.isRetryable {
            return .retry(notBefore: retryTime(record), reason: "HTTP \(error.code)")
        }
        if error.isBlockedByUser {
            await onBlocked(record.key)
            return .failed(reason: "blocked by the user")
        }
        return .failed(reason: "Telegram refused: \(error.code) \(error.description)")
    }

    private func retryTime(_ record: OutboundRecord) -> Date {
        Date().addingTimeInterval(backoff.delay(afterAttempts: record.attempts, random: Double.random(in: 0..<1)))
    }
}
