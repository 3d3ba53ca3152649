import BotRuntime
import DialogCore
import Foundation
import Testing

@testable import OfficerDesk

@Suite struct CaseCardTests {
    let config = Fixtures.config()
    let now = Fixtures.sundayMorning

    @Test func theCardShowsQueueReasonFieldsAndMasksTheNationalID() throws {
        let (book, id) = Fixtures.bookWithCase()
        let card = CaseCard.render(try #require(book[id]), config: config)
        #expect(card.contains("القائمة: علاقات المستفيدين"))
        #expect(card.contains("السبب: استفسار عن طلب مساعدة"))
        #expect(card.contains("• الاسم الكامل: \u{2066}محمد عبدالله\u{2069}"))
        #expect(card.contains("• رقم الهوية الوطنية: \u{2066}••••••6789\u{2069}"))
        #expect(!card.contains("1023456789"))
        #expect(card.contains("help_request.review"))
    }

    @Test func theCardNamesTheBeneficiarysChannel() throws {
        let (book, id) = Fixtures.bookWithCase()
        var c = try #require(book[id])
        c.key = ConversationKey(channel: "telegram", chat: "5550001")
        #expect(CaseCard.render(c, config: config).contains("القناة: تيليجرام"))
        c.key = ConversationKey(channel: "whatsapp", chat: "966501234567")
        #expect(CaseCard.render(c, config: config).contains("القناة: واتساب"))
    }

    @Test func theCardShowsOnlyTheLastTenTranscriptLines() throws {
        var (book, id) = Fixtures.bookWithCase()
        for i in 1...12 {
            _ = book.apply(.beneficiarySent(Fixtures.ahmad, .text("رسالة رقم \(i)")), now: now, config: config)
        }
        _ = book.apply(.note(caseID: id, officerID: "nora", text: "يحتاج متابعة", via: .api), now: now, config: config)
        let card = CaseCard.render(try #require(book[id]), config: config)
        #expect(!card.contains("رسالة رقم 3\n"))
        #expect(card.contains("المستفيد: رسالة رقم 4"))
        #expect(card.contains("المستفيد: رسالة رقم 12"))
        #expect(card.contains("📝 ملاحظة (نورة القحطاني): يحتاج متابعة"))
    }

    @Test func masksKeepOnlyTheLastFourCharacters() {
        #expect(CaseCard.mask("2123456789") == "\u{2066}••••••6789\u{2069}")
        #expect(CaseCard.mask("123") == "\u{2066}••••••\u{2069}")
    }

    @Test func longTopicNamesAreCutAtACharacterBoundary() throws {
        var book = CaseBook()
        let reason = String(repeating: "طلب مساعدة عاجلة للأسرة 👨‍👩‍👧 ", count: 8)
        _ = book.apply(.open(Fixtures.ahmad, Fixtures.handoff(reason: reason)), now: now, config: config)
        let name = CaseCard.topicName(try #require(book.openCase(for: Fixtures.ahmad)), config: config)
        #expect(name.utf16.count <= 128)
        #expect(name.hasPrefix("علاقات المستفيدين · C1001 · طلب مساعدة"))
        #expect(name.hasSuffix("…"))
        // No family emoji was split into its parts.
        #expect(name.unicodeScalars.filter { $0 == "\u{200D}" }.count % 2 == 0)
        #expect(CaseCard.truncate("قصير", limit: 128) == "قصير")
    }

    @Test func claimButtonsCarryTheCaseID() throws {
        let (book, id) = Fixtures.bookWithCase()
        let button = CaseCard.claimButton(try #require(book[id]), config)
        #expect(button.payload.utf8.count <= 64)
        #expect(CaseCard.caseID(fromClaimPayload: button.payload) == id)
        #expect(CaseCard.caseID(fromClaimPayload: "menu:1") == nil)
    }

    @Test func noticesReadAsPoliteArabic() {
        let texts = config.texts
        #expect(
            texts.message(for: .waiting(position: 3, queue: "relations"), config: config).text
                == "تم تسجيل طلبك في قائمة انتظار علاقات المستفيدين، وترتيبك فيها: \u{2066}3\u{2069}. سيتواصل معك أحد الموظفين قريبًا بإذن الله."
        )
        let timeout = texts.message(for: .claimTimeout, config: config)
        #expect(timeout.buttons.map(\.payload) == [CaseBook.keepWaitingPayload, CaseBook.mainMenuPayload])
        #expect(timeout.buttons.map(\.label) == ["سأنتظر", "القائمة الرئيسية"])
        #expect(
            texts.message(for: .officerJoined(officerName: "محمد عبدالله", queue: "علاقات المستفيدين"), config: config)
                .text
                == "مرحبًا بك، معك محمد عبدالله من علاقات المستفيدين. تفضل بكتابة استفسارك.")
    }

    @Test func outsideHoursSaysTheDayAndTimeOfferingsReturn() {
        let thursdayEvening = Fixtures.riyadh(2026, 3, 12, 18, 0)
        let sunday = Fixtures.riyadh(2026, 3, 15, 8, 0)
        let text = config.texts.message(
            for: .outsideHours(position: 1, queue: "relations", nextOpening: sunday, asOf: thursdayEvening),
            config: config
        ).text
        #expect(text.contains("يوم الأحد \u{2066}15\u{2069} مارس الساعة \u{2066}8:00\u{2069} صباحًا"))
        let saturdayNight = Fixtures.riyadh(2026, 3, 14, 21, 0)
        #expect(
            ArabicTime.opening(sunday, now: saturdayNight, in: config.workingHours)
                == "غدًا الأحد الساعة \u{2066}8:00\u{2069} صباحًا")
        #expect(
            ArabicTime.opening(sunday, now: Fixtures.riyadh(2026, 3, 15, 6, 0), in: config.workingHours)
                == "اليوم الساعة \u{2066}8:00\u{2069} صباحًا")
        #expect(ArabicTime.clock(hour: 15, minute: 30) == "\u{2066}3:30\u{2069} مساءً")
        let unknown = config.texts.message(
            for: .outsideHours(position: 2, queue: "relations", nextOpening: nil, asOf: thursdayEvening), config: config
        )
        #expect(unknown.text.contains("في أقرب وقت"))
    }
}
