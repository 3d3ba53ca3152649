import BotRuntime
import DialogCore
import Dispatch
import HTTPClient
import HTTPServer
import OfficerDesk
import TelegramChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Telegram as a ``ChannelPlugin``: the sender, long polling or the webhook, its files, and the officers'
/// forum group as the desk's workplace.
enum TelegramPlugin {
    /// Where the group mode is kept, so a group found to have no topics is remembered across restarts.
    static let groupModeKey = "desk.group_without_topics"

    static func make(
        configuration: BotConfiguration, token: String, http: HTTPClient, officers: OfficerConfiguration?,
        context: ChannelContext
    ) throws -> ChannelPlugin {
        let t = configuration.telegram
        let client = TelegramClient(
            transport: TelegramHTTPTransport(
                client: http, baseURL: t.apiBaseURL, token: token, pollTimeoutSeconds: t.pollTimeoutSeconds))
        let store = context.store
        let executor = context.executor
        let sender = TelegramSender(client: client, media: context.media) { key in
            _ = try? await executor.run { try store.markBlocked(key, at: Date()) }
        }
        let writer = TelegramInboxWriter(
            store: store, executor: executor, metrics: context.metrics, logger: context.logger("inbox"),
            onAccepted: context.wakeProcessing, officersGroupID: officers?.groupChatID, onDeskEvent: context.wakeDesk,
            processor: context.processor, onProcessed: context.wakeAfterCommit)
        var plugin = ChannelPlugin(
            name: TelegramRenderer.channel, sender: sender,
            rateLimit: RateLimiter.Configuration(
                globalRate: t.globalRate, globalBurst: max(1, t.globalRate), chatRate: t.chatRate,
                chatBurst: max(1, t.chatBurst)),
            media: TelegramMediaSource(client: client), mode: t.mode)
        if let groupChatID = officers?.groupChatID {
            // At start-up, before any other work: reading the store on the calling thread is fine.
            let withoutTopics = try store.value(forKey: groupModeKey) == "1"
            let logger = context.logger("desk")
            plugin.workplace = TelegramWorkplace(
                chatID: groupChatID, client: client, media: context.media, withoutTopics: withoutTopics,
                onWithoutTopics: {
                    logger.warning(
                        "officer_group_without_topics", ["detail": "cases will live in replies to their card"])
                    _ = try? await executor.run { try store.setValue("1", forKey: groupModeKey) }
                })
        }
        if t.mode == "webhook" {
            guard let url = t.webhookURL, let secret = configuration.webhookSecret else {
                throw CLIError.usage(
                    "webhook mode needs telegram.webhookURL (or TELEGRAM_WEBHOOK_URL) and TELEGRAM_WEBHOOK_SECRET")
            }
            let webhook = TelegramWebhook(secret: secret, writer: writer, logger: context.logger("webhook"))
            // Telegram documents no update size; a message is at most 4096 characters, so the configured
            // server-wide limit (1 MiB by default) is generous.
            plugin.routes = [
                ChannelRoute(
                    path: t.webhookPath, handler: { await webhook.handle($0) }, methods: ["POST"],
                    authorize: { webhook.authorizes($0.headers) }, maxBodyBytes: configuration.http.maxBodyBytes)
            ]
            plugin.prepare = {
                do {
                    _ = try await client.call(
                        SetWebhook(url: url, secretToken: secret, allowedUpdates: TelegramPoller.allowedUpdates))
                } catch {
                    throw CLIError.runtime("setWebhook failed: \(error)")
                }
            }
        } else {
            let poller = TelegramPoller(
                client: client, writer: writer, store: store, executor: executor, logger: context.logger("poller"),
                timeoutSeconds: t.pollTimeoutSeconds)
            plugin.inboundLoop = { try await poller.run() }
        }
        return plugin
    }
}
