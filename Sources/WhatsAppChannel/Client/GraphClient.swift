import DialogCore
public import HTTPClient

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The Cloud API calls the bot makes, over libcurl: send a message, fetch and upload media.
public struct GraphClient: Sendable {
    /// Where the Graph API is reached.
    public struct Endpoint: Sendable, Equatable {
        /// "https://graph.facebook.com" (a fake on 127.0.0.1 in tests).
        public var baseURL: String
        /// "v23.0".
        public var version: String
        /// The business number's id, from the app's WhatsApp settings.
        public var phoneNumberID: String

        public init(baseURL: String, version: String, phoneNumberID: String) {
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.version = version
            self.phoneNumberID = phoneNumberID
        }
    }

    public let endpoint: Endpoint
    let http: HTTPClient
    let headers: [(String, String)]
    let messagesURL: String

    public init(http: HTTPClient, endpoint: Endpoint, accessToken: String) {
        self.http = http
        self.endpoint = endpoint
        headers = [
            ("Authorization", "Bearer \(accessToken)"),
            // Meta's spec defines it and some media downloads fail without one.
            ("User-Agent", "SafaBot/1.0"),
        ]
        messagesURL = "\(endpoint.baseURL)/\(endpoint.version)/\(endpoint.phoneNumberID)/messages"
    }

    /// Sends one message; returns its wamid (nil for a read receipt, answered `{"success":true}`).
    /// Throws ``GraphAPIError`` for a refusal, `CurlError` for a network failure.
    @discardableResult
    public func send(_ message: GraphMessage) async throws -> String? {
        let response = try await http.send(
            HTTPClientRequest(
                method: "POST", url: messagesURL, headers: headers + [("Content-Type", "application/json")],
                body: message.json, timeout: .seconds(20)))
        guard response.status == 200 else { throw GraphAPIError(httpStatus: response.status, body: response.body) }
        let answer = JSONNode.parse(response.body, keepingOnly: ["messages", "id", "success"])
        if let id = answer?["messages"]?.array?.first?["id"]?.string { return id }
        if answer?["success"]?.bool == true { return nil }
        throw GraphAPIError(httpStatus: response.status, code: nil, message: "unexpected answer to a send")
    }
}
