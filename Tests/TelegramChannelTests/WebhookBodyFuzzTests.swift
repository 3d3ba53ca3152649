import Foundation
import SafaBotTestSupport
import Testing

@testable import TelegramChannel

/// What the Telegram webhook does with a body once its secret was right (``TelegramWebhook/read(_:)``),
/// fed mutated spec examples and adversarial bodies: an update, an id to skip, or a refusal; never a crash.
@Suite struct WebhookBodyFuzzTests {
    @Test func hostileUpdatesAreReadSkippedOrRefused() async throws {
        let folder = PlatformSpecs.telegramExamples
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("update-") && $0.hasSuffix(".json") }.sorted()
            .map { try Data(contentsOf: folder.appending(path: $0)) }
        #expect(!seeds.isEmpty)
        let (outcomes, anonymousSkips) = try await JSONFuzzer.offThePool { () -> ([Int], Int) in
            var fuzzer = JSONFuzzer(seeds: seeds)
            var outcomes = [0, 0, 0]
            var anonymousSkips = 0
            for _ in 0..<JSONFuzzer.iterations {
                switch TelegramWebhook.read(fuzzer.next()) {
                case .success: outcomes[0] += 1
                case .failure(let failure):
                    outcomes[1] += 1
                    if failure.updateID == nil { anonymousSkips += 1 }
                case nil: outcomes[2] += 1
                }
            }
            return (outcomes, anonymousSkips)
        }
        #expect(anonymousSkips == 0)
        // The unmodified examples are all updates.
        for seed in seeds { #expect((try? TelegramWebhook.read(seed)?.get()) != nil) }
        #expect(outcomes[2] > 0)
    }
}
