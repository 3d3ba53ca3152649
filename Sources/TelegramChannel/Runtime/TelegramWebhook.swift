public import BotRuntime
import DialogCore
public import HTTPServer
import Hashing

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
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
        guard let result = Self.read(request.body) else {
            return .text("body is not a Telegram update\n", status: 400)
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

    /// What a webhook body holds: an update, an update that names its id but cannot be decoded (acknowledged
    /// and skipped, or Telegram would retry it for ever), or nil for anything else (400).
    ///
    /// Every parser here is linear in the body and refuses nesting deeper than 64; the fuzz tests feed it
    /// random and adversarial bodies.
    public static func read(_ body: Data) -> Result<Update, UpdateDecodingFailure>? {
        // The fast reader first (see JSONNodeReadable); JSONDecoder for any shape it declines.
        if let node = JSONNode.parse(body), let update = Update(node: node) { return .success(update) }
        if let update = try? JSONDecoder().decode(Update.self, from: body) { return .success(update) }
        guard let object = JSONValue.untyped(parsing: body) as? [String: Any],
            let id = (object["update_id"] as? Int).map(Int64.init)
        else { return nil }
        return .failure(UpdateDecodingFailure(updateID: id, reason: "undecodable update"))
    }
}
