import BotRuntime
import HTTPClient
import WhatsAppChannel

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
        let webhook = WhatsAppWebhook(
            verifyToken: secrets.verifyToken, appSecret: secrets.appSecret, inbox: context.inbox, menus: menus,
            readReceipts: w.readReceipts,
            statuses: { statuses in
                for status in statuses where status.status == "failed" {
                    statusLogger.warning(
                        "whatsapp_delivery_failed",
                        ["wamid": status.messageID, "errors": status.errors.map(\.description).joined(separator: "; ")])
                }
            }, logger: context.logger("whatsapp_webhook"))
        return ChannelPlugin(
            name: WhatsApp.channel, sender: WhatsAppSender(client: client, menus: menus),
            rateLimit: RateLimiter.Configuration(
                globalRate: w.globalRate, globalBurst: max(1, w.globalRate), chatRate: w.chatRate,
                chatBurst: max(1, w.chatBurst)),
            routes: [ChannelRoute(path: w.webhookPath, handler: { await webhook.handle($0) })],
            mode: "webhook")
    }
}
