import Dispatch

/// Runs a blocking call on a Dispatch thread and awaits it.
///
/// `BotService.start()` (webhook registration) and `stop()` (drain) wait on semaphores for work
/// they hand to Swift's cooperative pool; called straight from an async test they hold one of its
/// threads (two on this machine) while waiting, and tests running in parallel can starve each other.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

/// Runs `body`, then `cleanup` off the cooperative pool, whether `body` threw or not.
public func withCleanup<T: Sendable>(
    _ cleanup: @escaping @Sendable () -> Void, _ body: () async throws -> T
) async throws -> T {
    do {
        let result = try await body()
        try await offPool(cleanup)
        return result
    } catch {
        try? await offPool(cleanup)
        throw error
    }
}
