#if canImport(FoundationEssentials)
    public import FoundationEssentials
    // The Umm al-Qura calendar and named time zones live here (with ICU), not in FoundationEssentials.
    import FoundationInternationalization
#else
    public import Foundation
#endif

/// When officers are at work: open days, daily hours and holidays, in one time zone (Asia/Riyadh).
public struct WorkingHours: Sendable, Equatable {
    public var timeZone: TimeZone
    public var openDays: Set<Weekday>
    public var opens: TimeOfDay
    public var closes: TimeOfDay
    public var holidays: [Holiday]

    public init(
        timeZone: TimeZone = WorkingHours.riyadh, openDays: Set<Weekday> = Weekday.saudiWorkWeek,
        opens: TimeOfDay = TimeOfDay(hour: 8), closes: TimeOfDay = TimeOfDay(hour: 15), holidays: [Holiday] = []
    ) {
        self.timeZone = timeZone
        self.openDays = openDays
        self.opens = opens
        self.closes = closes
        self.holidays = holidays
    }

    /// Asia/Riyadh: Saudi Arabia keeps UTC+3 all year, with no daylight saving, so a fixed offset is
    /// exact, and it spares the process ICU's zone tables (about 4 MiB of memory) that a named zone loads.
    public static let riyadh: TimeZone = TimeZone(secondsFromGMT: 3 * 3600) ?? .gmt

    /// Whether officers are at work at `date`.
    public func isOpen(at date: Date) -> Bool {
        let day = localDay(of: date)
        guard isWorkingDay(day) else { return false }
        let minutes = Int(date.timeIntervalSince(day.start) / 60)
        return minutes >= opens.minutes && minutes < closes.minutes
    }

    /// The first opening strictly after `date` (today's if it is still to come); nil when there is
    /// none in the coming 400 days (no open days, or everything a holiday).
    public func nextOpening(after date: Date) -> Date? {
        guard opens < closes else { return nil }
        var day = localDay(of: date).start
        for _ in 0..<400 {
            let local = localDay(of: day)
            if isWorkingDay(local) {
                let opening = local.start.addingTimeInterval(Double(opens.minutes) * 60)
                if opening > date { return opening }
            }
            guard let next = gregorian.date(byAdding: .day, value: 1, to: local.start) else { return nil }
            day = next
        }
        return nil
    }

    /// Whether the local day of `date` is an open day that is not a holiday.
    public func isWorkingDay(containing date: Date) -> Bool { isWorkingDay(localDay(of: date)) }

    /// The holiday `date` falls in, if any.
    public func holiday(containing date: Date) -> Holiday? {
        let day = localDay(of: date)
        return holidays.first { $0.contains(gregorian: day.gregorian, hijri: day.hijri) }
    }

    /// The weekday of `date` in this time zone.
    public func weekday(of date: Date) -> Weekday { localDay(of: date).weekday }

    /// `date` as local wall-clock parts (year, month, day, hour, minute) in this time zone.
    public func localParts(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let c = gregorian.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    // MARK: - Days

    struct LocalDay {
        var start: Date
        var weekday: Weekday
        var gregorian: (Int, Int, Int)
        var hijri: (Int, Int, Int)
    }

    func isWorkingDay(_ day: LocalDay) -> Bool {
        openDays.contains(day.weekday)
            && !holidays.contains { $0.contains(gregorian: day.gregorian, hijri: day.hijri) }
    }

    func localDay(of date: Date) -> LocalDay {
        let start = gregorian.startOfDay(for: date)
        let g = gregorian.dateComponents([.year, .month, .day, .weekday], from: start)
        // Noon avoids any edge of the Hijri day at midnight. Only computed when a holiday needs it: the
        // Umm al-Qura calendar loads ICU's data.
        let h =
            holidays.contains(where: \.needsHijri)
            ? hijriCalendar.dateComponents([.year, .month, .day], from: start.addingTimeInterval(12 * 3600))
            : DateComponents()
        return LocalDay(
            start: start, weekday: Weekday(rawValue: g.weekday ?? 1) ?? .sunday,
            gregorian: (g.year ?? 0, g.month ?? 0, g.day ?? 0), hijri: (h.year ?? 0, h.month ?? 0, h.day ?? 0))
    }

    var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    var hijriCalendar: Calendar {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = timeZone
        return calendar
    }
}
