#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Exponential backoff with full jitter for retrying network errors and 5xx answers.
public struct Backoff: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval = 1, cap: TimeInterval = 300) {
        self.base = base
        self.cap = cap
    }

    /// The delay before attempt `attempts + 1`; `random` in [0, 1) spreads retries of many rows apart.
    public func delay(afterAttempts attempts: Int, random: Double) -> TimeInterval {
        let exponential = min(cap, base * pow(2, Double(min(attempts, 20))))
        return exponential / 2 + exponential / 2 * random
    }
}
