public import BotRuntime
import DialogCore
public import HTTPServer
import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Cloud API webhook: Meta's verification handshake (`GET`) and its notifications (`POST`).
///
/// A notification is trusted only with a valid `X-Hub-Signature-256` over the raw body, checked before
/// the body is parsed; it is answered 200 only once every message in it is durably in the inbox, so Meta
/// retries (for days) otherwise. Duplicates (Meta's retries) are recognised by wamid and handled once.
public struct WhatsAppWebhook: Sendable {
    let verifyToken: [UInt8]
    let signature: WebhookSignature
    let inbox: ChannelInbox
    let menus: NumberedMenus
    let readReceipts: Bool
    let statuses: (@Sendable ([MessageStatus]) async -> Void)?
    let onMedia: (@Sendable ([InboundMessage.Media]) -> Void)?
    /// Learns when each user last wrote (the 24-hour window), once their messages are stored.
    let window: CustomerServiceWindow?
    let logger: Logger

    /// - Parameters:
    ///   - readReceipts: ask for each message to be marked read (and "typing…" shown) before the replies.
    ///   - statuses: called with the delivery statuses of a body once its messages are stored.
    ///   - onMedia: called with the files of a body once stored, to fetch them before their URLs expire.
    public init(
        verifyToken: String, appSecret: String, inbox: ChannelInbox, menus: NumberedMenus, readReceipts: Bool = true,
        statuses: (@Sendable ([MessageStatus]) async -> Void)? = nil,
        onMedia: (@Sendable ([InboundMessage.Media]) -> Void)? = nil, window: CustomerServiceWindow? = nil,
        logger: Logger
    ) {
        self.verifyToken = Array(verifyToken.utf8)
        self.signature = WebhookSignature(appSecret: appSecret)
        self.inbox = inbox
        self.menus = menus
        self.readReceipts = readReceipts
        self.statuses = statuses
        self.onMedia = onMedia
        self.window = window
        self.logger = logger
    }

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch request.method {
        case "GET": return verify(request.query)
        case "POST": return await receive(request)
        default: return HTTPResponse(status: 405, headers: ["Allow": "GET, POST"], body: Data("method not allowed\n".utf8))
        }
    }

    /// `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`: echoes the challenge for the right token.
    func verify(_ query: [String: String]) -> HTTPResponse {
        // Some proxies (PHP-style) rename "hub.mode" to "hub_mode".
        func value(_ name: String) -> String? { query["hub.\(name)"] ?? query["hub_\(name)"] }
        let given = Array((value("verify_token") ?? "").utf8)
        guard value("mode") == "subscribe", let challenge = value("challenge"), !verifyToken.isEmpty,
            Hashing.constantTimeEquals(given, verifyToken)
        else {
            logger.warning("whatsapp_verification_refused", ["mode": value("mode") ?? "-"])
            return .text("forbidden\n", status: 403)
        }
        logger.info("whatsapp_webhook_verified")
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data(challenge.utf8))
    }

    func receive(_ request: HTTPRequest) async -> HTTPResponse {
        if let failure = signature.failure(header: request.headers["x-hub-signature-256"], body: request.body) {
            logger.warning(
                "whatsapp_webhook_refused",
                ["reason": "\(failure) signature", "remote": request.remoteAddress ?? "?", "bytes": String(request.body.count)])
            return failure == .missing ? .text("missing signature\n", status: 401) : .text("forbidden\n", status: 403)
        }
        // Signed by Meta but unreadable: retrying cannot fix it, so it is logged and acknowledged.
        guard let root = JSONNode.parse(request.body), let payload = WebhookPayload(root) else {
            logger.error("whatsapp_webhook_unreadable", ["bytes": String(request.body.count)])
            return .text("ok\n")
        }
        if payload.skipped > 0 { logger.warning("whatsapp_items_skipped", ["count": String(payload.skipped)]) }
        for error in payload.errors { logger.warning("whatsapp_account_error", ["error": error.description]) }
        let now = Date()
        let items = payload.messages.compactMap { item(for: $0, receivedAt: now) }
        do {
            try await inbox.accept(items)
        } catch {
            logger.error("whatsapp_webhook_store_failed", ["error": "\(error)"])
            return .text("temporarily unavailable\n", status: 503)
        }
        if let window { for item in items { window.userWrote(item.key.chat, at: item.receivedAt) } }
        if let onMedia {
            let files = payload.messages.compactMap { message -> InboundMessage.Media? in
                if case .media(let media) = message.content { return media }
                return nil
            }
            if !files.isEmpty { onMedia(files) }
        }
        if !payload.statuses.isEmpty, let statuses { await statuses(payload.statuses) }
        return .text("ok\n")
    }

    /// The inbox item for a message; nil for what needs no answer (system notices).
    func item(for message: InboundMessage, receivedAt: Date) -> InboundItem? {
        let content: EventContent
        switch message.content {
        case .text(let text):
            // A number typed under a numbered menu is a press on that option.
            if let number = MenuNumber.parse(text), let payload = menus.payload(for: number, chat: message.user) {
                content = .button(payload: payload)
            } else {
                content = .text(text)
            }
        case .reply(let id, _): content = .button(payload: id)
        // Template quick replies carry the operator's payload; their visible text is what the user said.
        case .templateButton(_, let text): content = .text(text)
        case .media(let media):
            content = .attachment(
                Attachment(
                    kind: media.kind, fileID: media.id, channel: WhatsApp.channel, fileName: media.fileName,
                    mimeType: media.mimeType))
        case .location(let latitude, let longitude): content = .location(latitude: latitude, longitude: longitude)
        case .other(let kind): content = .unsupported(kind: kind)
        case .system: return nil
        }
        var meta: [String: String] = [:]
        if readReceipts { meta[InboundMeta.readReceiptID] = message.id }
        return InboundItem(
            key: ConversationKey(channel: WhatsApp.channel, chat: message.user),
            platformID: "\(WhatsApp.channel):\(message.id)", content: content, receivedAt: receivedAt, meta: meta)
    }
}
