import DialogCore

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
    ///
    /// Results with a `JSONNodeReadable` mapping (updates, sends, Bool answers) are read without
    /// `JSONDecoder`; any body that mapping does not take, odd or broken, is decoded as before.
    public static func decodeResult<T: Decodable>(_ type: T.Type, method: String, status: Int, body: Data) throws -> T {
        let response: APIResponse<T>
        if let fast = fastResponse(T.self, body: body) {
            response = fast
        } else {
            response = try slowResponse(T.self, status: status, body: body)
        }
        guard response.ok else { throw TelegramAPIError(response: response, status: status) }
        guard let result = response.result else { throw TelegramClientError.missingResult(method: method) }
        return result
    }

    /// The envelope read through `JSONNode` when `T` has a mapping and the body has the expected shape.
    static func fastResponse<T>(_ type: T.Type, body: Data) -> APIResponse<T>? {
        guard let readable = T.self as? any JSONNodeReadable.Type else { return nil }
        // A send's answer is a whole Message of which only the id is read: the rest is checked, not built.
        let keys = readable.keysRead.map { $0.union(APIResponse<T>.keysRead) }
        guard let node = keys.map({ JSONNode.parse(body, keepingOnly: $0) }) ?? JSONNode.parse(body) else {
            return nil
        }
        return APIResponse(node: node) { readable.init(node: $0) as? T }
    }

    /// The envelope decoded by `JSONDecoder`, the reference behaviour for every body.
    static func slowResponse<T: Decodable>(_ type: T.Type, status: Int, body: Data) throws -> APIResponse<T> {
        do {
            return try JSONDecoder().decode(APIResponse<T>.self, from: body)
        } catch {
            // Not a Bot API answer: a proxy page or a cut connection. 5xx stays retryable as an API error.
            if status >= 400 { throw TelegramAPIError(code: status, description: "HTTP \(status)") }
            throw TelegramClientError.undecodableResponse(status: status)
        }
    }
}
