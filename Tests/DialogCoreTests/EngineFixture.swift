import Foundation

@testable import DialogCore

/// A small dialog bundle in the shipped format, for engine tests.
enum EngineFixture {
    static let bot = """
        {"version":1,"start":"main.welcome","mainMenu":"main.menu","officer":"handoff.relations",
         "idleTimeoutMinutes":30,"maxAttempts":3,
         "commands":{"mainMenu":["القائمة","0"],"back":["رجوع"],"cancel":["إلغاء"],"officer":["موظف"]},
         "texts":{"noMatch":"عذراً، لم أفهم.","offerOfficer":"هل تود التحدث مع موظف؟","offerOfficerYes":"نعم","offerOfficerNo":"لا",
                  "resumePrompt":"لديك طلب لم يكتمل. هل تود إكماله؟","resumeYes":"إكمال","resumeNo":"البدء من جديد",
                  "cancelled":"تم الإلغاء.","nothingToGoBack":"لا توجد خطوة سابقة.","unexpectedAttachment":"نحتاج نصاً هنا.",
                  "expectedAttachment":"فضلاً أرسل ملفاً.","skip":"تخطي","staleButton":"هذا الزر قديم."},
         "validation":{"national_id_checksum":"رقم الهوية غير صحيح.","national_id_length":"رقم الهوية عشرة أرقام.",
                       "above_maximum":"أكبر من {{max}}.","not_a_number":"اكتب رقماً."}}
        """
    static let main = """
        {"version":1,"flow":"main","nodes":[
          {"id":"welcome","type":"message","text":"أهلاً بك","next":"menu"},
          {"id":"menu","type":"menu","text":"القائمة الرئيسية","options":[
            {"id":"help","label":"طلب مساعدة","goto":"help.form"},
            {"id":"inq","label":"استفسار","goto":"inq.ask"},
            {"id":"status","label":"متابعة طلبي","goto":"help.status"}]}]}
        """
    static let help = """
        {"version":1,"flow":"help","nodes":[
          {"id":"form","type":"form","fields":[
            {"id":"name","type":"text","prompt":"ما اسمك؟","label":"الاسم","minLength":3},
            {"id":"nid","type":"national_id","prompt":"رقم الهوية؟","label":"الهوية","sensitive":true},
            {"id":"family","type":"integer","prompt":"عدد أفراد الأسرة؟","label":"الأسرة","min":1,"max":30},
            {"id":"docs","type":"document","prompt":"أرسل المستندات","label":"المستندات","required":false}],
           "next":"review"},
          {"id":"review","type":"review","form":"form","text":"راجع بياناتك","confirmLabel":"تأكيد","editLabel":"تعديل",
           "editPrompt":"أي حقل؟","next":"attest"},
          {"id":"attest","type":"attestation","form":"form","statement":"أقر بصحة البيانات","acceptLabel":"أقر","declineLabel":"لا أقر",
           "next":"submit","onDecline":"main.menu"},
          {"id":"submit","type":"submit","form":"form","requestType":"help_request",
           "text":"رقم طلبك {{reference}}، ويرد خلال مدة لا تقل عن أسبوعين.","next":"survey"},
          {"id":"survey","type":"survey","text":"قيّم الخدمة","options":[{"id":"5","label":"ممتاز"},{"id":"1","label":"ضعيف"}],
           "thanks":"شكراً لك","next":"main.menu"},
          {"id":"status","type":"status","text":"طلباتك:","itemText":"{{reference}} — {{status}}","emptyText":"لا توجد طلبات.",
           "statusTexts":{"submitted":"قيد الدراسة"},"next":"main.menu"}]}
        """
    static let inq = """
        {"version":1,"flow":"inq","nodes":[
          {"id":"ask","type":"inquiry","text":"اكتب سؤالك","next":"main.menu"}]}
        """
    static let handoff = """
        {"version":1,"flow":"handoff","nodes":[
          {"id":"relations","type":"handoff","queue":"relations","text":"سيتواصل معك موظف","reason":"طلب موظف"}]}
        """
    static let faq = """
        {"version":1,"synonyms":{"متى":["امتى"]},"topics":[
          {"id":"time","title":"مدة الرد","keywords":["الرد","مدة"],"examples":["متى يطلع الرد","كم مدة الرد"],
           "answer":"لا تقل عن أسبوعين."},
          {"id":"docs","title":"الأوراق","keywords":["الاوراق"],"examples":["وش الاوراق المطلوبه"],"answer":"الهوية."}]}
        """

    static func bundle(help: String = help) throws -> DialogBundle {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
            try decoder.decode(type, from: Data(text.utf8))
        }
        let flows = try [main, help, inq, handoff].map { try decode(Flow.self, $0) }
        return DialogBundle(
            settings: try decode(BotSettings.self, bot),
            flows: Dictionary(uniqueKeysWithValues: flows.map { ($0.flow, $0) }),
            faq: try decode(FAQ.self, faq), version: "test")
    }
}

/// Drives an engine like a beneficiary would, one event at a time.
struct Conversation {
    let engine: DialogEngine
    var state = ConversationState()
    var now = Date(timeIntervalSince1970: 1_767_506_400)
    var sequence: Int64 = 0
    var effects: [Effect] = []

    init(_ bundle: DialogBundle) {
        engine = DialogEngine(bundle: bundle)
    }

    init(_ engine: DialogEngine) {
        self.engine = engine
    }

    var messages: [OutgoingMessage] { effects.compactMap { if case .send(let m) = $0 { m } else { nil } } }
    var lastText: String { messages.last?.text ?? "" }
    var allText: String { messages.map(\.text).joined(separator: "\n") }

    @discardableResult
    mutating func send(_ content: EventContent) -> [OutgoingMessage] {
        sequence += 1
        now += 5
        let result = engine.step(state, Event(content, receivedAt: now, sequence: sequence))
        state = result.state
        effects = result.effects
        return messages
    }

    @discardableResult
    mutating func say(_ text: String) -> [OutgoingMessage] { send(.text(text)) }

    /// Presses the button labelled `label` on the latest message that has buttons.
    @discardableResult
    mutating func press(_ label: String) -> [OutgoingMessage] {
        let button = messages.last { !$0.buttons.isEmpty }?.buttons.first { $0.label == label }
        return send(.button(payload: button?.payload ?? "missing"))
    }
}
