#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the bot says about officers, in polite Modern Standard Arabic; every text can be replaced in
/// `config/officers.json` under `texts`. Placeholders are written `{name}`.
public struct OfficerTexts: Sendable, Equatable {
    /// To the beneficiary on joining the queue in working hours. `{position}`, `{queue}`.
    public var waiting =
        "تم تسجيل طلبك في قائمة انتظار {queue}، وترتيبك فيها: {position}. سيتواصل معك أحد الموظفين قريبًا بإذن الله."
    /// To the beneficiary outside working hours. `{opening}`, `{position}`, `{queue}`.
    public var outsideHours =
        "نحن الآن خارج أوقات الدوام الرسمي، وطلبك محفوظ في قائمة الانتظار وترتيبك فيها: {position}. سيعود الموظفون {opening} بإذن الله، وسيتواصلون معك حينها."
    /// Outside working hours when no opening is known. `{position}`, `{queue}`.
    public var outsideHoursNoOpening =
        "نحن الآن خارج أوقات الدوام الرسمي، وطلبك محفوظ في قائمة الانتظار وترتيبك فيها: {position}. سيتواصل معك أحد الموظفين في أقرب وقت بإذن الله."
    /// When nobody claimed in time.
    public var claimTimeout =
        "نعتذر عن التأخير، فجميع الموظفين مشغولون حاليًا. يمكنك مواصلة الانتظار وسنرد عليك في أقرب وقت، أو العودة إلى القائمة الرئيسية."
    public var keepWaitingButton = "سأنتظر"
    public var mainMenuButton = "القائمة الرئيسية"
    /// After "keep waiting". `{position}`.
    public var keepWaiting = "شكرًا لصبرك. ترتيبك الحالي في قائمة الانتظار: {position}."
    /// When an officer claims. `{name}`, `{queue}`.
    public var officerJoined = "مرحبًا بك، معك {name} من {queue}. تفضل بكتابة استفسارك."
    /// When moved to another queue. `{queue}`, `{position}`.
    public var transferred = "تم تحويل طلبك إلى {queue}، وترتيبك في قائمة الانتظار: {position}."
    /// When the officer hands the conversation back to the bot.
    public var handedBack = "شكرًا لتواصلك معنا. انتهت محادثتك مع الموظف، ويسعدنا خدمتك دائمًا."

    /// Topic: a case was claimed. `{name}`.
    public var topicClaimed = "✅ استلم الحالة: {name}"
    /// Topic: released to the bot. `{name}`, `{node}`.
    public var topicReleased = "↩️ أعاد {name} المحادثة إلى المساعد الآلي ({node})."
    /// Topic: closed. `{name}`.
    public var topicClosed = "🔒 أغلق {name} الحالة."
    /// Topic: a note was recorded. `{name}`.
    public var topicNoted = "📝 سُجّلت ملاحظة داخلية من {name} (لا تظهر للمستفيد)."
    /// Topic: transferred. `{name}`, `{queue}`.
    public var topicTransferred = "🔀 حوّل {name} الحالة إلى {queue}."
    /// Topic: the beneficiary left the queue.
    public var topicBeneficiaryLeft = "🚪 غادر المستفيد قائمة الانتظار وعاد إلى القائمة الرئيسية."
    /// Topic: reminder that a case waits. `{case}`, `{minutes}`.
    /// Posted when an officer writes to a beneficiary who has blocked the bot.
    public var topicBeneficiaryBlocked = "⛔️ لم تصل الرسالة: المستفيد حظر البوت، ولن يستلم الرسائل حتى يلغي الحظر."
    /// Posted when a message to a WhatsApp beneficiary is held back: 24 hours passed since they last wrote.
    public var topicWindowClosed =
        "⌛️ لم تصل الرسالة: مضى أكثر من 24 ساعة على آخر رسالة من المستفيد في واتساب، ولا يقبل واتساب بعدها إلا قالبًا معتمدًا. أرسل /reengage لإرسال قالب إعادة التواصل، ثم أعد رسالتك بعد أن يرد المستفيد."
    /// Transcript: the re-engagement template was sent.
    public var topicReengaged = "[قالب إعادة التواصل]"
    /// Topic: an officer sent the re-engagement template. `{name}`.
    public var topicReengagedBy = "📨 أرسل {name} قالب إعادة التواصل إلى المستفيد."
    public var topicReminder = "⏰ الحالة {case} تنتظر الاستلام منذ {minutes} دقيقة."
    /// Topic: the claim button's label.
    public var claimButton = "استلام الحالة"
    /// Topic: the case card's heading words.
    public var cardTitle = "حالة جديدة"
    public var cardQueue = "القائمة"
    public var cardReason = "السبب"
    public var cardFrom = "الخطوة"
    public var cardFields = "البيانات المدخلة"
    public var cardTranscript = "آخر الرسائل"
    public var cardNoFields = "لا توجد بيانات بعد."
    public var whoBeneficiary = "المستفيد"
    public var whoBot = "المساعد"
    public var whoNote = "ملاحظة"

    public init() {}

    /// `template` with each `{key}` replaced by its value.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = template
        for (key, value) in values { out = out.replacing("{\(key)}", with: value) }
        return out
    }

    /// Every text by its configuration key, for reading overrides.
    static var keyPaths: [(String, WritableKeyPath<OfficerTexts, String>)] {
        [
            ("waiting", \.waiting), ("outsideHours", \.outsideHours),
            ("outsideHoursNoOpening", \.outsideHoursNoOpening),
            ("claimTimeout", \.claimTimeout), ("keepWaitingButton", \.keepWaitingButton),
            ("mainMenuButton", \.mainMenuButton), ("keepWaiting", \.keepWaiting), ("officerJoined", \.officerJoined),
            ("transferred", \.transferred), ("handedBack", \.handedBack), ("topicClaimed", \.topicClaimed),
            ("topicReleased", \.topicReleased), ("topicClosed", \.topicClosed), ("topicNoted", \.topicNoted),
            ("topicTransferred", \.topicTransferred), ("topicBeneficiaryLeft", \.topicBeneficiaryLeft),
            ("topicBeneficiaryBlocked", \.topicBeneficiaryBlocked), ("topicWindowClosed", \.topicWindowClosed),
            ("topicReengaged", \.topicReengaged), ("topicReengagedBy", \.topicReengagedBy),
            ("topicReminder", \.topicReminder), ("claimButton", \.claimButton), ("cardTitle", \.cardTitle),
            ("cardQueue", \.cardQueue), ("cardReason", \.cardReason), ("cardFrom", \.cardFrom),
            ("cardFields", \.cardFields), ("cardTranscript", \.cardTranscript), ("cardNoFields", \.cardNoFields),
            ("whoBeneficiary", \.whoBeneficiary), ("whoBot", \.whoBot), ("whoNote", \.whoNote),
        ]
    }
}
