import BotRuntime
import DialogCore
import HTTPServer
import TelegramChannel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The bot's HTTP endpoints: health, metrics and (in webhook mode) Telegram's webhook.
struct Routes: Sendable {
    let metrics: RuntimeMetrics
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let dialogs: DialogHolder
    let desk: DeskService?
    let webhookPath: String?
    let webhook: TelegramWebhook?

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch (request.method, request.path) {
        case ("GET", "/healthz"):
            let store = self.store
            guard let depth = try? await executor.run({ try store.outboxDepth() }) else {
                return .json(Data(#"{"status":"unhealthy","reason":"store unavailable"}"#.utf8), status: 503)
            }
            let body = #"{"status":"ok","dialogs":"\#(dialogs.engine.bundle.version)","outbox_depth":\#(depth)}"#
            return .json(Data(body.utf8))
        case ("GET", "/metrics"):
            let store = self.store
            if let depth = try? await executor.run({ try store.outboxDepth() }) { metrics.setOutboxDepth(depth) }
            return HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Data((metrics.prometheusText() + ProcessMetrics.prometheusText()).utf8))
        case (_, let path) where path.hasPrefix("/officer/"):
            guard let desk else { return .text("no officers are configured\n", status: 404) }
            return await desk.handleAPI(request)
        case (_, let path) where path == webhookPath:
            guard let webhook else { return .text("webhook not configured\n", status: 404) }
            return await webhook.handle(request)
        default:
            return .text("not found\n", status: 404)
        }
    }
}
