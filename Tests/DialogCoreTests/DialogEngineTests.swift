import Foundation
import Testing

@testable import DialogCore

@Suite struct DialogEngineTests {
    let bundle: DialogBundle

    init() throws {
        bundle = try EngineFixture.bundle()
    }

    @Test func aNewConversationIsWelcomedWithTheMainMenu() {
        var c = Conversation(bundle)
        let messages = c.send(.start)
        #expect(messages.map(\.text) == ["أهلاً بك", "القائمة الرئيسية"])
        #expect(messages[1].buttons.map(\.label) == ["طلب مساعدة", "استفسار", "متابعة طلبي"])
        #expect(messages[1].buttons.allSatisfy { $0.payload.utf8.count <= 64 && $0.payload.allSatisfy(\.isASCII) })
    }

    @Test func aMenuOptionCanBePressedTypedByNumberOrWrittenAsItsLabel() {
        for input in ["press", "١", "طلب مساعده"] {
            var c = Conversation(bundle)
            c.send(.start)
            if input == "press" { c.press("طلب مساعدة") } else { c.say(input) }
            #expect(c.lastText == "ما اسمك؟", "input \(input)")
        }
    }

    @Test func aCompleteHelpRequestEndsWithAReferenceAndTheTwoWeekNotice() throws {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("محمد عبدالله")
        c.say("١٠٢٣٤٥٦٧٨٢")
        #expect(c.messages.map(\.text) == ["رقم الهوية غير صحيح.", "رقم الهوية؟"])
        c.say("١٠٢٣٤٥٦٧٨١")
        #expect(c.lastText == "عدد أفراد الأسرة؟")
        c.say("٥")
        #expect(c.lastText == "أرسل المستندات")
        #expect(c.messages.last?.buttons.map(\.label) == ["تخطي"])
        c.send(.attachment(Attachment(kind: .document, fileID: "F1", fileName: "صك.pdf")))
        #expect(c.lastText.hasPrefix("راجع بياناتك"))
        #expect(c.lastText.contains("الهوية: \u{2066}1023456781\u{2069}"))
        c.press("تأكيد")
        #expect(c.lastText == "أقر بصحة البيانات")
        c.press("أقر")
        let request = try #require(c.effects.compactMap { if case .submitRequest(let r) = $0 { r } else { nil } }.first)
        #expect(request.reference == ReferenceNumber.make(sequence: 9))
        #expect(ReferenceNumber.isValid(request.reference))
        let shown = ReferenceNumber.display(request.reference)
        #expect(request.fields.map(\.id) == ["name", "nid", "family", "docs"])
        #expect(request.fields[2].value == .integer(5))
        #expect(request.attestation?.statement == "أقر بصحة البيانات")
        #expect(c.allText.contains("رقم طلبك \u{2066}\(shown)\u{2069}"))
        #expect(c.allText.contains("لا تقل عن أسبوعين"))
        #expect(c.lastText == "قيّم الخدمة")
        c.press("ممتاز")
        #expect(c.effects.contains { if case .recordSurvey(let s) = $0 { s.rating == "5" } else { false } })
        #expect(c.messages.map(\.text) == ["شكراً لك", "القائمة الرئيسية"])
        c.press("متابعة طلبي")
        #expect(c.messages.first?.text.contains("\u{2066}\(shown)\u{2069} — قيد الدراسة") == true)
    }

    @Test func aFieldCanBeEditedFromTheReviewAndTheOldAttestationIsDropped() {
        var c = fillForm()
        c.press("تعديل")
        #expect(c.lastText == "أي حقل؟")
        c.press("الأسرة")
        #expect(c.lastText == "عدد أفراد الأسرة؟")
        c.say("٧")
        #expect(c.lastText.contains("الأسرة: \u{2066}7\u{2069}"))
        #expect(c.messages.last?.buttons.map(\.label) == ["تأكيد", "تعديل"])
    }

