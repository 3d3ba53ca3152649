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
            maxUploadBytes: w.maxUploadBytes,
            clientAddressHeader: w.clientAddressHeader ?? configuration.http.clientAddressHeader,
            limits: WebChatLimits.Configuration(
                startsPerSecondPerAddress: w.startsPerMinutePerAddress / 60,
                postsPerSecondPerConversation: w.postsPerSecond, openFetchesPerAddress: w.openFetchesPerAddress),
            secureCookie: w.secureCookie)
        // Beside the database: files are kept as long as the conversations that show them.
        let folder = DataLocation.folder(of: configuration.database)
        let files = WebChatFiles(
            directory: (folder.isEmpty ? "." : folder) + "/web-chat-files", secret: Array(secret.utf8))
        let server = WebChatServer(
            configuration: settings, inbox: context.inbox, mailbox: mailbox, executor: context.executor, bell: bell,
            files: files, logger: context.logger("webchat"))
        return ChannelPlugin(
            name: WebChat.channel,
            sender: WebChatSender(
                mailbox: mailbox, executor: context.executor, bell: bell, files: files, media: context.media),
            rateLimit: nil,
            // Exact paths, so nothing under /chat/ is served by accident; no header-time authorize: a missing
            // or stale cookie is the page's ordinary "start again", not a failure to count against the client.
            routes: server.routes.map { route in
                ChannelRoute(
                    path: route.path, handler: route.handler, methods: route.methods, maxBodyBytes: route.maxBodyBytes)
            },
            media: WebChatMediaSource(files: files), mode: "http")
    }
}
