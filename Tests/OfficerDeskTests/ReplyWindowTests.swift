import BotRuntime
import DialogCore
import Foundation
import HTTPServer
import Testing

@testable import OfficerDesk

/// WhatsApp's 24-hour window as the desk sees it: a held-back message is reported in the case, and the
/// officer holding it may send the re-engagement template, from the topic or the API.
@Suite struct ReplyWindowTests {
    let config = Fixtures.config()
    let now = Fixtures.sundayMorning
    let sara = Fixtures.sara

    func claimedBook() throws -> CaseBook {
        var book = CaseBook()
        _ = try book.apply(.open(sara, Fixtures.handoff(queue: "research")), now: now, config: config).get()
        _ = try book.apply(.claim(caseID: "C1001", officerID: "fatimah", via: .workplace), now: now, config: config).get()
        return book
    }

    @Test func aHeldBackMessageIsReportedInTheCaseAndItsTranscript() throws {
        var book = try claimedBook()
        let effects = try book.apply(.replyWindowClosed(sara), now: now, config: config).get()
        #expect(effects == [.postInPlace(caseID: "C1001", text: config.texts.topicWindowClosed, buttons: [])])
        #expect(config.texts.topicWindowClosed.contains("/reengage"))
        #expect(book["C1001"]?.transcript.last?.text == config.texts.topicWindowClosed)
        // Without a case there is nobody to tell.
        var empty = CaseBook()
        #expect(throws: CaseError.unknownCase) { try empty.apply(.replyWindowClosed(sara), now: now, config: config).get() }
    }

    @Test func theOfficerHoldingTheCaseSendsTheTemplateByCommand() throws {
        var book = try claimedBook()
        let effects = book.handle(
            inPlace: "unused", from: "telegram:222", input: .text("/reengage"), now: now, config: config,
            nodeExists: { _ in true })
        #expect(effects.isEmpty, "no case in that place")
        _ = book.apply(.placeOpened(caseID: "C1001", place: "77"), now: now, config: config)
        let done = book.handle(
            inPlace: "77", from: "telegram:222", input: .text("/reengage"), now: now, config: config,
            nodeExists: { _ in true })
        #expect(done.first == .reengageBeneficiary(sara, caseID: "C1001"))
        #expect(done.contains { if case .audit(let entry) = $0 { entry.action == "reengage" } else { false } })
        // Another officer may not, nor anyone on a waiting case.
        let other = book.handle(
            inPlace: "77", from: "telegram:111", input: .text("/reengage"), now: now, config: config,
            nodeExists: { _ in true })
        #expect(!other.contains { if case .reengageBeneficiary = $0 { true } else { false } })
        #expect(OfficerCommand.parse("/reengage now") == .failure(.unexpectedArgument(command: "reengage")))
    }
}

extension OfficerAPITests {
    @Test func theReengagementTemplateCanBeSentOverTheAPI() throws {
        var (book, id) = Fixtures.bookWithCase()
        #expect(api.handle(request("POST", "/officer/cases/\(id)/reengage"), now: now, book: &book).response.status == 409)
        _ = api.handle(request("POST", "/officer/cases/\(id)/claim"), now: now, book: &book)
        let sent = api.handle(request("POST", "/officer/cases/\(id)/reengage"), now: now, book: &book)
        #expect(sent.response.status == 200)
        #expect(sent.effects.contains { if case .reengageBeneficiary = $0 { true } else { false } })
    }
}
