import Foundation
import HTTPServer

/// The fake Bot API served over real HTTP on 127.0.0.1, so the bot under test talks to it with libcurl
/// exactly as it would talk to api.telegram.org: `POST /bot<token>/<method>`.
public final class FakeTelegramHTTPServer: Sendable {
    public let fake: FakeTelegramServer
    let server: HTTPServer

    public init(fake: FakeTelegramServer) {
        self.fake = fake
        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: "127.0.0.1", port: 0, maxBodyBytes: 8 << 20, maxConnections: 1024,
                // The platform, not a hardened endpoint: the one bot client may open as many connections as
                // its pool holds, and nothing it does spends a failure budget.
                perIPConnectionLimit: 0, requestDeadlineSeconds: 0, failureBudget: 0),
            handler: { request in await Self.route(request, fake) })
    }

    public func start() throws { try server.start() }
    public func stop() { server.stop() }

    /// The base URL to give the bot as `TELEGRAM_API_BASE_URL`.
    public var baseURL: String { "http://127.0.0.1:\(server.port)" }

    static func route(_ request: HTTPRequest, _ fake: FakeTelegramServer) async -> HTTPResponse {
        // /file/bot<token>/<path>: a file's bytes, after getFile.
        if request.path.hasPrefix("/file/bot") {
            let rest = request.path.dropFirst("/file/bot".count)
            guard let slash = rest.firstIndex(of: "/"),
                let bytes = await fake.fileContents(
                    token: String(rest[..<slash]), path: String(rest[rest.index(after: slash)...]))
            else { return .text("Not Found", status: 404) }
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: bytes)
        }
        // /bot<token>/<method>
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].hasPrefix("bot") else {
            return .json(Data(#"{"ok":false,"error_code":404,"description":"Not Found"}"#.utf8), status: 404)
        }
        let token = String(parts[0].dropFirst(3))
        let answer = await fake.respond(
            method: String(parts[1]), token: token, body: request.body, contentType: request.headers["content-type"])
        if answer.dropConnection {
            // HTTPServer cannot cut a connection mid-answer; a bodiless 502 leaves the client just as unsure
            // whether the request was carried out, which is what this fault is for.
            return HTTPResponse(status: 502, headers: [:], body: Data())
        }
        return .json(answer.body, status: answer.status)
    }
}
