public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why long polling stopped for good.
public enum TelegramPollingError: Error, Equatable, CustomStringConvertible {
    /// 409: another process polls this bot, or a webhook is set. Two pollers would steal each other's updates.
    case conflict(String)
    /// 401/404: the token is wrong or revoked.
    case unauthorized(String)

    public var description: String {
        switch self {
        case .conflict(let detail):
            "Telegram refused long polling (409 Conflict: \(detail)). Stop the other bot instance, or remove the "
                + "webhook (deleteWebhook) or run in webhook mode."
        case .unauthorized(let detail):
            "Telegram refused the bot token (\(detail)). Check TELEGRAM_BOT_TOKEN."
        }
    }
}

/// Long polling: `getUpdates` with a 50-second timeout; the offset advances only after the updates are
/// durably in the inbox, so a crash at any point re-delivers rather than loses.
public struct TelegramPoller: Sendable {
    /// The store key of the next offset to ask for.
    public static let offsetKey = "telegram.offset"
    /// Updates the bot handles; explicit because Telegram remembers the last list given.
    public static let allowedUpdates = ["message", "callback_query", "my_chat_member"]

    let client: TelegramClient
    let writer: TelegramInboxWriter
    let store: any RuntimeStore
    let executor: BlockingExecutor
    let logger: Logger
    let timeoutSeconds: Int
    let backoff: Backoff

    public init(
        client: TelegramClient, writer: TelegramInboxWriter, store: any RuntimeStore, executor: BlockingExecutor,
        logger: Logger, timeoutSeconds: Int = 50, backoff: Backoff = Backoff(base: 0.5, cap: 30)
    ) {
        self.client = client
        self.writer = writer
        self.store = store
        self.executor = executor
        self.logger = logger
        self.timeoutSeconds = timeoutSeconds
        self.backoff = backoff
    }

    /// Polls until the task is cancelled; throws only what a restart cannot fix.
    public func run() async throws {
        let store = self.store
        var offset = try await executor.run { try store.value(forKey: Self.offsetKey).flatMap { Int64($0) } }
        var failures = 0
        logger.info("polling_started", ["offset": offset.map(String.init) ?? "none"])
        while !Task.isCancelled {
            do {
                let batch = try await client.call(
                    GetUpdates(offset: offset, limit: 100, timeout: timeoutSeconds, allowedUpdates: Self.allowedUpdates)
                )
                failures = 0
                guard !batch.updates.isEmpty else { continue }
                let next = batch.nextOffset
                let accepted = try await writer.accept(batch.updates, nextOffset: next)
                if let next { offset = next }
                answer(accepted.unansweredCallbacks)
            } catch is CancellationError {
                return
            } catch let error as TelegramAPIError where error.code == 409 {
                throw TelegramPollingError.conflict(error.description)
            } catch let error as TelegramAPIError where error.code == 401 || error.code == 404 {
                throw TelegramPollingError.unauthorized(error.description)
            } catch {
                if Task.isCancelled { return }
                failures += 1
                var delay = backoff.delay(afterAttempts: failures - 1, random: Double.random(in: 0..<1))
                if let api = error as? TelegramAPIError, let retryAfter = api.retryAfter { delay = Double(retryAfter) }
                logger.warning("polling_failed", ["error": "\(error)", "retry_in_s": delay.fixed(1)])
                try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
        }
    }

    /// Acknowledges button presses now that they are stored: concurrently and off the polling loop, best
    /// effort (a press Telegram no longer knows is "too old" and needs nothing).
    private func answer(_ callbackIDs: [String]) {
        guard !callbackIDs.isEmpty else { return }
        let client = self.client
        Task {
            await withTaskGroup(of: Void.self) { group in
                for id in callbackIDs {
                    group.addTask { _ = try? await client.call(AnswerCallbackQuery(callbackQueryID: id)) }
                }
            }
        }
    }
}
