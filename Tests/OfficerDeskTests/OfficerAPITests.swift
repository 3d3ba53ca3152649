import BotRuntime
import DialogCore
import Foundation
import HTTPServer
import Testing

@testable import OfficerDesk

@Suite struct OfficerAPITests {
    let config = Fixtures.config()
    let now = Fixtures.sundayMorning
    let api: OfficerAPI

    init() {
        let config = Fixtures.config()
        api = OfficerAPI(
            config: config,
            keyHashes: config.apiKeyHashes(environment: [
                "SAFA_OFFICER_KEY_NORA": "nora-key", "SAFA_OFFICER_KEY_FATIMAH": "fatimah-key",
                "SAFA_OFFICER_KEY_MOHAMMED": "mohammed-key",
            ]),
            nodeExists: { ["help_request.review", "main.menu"].contains($0) })
    }

    func request(
        _ method: String, _ path: String, key: String? = "nora-key", body: String? = nil, query: [String: String] = [:]
    ) -> HTTPRequest {
        var headers: [String: String] = [:]
        if let key { headers["authorization"] = "Bearer \(key)" }
        return HTTPRequest(method: method, path: path, query: query, headers: headers, body: Data((body ?? "").utf8))
    }

    func json(_ result: OfficerAPIResult) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: result.response.body) as? [String: Any])
    }

    @Test func missingOrWrongKeysAreUnauthorized() throws {
        var (book, id) = Fixtures.bookWithCase()
        for key in [nil, "wrong", ""] as [String?] {
            let result = api.handle(request("GET", "/officer/cases/\(id)", key: key), now: now, book: &book)
            #expect(result.response.status == 401)
            #expect(result.effects.isEmpty)
        }
        var basic = request("GET", "/officer/cases", key: nil)
        basic.headers["authorization"] = "Basic bm9yYTprZXk="
        #expect(api.handle(basic, now: now, book: &book).response.status == 401)
    }

    @Test func listingShowsWaitingCasesOfTheOfficersQueuesWithPositions() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.open(Fixtures.sara, Fixtures.handoff(queue: "research")), now: now, config: config)
        let result = api.handle(request("GET", "/officer/cases", query: ["state": "waiting"]), now: now, book: &book)
        #expect(result.response.status == 200)
        #expect(result.response.headers["Content-Type"] == "application/json; charset=utf-8")
        let cases = try #require(try json(result)["cases"] as? [[String: Any]])
        #expect(cases.count == 1)
        #expect(cases.first?["id"] as? String == id)
        #expect(cases.first?["queueTitle"] as? String == "علاقات المستفيدين")
        #expect(cases.first?["reason"] as? String == "استفسار عن طلب مساعدة")
        #expect(cases.first?["state"] as? String == "waiting")
        #expect(cases.first?["position"] as? Int == 1)
        #expect(cases.first?["waitingSince"] as? String == "2026-03-15T07:00:00Z")
        let active = api.handle(request("GET", "/officer/cases", query: ["state": "active"]), now: now, book: &book)
        #expect((try json(active)["cases"] as? [Any])?.isEmpty == true)
        #expect(
            api.handle(request("GET", "/officer/cases", query: ["state": "all"]), now: now, book: &book).response.status
                == 400)
    }

    @Test func readingACaseShowsMaskedFieldsAndTheTranscriptAndIsAudited() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.beneficiarySent(Fixtures.ahmad, .text("متى يصلني الرد؟")), now: now, config: config)
        let result = api.handle(request("GET", "/officer/cases/\(id)"), now: now, book: &book)
        #expect(result.response.status == 200)
        let detail = try #require(try json(result)["case"] as? [String: Any])
        #expect(detail["from"] as? String == "help_request.review")
        let fields = try #require(detail["fields"] as? [[String: Any]])
        #expect(fields.map { $0["label"] as? String } == ["الاسم الكامل", "رقم الهوية الوطنية", "رقم الجوال"])
        #expect(fields[1]["value"] as? String == "\u{2066}••••••6789\u{2069}")
        #expect(fields[1]["sensitive"] as? Bool == true)
        let transcript = try #require(detail["transcript"] as? [[String: Any]])
        #expect(transcript.first?["who"] as? String == "beneficiary")
        #expect(transcript.first?["text"] as? String == "متى يصلني الرد؟")
        #expect(
            result.effects == [
                .audit(AuditEntry(actor: "officer:nora", action: "view", caseID: id, at: now, via: "api"))
            ])
        #expect(String(decoding: result.response.body, as: UTF8.self).contains("1023456789") == false)
    }

    @Test func claimMessageNoteAndReleaseWorkEndToEnd() throws {
        var (book, id) = Fixtures.bookWithCase()
        let claim = api.handle(request("POST", "/officer/cases/\(id)/claim"), now: now, book: &book)
        #expect(claim.response.status == 200)
        #expect((try json(claim)["case"] as? [String: Any])?["claimedBy"] as? String == "nora")
        #expect(
            claim.effects.contains(
                .audit(AuditEntry(actor: "officer:nora", action: "claim", caseID: id, at: now, via: "api"))))

        let message = api.handle(
            request("POST", "/officer/cases/\(id)/messages", body: #"{"text": "أهلًا بك، كيف أخدمك؟"}"#), now: now,
            book: &book)
        #expect(message.response.status == 200)
        #expect(
            message.effects.first
                == .relayToBeneficiary(
                    Fixtures.ahmad, caseID: id, officerName: "نورة القحطاني", content: .text("أهلًا بك، كيف أخدمك؟")))

        let note = api.handle(
            request("POST", "/officer/cases/\(id)/notes", body: #"{"text": "طلبت صورة الصك"}"#), now: now, book: &book)
        #expect(note.response.status == 200)
        #expect(book[id]?.transcript.last?.who == .note(officer: "nora"))

        let release = api.handle(
            request("POST", "/officer/cases/\(id)/release", body: #"{"node": "help_request.review"}"#), now: now,
            book: &book)
        #expect(release.response.status == 200)
        #expect(
            release.effects.contains(.handBack(Fixtures.ahmad, caseID: id, node: "help_request.review", survey: true)))
        #expect((try json(release)["case"] as? [String: Any])?["state"] as? String == "released")
    }

    @Test func releaseToAMissingNodeIsABadRequest() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = api.handle(request("POST", "/officer/cases/\(id)/claim"), now: now, book: &book)
        let result = api.handle(
            request("POST", "/officer/cases/\(id)/release", body: #"{"node": "help_request.nowhere"}"#), now: now,
            book: &book)
        #expect(result.response.status == 400)
        #expect(try json(result)["error"] as? String == "unknown_node")
        #expect(book[id]?.claimant == "nora")
        let plain = api.handle(request("POST", "/officer/cases/\(id)/release"), now: now, book: &book)
        #expect(plain.response.status == 200)
        #expect(plain.effects.contains(.handBack(Fixtures.ahmad, caseID: id, node: nil, survey: true)))
    }

    @Test func statusCodesFollowTheRules() throws {
        var (book, id) = Fixtures.bookWithCase()
        #expect(
            api.handle(request("POST", "/officer/cases/\(id)/claim", key: "fatimah-key"), now: now, book: &book)
                .response.status == 403)
        #expect(api.handle(request("GET", "/officer/cases/C4040"), now: now, book: &book).response.status == 404)
        #expect(
            api.handle(
                request("POST", "/officer/cases/\(id)/messages", body: #"{"text": "مرحبًا"}"#), now: now, book: &book
            ).response.status == 409)
        _ = api.handle(request("POST", "/officer/cases/\(id)/claim"), now: now, book: &book)
        let taken = api.handle(
            request("POST", "/officer/cases/\(id)/claim", key: "mohammed-key"), now: now, book: &book)
        #expect(taken.response.status == 409)
        #expect(try json(taken)["message"] as? String == "This case is already claimed by نورة القحطاني.")
        #expect(api.handle(request("DELETE", "/officer/cases/\(id)"), now: now, book: &book).response.status == 405)
        #expect(api.handle(request("POST", "/officer/cases/\(id)/dance"), now: now, book: &book).response.status == 404)
        #expect(api.handle(request("GET", "/officer/other"), now: now, book: &book).response.status == 404)
    }

    @Test func badJSONGetsAClearMessage() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = api.handle(request("POST", "/officer/cases/\(id)/claim"), now: now, book: &book)
        for body in ["{", #"{"text": 5}"#, #"{"text": "   "}"#, "", "[]"] {
            let result = api.handle(request("POST", "/officer/cases/\(id)/messages", body: body), now: now, book: &book)
            #expect(result.response.status == 400)
            #expect(try json(result)["error"] as? String == "bad_json")
            #expect(result.effects.isEmpty)
        }
        let long = String(repeating: "ا", count: 4097)
        let tooLong = api.handle(
            request("POST", "/officer/cases/\(id)/messages", body: #"{"text": "\#(long)"}"#), now: now, book: &book)
        #expect(tooLong.response.status == 400)
    }

    @Test func closeAndTransferAreAvailable() throws {
        var (book, id) = Fixtures.bookWithCase()
        let transfer = api.handle(
            request("POST", "/officer/cases/\(id)/transfer", body: #"{"queue": "research"}"#), now: now, book: &book)
        #expect(transfer.response.status == 200)
        #expect(book[id]?.queue == "research")
        let close = api.handle(request("POST", "/officer/cases/\(id)/close", key: "fatimah-key"), now: now, book: &book)
        #expect(close.response.status == 200)
        #expect(
            close.effects.contains(
                .audit(AuditEntry(actor: "officer:fatimah", action: "close", caseID: id, at: now, via: "api"))))
    }
}
