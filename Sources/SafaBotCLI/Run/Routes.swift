import BotRuntime
import DialogCore
import HTTPServer
import OfficerDesk

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The bot's HTTP endpoints: health, metrics, the officer API and the channels' own routes (webhooks).
struct Routes: Sendable {
    let metrics: RuntimeMetrics
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let dialogs: DialogHolder
    let desk: DeskService?
    /// The channels' routes, by exact path.
    let channelRoutes: [ChannelRoute]

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
        default:
            for route in channelRoutes where route.path == request.path { return await route.handler(request) }
            return .text("not found\n", status: 404)
        }
    }
}
