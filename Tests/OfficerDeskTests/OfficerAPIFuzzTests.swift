import DialogCore
import Foundation
import HTTPServer
import SafaBotTestSupport
import Testing

@testable import OfficerDesk

/// The officer API's body readers, fed random and adversarial bodies on every action that takes one: each
/// answer is a JSON error or success with a status the API documents, never a crash.
@Suite struct OfficerAPIFuzzTests {
    @Test func hostileBodiesGetDocumentedAnswers() async throws {
        let config = Fixtures.config()
        let api = OfficerAPI(
            config: config, keyHashes: config.apiKeyHashes(environment: ["SAFA_OFFICER_KEY_NORA": "nora-key"]),
            nodeExists: { ["help_request.review", "main.menu"].contains($0) })
        let seeds = [
            #"{"text":"مرحبًا، معك نورة"}"#, #"{"node":"help_request.review"}"#, #"{"queue":"research"}"#, "{}",
        ].map { Data($0.utf8) }
        let (original, id) = Fixtures.bookWithCase()
        let problems = try await JSONFuzzer.offThePool { () -> [String] in
            var fuzzer = JSONFuzzer(seeds: seeds)
            var problems: [String] = []
            for index in 0..<JSONFuzzer.iterations {
                var book = original
                _ = api.handle(
                    HTTPRequest(
                        method: "POST", path: "/officer/cases/\(id)/claim", headers: ["authorization": "Bearer nora-key"]),
                    now: Fixtures.sundayMorning, book: &book)
                let action = ["messages", "notes", "release", "transfer"][index % 4]
                let result = api.handle(
                    HTTPRequest(
                        method: "POST", path: "/officer/cases/\(id)/\(action)",
                        headers: ["authorization": "Bearer nora-key"], body: fuzzer.next()),
                    now: Fixtures.sundayMorning, book: &book)
                if ![200, 400, 403, 409].contains(result.response.status) || JSONNode.parse(result.response.body) == nil {
                    problems.append("seed \(JSONFuzzer.seed) case \(index): \(result.response.status)")
                }
            }
            return problems
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
