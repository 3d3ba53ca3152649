import Foundation
import HTTPServer

/// What the echo handler saw, sent back as JSON.
struct Echo: Codable, Equatable {
    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: String
    var remoteAddress: String?
}

/// Starts a server on an ephemeral 127.0.0.1 port that echoes each request as JSON.
func startEchoServer(configuration: HTTPServerConfiguration = .init()) throws -> HTTPServer {
    let server = HTTPServer(configuration: configuration) { request in
        let echo = Echo(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            body: String(decoding: request.body, as: UTF8.self), remoteAddress: request.remoteAddress)
        var response = HTTPResponse.json((try? JSONEncoder().encode(echo)) ?? Data(), status: 200)
        response.headers["X-Echo"] = "yes"
        return response
    }
    try server.start()
    return server
}
