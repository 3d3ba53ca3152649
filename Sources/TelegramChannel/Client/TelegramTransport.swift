public import HTTPClient

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Carries one Bot API call: POSTs a JSON `body` to `…/bot<token>/<method>` and returns the raw answer.
public protocol TelegramTransport: Sendable {
    /// Throws only for transport failures (no connection, timeout); HTTP errors come back as a status.
    func post(method: String, body: Data) async throws -> (status: Int, body: Data)

    /// Uploads a file: POSTs multipart/form-data `parts` (built by libcurl) to `…/bot<token>/<method>`.
    func postForm(method: String, parts: [HTTPFormPart]) async throws -> (status: Int, body: Data)

    /// Downloads a file by its `file_path` from getFile (`…/file/bot<token>/<path>`).
    func download(filePath: String) async throws -> Data
}

extension TelegramTransport {
    /// Uploads a file: POSTs multipart/form-data `parts` to `…/bot<token>/<method>`. Transports that
    /// cannot upload refuse, and the file is then not passed on.
    public func postForm(method: String, parts: [HTTPFormPart]) async throws -> (status: Int, body: Data) {
        throw TelegramClientError.uploadUnsupported
    }

    /// Downloads a file by its `file_path` from getFile (`…/file/bot<token>/<path>`).
    public func download(filePath: String) async throws -> Data {
        throw TelegramClientError.uploadUnsupported
    }
}