    @Test func theAttestationRecordsTheStatementAsShownTheAnswerTheMessageAndTheData() throws {
        var c = fillForm()
        c.press("تأكيد")
        let attestationEvent = c.sequence + 1
        let result = c.engine.step(
            c.state, Event(.text("نعم"), receivedAt: c.now, sequence: attestationEvent, platformID: "telegram:update:77"))
        let request = try #require(result.effects.compactMap { if case .submitRequest(let r) = $0 { r } else { nil } }.first)
        let attestation = try #require(request.attestation)
        #expect(attestation.version == 2)
        #expect(attestation.statement == "أقر بصحة البيانات")
        #expect(attestation.answer == "نعم")
        #expect(attestation.platformMessageID == "telegram:update:77")
        #expect(attestation.acceptedAt == c.now)
        #expect(attestation.data == AttestedData(request.fields).canonicalText)
        #expect(attestation.data?.contains(#""nid":"1023456781""#) == true)
    }

    @Test func dataEditedAfterAttestingAsksForAFreshAttestationBeforeSubmitting() throws {
        // A flow that attests before the review: an edit in the review must not be submitted unattested.
        let attestFirst = EngineFixture.help
            .replacingOccurrences(of: #""next":"review"},"#, with: #""next":"attest"},"#)
            .replacingOccurrences(of: #""editPrompt":"أي حقل؟","next":"attest"}"#, with: #""editPrompt":"أي حقل؟","next":"submit"}"#)
            .replacingOccurrences(of: #""next":"submit","onDecline""#, with: #""next":"review","onDecline""#)
        var c = Conversation(try EngineFixture.bundle(help: attestFirst))
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("1023456781")
        c.say("4")
        c.press("تخطي")
        #expect(c.lastText == "أقر بصحة البيانات")
        c.press("أقر")
        #expect(c.lastText.hasPrefix("راجع بياناتك"))
        c.press("تعديل")
        c.press("الأسرة")
        c.say("٧")
        c.press("تأكيد")
        #expect(!c.effects.contains { if case .submitRequest = $0 { true } else { false } })
        #expect(c.lastText == "أقر بصحة البيانات", "the changed data is attested again")
        c.press("أقر")
        c.press("تأكيد")
        let request = try #require(c.effects.compactMap { if case .submitRequest(let r) = $0 { r } else { nil } }.first)
        #expect(request.fields[2].value == .integer(7))
        #expect(request.attestation?.data?.contains(#""family":"7""#) == true)
    }

    @Test func aPressOnAnOldMessageIsAnsweredAndTheCurrentQuestionAskedAgain() {
        var c = Conversation(bundle)
        c.send(.start)
        let oldMenu = c.messages[1].buttons
        c.press("طلب مساعدة")
        c.send(.button(payload: oldMenu[1].payload))
        #expect(c.messages.map(\.text) == ["هذا الزر قديم.", "ما اسمك؟"])
    }

    @Test func anInvalidAnswerIsReaskedThenAnOfficerIsOffered() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("123")
        c.say("abc")
        #expect(c.messages.map(\.text) == ["رقم الهوية عشرة أرقام.", "رقم الهوية؟"])
        c.say("999")
        #expect(c.lastText == "هل تود التحدث مع موظف؟")
        c.press("لا")
        #expect(c.lastText == "رقم الهوية؟")
        c.say("١٠٢٣٤٥٦٧٨١")
        #expect(c.lastText == "عدد أفراد الأسرة؟")
    }

    @Test func acceptingTheOfficerHandsTheConversationOverWithTheFormData() throws {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("موظف")
        let handoff = try #require(c.effects.compactMap { if case .handoff(let h) = $0 { h } else { nil } }.first)
        #expect(handoff.queue == "relations")
        #expect(handoff.fields.map(\.id) == ["name"])
        #expect(c.state.phase == .withOfficer(queue: "relations"))
        c.say("متى يتصل بي الموظف؟")
        #expect(c.messages.isEmpty)
        #expect(c.effects == [.relayToOfficer(.text("متى يتصل بي الموظف؟"))])
        c.say("القائمة")
        #expect(c.effects.first == .leaveQueue(queue: "relations"))
        #expect(c.lastText == "القائمة الرئيسية")
    }

    @Test func anUnfinishedFormIsOfferedForResumptionAfterAPause() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.now += 31 * 60
        c.say("مرحبا")
        #expect(c.lastText == "لديك طلب لم يكتمل. هل تود إكماله؟")
        c.say("نعم")
        #expect(c.lastText == "رقم الهوية؟")
        #expect(c.state.forms["help.form"]?["name"] == .text("سارة علي"))
    }

    @Test func anIdleConversationWithoutAFormStartsOverAtTheMainMenu() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("استفسار")
        c.now += 2 * 3600
        c.say("مرحبا")
        #expect(c.messages.map(\.text) == ["القائمة الرئيسية"])
    }

