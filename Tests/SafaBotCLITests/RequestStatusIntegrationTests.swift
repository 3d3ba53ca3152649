import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import SafaBotTestSupport
import Testing

@testable import SQLiteStore
@testable import SafaBotCLI

/// Officers change a request's status on the fake Telegram server and over the officer API; the
/// beneficiary is told on Telegram once per change, across a restart.
extension OfficerDeskIntegrationTests {
    @Test func officersChangeAStatusByCommandAndAPIAndTheBeneficiaryIsToldOnce() async throws {
        let bot = try Bot(httpPort: true)
        defer { bot.stop() }
        await bot.fake.addForumGroup(chatID: Self.group)
        let chat: Int64 = 6161
        for text in [
            "/start", "1", "محمد عبدالله الأحمد", "١٠٢٣٤٥٦٧٨١", "٠٥٥١٢٣٤٥٦٧", "الرياض", "٥", "٣٥٠٠", "1", "1", "تخطي",
            "البيانات صحيحة", "أقرّ وأوافق",
        ] {
            await bot.fake.userSends(chatID: chat, text: text)
        }
        #expect(await TestEnvironment.eventually { (try? bot.store.requests(limit: 1).count) == 1 })
        let reference = try #require(try bot.store.requests(limit: 1).first?.reference)
        let attestation = try #require(try bot.store.request(reference: reference)?.attestation)
        #expect(attestation.channel == "telegram")
        #expect(attestation.platformMessageID?.hasPrefix("telegram:") == true)

        // In the officers' group, by a configured officer: allowed, answered where it was typed.
        let spoken = ReferenceNumber.display(reference).replacingOccurrences(of: "\u{00A0}", with: " ")
        await bot.fake.officerSends(chatID: Self.group, userID: Self.officer, text: "/status \(spoken) in_review")
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).contains { $0.contains("قيد الدراسة لدى لجنة البحث") }
            })
        #expect(await bot.topicTexts(nil).contains { $0.contains("submitted → in_review by محمد عبدالله") })
        // A stranger in the group cannot.
        await bot.fake.officerSends(chatID: Self.group, userID: Self.stranger, text: "/status \(reference) rejected")
        #expect(await TestEnvironment.eventually { await bot.topicTexts(nil).contains { $0.contains("Only officers") } })

        let port = try #require(bot.service.httpPort)
        let client = try HTTPClient()
        defer { client.shutdown() }
        func post(_ body: String, key: String = Self.apiKey) async throws -> (Int, [String: Any]) {
            let response = try await client.send(
                HTTPClientRequest(
                    method: "POST", url: "http://127.0.0.1:\(port)/officer/requests/\(reference)/status",
                    headers: [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json")],
                    body: Data(body.utf8)))
            return (response.status, (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:])
        }
        #expect(try await post(#"{"status":"accepted"}"#, key: "wrong").0 == 401)
        #expect(try await post(#"{"status":"flying"}"#).0 == 400)
        let (ok, changed) = try await post(#"{"status":"accepted","reason":"اكتملت الدراسة","note":"committee 12/2026"}"#)
        #expect(ok == 200)
        #expect(changed["from"] as? String == "in_review" && changed["to"] as? String == "accepted")
        let (conflict, refusal) = try await post(#"{"status":"in_review"}"#)
        #expect(conflict == 409)
        #expect((refusal["message"] as? String)?.contains("Allowed next: closed") == true)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).contains { $0.contains("تمت الموافقة على طلبك") }
            })

        let events = try bot.store.requestEvents(reference: reference)
        #expect(events.map(\.actor) == ["mohammed", "mohammed"])
        #expect(events.map(\.via) == ["telegram", "api"])
        #expect(events[1].note == "committee 12/2026")

        // Once each, even after a restart.
        try bot.restart()
        // The outbox keeps one chat's order: a repeated notice would arrive before the answer to this.
        let before = await bot.fake.sentTexts(chatID: chat).count
        await bot.fake.userSends(chatID: chat, text: "القائمة")
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).count > before })
        let texts = await bot.fake.sentTexts(chatID: chat)
        #expect(texts.filter { $0.contains("تمت الموافقة على طلبك") }.count == 1)
        #expect(texts.filter { $0.contains("قيد الدراسة لدى لجنة البحث") }.count == 1)
        #expect(!texts.contains { $0.contains("committee 12/2026") }, "the internal note stays internal")
    }
}
