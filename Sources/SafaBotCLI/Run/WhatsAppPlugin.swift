import BotRuntime
import HTTPClient
import HTTPServer
import WhatsAppChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// WhatsApp (Cloud API) as a ``ChannelPlugin``: the webhook route Meta posts to, the sender over the Graph
/// API, paced per business number and per user.
enum WhatsAppPlugin {
    static func make(
        configuration: BotConfiguration, secrets: BotConfiguration.WhatsAppSecrets, http: HTTPClient,
        context: ChannelContext
    ) -> ChannelPlugin {
        let w = configuration.whatsapp
        let client = GraphClient(
            http: http,
            endpoint: GraphClient.Endpoint(
                baseURL: w.apiBaseURL, version: w.apiVersion, phoneNumberID: secrets.phoneNumberID),
            accessToken: secrets.accessToken)
        // Shared by the sender (which records numbered menus) and the webhook (which maps typed numbers).
        let menus = NumberedMenus()
        let statusLogger = context.logger("whatsapp")
        let store = context.store
        let executor = context.executor
        // The store knows each user's last message; the webhook tells the window of new ones as they come.
        let window =
            w.enforceWindow
            ? CustomerServiceWindow { user in
                (try? await executor.run {
                    try store.lastUserMessage(ConversationKey(channel: WhatsApp.channel, chat: user))
                }) ?? nil
            } : nil
        let files = WhatsAppMediaSource(client: client, directory: w.mediaDirectory)
        let webhook = WhatsAppWebhook(
            verifyToken: secrets.verifyToken, appSecret: secrets.appSecret, inbox: context.inbox, menus: menus,
            readReceipts: w.readReceipts,
            statuses: { statuses in
                // Recorded against the outbox row that sent each message (matched by wamid).
                _ = try? await executor.run {
                    let now = Date()
                    for status in statuses {
                        let error = status.errors.isEmpty ? nil : status.errors.map(\.description).joined(separator: "; ")
                        try store.recordDeliveryStatus(
                            platformMessageID: status.messageID, status: status.status, error: error, at: now)
                    }
                }
                for status in statuses where status.status == "failed" {
                    statusLogger.warning(
                        "whatsapp_delivery_failed",
                        ["wamid": status.messageID, "errors": status.errors.map(\.description).joined(separator: "; ")])
                }
            },
            onMedia: { items in
                // Fetched now, while Meta's URL is fresh; a failure here only means the relay fetches later.
                for item in items {
                    Task {
                        do {
                            try await files.fetch(id: item.id, expectedSHA256: item.sha256)
                        } catch {
                            statusLogger.warning("whatsapp_media_fetch_failed", ["media": item.id, "error": "\(error)"])
                        }
                    }
                }
            }, window: window, logger: context.logger("whatsapp_webhook"))
        return ChannelPlugin(
            name: WhatsApp.channel, sender: WhatsAppSender(
                client: client, menus: menus, media: context.media, window: window,
                reengagement: w.reengagementTemplate.map {
                    ReengagementTemplate(name: $0, language: w.reengagementLanguage)
                },
                onWindowClosed: { record in
                    // The desk tells the officer on the case (if any) and offers the template.
                    let stored = try? await executor.run {
                        try store.appendDeskEvent(
                            platformID: "whatsapp:window-closed:\(record.id)", key: record.key, event: .replyWindowClosed,
                            at: Date())
                    }
                    if stored == true { context.wakeDesk() }
                }),
            rateLimit: RateLimiter.Configuration(
                globalRate: w.globalRate, globalBurst: max(1, w.globalRate), chatRate: w.chatRate,
                chatBurst: max(1, w.chatBurst)),
            routes: [
                // GET is Meta's verification handshake; every POST must be signed (the signature itself is
                // checked over the raw body by the webhook). Meta's webhook guide allows payloads up to 3 MB.
                ChannelRoute(
                    path: w.webhookPath, handler: { await webhook.handle($0) }, methods: ["GET", "POST"],
                    authorize: { head in
                        head.method != "POST" || head.headers["x-hub-signature-256"]?.hasPrefix("sha256=") == true
                    },
                    refusedStatus: 401, maxBodyBytes: 3 << 20)
            ],
            media: files,
            mode: "webhook")
    }
}
