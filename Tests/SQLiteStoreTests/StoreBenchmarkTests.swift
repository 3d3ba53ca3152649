import BotRuntime
import Testing

@testable import SQLiteStore

@Suite struct StoreBenchmarkTests {
    @Test func theBenchmarkStoresEveryStepItCounts() throws {
        try withTemporaryDatabase { path in
            let result = try StoreBenchmark.run(path: path, conversations: 5, stepsPerBatch: 3)
            #expect(result.transactionsPerSecond > 0)
            #expect(result.stepsPerSecond > 0)
            let store = try SQLiteRuntimeStore(path: path)
            #expect(try store.unprocessedInbound(limit: 100).isEmpty)
            #expect(try store.outboxDepth() == 5 * StoreBenchmark.stepsPerConversation)
            #expect(try store.requests(limit: 100).count == 5)
        }
    }
}
