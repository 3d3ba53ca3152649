import Foundation
import Testing

@testable import DialogCore

@Suite struct ReferenceNumberTests {
    @Test func referencesAreNineDigitsWithAValidDammCheckDigit() {
        for sequence: Int64 in [0, 1, 9, 12_345, 99_999_999] {
            let reference = ReferenceNumber.make(sequence: sequence)
            #expect(reference.count == 9)
            #expect(ReferenceNumber.isValid(reference), "sequence \(sequence)")
        }
        // Damm's published example: 572 has check digit 4.
        #expect(ReferenceNumber.checkDigit("572") == 4)
    }

    @Test func consecutiveSequencesGiveDistantUniqueReferences() {
        let references = (1...20_000).map { ReferenceNumber.make(sequence: Int64($0)) }
        #expect(Set(references).count == references.count)
        #expect(references[0].prefix(5) != references[1].prefix(5))
    }

    @Test func everySingleWrongDigitAndNeighbourSwapIsRefused() {
        let reference = ReferenceNumber.make(sequence: 4242)
        let digits = Array(reference)
        for index in digits.indices {
            for replacement in "0123456789" where replacement != digits[index] {
                var wrong = digits
                wrong[index] = replacement
                #expect(!ReferenceNumber.isValid(String(wrong)))
            }
            if index + 1 < digits.count, digits[index] != digits[index + 1] {
                var swapped = digits
                swapped.swapAt(index, index + 1)
                #expect(!ReferenceNumber.isValid(String(swapped)))
            }
        }
    }

    @Test func typedReferencesAreReadWithArabicDigitsSpacesDashesAndIsolates() {
        let reference = ReferenceNumber.make(sequence: 77)
        let shown = ReferenceNumber.display(reference)
        #expect(shown.count == 11)
        #expect(shown.unicodeScalars.filter { $0 == "\u{00A0}" }.count == 2)
        let arabic = String(
            reference.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) })
        for typed in [reference, shown, ArabicText.isolate(shown), arabic, "  \(reference.prefix(3))-\(reference.dropFirst(3))"] {
            #expect(ReferenceNumber.parse(typed) == reference, "typed \(typed)")
        }
        #expect(ReferenceNumber.parse("123456789") == nil || ReferenceNumber.isValid("123456789"))
        #expect(ReferenceNumber.parse("رقم \(reference)") == nil)
        #expect(ReferenceNumber.parse("sf-2026-000123") == "SF-2026-000123")
    }
}

@Suite struct DecisionDateTests {
    @Test func aDayIsShownInUmmAlQuraAndGregorianForRiyadh() {
        // 2026-12-06 22:00 UTC is already 2026-12-07 in Riyadh: 27 Jumada al-Akhirah 1448 (Umm al-Qura).
        let day = DateParser.riyadhDay(Date(timeIntervalSince1970: 1_796_594_400))
        #expect(day.gregorian == "07/12/2026")
        #expect(day.hijri == "27/06/1448")
    }
}
