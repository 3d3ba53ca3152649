import Foundation
import Testing

@testable import DialogCore

@Suite struct AttestedDataTests {
    @Test func theCanonicalTextSortsKeysAndNormalisesDigitsAndSpaces() {
        let typedInArabic = AttestedData([
            FieldEntry(id: "name", label: "الاسم", value: .text("  محمد   علي ")),
            FieldEntry(id: "family", label: "الأسرة", value: .integer(5)),
            FieldEntry(id: "address", label: "العنوان", value: .text("حي ٣ شارع ١٢")),
            FieldEntry(id: "docs", label: "المستندات", value: .skipped),
        ])
        let typedInLatin = AttestedData([
            FieldEntry(id: "docs", label: "other label", value: .skipped),
            FieldEntry(id: "address", label: "x", value: .text("حي 3 شارع 12")),
            FieldEntry(id: "name", label: "y", value: .text("محمد علي")),
            FieldEntry(id: "family", label: "z", value: .integer(5)),
        ])
        #expect(typedInArabic.canonicalText == typedInLatin.canonicalText)
        #expect(typedInArabic.canonicalText == #"{"address":"حي 3 شارع 12","docs":null,"family":"5","name":"محمد علي"}"#)
    }

    @Test func theCanonicalTextReadsBackToTheSameValues() throws {
        let data = AttestedData([
            FieldEntry(id: "nid", label: "", value: .text("1023456781")),
            FieldEntry(id: "choice", label: "", value: .choice(id: "rent", label: "إيجار")),
            FieldEntry(id: "skip", label: "", value: .skipped),
        ])
        let read = try #require(AttestedData(canonicalText: data.canonicalText))
        #expect(read == data)
        #expect(AttestedData(canonicalText: "[1,2]") == nil)
    }

    @Test func differencesNameEachChangedAddedOrRemovedField() {
        let attested = AttestedData(values: ["name": "سارة", "family": "4", "docs": nil])
        let now = AttestedData(values: ["name": "سارة", "family": "9", "iban": "SA00"])
        let differences = attested.differences(from: now)
        #expect(differences.map(\.field) == ["docs", "family", "iban"])
        #expect(differences[1] == AttestedData.Difference(field: "family", attested: "4", current: "9"))
        #expect(differences[1].description == #"field 'family': attested "4", stored now "9""#)
        #expect(attested.differences(from: attested).isEmpty)
    }
}
