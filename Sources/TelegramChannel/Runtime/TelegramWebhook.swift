public import BotRuntime
import DialogCore
public import HTTPServer
import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Receives updates Telegram posts to our webhook URL.
///
/// A request is trusted only with the right `X-Telegram-Bot-Api-Secret-Token` (compared in constant
/// time); it is answered 200 only once its update is durably in the inbox, so Telegram retries otherwise.
public struct TelegramWebhook: Sendable {
    let secret: [UInt8]
    let writer: TelegramInboxWriter
    let logger: Logger

    public init(secret: String, writer: TelegramInboxWriter, logger: Logger) {
        self.secret = Array(secret.utf8)
        self.writer = writer
        self.logger = logger
    }

    /// Whether `headers` (lowercased names) carry the secret token: checked by the server on the headers,
    /// before any body is read, and again by ``handle(_:)``.
    public func authorizes(_ headers: [String: String]) -> Bool {
        Hashing.constantTimeEquals(Array((headers["x-telegram-bot-api-secret-token"] ?? "").utf8), secret)
    }

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.method == "POST" else {
            return HTTPResponse(status: 405, headers: ["Allow": "POST"], body: Data("method not allowed\n".utf8))
        }
        // Refusals are counted by the server (safa_http_refused_total), not logged: a flood of forged
        // requests must not flood the log.
        guard authorizes(request.headers) else { return .text("forbidden\n", status: 403) }
        let result: Result<Update, UpdateDecodingFailure>
        do {
            // The fast reader first (see JSONNodeReadable); JSONDecoder for any shape it declines.
            if let node = JSONNode.parse(request.body), let update = Update(node: node) {
                result = .success(update)
            } else {
                result = .success(try JSONDecoder().decode(Update.self, from: request.body))
            }
        } catch {
            // Not an update. If it at least names an update_id, acknowledge and skip it (Telegram would
            // otherwise retry it forever); anything else is refused.
            guard let object = JSONValue.untyped(parsing: request.body) as? [String: Any],
                let id = (object["update_id"] as? Int).map(Int64.init)
            else { return .text("body is not a Telegram update\n", status: 400) }
            result = .failure(UpdateDecodingFailure(updateID: id, reason: "undecodable update"))
        }
        do {
            let accepted = try await writer.accept([result])
            // A button press, once stored, is answered in the webhook reply itself, as the Bot API allows.
            if let callbackID = accepted.unansweredCallbacks.first {
                var reply = JSONWriter()
                reply.object {
                    $0.string("method", "answerCallbackQuery")
                    $0.string("callback_query_id", callbackID)
                }
                return .json(reply.data)
            }
            return .json(Data("{}".utf8))
        } catch {
            logger.error("webhook_store_failed", ["error": "\(error)"])
            return .text("temporarily unavailable\n", status: 503)
        }
    }
}