    @Test func backGoesToThePreviousFieldAndCancelDropsTheForm() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("رجوع")
        #expect(c.lastText == "ما اسمك؟")
        c.say("إلغاء")
        #expect(c.messages.map(\.text) == ["تم الإلغاء.", "القائمة الرئيسية"])
        #expect(c.state.forms["help.form"] == nil)
    }

    @Test func zeroIsANumberInsideANumericFieldButTheMainMenuElsewhere() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("1023456781")
        c.say("٠")
        #expect(c.lastText == "عدد أفراد الأسرة؟")
        c.say("٤٠")
        #expect(c.messages.first?.text == "أكبر من \u{2066}30\u{2069}.")
    }

    @Test func anInquiryIsAnsweredFromTheFAQAndAnUnmatchedOneIsReasked() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("استفسار")
        c.say("امتى يطلع الرد؟")
        #expect(c.messages.first?.text == "لا تقل عن أسبوعين.")
        c.press("استفسار")
        c.say("كم سعر الذهب")
        #expect(c.messages.map(\.text) == [FAQReplies().notUnderstood, "اكتب سؤالك"])
    }

    @Test func aDeclinedAttestationSubmitsNothing() {
        var c = fillForm()
        c.press("تأكيد")
        c.press("لا أقر")
        #expect(!c.effects.contains { if case .submitRequest = $0 { true } else { false } })
        #expect(c.lastText == "القائمة الرئيسية")
    }

    @Test func theStepIsDeterministic() {
        var a = Conversation(bundle)
        var b = Conversation(bundle)
        for input in ["/start", "1", "سارة علي", "1023456781"] {
            let content: EventContent = input == "/start" ? .start : .text(input)
            a.send(content)
            b.send(content)
        }
        #expect(a.state == b.state)
        #expect(a.effects == b.effects)
    }

    @Test func anOfficerHandsBackToTheReviewWithTheFormDataKept() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("1023456781")
        c.say("موظف")
        #expect(c.state.phase == .withOfficer(queue: "relations"))
        c.send(.handBack(node: "help.form", survey: false))
        #expect(c.lastText == "عدد أفراد الأسرة؟")
        #expect(c.state.forms["help.form"]?["nid"] == .text("1023456781"))
    }

    /// Issue 16: an officer released a case to `help.submit` and a request was filed with fields missing
    /// and no attestation. The engine refuses, whoever asks.
    @Test func aHandBackToASubmissionFilesNothingAndGoesToTheMainMenu() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("موظف")
        c.send(.handBack(node: "help.submit", survey: false))
        #expect(!c.effects.contains { if case .submitRequest = $0 { true } else { false } })
        #expect(c.state.node == NodeRef(flow: "main", node: "menu"))
    }

    @Test func aSubmissionReachedWithFieldsMissingAsksForThemFirst() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        // However the conversation reached the submission (here: a state a dialog path could produce),
        // the engine asks for what is missing instead of filing.
        var turn = Turn(state: c.state, event: Event(.text("x"), receivedAt: c.now, sequence: 99))
        c.engine.enter(NodeRef(flow: "help", node: "submit"), &turn)
        #expect(!turn.effects.contains { if case .submitRequest = $0 { true } else { false } })
        #expect(turn.state.node == NodeRef(flow: "help", node: "form"))
        #expect(turn.state.phase == .field(index: 1, editing: false))
    }

    @Test func aCompleteFormIsNotSubmittedWithoutItsAttestation() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("1023456781")
        c.say("4")
        c.say("تخطي")
        #expect(c.state.phase == .reviewing)
        var turn = Turn(state: c.state, event: Event(.text("x"), receivedAt: c.now, sequence: 99))
        c.engine.enter(NodeRef(flow: "help", node: "submit"), &turn)
        #expect(!turn.effects.contains { if case .submitRequest = $0 { true } else { false } })
        #expect(turn.state.node == NodeRef(flow: "help", node: "attest"))
        #expect(turn.state.phase == .attesting)
        // Attesting then files it, with the attestation.
        c.state = turn.state
        c.effects = turn.effects
        c.press("أقر")
        let filed = c.effects.compactMap { if case .submitRequest(let r) = $0 { r } else { nil } }
        #expect(filed.count == 1)
        #expect(filed.first?.attestation != nil)
    }

    @Test func aHandBackWithTheSurveyAsksItFirstThenContinuesAtTheChosenNode() throws {
        var bundle = self.bundle
        bundle.settings.survey = NodeRef(flow: "help", node: "survey")
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("موظف")
        c.send(.handBack(node: "help.form", survey: true))
        #expect(c.lastText == "قيّم الخدمة")
        c.press("ممتاز")
        #expect(c.effects.contains { if case .recordSurvey(let s) = $0 { s.rating == "5" } else { false } })
        #expect(c.messages.map(\.text) == ["شكراً لك", "رقم الهوية؟"])
    }

    @Test func aClosedCaseEndsAtTheMainMenuWithoutASurveyConfigured() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("موظف")
        c.send(.handBack(node: nil, survey: true))
        #expect(c.lastText == "القائمة الرئيسية")
        c.send(.handBack(node: nil, survey: true))
        #expect(c.messages.isEmpty, "a hand-back outside a handoff changes nothing")
    }

    @Test func outsideWorkingHoursTheHandoffSaysSo() throws {
        var bundle = self.bundle
        var flow = try #require(bundle.flows["handoff"])
        flow.nodes[0].body = .handoff(
            HandoffNode(
                queue: "relations", text: "سيتواصل معك موظف", textOutsideHours: "نحن خارج الدوام", reason: "طلب موظف"))
        bundle.flows["handoff"] = flow
        var closed = Conversation(DialogEngine(bundle: bundle, isWorkingTime: { _ in false }))
        closed.send(.start)
        closed.say("موظف")
        #expect(closed.lastText == "نحن خارج الدوام")
        var open = Conversation(DialogEngine(bundle: bundle, isWorkingTime: { _ in true }))
        open.send(.start)
        open.say("موظف")
        #expect(open.lastText == "سيتواصل معك موظف")
    }

    @Test func aVoiceNoteIsAnsweredWithARequestForText() {
        var c = Conversation(bundle)
        c.send(.start)
        c.send(.unsupported(kind: "voice"))
        #expect(c.messages.map(\.text) == ["نحتاج نصاً هنا.", "القائمة الرئيسية"])
    }

    private func fillForm() -> Conversation {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("1023456781")
        c.say("4")
        c.press("تخطي")
        return c
    }
}

