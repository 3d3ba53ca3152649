import DialogCore
import Foundation
import SafaBotTestSupport
import Testing
import WhatsAppChannel

@Suite struct WhatsAppRendererTests {
    let renderer = WhatsAppRenderer()
    static let validator = Result { try GraphRequestValidator() }

    func options(_ labels: [String]) -> [Button] {
        labels.enumerated().map { Button(payload: "opt\($0.offset)", label: $0.element) }
    }

    /// Every part passes the fake Graph API's checks (the spec's examples and limits).
    func expectValid(_ rendering: WhatsAppRenderer.Rendering) throws {
        let validator = try Self.validator.get()
        for part in rendering.parts {
            #expect(validator.violations(part.json) == [], "\(String(decoding: part.json, as: UTF8.self))")
        }
    }

    @Test func upToThreeShortOptionsAreReplyButtons() throws {
        let r = try renderer.render(OutgoingMessage(text: "هل تريد المتابعة؟", buttons: options(["نعم", "لا", "القائمة"])), to: "9665")
        #expect(
            r.parts == [
                .buttons(
                    to: "9665", body: "هل تريد المتابعة؟",
                    buttons: [.init(id: "opt0", title: "نعم"), .init(id: "opt1", title: "لا"), .init(id: "opt2", title: "القائمة")])
            ])
        #expect(r.numberedMenu == nil)
        try expectValid(r)
    }

    @Test func fourToTenOptionsOrLongLabelsAreAList() throws {
        let long = "طلب مساعدة مالية عاجلة للأسرة"  // 29 characters: too long for a button and a row title
        let r = try renderer.render(OutgoingMessage(text: "اختر الخدمة", buttons: options([long, "التطوع"])), to: "9665")
        guard case .list(_, let body, let button, let rows) = r.parts.last else {
            Issue.record("not a list: \(r.parts)")
            return
        }
        #expect(body == "اختر الخدمة")
        #expect(button == "الخيارات")
        #expect(rows[0].title.count <= 24 && rows[0].title.hasSuffix("…"))
        #expect(rows[0].description == long)
        #expect(rows[1] == .init(id: "opt1", title: "التطوع"))
        try expectValid(r)
        let ten = try renderer.render(OutgoingMessage(text: "اختر", buttons: options((1...10).map { "خيار \($0)" })), to: "9665")
        guard case .list(_, _, _, let tenRows) = ten.parts.last else {
            Issue.record("not a list")
            return
        }
        #expect(tenRows.count == 10)
        try expectValid(ten)
    }

    @Test func moreThanTenOptionsAreANumberedMenuRememberedForTypedNumbers() throws {
        let labels = (1...12).map { "الخيار رقم \($0)" }
        let r = try renderer.render(OutgoingMessage(text: "اختر", buttons: options(labels)), to: "9665")
        #expect(r.numberedMenu == (0..<12).map { "opt\($0)" })
        guard case .text(_, let body) = r.parts.last else {
            Issue.record("not text")
            return
        }
        #expect(body.contains("1. الخيار رقم 1\n"))
        #expect(body.contains("12. الخيار رقم 12\n"))
        try expectValid(r)
    }

    @Test func longTextIsSplitAtSentencesAndTheOptionsRideOnTheLastPart() throws {
        let sentence = "هذه جملة طويلة بعض الشيء تشرح خدمات الجمعية للمستفيدين. "
        let text = String(repeating: sentence, count: 100)  // ~5,700 characters
        let r = try renderer.render(OutgoingMessage(text: text, buttons: options(["نعم", "لا"])), to: "9665")
        #expect(r.parts.count >= 2)
        for part in r.parts.dropLast() {
            guard case .text(_, let body) = part else {
                Issue.record("leading part is not text")
                continue
            }
            #expect(body.hasSuffix("."))
        }
        guard case .buttons(_, let body, _) = r.parts.last else {
            Issue.record("no buttons at the end")
            return
        }
        #expect(body.utf16.count <= 1024)
        try expectValid(r)
        let joined = r.parts.map { part -> String in
            switch part {
            case .text(_, let body), .buttons(_, let body, _): body
            default: ""
            }
        }.joined(separator: " ")
        #expect(joined.filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    }

    @Test func emptyMessagesAreRefused() {
        #expect(throws: WhatsAppRenderError.emptyText) { try renderer.render(OutgoingMessage(text: "  "), to: "9665") }
    }

    @Test func checkWarnsAboutLabelsThatDoNotFit() {
        #expect(WhatsAppRenderer.fitWarning(for: options(["نعم", "لا"])) == nil)
        #expect(WhatsAppRenderer.fitWarning(for: options(["طلب مساعدة مالية عاجلة للأسرة", "لا"]))?.contains("list") == true)
        #expect(WhatsAppRenderer.fitWarning(for: options((1...11).map { "خيار \($0)" }))?.contains("numbered") == true)
    }

    @Test(arguments: [
        ("2", 2), ("٢", 2), ("۲", 2), ("2.", 2), (" 3 ", 3), ("2️⃣", 2), ("١٢", 12), ("12", 12),
    ])
    func typedNumbersAreRead(text: String, number: Int) {
        #expect(MenuNumber.parse(text) == number)
    }

    @Test(arguments: ["", "0", "2a", "اثنان", "1234", "-1", "2 3x"])
    func anythingElseIsNotANumber(text: String) {
        #expect(MenuNumber.parse(text) == nil)
    }

    @Test func shortensAtAWord() {
        #expect(WhatsAppText.shorten("طلب مساعدة مالية عاجلة للأسرة", to: 24) == "طلب مساعدة مالية عاجلة…")
        #expect(WhatsAppText.shorten("قصير", to: 24) == "قصير")
        #expect(WhatsAppText.shorten(String(repeating: "ب", count: 30), to: 20).count == 20)
    }
}
