import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import OfficerDesk

@Suite struct CaseBookTests {
    let config = Fixtures.config()
    let now = Fixtures.sundayMorning
    let ahmad = Fixtures.ahmad

    @Test func openingACaseTellsThePositionAndPostsACardWithAClaimButton() throws {
        var book = CaseBook()
        let effects = try book.apply(.open(ahmad, Fixtures.handoff()), now: now, config: config).get()
        let c = try #require(book.openCase(for: ahmad))
        #expect(c.id == "C1001")
        #expect(c.state == .waiting(since: now))
        #expect(c.claimDeadline == now.addingTimeInterval(600))
        #expect(effects.first == .tellBeneficiary(ahmad, .waiting(position: 1, queue: "relations")))
        #expect(
            effects.contains(.openPlace(caseID: "C1001", title: "علاقات المستفيدين · C1001 · استفسار عن طلب مساعدة")))
        let card = effects.compactMap { e -> [Button]? in if case .postInPlace(_, _, let b) = e { b } else { nil } }
        #expect(card.first == [Button(payload: "desk:claim:C1001", label: "استلام الحالة")])
        #expect(
            effects.last
                == .audit(
                    AuditEntry(
                        actor: "beneficiary", action: "open", caseID: "C1001", at: now, via: "telegram",
                        detail: "relations")))
    }

    @Test func withoutAGroupNoTopicEffectsAreProduced() throws {
        var book = CaseBook()
        let effects = try book.apply(.open(ahmad, Fixtures.handoff()), now: now, config: Fixtures.config(group: nil))
            .get()
        #expect(effects.count == 2)
        #expect(!effects.contains { if case .openPlace = $0 { true } else { false } })
    }

    @Test func positionIsTheOrderAmongWaitingCasesOfTheSameQueue() throws {
        var book = CaseBook()
        let third = ConversationKey(channel: "telegram", chat: "5003")
        _ = book.apply(.open(ahmad, Fixtures.handoff()), now: now, config: config)
        _ = book.apply(
            .open(Fixtures.sara, Fixtures.handoff(queue: "research")), now: now.addingTimeInterval(5), config: config)
        let effects = try book.apply(.open(third, Fixtures.handoff()), now: now.addingTimeInterval(10), config: config)
            .get()
        #expect(effects.first == .tellBeneficiary(third, .waiting(position: 2, queue: "relations")))
        #expect(book.position(of: "C1002") == 1)
        _ = book.apply(.claim(caseID: "C1001", officerID: "mohammed", via: .workplace), now: now, config: config)
        #expect(book.position(of: "C1003") == 1)
        #expect(book.position(of: "C1001") == nil)
    }

    @Test func askingAgainWhileWaitingRepeatsThePlaceInsteadOfOpeningAnotherCase() throws {
        var (book, _) = Fixtures.bookWithCase()
        let effects = try book.apply(.open(ahmad, Fixtures.handoff()), now: now, config: config).get()
        #expect(effects == [.tellBeneficiary(ahmad, .waiting(position: 1, queue: "relations"))])
        #expect(book.cases.count == 1)
    }

    @Test func outsideHoursTheBeneficiaryHearsWhenOfficersAreBack() throws {
        var book = CaseBook()
        let thursdayEvening = Fixtures.riyadh(2026, 3, 12, 18, 0)
        let effects = try book.apply(.open(ahmad, Fixtures.handoff()), now: thursdayEvening, config: config).get()
        let sunday = Fixtures.riyadh(2026, 3, 15, 8, 0)
        #expect(
            effects.first
                == .tellBeneficiary(
                    ahmad, .outsideHours(position: 1, queue: "relations", nextOpening: sunday, asOf: thursdayEvening)))
        // Claim time counts from the opening, not through the weekend.
        #expect(book.openCase(for: ahmad)?.claimDeadline == sunday.addingTimeInterval(600))
    }

    @Test func anUnknownQueueIsRefused() {
        var book = CaseBook()
        #expect(
            book.apply(.open(ahmad, Fixtures.handoff(queue: "legal")), now: now, config: config).error
                == .unknownQueue("legal"))
        #expect(book.cases.isEmpty)
    }

    @Test func claimingTellsTheBeneficiaryTheOfficerNameAndClearsTimers() throws {
        var (book, id) = Fixtures.bookWithCase()
        let effects = try book.apply(
            .claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config
        ).get()
        #expect(
            effects.first
                == .tellBeneficiary(ahmad, .officerJoined(officerName: "محمد عبدالله", queue: "علاقات المستفيدين")))
        #expect(effects.contains(.postInPlace(caseID: id, text: "✅ استلم الحالة: محمد عبدالله", buttons: [])))
        #expect(book[id]?.state == .claimed(officer: "mohammed", at: now))
        #expect(book[id]?.claimDeadline == nil)
        #expect(book.nextTimer == nil)
        #expect(book.active().map(\.id) == [id])
    }

    @Test func onlyOfficersOfTheQueueMayClaim() {
        var (book, id) = Fixtures.bookWithCase()
        #expect(
            book.apply(.claim(caseID: id, officerID: "fatimah", via: .workplace), now: now, config: config).error
                == .notInQueue(queue: "relations"))
        #expect(
            book.apply(.claim(caseID: id, officerID: "stranger", via: .workplace), now: now, config: config).error
                == .notAnOfficer)
        #expect(
            book.apply(.claim(caseID: "C9999", officerID: "mohammed", via: .workplace), now: now, config: config).error
                == .unknownCase)
        #expect(book[id]?.claimant == nil)
    }

    @Test func aClaimedCaseCannotBeTakenByAColleagueButReclaimingIsHarmless() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        #expect(
            book.apply(.claim(caseID: id, officerID: "nora", via: .api), now: now, config: config).error
                == .alreadyClaimed(by: "محمد عبدالله"))
        #expect(
            try book.apply(.claim(caseID: id, officerID: "mohammed", via: .api), now: now, config: config).get() == [])
    }

    @Test func repliesReachTheBeneficiaryOnlyFromTheClaimant() throws {
        var (book, id) = Fixtures.bookWithCase()
        #expect(
            book.apply(
                .reply(caseID: id, officerID: "mohammed", content: .text("السلام عليكم"), via: .workplace), now: now,
                config: config
            ).error == .notClaimed)
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        let effects = try book.apply(
            .reply(caseID: id, officerID: "mohammed", content: .text("السلام عليكم، كيف أخدمك؟"), via: .workplace),
            now: now, config: config
        ).get()
        #expect(
            effects.first
                == .relayToBeneficiary(
                    ahmad, caseID: id, officerName: "محمد عبدالله", content: .text("السلام عليكم، كيف أخدمك؟")))
        #expect(
            book[id]?.transcript.last
                == TranscriptEntry(who: .officer(id: "mohammed"), text: "السلام عليكم، كيف أخدمك؟", at: now))
        #expect(
            book.apply(
                .reply(caseID: id, officerID: "nora", content: .text("مرحبًا"), via: .api), now: now, config: config
            ).error == .alreadyClaimed(by: "محمد عبدالله"))
    }

    @Test func apiRepliesAreMirroredInTheTopic() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "nora", via: .api), now: now, config: config)
        let effects = try book.apply(
            .reply(caseID: id, officerID: "nora", content: .text("أهلًا بك"), via: .api), now: now, config: config
        ).get()
        #expect(effects.contains(.postInPlace(caseID: id, text: "💬 نورة القحطاني: أهلًا بك", buttons: [])))
    }

    @Test func beneficiaryMessagesAreRelayedToTheTopicAndKeptInTheTranscript() throws {
        var (book, id) = Fixtures.bookWithCase()
        let photo = EventContent.attachment(Attachment(kind: .photo, fileID: "AgAD1"))
        #expect(
            try book.apply(.beneficiarySent(ahmad, .text("متى يصلني الرد؟")), now: now, config: config).get() == [
                .relayToPlace(caseID: id, content: .text("متى يصلني الرد؟"))
            ])
        #expect(
            try book.apply(.beneficiarySent(ahmad, photo), now: now, config: config).get() == [
                .relayToPlace(caseID: id, content: photo)
            ])
        #expect(book[id]?.transcript.map(\.text) == ["متى يصلني الرد؟", "[صورة]"])
        #expect(
            book.apply(.beneficiarySent(Fixtures.sara, .text("مرحبا")), now: now, config: config).error == .unknownCase)
    }

    @Test func notesStayInternal() throws {
        var (book, id) = Fixtures.bookWithCase()
        let effects = try book.apply(
            .note(caseID: id, officerID: "nora", text: "اتصلت بالمستفيد ولم يرد", via: .api), now: now, config: config
        ).get()
        #expect(
            !effects.contains {
                if case .tellBeneficiary = $0 { true } else if case .relayToBeneficiary = $0 { true } else { false }
            })
        #expect(book[id]?.transcript.last?.who == .note(officer: "nora"))
        #expect(
            effects.contains(
                .postInPlace(caseID: id, text: "📝 سُجّلت ملاحظة داخلية من نورة القحطاني (لا تظهر للمستفيد).", buttons: [])
            ))
    }

    @Test func releaseToANodeHandsBackWithTheSurvey() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        let later = now.addingTimeInterval(300)
        let effects = try book.apply(
            .release(caseID: id, officerID: "mohammed", node: "help_request.review", via: .workplace), now: later,
            config: config
        ).get()
        #expect(
            effects.prefix(2) == [
                .tellBeneficiary(ahmad, .handedBack),
                .handBack(ahmad, caseID: id, node: "help_request.review", survey: true),
            ])
        #expect(effects.contains(.closePlace(caseID: id)))
        #expect(
            effects.last
                == .audit(
                    AuditEntry(
                        actor: "officer:mohammed", action: "release", caseID: id, at: later, via: "telegram",
                        detail: "help_request.review")))
        #expect(book[id]?.state == .released(at: later, toNode: "help_request.review"))
        #expect(book.openCase(for: ahmad) == nil)
        #expect(
            book.apply(.close(caseID: id, officerID: "mohammed", via: .workplace), now: later, config: config).error
                == .caseClosed)
    }

    @Test func releasingAWaitingCaseNeedsAClaimButClosingItDoesNot() throws {
        var (book, id) = Fixtures.bookWithCase()
        #expect(
            book.apply(
                .release(caseID: id, officerID: "mohammed", node: nil, via: .workplace), now: now, config: config
            )
            .error == .notClaimed)
        let effects = try book.apply(.close(caseID: id, officerID: "nora", via: .api), now: now, config: config).get()
        #expect(effects.contains(.handBack(ahmad, caseID: id, node: nil, survey: false)))
        #expect(book[id]?.state == .closed(at: now))
    }

    @Test func surveyAnswersAreKeptWithCaseQueueAndOfficer() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        _ = book.apply(.close(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        let answer = SurveyAnswer(node: NodeRef(flow: "survey", node: "rate"), rating: "5", answeredAt: now)
        _ = try book.apply(.survey(ahmad, answer), now: now, config: config).get()
        #expect(book[id]?.survey == answer)
        #expect(book[id]?.queue == "relations")
        #expect(book[id]?.officerID == "mohammed")
        #expect(book.apply(.survey(ahmad, answer), now: now, config: config).error == .unknownCase)
    }

    @Test func transferMovesTheCaseToTheEndOfTheOtherQueue() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        #expect(
            book.apply(
                .transfer(caseID: id, officerID: "mohammed", queue: "legal", via: .workplace), now: now, config: config
            ).error == .unknownQueue("legal"))
        #expect(
            book.apply(
                .transfer(caseID: id, officerID: "mohammed", queue: "relations", via: .workplace), now: now,
                config: config
            ).error == .sameQueue)
        let effects = try book.apply(
            .transfer(caseID: id, officerID: "mohammed", queue: "research", via: .workplace), now: now, config: config
        ).get()
        #expect(effects.first == .tellBeneficiary(ahmad, .transferred(queue: "البحث الاجتماعي", position: 1)))
        #expect(effects.contains(.renamePlace(caseID: id, title: "البحث الاجتماعي · \(id) · استفسار عن طلب مساعدة")))
        #expect(book[id]?.queue == "research")
        #expect(book[id]?.state == .waiting(since: now))
        #expect(
            book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config).error
                == .notInQueue(queue: "research"))
        #expect(
            book.apply(.claim(caseID: id, officerID: "fatimah", via: .workplace), now: now, config: config).value != nil
        )
    }

    @Test func leavingTheQueueClosesTheCaseAndItsTopic() throws {
        var (book, id) = Fixtures.bookWithCase()
        let effects = try book.apply(.beneficiaryLeft(ahmad), now: now, config: config).get()
        #expect(effects.contains(.closePlace(caseID: id)))
        #expect(!effects.contains { if case .handBack = $0 { true } else { false } })
        #expect(book[id]?.state == .closed(at: now))
    }

    @Test func failedActionsChangeNothing() {
        var (book, id) = Fixtures.bookWithCase()
        let before = book
        _ = book.apply(
            .transfer(caseID: id, officerID: "fatimah", queue: "research", via: .workplace), now: now, config: config)
        #expect(book == before)
    }

    @Test func topicsMapBackToTheirCases() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = try book.apply(.placeOpened(caseID: id, place: "77"), now: now, config: config).get()
        #expect(book.caseInPlace("77")?.id == id)
        #expect(book.caseInPlace("78") == nil)
    }

    @Test func theBookSurvivesARoundTripThroughJSON() throws {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        _ = book.apply(
            .note(caseID: id, officerID: "mohammed", text: "ملاحظة", via: .workplace), now: now, config: config)
        let data = try JSONEncoder().encode(book)
        #expect(try JSONDecoder().decode(CaseBook.self, from: data) == book)
        let rebuilt = CaseBook(cases: Array(book.cases.values))
        #expect(rebuilt.nextNumber == 1002)
    }

    @Test func finishedCasesCanBeRemovedForArchiving() {
        var (book, id) = Fixtures.bookWithCase()
        _ = book.apply(.close(caseID: id, officerID: "nora", via: .api), now: now, config: config)
        #expect(book.removeFinished(before: now).isEmpty)
        #expect(book.removeFinished(before: now.addingTimeInterval(1)).map(\.id) == [id])
        #expect(book.cases.isEmpty)
    }
}