@Suite struct RiyadhDayTests {
    @Test func daysAreCountedInRiyadhTime() {
        // 2025-12-31 21:30 UTC is already 2026-01-01 in Riyadh.
        #expect(RiyadhDay(Date(timeIntervalSince1970: 1_767_216_600)).description == "2026-01-01")
        #expect(RiyadhDay(Date(timeIntervalSince1970: 0)).description == "1970-01-01")
        #expect(RiyadhDay(Date(timeIntervalSince1970: 951_782_400)).description == "2000-02-29")
    }

    @Test func agreesWithFoundationsCalendarOverManyDays() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Riyadh")!
        for step in stride(from: 0, to: 80 * 365 * 86_400, by: 86_400 * 13 + 3_607) {
            let date = Date(timeIntervalSince1970: TimeInterval(step))
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let day = RiyadhDay(date)
            #expect([day.year, day.month, day.day] == [c.year, c.month, c.day])
        }
    }
}

@Suite struct IdleTimeoutTests {
    /// Information an officer asked for arrives days after the notice as often as minutes after: the pause
    /// must not send the beneficiary back to the main menu, where their document would be refused.
    @Test func addingInformationAndTalkingWithAnOfficerNeverTimeOut() throws {
        let engine = DialogEngine(bundle: try EngineFixture.bundle())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var state = ConversationState()
        state.lastActivity = now.addingTimeInterval(-3 * 86_400)
        state.phase = .addingInformation(reference: "123456785")
        #expect(!engine.isIdle(state, now: now))
        state.phase = .choosing
        #expect(engine.isIdle(state, now: now))
    }
}
