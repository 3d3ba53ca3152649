import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One day of a holiday, in the Gregorian or the Hijri (Umm al-Qura) calendar, with or without a year.
///
/// Written `yyyy-MM-dd` (Gregorian), `hijri:yyyy-MM-dd` (Hijri), or without the year (`MM-dd`,
/// `hijri:MM-dd`) for a holiday that comes back every year on the same date of its calendar.
public struct HolidayDate: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The calendar the date is written in.
    public enum Kind: String, Sendable, Equatable, Hashable { case gregorian, hijri }

    public var kind: Kind
    /// Nil for a date that recurs every year.
    public var year: Int?
    public var month: Int
    public var day: Int

    public init(kind: Kind, year: Int?, month: Int, day: Int) {
        self.kind = kind
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the configuration spelling; nil when it is not one of the four forms or out of range.
    public init?(parsing text: String) {
        var rest = text.trimmed
        var kind = Kind.gregorian
        if rest.lowercased().hasPrefix("hijri:") {
            kind = .hijri
            rest = rest.dropFirst(6)
        }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let year = parts.count == 3 ? numbers[0] : nil
        let month = numbers[parts.count - 2]
        let day = numbers[parts.count - 1]
        let maxDay = kind == .hijri ? 30 : 31
        guard (1...12).contains(month), (1...maxDay).contains(day) else { return nil }
        if let year, !(1...9999).contains(year) { return nil }
        self.init(kind: kind, year: year, month: month, day: day)
    }

    public var description: String {
        let md = "\(month.zeroPadded(2))-\(day.zeroPadded(2))"
        let body = year.map { "\($0.zeroPadded(4))-" + md } ?? md
        return kind == .hijri ? "hijri:" + body : body
    }

    /// A comparable key: (year, month, day) when the year is given, else (month, day).
    func key(year y: Int, month m: Int, day d: Int) -> [Int] { year == nil ? [m, d] : [y, m, d] }
    var ownKey: [Int] { year.map { [$0, month, day] } ?? [month, day] }
}

/// A holiday: one day or an inclusive range of days in one calendar, with an optional name.
public struct Holiday: Sendable, Equatable, Hashable {
    public var from: HolidayDate
    public var to: HolidayDate
    /// For people reading the configuration; never shown to beneficiaries by default.
    public var name: String?

    /// A holiday from `from` to `to` inclusive; both must use the same calendar and both give or omit the year.
    public init?(from: HolidayDate, to: HolidayDate, name: String? = nil) {
        guard from.kind == to.kind, (from.year == nil) == (to.year == nil) else { return nil }
        guard !Holiday.less(to.ownKey, from.ownKey) else { return nil }
        self.from = from
        self.to = to
        self.name = name
    }

    /// A one-day holiday.
    public init(day: HolidayDate, name: String? = nil) {
        self.from = day
        self.to = day
        self.name = name
    }

    /// Whether it is written in the Hijri calendar (so checking it needs the Umm al-Qura calendar).
    var needsHijri: Bool { from.kind == .hijri }

    /// Whether the day given in both calendars falls in this holiday.
    func contains(gregorian g: (Int, Int, Int), hijri h: (Int, Int, Int)) -> Bool {
        let (y, m, d) = from.kind == .hijri ? h : g
        let key = from.key(year: y, month: m, day: d)
        return !Holiday.less(key, from.ownKey) && !Holiday.less(to.ownKey, key)
    }

    static func less(_ a: [Int], _ b: [Int]) -> Bool { a.lexicographicallyPrecedes(b) }
}
