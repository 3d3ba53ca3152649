import BotRuntime
import DialogCore
import Foundation
import Synchronization
import Testing

@testable import TelegramChannel

/// A Bot API that answers sendMessage, failing the calls whose numbers (1-based) it is given with a 502.
private final class FlakyTransport: TelegramTransport {
    private struct State {
        var calls = 0
        var delivered: [String] = []
    }

    private let failing: Set<Int>
    private let state = Mutex(State())

    init(failing: Set<Int>) { self.failing = failing }

    var delivered: [String] { state.withLock { $0.delivered } }

    func post(method: String, body: Data) async throws -> (status: Int, body: Data) {
        let text = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])["text"] as? String
        let call = state.withLock { state -> Int? in
            state.calls += 1
            guard !failing.contains(state.calls) else { return nil }
            state.delivered.append(text ?? "")
            return state.calls
        }
        guard let call else {
            return (502, Data(#"{"ok":false,"error_code":502,"description":"Bad Gateway"}"#.utf8))
        }
        let answer = #"{"ok":true,"result":{"message_id":\#(call),"date":0,"chat":{"id":42,"type":"private"}}}"#
        return (200, Data(answer.utf8))
    }
}

@Suite struct TelegramSenderTests {
    /// Three paragraphs of about 3,000 characters each: three parts at Telegram's 4,096 limit.
    let longText = (1...3).map { paragraph in
        String(repeating: "الفقرة \(paragraph): نص طويل يشرح الخدمة. ", count: 100)
    }.joined(separator: "\n")

    func record(partsSent: Int = 0) -> OutboundRecord {
        OutboundRecord(
            id: 7, key: ConversationKey(channel: "telegram", chat: "42"),
            payload: .message(OutgoingMessage(text: longText)), notBefore: Date(), partsSent: partsSent)
    }

    fileprivate func sender(_ transport: FlakyTransport) -> TelegramSender {
        TelegramSender(client: TelegramClient(transport: transport)) { _ in }
    }

    @Test func aRetryAfterAFailedPartResumesThereAndSendsNoPartTwice() async throws {
        let parts = try TelegramRenderer().render(OutgoingMessage(text: longText), chatID: 42).map(\.text)
        try #require(parts.count == 3)
        let transport = FlakyTransport(failing: [2])
        let sender = sender(transport)

        let first = await sender.deliver(record())
        guard case .partlySent(let sent, _, let reason) = first else {
            Issue.record("expected partlySent, got \(first)")
            return
        }
        #expect(sent == 1)
        #expect(reason == "HTTP 502")

        let second = await sender.deliver(record(partsSent: sent))
        #expect(second == .sent(platformMessageID: "4"))
        #expect(transport.delivered == parts)
    }

    @Test func aFailureBeforeAnyNewPartIsAPlainRetryThatKeepsTheCount() async throws {
        let transport = FlakyTransport(failing: [1])
        let outcome = await sender(transport).deliver(record(partsSent: 2))
        guard case .retry(_, let reason) = outcome else {
            Issue.record("expected retry, got \(outcome)")
            return
        }
        #expect(reason == "HTTP 502")
        #expect(transport.delivered.isEmpty)
    }
}
