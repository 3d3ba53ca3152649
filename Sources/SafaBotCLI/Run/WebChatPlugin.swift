import BotRuntime
import DialogCore
import HTTPServer
import WebChatChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Web chat as a ``ChannelPlugin``: the page and its API as routes on the bot's server, and a sender that
/// delivers outbox rows into the conversations' durable mailboxes, which the pages fetch.
enum WebChatPlugin {
    static func make(
        configuration: BotConfiguration, secret: String, mailbox: any MailboxStore, context: ChannelContext
    ) -> ChannelPlugin {
        let w = configuration.webChat
        let bell = MailboxBell()
        let settings = WebChatConfiguration(
            secret: Array(secret.utf8), allowedOrigins: w.allowedOrigins, waitSeconds: w.waitSeconds,
            secureCookie: w.secureCookie)
        let server = WebChatServer(
            configuration: settings, inbox: context.inbox, mailbox: mailbox, executor: context.executor, bell: bell,
            logger: context.logger("webchat"))
        return ChannelPlugin(
            name: WebChat.channel,
            sender: WebChatSender(mailbox: mailbox, executor: context.executor, bell: bell),
            rateLimit: nil,
            routes: server.routes.map { route in ChannelRoute(path: route.path, handler: route.handler) },
            mode: "http")
    }
}
