import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Says a moment in Arabic for beneficiaries: "غدًا الأحد 22 مارس الساعة 8:00 صباحًا".
public enum ArabicTime {
    static let months = [
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]

    /// `date` relative to `now` in `hours`' time zone: "اليوم", "غدًا", or "يوم <weekday> <day> <month>", then the time.
    public static func opening(_ date: Date, now: Date, in hours: WorkingHours) -> String {
        let parts = hours.localParts(of: date)
        let weekday = hours.weekday(of: date).arabicName
        let calendar = hours.gregorian
        let days =
            calendar.dateComponents(
                [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date)
            ).day ?? 0
        let dayText: String
        switch days {
        case 0: dayText = "اليوم"
        case 1: dayText = "غدًا \(weekday)"
        default:
            let month = (1...12).contains(parts.month) ? months[parts.month - 1] : String(parts.month)
            dayText = "يوم \(weekday) \(ArabicText.isolate(String(parts.day))) \(month)"
        }
        return "\(dayText) الساعة \(clock(hour: parts.hour, minute: parts.minute))"
    }

    /// "8:00 صباحًا", "3:30 مساءً", "12:00 ظهرًا".
    public static func clock(hour: Int, minute: Int) -> String {
        let h12 = hour % 12 == 0 ? 12 : hour % 12
        let period = hour < 12 ? "صباحًا" : (hour == 12 ? "ظهرًا" : "مساءً")
        return "\(ArabicText.isolate("\(h12):\(minute.zeroPadded(2))")) \(period)"
    }
}
