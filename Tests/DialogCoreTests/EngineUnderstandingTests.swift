import Foundation
import Testing

@testable import DialogCore

/// Free text understood at menus, in refused typed fields, with clarification buttons and declines.
@Suite struct EngineUnderstandingTests {
    static let main = """
        {"version":1,"flow":"main","nodes":[
          {"id":"welcome","type":"message","text":"أهلاً بك","next":"menu"},
          {"id":"menu","type":"menu","text":"القائمة الرئيسية","options":[
            {"id":"help","label":"طلب مساعدة","synonyms":["مساعدة"],"goto":"bank.form"},
            {"id":"status","label":"متابعة طلبي","goto":"main.menu"}]}]}
        """
    static let bank = """
        {"version":1,"flow":"bank","nodes":[
          {"id":"form","type":"form","fields":[
            {"id":"name","type":"text","prompt":"ما اسمك؟","label":"الاسم","minLength":3},
            {"id":"iban","type":"iban","prompt":"اكتب رقم الآيبان","label":"الآيبان"},
            {"id":"family","type":"integer","prompt":"عدد أفراد الأسرة؟","label":"الأسرة","min":1,"max":30}],
           "next":"main.menu"}]}
        """
    static let faq = """
        {"version":1,"synonyms":{"ايبان":["آيبان","iban"],"اريد":["ابي","ابغى"]},
         "outOfScope":["كيف الطقس اليوم","نتيجة المباراه","سعر الذهب"],
         "replies":{"clarify":"هل تقصد:","outOfScope":"هذا خارج اختصاص الجمعية.","notUnderstood":"لم أجد إجابة؛ اختر من القائمة أو اكتب «موظف»."},
         "topics":[
          {"id":"iban","title":"رقم الآيبان","keywords":["ايبان","رقم الايبان"],
           "examples":["وش يعني ايبان","وين القى رقم الايبان","الايبان من البنك"],"answer":"الآيبان رقم حسابك البنكي ويبدأ بـ SA."},
          {"id":"documents","title":"الأوراق المطلوبة","keywords":["الاوراق المطلوبه"],
           "examples":["وش الاوراق اللي احتاجها","المستندات المطلوبه للطلب"],"answer":"الهوية وصك الإعالة."},
          {"id":"decision_time","title":"مدة الرد","keywords":["متى الرد"],
           "examples":["متى يطلع الرد على الطلب","كم ياخذ الطلب","المعامله كم تاخذ"],"answer":"لا تقل عن أسبوعين."},
          {"id":"follow_up","title":"متابعة الطلب","keywords":["حالة الطلب"],
           "examples":["وين وصل الطلب","ابي اتابع الطلب","المعامله وين وصلت"],"answer":"من «متابعة طلبي»."},
          {"id":"greeting","title":"التحية","keywords":["السلام عليكم"],"answer":"وعليكم السلام.","social":true,
           "greetBack":"وعليكم السلام،"}]}
        """

    static func bundle() throws -> DialogBundle {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
            try decoder.decode(type, from: Data(text.utf8))
        }
        let flows = try [main, bank, EngineFixture.handoff].map { try decode(Flow.self, $0) }
        return DialogBundle(
            settings: try decode(BotSettings.self, EngineFixture.bot),
            flows: Dictionary(uniqueKeysWithValues: flows.map { ($0.flow, $0) }),
            faq: try decode(FAQ.self, faq), version: "test")
    }

    let bundle: DialogBundle

    init() throws { bundle = try Self.bundle() }

    @Test func aQuestionAtTheMainMenuIsAnsweredAndTheMenuAskedAgain() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("وش الاوراق المطلوبه؟")
        #expect(c.messages.map(\.text) == ["الهوية وصك الإعالة.", "القائمة الرئيسية"])
        #expect(c.messages.last?.buttons.map(\.label) == ["طلب مساعدة", "متابعة طلبي"])
        #expect(c.state.attempts == 0)
    }

    @Test func aGreetingWithAQuestionGreetsBackOnceAndAnswers() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("السلام عليكم متى يطلع الرد")
        #expect(c.messages.map(\.text) == ["وعليكم السلام،\nلا تقل عن أسبوعين.", "القائمة الرئيسية"])
    }

    @Test func anOptionTypedExactlyIsStillAChoice() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("مساعدة")
        #expect(c.lastText == "ما اسمك؟")
    }

    @Test func closeTopicsGetButtonsAndAPressAnswersAndReturns() throws {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("المعاملة")
        let offer = try #require(c.messages.last)
        #expect(offer.text == "هل تقصد:")
        #expect(offer.buttons.count >= 2)
        #expect(c.state.clarifying != nil)
        c.press("متابعة الطلب")
        #expect(c.messages.map(\.text) == ["من «متابعة طلبي».", "القائمة الرئيسية"])
        #expect(c.state.clarifying == nil)
    }

    @Test func afterAClarificationTheMenuButtonsStillWork() {
        var c = Conversation(bundle)
        c.send(.start)
        let menu = c.messages.last { !$0.buttons.isEmpty }!
        c.say("المعاملة")
        c.send(.button(payload: menu.buttons[0].payload))
        #expect(c.lastText == "ما اسمك؟")
    }

    @Test func anOutOfScopeQuestionIsDeclinedWithoutCountingAFailure() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("كيف الطقس اليوم")
        #expect(c.messages.map(\.text) == ["هذا خارج اختصاص الجمعية.", "القائمة الرئيسية"])
        #expect(c.state.attempts == 0)
    }

    @Test func nothingUnderstoodIsAKindFailureAndThenTheOfficer() {
        var c = Conversation(bundle)
        c.send(.start)
        c.say("بطاطس")
        #expect(c.messages.first?.text == "لم أجد إجابة؛ اختر من القائمة أو اكتب «موظف».")
        c.say("طماطم")
        c.say("خيار")
        #expect(c.lastText == "هل تود التحدث مع موظف؟")
    }

    @Test func aQuestionAskedForAnIBANIsAnsweredAndTheIBANAskedAgain() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        #expect(c.lastText == "اكتب رقم الآيبان")
        c.say("وش يعني رقم الآيبان؟")
        #expect(c.messages.map(\.text) == ["الآيبان رقم حسابك البنكي ويبدأ بـ SA.", "اكتب رقم الآيبان"])
        #expect(c.state.attempts == 0)
        c.say("SA03 8000 0000 6080 1016 7519")
        #expect(c.lastText == "عدد أفراد الأسرة؟")
    }

    @Test func aWrongIBANThatIsNoQuestionGetsTheUsualError() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("SA12")
        #expect(c.messages.count == 2)
        #expect(c.messages.first?.text != "الآيبان رقم حسابك البنكي ويبدأ بـ SA.")
        #expect(c.state.attempts == 1)
    }

    @Test func aFreeTextFieldIsNeverHijacked() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("وش الاوراق المطلوبه؟")
        #expect(c.lastText == "اكتب رقم الآيبان")
        #expect(c.state.forms["bank.form"]?["name"] == .text("وش الاوراق المطلوبه؟"))
    }

    @Test func anOutOfScopeQuestionInAFieldGetsTheFieldsError() {
        var c = Conversation(bundle)
        c.send(.start)
        c.press("طلب مساعدة")
        c.say("سارة علي")
        c.say("كيف الطقس اليوم؟")
        #expect(!c.allText.contains("خارج اختصاص"))
        #expect(c.lastText == "اكتب رقم الآيبان")
    }
}
