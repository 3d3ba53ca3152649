import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension WorkingHours {
    /// The working hours as a beneficiary reads them: "من الأحد إلى الخميس، من الساعة 8:00 صباحًا إلى الساعة
    /// 3:00 مساءً بتوقيت الرياض". Holidays are not listed: they are announced when they come.
    public var arabicSummary: String {
        let time =
            "من الساعة \(ArabicTime.clock(hour: opens.minutes / 60, minute: opens.minutes % 60)) "
            + "إلى الساعة \(ArabicTime.clock(hour: closes.minutes / 60, minute: closes.minutes % 60))"
        let zone = timeZone.secondsFromGMT() == 3 * 3600 ? " بتوقيت الرياض" : ""
        return "\(Self.arabicDays(openDays))، \(time)\(zone)"
    }

    /// "من الأحد إلى الخميس" for a run of days (also one that wraps past Saturday), "يوم الجمعة" for one,
    /// otherwise "أيام الأحد والثلاثاء والخميس".
    static func arabicDays(_ days: Set<Weekday>) -> String {
        let sorted = days.sorted()
        guard let first = sorted.first else { return "لا أيام عمل محددة" }
        if sorted.count == 1 { return "يوم \(first.arabicName)" }
        // A run starts at the day whose previous day is closed; a run covers all days when there is one start.
        let starts = sorted.filter { !days.contains(Weekday.allCases[($0.rawValue + 5) % 7]) }
        if starts.count == 1, let start = starts.first, sorted.count < 7 {
            let end = Weekday.allCases[(start.rawValue + sorted.count - 2) % 7]
            return "من \(start.arabicName) إلى \(end.arabicName)"
        }
        if sorted.count == 7 { return "طوال أيام الأسبوع" }
        return "أيام " + sorted.map(\.arabicName).joined(separator: " و")
    }
}
