import Foundation
import HTTPServer

/// The fake Bot API over HTTP with `latency` added before every answer, like a far-away api.telegram.org.
public final class SlowFakeTelegramHTTPServer: Sendable {
    public let fake: FakeTelegramServer
    public let latency: Duration
    let server: HTTPServer

    public init(fake: FakeTelegramServer, latency: Duration) {
        self.fake = fake
        self.latency = latency
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, maxBodyBytes: 8 << 20, maxConnections: 1024,
                // The platform, not a hardened endpoint: the one bot client may open as many connections as
                // its pool holds, and nothing it does spends a failure budget.
                perIPConnectionLimit: 0, requestDeadlineSeconds: 0, failureBudget: 0),
            handler: { request in
                // The wait happens while the request is suspended, so other connections are served meanwhile.
                try? await Task.sleep(for: latency)
                return await FakeTelegramHTTPServer.route(request, fake)
            })
    }

    public func start() throws { try server.start() }
    public func stop() { server.stop() }

    /// The base URL to give the bot as `TELEGRAM_API_BASE_URL`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }
}
