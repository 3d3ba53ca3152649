#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Carries one Bot API call: POSTs a JSON `body` to `…/bot<token>/<method>` and returns the raw answer.
public protocol TelegramTransport: Sendable {
    /// Throws only for transport failures (no connection, timeout); HTTP errors come back as a status.
    func post(method: String, body: Data) async throws -> (status: Int, body: Data)
}
