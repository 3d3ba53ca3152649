public import Foundation
public import TelegramChannel

/// A `TelegramTransport` that calls a `FakeTelegramServer` directly, without HTTP.
public struct FakeTelegramTransport: TelegramTransport {
    /// Thrown when the fake was told to drop the connection.
    public struct ConnectionDropped: Error, Sendable, Equatable {}

    public let server: FakeTelegramServer
    public let token: String

    public init(server: FakeTelegramServer, token: String? = nil) {
        self.server = server
        self.token = token ?? server.token
    }

    public func post(method: String, body: Data) async throws -> (status: Int, body: Data) {
        let response = await server.respond(method: method, token: token, body: body, contentType: "application/json")
        if response.dropConnection { throw ConnectionDropped() }
        return (response.status, response.body)
    }
}
