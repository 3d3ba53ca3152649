import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import OfficerDesk

@Suite struct CaseBookTopicTests {
    let config = Fixtures.config()
    let now = Fixtures.sundayMorning
    let nodes: (String) -> Bool = { ["help_request.review", "main.menu"].contains($0) }

    func bookWithTopic() -> (CaseBook, String) {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.placeOpened(caseID: id, place: "42"), now: now, config: config)
        return (book, id)
    }

    @Test func theClaimButtonClaimsAndRepliesReachTheBeneficiary() {
        var (book, id) = bookWithTopic()
        let claimed = book.handle(
            inPlace: "42", from: "telegram:111", input: .button(payload: "desk:claim:\(id)"), now: now, config: config,
            nodeExists: nodes)
        #expect(claimed.contains(.postInPlace(caseID: id, text: "✅ استلم الحالة: محمد عبدالله", buttons: [])))
        let reply = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("وعليكم السلام، تفضل"), now: now, config: config,
            nodeExists: nodes)
        #expect(
            reply.first
                == .relayToBeneficiary(
                    Fixtures.ahmad, caseID: id, officerName: "محمد عبدالله", content: .text("وعليكم السلام، تفضل")))
    }

    @Test func everyRefusalIsAnsweredInTheTopic() {
        var (book, id) = bookWithTopic()
        let notOfficer = book.handle(
            inPlace: "42", from: "telegram:999", input: .text("/claim"), now: now, config: config, nodeExists: nodes)
        #expect(notOfficer == [.postInPlace(caseID: id, text: "You are not configured as an officer.", buttons: [])])
        let wrongQueue = book.handle(
            inPlace: "42", from: "telegram:222", input: .text("/claim@SafaBot"), now: now, config: config,
            nodeExists: nodes)
        #expect(
            wrongQueue == [
                .postInPlace(caseID: id, text: "You are not an officer of the \"relations\" queue.", buttons: [])
            ])
        let typo = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("/relese"), now: now, config: config, nodeExists: nodes)
        #expect(
            typo == [.postInPlace(caseID: id, text: OfficerCommandError.unknownCommand("/relese").message, buttons: [])]
        )
        let early = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("مرحبًا"), now: now, config: config, nodeExists: nodes)
        #expect(early == [.postInPlace(caseID: id, text: "Claim this case first (/claim).", buttons: [])])
    }

    @Test func releaseToAnUnknownNodeIsRefusedBeforeAnythingChanges() {
        var (book, id) = bookWithTopic()
        _ = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("/claim"), now: now, config: config, nodeExists: nodes)
        let refused = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("/release help_request.nowhere"), now: now,
            config: config,
            nodeExists: nodes)
        #expect(refused.count == 1)
        #expect(book[id]?.claimant == "mohammed")
        let released = book.handle(
            inPlace: "42", from: "telegram:111", input: .text("/release help_request.review"), now: now, config: config,
            nodeExists: nodes)
        #expect(released.contains(.handBack(Fixtures.ahmad, caseID: id, node: "help_request.review", survey: true)))
    }

    @Test func aTopicWithoutACaseIsIgnored() {
        var (book, _) = bookWithTopic()
        #expect(
            book.handle(
                inPlace: "7", from: "telegram:111", input: .text("/claim"), now: now, config: config, nodeExists: nodes
            ).isEmpty)
    }
}
