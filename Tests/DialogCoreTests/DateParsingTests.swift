import Testing

@testable import DialogCore

@Suite struct DateParsingTests {
    private func date(_ typed: String) -> Result<FieldValue, ValidationFailure> {
        FieldValidator.validate(typed, field: FormField(id: "d", type: .date, prompt: "؟", label: "التاريخ"))
    }

    private func hijriDate(_ typed: String) -> Result<FieldValue, ValidationFailure> {
        FieldValidator.validate(typed, field: FormField(id: "h", type: .hijriDate, prompt: "؟", label: "التاريخ"))
    }

    @Test func gregorianDatesInEveryAcceptedShape() {
        let expected: Result<FieldValue, ValidationFailure> = .success(.date(gregorian: "2025-03-01", hijri: nil))
        for typed in [
            "2025-03-01", "2025/3/1", "01/03/2025", "1-3-2025", "٢٠٢٥/٠٣/٠١", "۱/۳/۲۰۲۵", "1.3.2025",
            "1 / 3 / 2025", "1/3/2025م", "1/3/2025 ميلادي",
        ] {
            #expect(date(typed) == expected, "typed \(typed)")
        }
    }

    @Test func ummAlQuraKnownPairsConvert() {
        #expect(hijriDate("1446/09/01") == .success(.date(gregorian: "2025-03-01", hijri: "1446-09-01")))
        #expect(hijriDate("١/١/١٤٤٧") == .success(.date(gregorian: "2025-06-26", hijri: "1447-01-01")))
    }

    @Test func hijriWrittenInADateFieldIsConverted() {
        let expected: Result<FieldValue, ValidationFailure> =
            .success(.date(gregorian: "2025-03-01", hijri: "1446-09-01"))
        #expect(date("1446/9/1هـ") == expected)
        #expect(date("١٤٤٦/٠٩/٠١ هـ") == expected)
        #expect(date("1/9/1446") == expected)
        #expect(date("1/9/1446 هجري") == expected)
    }

    @Test func gregorianWrittenInAHijriFieldGetsItsHijriEquivalent() {
        #expect(hijriDate("2025-06-26") == .success(.date(gregorian: "2025-06-26", hijri: "1447-01-01")))
    }

    @Test func monthNamesDecideTheCalendar() {
        let ramadan: Result<FieldValue, ValidationFailure> = .success(
            .date(gregorian: "2025-03-01", hijri: "1446-09-01"))
        #expect(date("1 رمضان 1446") == ramadan)
        #expect(date("١ رمضان ١٤٤٦هـ") == ramadan)
        #expect(date("1رمضان1446") == ramadan)
        #expect(date("1 مارس 2025") == .success(.date(gregorian: "2025-03-01", hijri: nil)))
        #expect(date("١ آذار ٢٠٢٥") == .success(.date(gregorian: "2025-03-01", hijri: nil)))
        #expect(hijriDate("1 محرم 1447") == .success(.date(gregorian: "2025-06-26", hijri: "1447-01-01")))
        #expect(hijriDate("٣ ذو الحجة ١٤٤٦") == hijriDate("3/12/1446"))
        #expect(hijriDate("3 جمادى الأولى 1446") == hijriDate("3/5/1446"))
        #expect(date("30 فبراير 2025") == .failure(.dateInvalid))
    }

    @Test func impossibleDatesAreInvalid() {
        for typed in ["31/02/2025", "2025-13-01", "2025-00-10", "0/1/2025", "29/02/2023", "32/01/2025"] {
            #expect(date(typed) == .failure(.dateInvalid), "typed \(typed)")
        }
        #expect(date("29/02/2024") == .success(.date(gregorian: "2024-02-29", hijri: nil)))
    }

    @Test func hijriMonthsHaveAtMostThirtyDays() {
        #expect(hijriDate("1446/09/31") == .failure(.dateInvalid))
    }

    @Test func unparsableTextIsAFormatFailure() {
        for typed in [
            "أمس", "1 رمضانن 1446", "2025", "1 رمضان 1446 م", "1/3/25", "2025-03", "1/3/2025 الصبح", "12345/1/1",
        ] {
            #expect(date(typed) == .failure(.dateFormat), "typed \(typed)")
        }
    }
}
