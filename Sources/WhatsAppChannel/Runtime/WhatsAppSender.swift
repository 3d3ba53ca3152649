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
    /// Other channels' files (an officer's Telegram document): downloaded there, uploaded here.
    let media: MediaSources
    let backoff: Backoff
    /// Extra wait after a rate-limit refusal, before the usual backoff.
    let slowDownSeconds: Double
    /// When set, free-form messages go out only inside the 24-hour window; nil leaves it to Meta (131047).
    let window: CustomerServiceWindow?
    /// Told when a message could not go out because the window is closed (so officers can re-engage).
    let onWindowClosed: (@Sendable (OutboundRecord) async -> Void)?
    /// The approved template that asks a user to write again (`.reengage`), when one is configured.
    let reengagement: ReengagementTemplate?

    /// Reason recorded on a row held back because the 24-hour window is closed.
    public static let windowClosedReason =
        "outside the 24-hour window (131047): only a template can reach this user"
    /// Reason recorded while a row waits for the user to answer the re-engagement template.
    public static let waitingForUserReason = "waiting for the user to write: the 24-hour window is closed"
    /// How often a row waiting for the window is tried again, and for how long before it is given up.
    public static let windowRetryInterval: Double = 120
    public static let windowWaitLimit: Double = 7 * 86_400

    public init(
        client: GraphClient, renderer: WhatsAppRenderer = WhatsAppRenderer(), menus: NumberedMenus,
        media: MediaSources = MediaSources(), backoff: Backoff = Backoff(), slowDownSeconds: Double = 6,
        window: CustomerServiceWindow? = nil, reengagement: ReengagementTemplate? = nil,
        onWindowClosed: (@Sendable (OutboundRecord) async -> Void)? = nil
    ) {
        self.client = client
        self.renderer = renderer
        self.menus = menus
        self.media = media
        self.backoff = backoff
        self.slowDownSeconds = slowDownSeconds
        self.window = window
        self.reengagement = reengagement
        self.onWindowClosed = onWindowClosed
    }

    public func deliver(_ record: OutboundRecord) async -> DeliveryOutcome {
        let outcome = await attempt(record)
        if let onWindowClosed {
            switch outcome {
            case .failed(let reason) where reason == Self.windowClosedReason: await onWindowClosed(record)
            case .retry(_, let reason) where reason == Self.waitingForUserReason && record.attempts == 0:
                await onWindowClosed(record)
            default: break
            }
        }
        return outcome
    }

    private func attempt(_ record: OutboundRecord) async -> DeliveryOutcome {
        switch record.payload {
        case .message, .file:
            if let window, await !window.isOpen(for: record.key.chat) { return await windowClosed(record) }
        default: break
        }
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
        case .reengage:
            guard let reengagement else {
                return .failed(reason: "no re-engagement template is configured (whatsapp.reengagementTemplate)")
            }
            do {
                let id = try await client.send(
                    .template(
                        to: record.key.chat, name: reengagement.name, language: reengagement.language,
                        bodyParameters: reengagement.bodyParameters))
                return .sent(platformMessageID: id)
            } catch {
                return outcome(for: error, record)
            }
        case .file(let file, let caption):
            do {
                return .sent(platformMessageID: try await sendFile(file, caption: caption, to: record.key.chat))
            } catch MediaError.noSource(let channel) {
                return .failed(reason: "no media source for \(channel) files")
            } catch {
                return outcome(for: error, record)
            }
        }
    }

    /// A free-form message the window does not allow. With a re-engagement template configured, the template
    /// goes out once (on the first attempt) and the message waits, tried again every
    /// ``windowRetryInterval``, until the user writes back or ``windowWaitLimit`` passes: a committee's
    /// decision, told weeks after the beneficiary last wrote, is never dropped for want of a window. Without
    /// one the message cannot go out at all.
    private func windowClosed(_ record: OutboundRecord) async -> DeliveryOutcome {
        guard let reengagement,
            Double(record.attempts) * Self.windowRetryInterval < Self.windowWaitLimit
        else { return .failed(reason: Self.windowClosedReason) }
        if record.attempts == 0 {
            do {
                _ = try await client.send(
                    .template(
                        to: record.key.chat, name: reengagement.name, language: reengagement.language,
                        bodyParameters: reengagement.bodyParameters))
            } catch {
                if case .retry(let at, let reason) = outcome(for: error, record) { return .retry(notBefore: at, reason: reason) }
                return .failed(reason: Self.windowClosedReason + "; the re-engagement template was refused: \(error)")
            }
        }
        return .retry(notBefore: Date().addingTimeInterval(Self.windowRetryInterval), reason: Self.waitingForUserReason)
    }

    /// A WhatsApp file by its media id; another channel's downloaded through its source and uploaded.
    private func sendFile(_ file: Attachment, caption: String?, to: String) async throws -> String? {
        let mediaID: String
        if file.channel == WhatsApp.channel {
            mediaID = file.fileID
        } else {
            mediaID = try await client.uploadMedia(try await media.download(file), kind: file.kind)
        }
        // Captions share the 1024 limit of media captions.
        let caption = caption.map { WhatsAppText.split($0, limit: WhatsApp.maxInteractiveBodyLength).first ?? "" }
        return try await client.send(
            .media(
                to: to, kind: file.kind == .photo ? .image : .document, mediaID: mediaID,
                caption: caption?.isEmpty == false ? caption : nil, fileName: file.kind == .document ? file.fileName : nil))
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
            return .failed(reason: Self.windowClosedReason)
        case .permanent:
            return .failed(reason: "WhatsApp refused: \(error)")
        }
    }

    private func retryTime(_ record: OutboundRecord) -> Date {
        Date().addingTimeInterval(backoff.delay(afterAttempts: record.attempts, random: Double.random(in: 0..<1)))
    }
}
