import Foundation
import SafaBotTestSupport
import Testing

@testable import DialogCore

/// The two JSON parsers that read network bodies, fed random and adversarial bodies (see ``JSONFuzzer``):
/// they never crash, refuse what is not JSON with a position inside the body, and agree that what one reads
/// as a document the loosely typed reader returns too.
@Suite struct InboundJSONFuzzTests {
    static func seeds() throws -> [Data] {
        let folder = PlatformSpecs.telegramExamples
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try names.sorted().prefix(20).map { try Data(contentsOf: folder.appending(path: $0)) }
            + [Data(#"{"text":"مرحبًا","n":[1,2.5,-3e2,true,false,null,{"a":{}}]}"#.utf8)]
    }

    @Test func hostileBodiesAreParsedOrRefusedNeverCrash() async throws {
        let seeds = try Self.seeds()
        let (parsed, problems) = try await JSONFuzzer.offThePool { () -> (Int, [String]) in
            var fuzzer = JSONFuzzer(seeds: seeds)
            var parsed = 0
            var problems: [String] = []
            for index in 0..<JSONFuzzer.iterations {
                let body = fuzzer.next()
                let label = "seed \(JSONFuzzer.seed) case \(index)"
                switch JSONLocator.parse(body) {
                case .success:
                    parsed += 1
                    if JSONValue.untyped(parsing: body) == nil { problems.append("\(label): untyped refused a document") }
                case .failure(let error):
                    if error.offset < 0 || error.offset > body.count || error.position.line < 1
                        || error.position.column < 1
                    {
                        problems.append("\(label): error position \(error.position) offset \(error.offset)")
                    }
                }
                _ = JSONNode.parse(body)
                _ = JSONNode.parse(body, keepingOnly: ["update_id", "message"])
            }
            return (parsed, problems)
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        // Some mutated examples stay valid: the fuzzer reaches past the first byte.
        #expect(parsed > 0)
    }
}
