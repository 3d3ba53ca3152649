import BotRuntime
import DialogCore
import Foundation

@testable import OfficerDesk

/// Shared values: a configuration like the shipped example, Riyadh wall-clock dates, handoff requests.
enum Fixtures {
    static let mohammed = Officer(
        id: "mohammed", name: "محمد عبدالله", identities: ["telegram:111"], apiKeyEnv: "SAFA_OFFICER_KEY_MOHAMMED")
    static let fatimah = Officer(
        id: "fatimah", name: "فاطمة الزهراني", identities: ["telegram:222"], apiKeyEnv: "SAFA_OFFICER_KEY_FATIMAH")
    static let nora = Officer(id: "nora", name: "نورة القحطاني", apiKeyEnv: "SAFA_OFFICER_KEY_NORA")
    static let khalid = Officer(
        id: "khalid", name: "خالد الشهري", identities: ["telegram:333"], apiKeyEnv: "SAFA_OFFICER_KEY_KHALID")

    static let eid = Holiday(
        from: HolidayDate(kind: .hijri, year: 1447, month: 10, day: 1),
        to: HolidayDate(kind: .hijri, year: 1447, month: 10, day: 4),
        name: "عيد الفطر")!

    static func config(group: Int64? = -100_123, timeout: Int = 10, reminder: Int = 10) -> OfficerConfiguration {
        OfficerConfiguration(
            groupChatID: group,
            queues: [
                QueueConfiguration(
                    id: "relations", title: "علاقات المستفيدين",
                    members: [.identity("telegram:111"), .officer("nora")],
                    claimTimeoutMinutes: timeout, reminderEveryMinutes: reminder),
                QueueConfiguration(
                    id: "research", title: "البحث الاجتماعي", members: [.identity("telegram:222"), .officer("khalid")],
                    claimTimeoutMinutes: timeout, reminderEveryMinutes: reminder),
            ],
            officers: [mohammed, fatimah, nora, khalid],
            workingHours: WorkingHours(holidays: [
                eid, Holiday(day: HolidayDate(parsing: "09-23")!, name: "اليوم الوطني"),
            ]))
    }

    /// A moment given as Riyadh wall-clock time.
    static func riyadh(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Riyadh")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    /// Sunday 15 March 2026, 10:00 in Riyadh: working hours.
    static let sundayMorning = riyadh(2026, 3, 15, 10, 0)

    static let ahmad = ConversationKey(channel: "telegram", chat: "5001")
    static let sara = ConversationKey(channel: "whatsapp", chat: "966500000002")

    static func handoff(queue: String = "relations", reason: String = "استفسار عن طلب مساعدة") -> HandoffRequest {
        HandoffRequest(
            queue: queue, reason: reason, from: NodeRef(flow: "help_request", node: "review"),
            fields: [
                FieldEntry(id: "name", label: "الاسم الكامل", value: .text("محمد عبدالله")),
                FieldEntry(id: "national_id", label: "رقم الهوية الوطنية", value: .text("1023456789"), sensitive: true),
                FieldEntry(id: "mobile", label: "رقم الجوال", value: .text("0501234567")),
            ])
    }

    /// A book with one case opened for `key` at `at`; returns the book and the case id.
    static func bookWithCase(
        _ key: ConversationKey = ahmad, queue: String = "relations", at: Date = sundayMorning,
        config: OfficerConfiguration = config()
    ) -> (CaseBook, String) {
        var book = CaseBook()
        _ = book.apply(.open(key, handoff(queue: queue)), now: at, config: config)
        return (book, book.openCase(for: key)!.id)
    }
}

extension Result {
    var value: Success? { if case .success(let v) = self { v } else { nil } }
    var error: Failure? { if case .failure(let e) = self { e } else { nil } }
}
