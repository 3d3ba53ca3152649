import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A day of the week, numbered as Foundation's Gregorian calendar numbers them (Sunday = 1).
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case sunday = 1
    case monday, tuesday, wednesday, thursday, friday, saturday

    /// Parses an English day name as written in the configuration ("sunday", "Sun").
    public init?(name: String) {
        let lower = name.lowercased()
        guard lower.count >= 3,
            let day = Weekday.allCases.first(where: { "\($0)".hasPrefix(lower) })
        else { return nil }
        self = day
    }

    /// The Arabic name, e.g. "الأحد".
    public var arabicName: String {
        switch self {
        case .sunday: "الأحد"
        case .monday: "الاثنين"
        case .tuesday: "الثلاثاء"
        case .wednesday: "الأربعاء"
        case .thursday: "الخميس"
        case .friday: "الجمعة"
        case .saturday: "السبت"
        }
    }

    /// The Saudi working week: Sunday to Thursday.
    public static let saudiWorkWeek: Set<Weekday> = [.sunday, .monday, .tuesday, .wednesday, .thursday]

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A time of day in minutes after midnight, written "HH:mm" in the configuration.
public struct TimeOfDay: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(hour: Int, minute: Int = 0) { self.minutes = hour * 60 + minute }

    /// Parses "HH:mm" (00:00 to 24:00).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
            h * 60 + m <= 24 * 60
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var description: String { "\(hour.zeroPadded(2)):\(minute.zeroPadded(2))" }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }
}
