public import HTTPClient

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Bot API calls over libcurl: `POST <base>/bot<token>/<method>` with a JSON body.
///
/// The token lives only in the URL this type builds; `CurlError` redacts it from every description.
public struct TelegramHTTPTransport: TelegramTransport {
    let client: HTTPClient
    let baseURL: String
    let token: String
    /// Long polls wait this many seconds on Telegram's side; the HTTP timeout allows for it.
    let pollTimeoutSeconds: Int

    public init(client: HTTPClient, baseURL: String, token: String, pollTimeoutSeconds: Int = 50) {
        self.client = client
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.pollTimeoutSeconds = pollTimeoutSeconds
    }

    public func post(method: String, body: Data) async throws -> (status: Int, body: Data) {
        let timeout: Duration = method == GetUpdates.name ? .seconds(pollTimeoutSeconds + 15) : .seconds(30)
        let request = HTTPClientRequest(
            method: "POST", url: "\(baseURL)/bot\(token)/\(method)",
            headers: [("Content-Type", "application/json")], body: body, timeout: timeout)
        let response = try await client.send(request)
        return (response.status, response.body)
    }

    public func postForm(method: String, parts: [HTTPFormPart]) async throws -> (status: Int, body: Data) {
        // Uploads may be large and slow: a minute for the whole transfer.
        let request = HTTPClientRequest(
            method: "POST", url: "\(baseURL)/bot\(token)/\(method)", form: parts, timeout: .seconds(60))
        let response = try await client.send(request)
        return (response.status, response.body)
    }

    public func download(filePath: String) async throws -> Data {
        let response = try await client.send(
            HTTPClientRequest(url: "\(baseURL)/file/bot\(token)/\(filePath)", timeout: .seconds(60)))
        guard response.status == 200 else { throw TelegramClientError.downloadFailed(status: response.status) }
        return response.body
    }
}
