import Foundation
import Testing

@testable import OfficerDesk

@Suite struct WorkingHoursTests {
    let hours = Fixtures.config().workingHours
    let riyadh = Fixtures.riyadh

    @Test func foundationPlacesFirstShawwal1447OnTwentiethOfMarch2026() {
        var hijri = Calendar(identifier: .islamicUmmAlQura)
        hijri.timeZone = TimeZone(identifier: "Asia/Riyadh")!
        let eid = hijri.date(from: DateComponents(year: 1447, month: 10, day: 1, hour: 12))!
        #expect(abs(eid.timeIntervalSince(riyadh(2026, 3, 20, 12, 0))) < 1)
        #expect(hours.weekday(of: eid) == .friday)
    }

    @Test func sundayMorningIsOpenAndTheDayClosesAtThree() {
        #expect(hours.isOpen(at: riyadh(2026, 3, 15, 8, 0)))
        #expect(hours.isOpen(at: riyadh(2026, 3, 15, 14, 59)))
        #expect(!hours.isOpen(at: riyadh(2026, 3, 15, 15, 0)))
        #expect(!hours.isOpen(at: riyadh(2026, 3, 15, 7, 59)))
    }

    @Test func fridayIsClosedAndReopensOnSunday() {
        let friday = riyadh(2026, 3, 13, 10, 0)
        #expect(hours.weekday(of: friday) == .friday)
        #expect(!hours.isOpen(at: friday))
        #expect(hours.nextOpening(after: friday) == riyadh(2026, 3, 15, 8, 0))
    }

    @Test func thursdayEveningWaitsForSundayMorning() {
        let evening = riyadh(2026, 3, 12, 18, 30)
        #expect(hours.weekday(of: evening) == .thursday)
        #expect(!hours.isOpen(at: evening))
        #expect(hours.nextOpening(after: evening) == riyadh(2026, 3, 15, 8, 0))
    }

    @Test func earlyMorningOpensTheSameDay() {
        #expect(hours.nextOpening(after: riyadh(2026, 3, 16, 6, 0)) == riyadh(2026, 3, 16, 8, 0))
    }

    @Test func eidAlFitrGivenInHijriClosesTheOfficeUntilTheFifthOfShawwal() {
        // 1–4 Shawwal 1447 = Friday 20 to Monday 23 March 2026.
        #expect(!hours.isOpen(at: riyadh(2026, 3, 22, 10, 0)))
        #expect(!hours.isOpen(at: riyadh(2026, 3, 23, 10, 0)))
        #expect(hours.holiday(containing: riyadh(2026, 3, 23, 10, 0))?.name == "عيد الفطر")
        #expect(hours.isOpen(at: riyadh(2026, 3, 24, 10, 0)))
        #expect(hours.nextOpening(after: riyadh(2026, 3, 19, 16, 0)) == riyadh(2026, 3, 24, 8, 0))
    }

    @Test func nationalDayRecursEveryYearByItsGregorianDate() {
        let nationalDay = riyadh(2026, 9, 23, 10, 0)
        #expect(hours.weekday(of: nationalDay) == .wednesday)
        #expect(!hours.isOpen(at: nationalDay))
        #expect(hours.nextOpening(after: nationalDay) == riyadh(2026, 9, 24, 8, 0))
        #expect(!hours.isOpen(at: riyadh(2027, 9, 23, 10, 0)))
    }

    @Test func hijriDatesWithoutAYearRecurEveryHijriYear() {
        let everyEid = Holiday(from: HolidayDate(parsing: "hijri:10-01")!, to: HolidayDate(parsing: "hijri:10-03")!)!
        let hours = WorkingHours(holidays: [everyEid])
        // 1 Shawwal 1448 ≈ 9 March 2027 (a Tuesday).
        var hijri = Calendar(identifier: .islamicUmmAlQura)
        hijri.timeZone = TimeZone(identifier: "Asia/Riyadh")!
        let eid1448 = hijri.date(from: DateComponents(year: 1448, month: 10, day: 1, hour: 10))!
        #expect(!hours.isOpen(at: eid1448))
        #expect(hours.holiday(containing: eid1448.addingTimeInterval(86_400 * 2)) != nil)
        #expect(hours.holiday(containing: eid1448.addingTimeInterval(86_400 * 3)) == nil)
        #expect(hours.holiday(containing: eid1448.addingTimeInterval(-86_400)) == nil)
    }

    @Test func noOpenDaysMeansNoNextOpening() {
        #expect(WorkingHours(openDays: []).nextOpening(after: Fixtures.sundayMorning) == nil)
    }

    @Test func holidayDatesParseEveryWrittenForm() {
        #expect(HolidayDate(parsing: "2026-09-23") == HolidayDate(kind: .gregorian, year: 2026, month: 9, day: 23))
        #expect(HolidayDate(parsing: "hijri:1447-10-01") == HolidayDate(kind: .hijri, year: 1447, month: 10, day: 1))
        #expect(HolidayDate(parsing: "09-23")?.year == nil)
        #expect(HolidayDate(parsing: "hijri:1447-10-01")?.description == "hijri:1447-10-01")
        #expect(HolidayDate(parsing: "2026-13-01") == nil)
        #expect(HolidayDate(parsing: "hijri:1447-10-31") == nil)
        #expect(HolidayDate(parsing: "٢٠٢٦-٠٩-٢٣") == nil)
        #expect(HolidayDate(parsing: "tomorrow") == nil)
    }

    @Test func timesAndDaysParseFromConfigurationSpelling() {
        #expect(TimeOfDay(parsing: "08:30") == TimeOfDay(hour: 8, minute: 30))
        #expect(TimeOfDay(parsing: "25:00") == nil)
        #expect(TimeOfDay(parsing: "8") == nil)
        #expect(Weekday(name: "Sunday") == .sunday)
        #expect(Weekday(name: "thu") == .thursday)
        #expect(Weekday(name: "s") == nil)
    }
}

@Suite struct WorkingHoursArabicTests {
    @Test func theSaudiWeekReadsAsARunOfDaysWithTimesAndTheZone() {
        let summary = WorkingHours().arabicSummary
        #expect(summary.hasPrefix("من الأحد إلى الخميس، من الساعة "))
        #expect(summary.contains("8:00\u{2069} صباحًا إلى الساعة \u{2066}3:00\u{2069} مساءً"))
        #expect(summary.hasSuffix("بتوقيت الرياض"))
    }

    @Test func aRunThatWrapsPastSaturdayOneDayAndScatteredDays() {
        #expect(WorkingHours.arabicDays([.saturday, .sunday, .monday, .tuesday, .wednesday]) == "من السبت إلى الأربعاء")
        #expect(WorkingHours.arabicDays([.friday]) == "يوم الجمعة")
        #expect(WorkingHours.arabicDays([.sunday, .tuesday, .thursday]) == "أيام الأحد والثلاثاء والخميس")
        #expect(WorkingHours.arabicDays(Set(Weekday.allCases)) == "طوال أيام الأسبوع")
    }
}
