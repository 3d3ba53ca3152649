public import BotRuntime
import DialogCore
import HTTPClient

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Delivers outbox rows to the Cloud API and turns every answer into a `DeliveryOutcome`.
///
/// Rate limits (130429, 131056…) wait and retry; network errors, 5xx and Meta's transient failures back
/// off with jitter; 131047 (the 24-hour window closed) and other permanent refusals are recorded, never
/// retried. A message split into parts resumes after the parts already delivered.
public struct WhatsAppSender: ChannelSender {
    public let channel = WhatsApp.channel
    let client: GraphClient
    let renderer: WhatsAppRenderer
    let menus: NumberedMenus
    let backoff: Backoff
    /// Extra wait after a rate-limit refusal, before the usual backoff.
    let slowDownSeconds: Double

    public init(
        client: GraphClient, renderer: WhatsAppRenderer = WhatsAppRenderer(), menus: NumberedMenus,
        backoff: Backoff = Backoff(), slowDownSeconds: Double = 6
    ) {
        self.client = client
        self.renderer = renderer
        self.menus = menus
        self.backoff = backoff
        self.slowDownSeconds = slowDownSeconds
    }

    public func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        switch record.payload {
        case .message(let message):
            return await send(message, record)
        case .readReceipt(let messageID):
            do {
                try await client.send(.markRead(messageID: messageID, typing: true))
                return .sent(platformMessageID: nil)
            } catch {
                // A receipt is a courtesy: one that Meta refuses (an old message) is not worth a retry.
                let outcome = outcome(for: error, record)
                if case .retry = outcome { return outcome }
                return .failed(reason: "read receipt: \(error)")
            }
        case .file:
            return .failed(reason: "sending files on WhatsApp is not supported yet")
        }
    }

    /// Sends the parts not yet delivered; a failure after some parts makes `.partlySent`.
    private func send(_ message: OutgoingMessage, _ record: OutboundRecord) async -> DeliveryOutcome {
        let rendering: WhatsAppRenderer.Rendering
        do {
            rendering = try renderer.render(message, to: record.key.chat)
        } catch {
            return .failed(reason: "cannot render for WhatsApp: \(error)")
        }
        var delivered = min(record.partsSent, rendering.parts.count)
        var lastID: String?
        for part in rendering.parts.dropFirst(delivered) {
            do {
                lastID = try await client.send(part)
            } catch {
                let outcome = outcome(for: error, record)
                guard delivered > record.partsSent, case .retry(let notBefore, let reason) = outcome else {
                    return outcome
                }
                return .partlySent(parts: delivered, notBefore: notBefore, reason: reason)
            }
            delivered += 1
        }
        menus.set(rendering.numberedMenu, for: record.key.chat)
        return .sent(platformMessageID: lastID)
    }

    /// What a failed call means for the row.
    func outcome(for error: any Error, _ record: OutboundRecord) -> DeliveryOutcome {
        guard let error = error as? GraphAPIError else {
            if error is CancellationError { return .retry(notBefore: Date(), reason: "cancelled at shutdown") }
            // Network failures and timeouts: whether Meta got it is unknown; trying again is the lesser harm.
            return .retry(notBefore: retryTime(record), reason: "\(error)")
        }
        switch error.disposition {
        case .slowDown:
            return .retry(
                notBefore: retryTime(record).addingTimeInterval(slowDownSeconds), reason: "rate limited: \(error)")
        case .retry:
            return .retry(notBefore: retryTime(record), reason: "\(error)")
        case .windowClosed:
            return .failed(reason: "outside the 24-hour window (131047): only a template can reach this user")
        case .permanent:
            return .failed(reason: "WhatsApp refused: \(error)")
        }
    }

    private func retryTime(_ record: OutboundRecord) -> Date {
        Date().addingTimeInterval(backoff.delay(afterAttempts: record.attempts, random: Double.random(in: 0..<1)))
    }
}
