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

    @Test func hostileBodiesAreParsedOrRefusedNeverCrash() throws {
        var fuzzer = JSONFuzzer(seeds: try Self.seeds())
        var parsed = 0
        for index in 0..<JSONFuzzer.iterations {
            let body = fuzzer.next()
            let label = "seed \(JSONFuzzer.seed) case \(index)"
            switch JSONLocator.parse(body) {
            case .success:
                parsed += 1
                #expect(JSONValue.untyped(parsing: body) != nil, "\(label)")
            case .failure(let error):
                #expect(error.offset >= 0 && error.offset <= body.count, "\(label)")
                #expect(error.position.line >= 1 && error.position.column >= 1, "\(label)")
            }
            _ = JSONNode.parse(body)
            _ = JSONNode.parse(body, keepingOnly: ["update_id", "message"])
        }
        // Some mutated examples stay valid: the fuzzer reaches past the first byte.
        #expect(parsed > 0)
    }
}
