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
    /// Requests the server refused, by reason (shown in `/metrics`).
    var refusals = HTTPRefusals()

    /// The officer API's body limit: a message or note of ``OfficerAPI/maxTextLength`` characters, each
    /// written as a six-byte `\uXXXX` escape, fits; nothing an officer sends needs more.
    static let officerMaxBodyBytes = 32 << 10

    /// The decision on a request's headers, before any body is read (see ``HTTPAdmitter``): unknown paths,
    /// methods a route does not serve and wrong credentials are refused here, and each route gets its own
    /// body limit.
    func admit(_ head: HTTPRequestHead) -> HTTPAdmission {
        switch head.path {
        case "/healthz", "/metrics":
            guard head.method == "GET" || head.method == "HEAD" else { return Self.methodNotAllowed("GET") }
            return .accept(maxBodyBytes: 0)
        case let path where path.hasPrefix(OfficerAPI.prefix):
            guard let desk else { return .refuse(.text("no officers are configured\n", status: 404), reason: "not_found") }
            guard head.method == "GET" || head.method == "POST" else { return Self.methodNotAllowed("GET, POST") }
            guard desk.authorizes(head.headers) else {
                return .refuse(OfficerAPI.unauthorized, reason: "unauthorized")
            }
            return .accept(maxBodyBytes: Self.officerMaxBodyBytes)
        default:
            guard let route = channelRoutes.first(where: { $0.matches(head.path) }) else {
                return .refuse(.text("not found\n", status: 404), reason: "not_found")
            }
            if let methods = route.methods, !methods.contains(head.method.uppercased()) {
                return Self.methodNotAllowed(methods.sorted().joined(separator: ", "))
            }
            if let authorize = route.authorize, !authorize(head) {
                let status = route.refusedStatus
                return .refuse(
                    .text(status == 401 ? "unauthorized\n" : "forbidden\n", status: status),
                    reason: status == 401 ? "unauthorized" : "forbidden")
            }
            // Only a route that declares a credential (checked on its headers, then in full by its handler)
            // spends the client's failure budget with its handler's 401/403.
            return .accept(maxBodyBytes: route.maxBodyBytes, countsFailures: route.authorize != nil)
        }
    }

    static func methodNotAllowed(_ allow: String) -> HTTPAdmission {
        .refuse(
            HTTPResponse(status: 405, headers: ["Allow": allow], body: Data("method not allowed\n".utf8)),
            reason: "method_not_allowed")
    }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        switch (request.method, request.path) {
        // HEAD is answered as GET (libmicrohttpd leaves the body out): load balancers probe with either.
        case ("GET", "/healthz"), ("HEAD", "/healthz"):
            let store = self.store
            guard let depth = try? await executor.run({ try store.outboxDepth() }) else {
                return .json(Data(#"{"status":"unhealthy","reason":"store unavailable"}"#.utf8), status: 503)
            }
            let body = #"{"status":"ok","dialogs":"\#(dialogs.engine.bundle.version)","outbox_depth":\#(depth)}"#
            return .json(Data(body.utf8))
        case ("GET", "/metrics"), ("HEAD", "/metrics"):
            let store = self.store
            if let depth = try? await executor.run({ try store.outboxDepth() }) { metrics.setOutboxDepth(depth) }
            return HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Data((metrics.prometheusText() + ProcessMetrics.prometheusText() + refusals.prometheusText()).utf8))
        case (_, let path) where path.hasPrefix("/officer/"):
            guard let desk else { return .text("no officers are configured\n", status: 404) }
            return await desk.handleAPI(request)
        default:
            for route in channelRoutes where route.matches(request.path) { return await route.handler(request) }
            return .text("not found\n", status: 404)
        }
    }
}
