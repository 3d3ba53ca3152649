#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Calls Bot API methods over a transport and maps `ok: false` into `TelegramAPIError`.
public struct TelegramClient: Sendable {
    public let transport: any TelegramTransport
    private let encoder = TelegramRequestEncoder()

    public init(transport: any TelegramTransport) { self.transport = transport }

    /// Calls `method`; throws `TelegramAPIError`, `TelegramClientError` or the transport's error.
    public func call<M: TelegramMethod>(_ method: M) async throws -> M.Result {
        let request = try encoder.encode(method)
        let answer = try await transport.post(method: request.method, body: request.body)
        return try Self.decodeResult(M.Result.self, method: M.name, status: answer.status, body: answer.body)
    }

    /// Decodes an answer body: its `result` on success, else the error it describes.
    public static func decodeResult<T: Decodable>(_ type: T.Type, method: String, status: Int, body: Data) throws -> T {
        let response: APIResponse<T>
        do {
            response = try JSONDecoder().decode(APIResponse<T>.self, from: body)
        } catch {
            // Not a Bot API answer: a proxy page or a cut connection. 5xx stays retryable as an API error.
            if status >= 400 { throw TelegramAPIError(code: status, description: "HTTP \(status)") }
            throw TelegramClientError.undecodableResponse(status: status)
        }
        guard response.ok else { throw TelegramAPIError(response: response, status: status) }
        guard let result = response.result else { throw TelegramClientError.missingResult(method: method) }
        return result
    }
}
