#if canImport(FoundationEssentials)
    import FoundationEssentials
    // The Umm al-Qura calendar and named time zones live here (with ICU), not in FoundationEssentials.
    import FoundationInternationalization
#else
    import Foundation
#endif

/// Reads a typed date, Gregorian or Hijri (Umm al-Qura), into a `FieldValue.date`.
///
/// Accepted shapes after normalisation: yyyy-mm-dd, yyyy/mm/dd, dd/mm/yyyy, dd-mm-yyyy (also with
/// "." or spaces), optionally followed by "هـ"/"هجري" (Hijri) or "م"/"ميلادي" (Gregorian); and a day,
/// a month name and a year ("1 رمضان 1446", "15 مارس 2025"), the name deciding the calendar. Without a
/// marker a year below 1500 is read as Hijri: no beneficiary writes a Gregorian date that old, and
/// Hijri years stay below 1500 until 2077.
enum DateParser {
    /// Which calendar the field stores; decides whether the Hijri side is always filled in.
    enum Expectation { case gregorian, hijri }

    enum Era { case gregorian, hijri }

    static func parse(_ text: String, expecting expectation: Expectation) -> Result<FieldValue, ValidationFailure> {
        guard let (ymd, marker) = readNumeric(text) ?? readNamedMonth(text) else { return .failure(.dateFormat) }
        let era: Era
        switch marker {
        case .some(.hijri): era = .hijri
        case .some(.gregorian): era = .gregorian
        case .none: era = ymd.year < 1500 ? .hijri : .gregorian
        }
        let source = era == .hijri ? hijriCalendar : gregorianCalendar
        guard (1...12).contains(ymd.month), (1...31).contains(ymd.day), ymd.year >= 1,
            let date = source.date(from: DateComponents(year: ymd.year, month: ymd.month, day: ymd.day)),
            components(date, in: source) == ymd
        else { return .failure(.dateInvalid) }
        let gregorian = format(components(date, in: gregorianCalendar))
        let hijri = format(components(date, in: hijriCalendar))
        let keepsHijri = era == .hijri || expectation == .hijri
        return .success(.date(gregorian: gregorian, hijri: keepsHijri ? hijri : nil))
    }

    /// The Umm al-Qura calendar used by Saudi government services; UTC so a date never shifts a day.
    static let hijriCalendar: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = .gmt
        return calendar
    }()

    static let gregorianCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    struct YMD: Equatable {
        var year: Int
        var month: Int
        var day: Int
    }

    private static func components(_ date: Date, in calendar: Calendar) -> YMD {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return YMD(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0)
    }

    private static func format(_ ymd: YMD) -> String {
        "\(ymd.year.zeroPadded(4))-\(ymd.month.zeroPadded(2))-\(ymd.day.zeroPadded(2))"
    }

    /// A date written with digits only: three groups and an optional era marker.
    private static func readNumeric(_ text: String) -> (YMD, Era?)? {
        guard let (numbers, marker) = split(text), let ymd = orderedYMD(numbers) else { return nil }
        return (ymd, marker)
    }

    /// Separates the three digit groups from a trailing era marker; nil when the shape is wrong.
    private static func split(_ text: String) -> (numbers: [Int], marker: Era?)? {
        guard let firstLetter = text.firstIndex(where: { $0.isLetter }) else {
            return groups(Substring(text)).map { ($0, nil) }
        }
        let markerKey = ArabicText.matchKey(String(text[firstLetter...]))
        let marker: Era
        if hijriMarkers.contains(markerKey) {
            marker = .hijri
        } else if gregorianMarkers.contains(markerKey) {
            marker = .gregorian
        } else {
            return nil
        }
        return groups(text[..<firstLetter]).map { ($0, marker) }
    }

    /// matchKey forms: "هـ" loses its tatweel, "هجرية" its teh marbuta.
    static let hijriMarkers: Set<String> = ["ه", "هجري", "هجريه", "ه ق"]
    static let gregorianMarkers: Set<String> = ["م", "ميلادي", "ميلاديه"]

    /// Three digit groups separated by "/", "-", "." or spaces, used consistently.
    private static func groups(_ s: Substring) -> [Int]? {
        let trimmed = s.trimmed
        let separators: Set<Character> = ["/", "-", ".", "\\"]
        let hasSeparator = trimmed.contains(where: separators.contains)
        let cleaned = hasSeparator ? trimmed.filter { $0 != " " } : trimmed
        let parts = cleaned.split(omittingEmptySubsequences: false) {
            hasSeparator ? separators.contains($0) : $0 == " "
        }
        guard parts.count == 3, parts.allSatisfy({ $0.count <= 4 && FieldValidator.isASCIIDigits($0) }) else {
            return nil
        }
        return parts.compactMap { Int($0) }
    }

    /// Year first when the first group has four digits, year last when the last one has.
    private static func orderedYMD(_ n: [Int]) -> YMD? {
        guard n.count == 3 else { return nil }
        if n[0] >= 1000, n[1] < 100, n[2] < 100 { return YMD(year: n[0], month: n[1], day: n[2]) }
        if n[2] >= 1000, n[0] < 100, n[1] < 100 { return YMD(year: n[2], month: n[1], day: n[0]) }
        return nil
    }
}
