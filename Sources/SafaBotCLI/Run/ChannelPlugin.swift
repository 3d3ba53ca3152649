import BotRuntime
import DialogCore
import HTTPServer

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One channel as the run-time root (``BotService``) composes it: how its outbox rows go out, how fast,
/// which HTTP routes it serves, what inbound loop it runs, how other channels fetch its files, and (for the
/// channel officers work in) the officers' workplace. ``TelegramPlugin`` and ``WhatsAppPlugin`` are two;
/// ``WebChatPlugin`` (routes and a mailbox sender, no poller) a third.
///
/// Adding a channel (see ``TelegramPlugin`` for the whole of one):
/// 1. a `ChannelSender` whose `channel` is the plugin's `name`: it renders `.message` within the platform's
///    limits, sends `.file` by id when `attachment.channel` is its own and otherwise downloads it through the
///    shared `MediaSources` (``ChannelContext/media``) and uploads it, and treats `.readReceipt` as it can;
/// 2. inbound events as `InboundItem`s keyed `ConversationKey(channel: name, chat: <platform user id>)` with
///    `platformID` "<name>:<platform message id>", stored through ``ChannelContext/inbox`` before the platform
///    is acknowledged (`InboundMeta.readReceiptID` in `meta` asks for a read receipt before the replies);
/// 3. a webhook as a ``ChannelRoute``, or a poller as ``inboundLoop``;
/// 4. its attachments carry `channel: name`, and a `MediaSource` lets other channels (and the officers'
///    group) fetch them;
/// 5. then one more factory in ``BotService/init(configuration:token:bundle:store:logger:deskClock:)``.
struct ChannelPlugin: Sendable {
    /// The name in `ConversationKey.channel` and `Attachment.channel` ("telegram", "whatsapp").
    var name: String
    /// Delivers this channel's outbox rows; the outbox sender dispatches by `key.channel`.
    var sender: any ChannelSender
    /// Pacing for this channel's sends (global and per chat); nil sends as fast as rows come.
    var rateLimit: RateLimiter.Configuration?
    /// HTTP routes this channel serves on the bot's server (a webhook), matched by exact path.
    var routes: [ChannelRoute] = []
    /// Lets other channels download this channel's files; registered in the shared `MediaSources`.
    var media: (any MediaSource)?
    /// The place officers work, when this channel hosts it (Telegram's officers' group).
    var workplace: (any OfficerWorkplace)?
    /// Called once before anything is served (e.g. register the webhook); a thrown error stops the start.
    var prepare: (@Sendable () async throws -> Void)?
    /// A long-running inbound loop (Telegram's long polling), run in its own task until cancelled; a
    /// thrown error is fatal for the service.
    var inboundLoop: (@Sendable () async throws -> Void)?
    /// How the channel receives ("polling", "webhook"), for the start-up log.
    var mode = ""
}

/// An HTTP route a channel serves.
///
/// Everything but `path` and `handler` has a default, so `ChannelRoute(path:handler:)` is a complete route;
/// the server then decides on the request's headers, before reading any body: the path must match, the
/// method must be allowed, `authorize` must say yes, and the body may be at most `maxBodyBytes`. A refusal
/// costs neither a body read nor a log line (it is counted in `/metrics` as `safa_http_refused_total`).
struct ChannelRoute: Sendable {
    /// The body limit when a route sets none: enough for any chat message or button press.
    static let defaultMaxBodyBytes = 64 << 10

    var path: String
    var handler: @Sendable (HTTPRequest) async -> HTTPResponse
    /// The methods served (uppercase); others are answered 405 on their headers. nil: any method.
    var methods: Set<String>? = nil
    /// Checks the request's credentials on its headers (e.g. a webhook's secret header, compared in
    /// constant time); false answers `refusedStatus` without reading the body and spends the client's failure budget.
    /// nil: the route is open. The handler should still check: this is the cheap first gate.
    var authorize: (@Sendable (HTTPRequestHead) -> Bool)? = nil
    /// The status `authorize` refusals are answered with: the same as the handler's own check gives.
    var refusedStatus = 403
    /// The largest body read for this route (a platform's documented webhook payload size); larger is 413.
    var maxBodyBytes: Int = ChannelRoute.defaultMaxBodyBytes
    /// Also serves every path under `path` + "/" (e.g. "/chat" serves "/chat/messages").
    var matchesSubpaths = false

    /// Whether this route serves `requestPath`.
    func matches(_ requestPath: String) -> Bool {
        requestPath == path || (matchesSubpaths && requestPath.hasPrefix(path.hasSuffix("/") ? path : path + "/"))
    }
}

/// What a channel is built with: the durable runtime it writes its inbound events into.
struct ChannelContext: Sendable {
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let metrics: RuntimeMetrics
    /// Every channel's media sources (filled as channels are built), for relaying foreign files.
    let media: MediaSources
    let logHandler: any LogHandler
    /// Wakes the processing loop after inbound events were stored.
    let wakeProcessing: @Sendable () -> Void
    /// Wakes the officers' desk after desk events were stored.
    let wakeDesk: @Sendable () -> Void
    /// Steps a channel's events in the transaction that stores them, when nothing older waits (see
    /// `InboxProcessor.accept`); shared with the processing loop, whose lock it takes.
    let processor: InboxProcessor
    /// Wakes what follows a commit (outbox sender, desk) after events were stepped that way.
    let wakeAfterCommit: @Sendable () -> Void

    func logger(_ label: String) -> Logger { Logger(label: label, handler: logHandler) }

    /// Stores inbound events durably and wakes processing: what a channel's webhook or poller calls.
    var inbox: ChannelInbox {
        ChannelInbox(store: store, executor: executor, metrics: metrics, onAccepted: wakeProcessing)
    }
}
