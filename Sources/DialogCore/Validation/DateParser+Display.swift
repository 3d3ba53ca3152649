#if canImport(FoundationEssentials)
    import FoundationEssentials
    import FoundationInternationalization
#else
    import Foundation
#endif

extension DateParser {
    /// The Riyadh calendar day of `date` as "dd/MM/yyyy", in Umm al-Qura (`hijri`) and Gregorian: how
    /// Saudi letters write dates. Digits only, so a template isolates it whole inside Arabic text; the
    /// dialog text adds "هـ" / "م".
    public static func riyadhDay(_ date: Date) -> (hijri: String, gregorian: String) {
        // Riyadh is UTC+3 all year (no daylight saving); the calendars below are UTC.
        let local = date.addingTimeInterval(3 * 3600)
        func show(_ calendar: Calendar) -> String {
            let c = calendar.dateComponents([.year, .month, .day], from: local)
            return "\((c.day ?? 0).zeroPadded(2))/\((c.month ?? 0).zeroPadded(2))/\((c.year ?? 0).zeroPadded(4))"
        }
        return (show(hijriCalendar), show(gregorianCalendar))
    }
}
