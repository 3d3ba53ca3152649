import DialogCore
import Foundation
import SafaBotTestSupport
import Testing

@testable import WhatsAppChannel

/// The WhatsApp webhook's reader (after its signature was checked), fed mutated Meta examples and
/// adversarial bodies: a payload or a refusal, never a crash.
@Suite struct WebhookPayloadFuzzTests {
    @Test func hostilePayloadsAreReadOrRefused() async throws {
        let folder = PlatformSpecs.directory.appending(path: "whatsapp/examples")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("webhook-") && $0.hasSuffix(".json") }.sorted()
            .map { try Data(contentsOf: folder.appending(path: $0)) }
        #expect(!seeds.isEmpty)
        let read = try await JSONFuzzer.offThePool { () -> Int in
            var fuzzer = JSONFuzzer(seeds: seeds)
            var read = 0
            for _ in 0..<JSONFuzzer.iterations {
                if JSONNode.parse(fuzzer.next()).flatMap(WebhookPayload.init) != nil { read += 1 }
            }
            return read
        }
        for seed in seeds { #expect(JSONNode.parse(seed).flatMap(WebhookPayload.init) != nil) }
        #expect(read < JSONFuzzer.iterations)
    }
}
