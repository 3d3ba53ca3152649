import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import OfficerDesk

@Suite struct CaseBookTimerTests {
    let config = Fixtures.config(timeout: 10, reminder: 5)
    let now = Fixtures.sundayMorning
    let ahmad = Fixtures.ahmad

    @Test func nothingFiresBeforeTheDeadline() {
        var (book, _) = Fixtures.bookWithCase(config: config)
        #expect(book.tick(now: now.addingTimeInterval(599), config: config).isEmpty)
    }

    @Test func claimTimeoutTellsTheBeneficiaryOnceAndRemindsOfficersRepeatedly() {
        var (book, id) = Fixtures.bookWithCase(config: config)
        let deadline = now.addingTimeInterval(600)
        let first = book.tick(now: deadline, config: config)
        #expect(first.first == .tellBeneficiary(ahmad, .claimTimeout))
        #expect(
            first.contains(
                .remindOfficers(queue: "relations", caseID: id, text: "⏰ الحالة \(id) تنتظر الاستلام منذ 10 دقيقة.")))
        #expect(book[id]?.claimDeadline == nil)
        #expect(book.nextTimer == deadline.addingTimeInterval(300))
        #expect(book.tick(now: deadline.addingTimeInterval(299), config: config).isEmpty)
        let second = book.tick(now: deadline.addingTimeInterval(300), config: config)
        #expect(
            second == [
                .remindOfficers(queue: "relations", caseID: id, text: "⏰ الحالة \(id) تنتظر الاستلام منذ 15 دقيقة.")
            ])
    }

    @Test func claimingStopsTheTimers() {
        var (book, id) = Fixtures.bookWithCase(config: config)
        _ = book.apply(.claim(caseID: id, officerID: "mohammed", via: .workplace), now: now, config: config)
        #expect(book.tick(now: now.addingTimeInterval(3600), config: config).isEmpty)
    }

    @Test func aDeadlineThatFallsAfterClosingWaitsForTheNextOpening() {
        let lateOpen = Fixtures.riyadh(2026, 3, 12, 14, 55)  // Thursday, five minutes before closing
        var (book, id) = Fixtures.bookWithCase(at: lateOpen, config: config)
        let evening = Fixtures.riyadh(2026, 3, 12, 15, 5)
        #expect(book.tick(now: evening, config: config).isEmpty)
        let sundayOpening = Fixtures.riyadh(2026, 3, 15, 8, 0)
        #expect(book[id]?.claimDeadline == sundayOpening.addingTimeInterval(600))
        #expect(
            book.tick(now: sundayOpening.addingTimeInterval(600), config: config).first
                == .tellBeneficiary(ahmad, .claimTimeout))
    }

    @Test func keepWaitingAnswersWithThePlaceAndMainMenuLeavesTheQueue() throws {
        var (book, id) = Fixtures.bookWithCase(config: config)
        _ = book.tick(now: now.addingTimeInterval(600), config: config)
        let wait = try book.apply(
            .beneficiarySent(ahmad, .button(payload: CaseBook.keepWaitingPayload)), now: now, config: config
        ).get()
        #expect(wait == [.tellBeneficiary(ahmad, .keepWaiting(position: 1))])
        let leave = try book.apply(
            .beneficiarySent(ahmad, .button(payload: CaseBook.mainMenuPayload)), now: now, config: config
        ).get()
        #expect(leave.first == .handBack(ahmad, caseID: id, node: nil, survey: false))
        #expect(book[id]?.state == .closed(at: now))
        #expect(book.tick(now: now.addingTimeInterval(7200), config: config).isEmpty)
    }

    @Test func persistedTimersFireAfterARestart() throws {
        var (book, id) = Fixtures.bookWithCase(config: config)
        var restored = try JSONDecoder().decode(CaseBook.self, from: JSONEncoder().encode(book))
        #expect(
            restored.tick(now: now.addingTimeInterval(600), config: config)
                == book.tick(now: now.addingTimeInterval(600), config: config))
        #expect(restored[id]?.nextReminder != nil)
    }
}
