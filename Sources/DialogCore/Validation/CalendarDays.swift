#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Riyadh calendar days in both calendars, for notices and exports.
public enum CalendarDays {
    /// The Riyadh day of `date` as "dd/MM/yyyy" in Umm al-Qura (`hijri`) and Gregorian.
    public static func riyadh(_ date: Date) -> (hijri: String, gregorian: String) {
        DateParser.riyadhDay(date)
    }
}
