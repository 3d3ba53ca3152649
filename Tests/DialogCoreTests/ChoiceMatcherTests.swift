import Testing

@testable import DialogCore

@Suite struct ChoiceMatcherTests {
    private let services = [
        Option(id: "aid", label: "طلب مساعدة", synonyms: ["مساعدة مالية", "معونة"]),
        Option(id: "volunteer", label: "التطوع في الجمعية", synonyms: ["متطوع"]),
        Option(id: "complaint", label: "الشكاوى والاقتراحات"),
        Option(id: "status", label: "حالة الطلب"),
    ]

    private func matchedID(_ typed: String, _ options: [Option]? = nil) -> String? {
        ChoiceMatcher.match(typed, options: options ?? services)?.id
    }

    @Test func numbersInAnyDigitsPickByPosition() {
        #expect(matchedID("1") == "aid")
        #expect(matchedID("٢") == "volunteer")
        #expect(matchedID("۳") == "complaint")
        #expect(matchedID("4.") == "status")
        #expect(matchedID("4️⃣") == "status")
    }

    @Test func numbersOutOfRangeMatchNothing() {
        #expect(matchedID("0") == nil)
        #expect(matchedID("5") == nil)
        #expect(matchedID("١٢") == nil)
    }

    @Test func exactLabelsMatchDespiteSpellingAndDiacritics() {
        #expect(matchedID("طلب مُسَاعَدَة") == "aid")
        #expect(matchedID("طلب مساعده") == "aid")
        #expect(matchedID("حالة الطلب؟") == "status")
        #expect(matchedID("حاله طلب") == "status")
    }

    @Test func persianDigitsAndInvisibleMarksStillPickByPosition() {
        #expect(matchedID("\u{200F}۴\u{200F}") == "status")
    }

    @Test func synonymsMatch() {
        #expect(matchedID("معونه") == "aid")
        #expect(matchedID("متطوع") == "volunteer")
    }

    @Test func inputContainingALabelMatchesIt() {
        #expect(matchedID("ابي اعرف حالة الطلب لو سمحت") == "status")
        #expect(matchedID("ابغى مساعدة مالية") == "aid")
    }

    @Test func inputContainedInOneLabelMatchesIt() {
        #expect(matchedID("تطوع") == "volunteer")
        #expect(matchedID("الشكاوى") == "complaint")
    }

    @Test func smallTyposMatchWhenUnique() {
        #expect(matchedID("طلب مساعدت") == "aid")
        #expect(matchedID("الشكاوي والاقتراحت") == "complaint")
    }

    @Test func unrelatedTextMatchesNothing() {
        #expect(matchedID("مرحبا") == nil)
        #expect(matchedID("كم الساعة") == nil)
        #expect(matchedID("") == nil)
    }

    @Test func ambiguousInputMatchesNothing() {
        let options = [Option(id: "a", label: "مساعدة مالية"), Option(id: "b", label: "مساعدة عينية")]
        #expect(matchedID("مساعدة", options) == nil)
        #expect(matchedID("مساعدة عينية", options) == "b")
        let both = [Option(id: "aid", label: "مساعدة"), Option(id: "complaint", label: "شكوى")]
        #expect(matchedID("مساعدة وشكوى", both) == nil)
    }

    @Test func theLongestContainedLabelWins() {
        let options = [Option(id: "any", label: "مساعدة"), Option(id: "money", label: "مساعدة مالية")]
        #expect(matchedID("ابي مساعدة مالية", options) == "money")
        #expect(matchedID("ابي مساعدة", options) == "any")
    }

    @Test func aNumericLabelMatchesBeforePosition() {
        let ratings = [Option(id: "r5", label: "5"), Option(id: "r4", label: "4"), Option(id: "r3", label: "3")]
        #expect(matchedID("٥", ratings) == "r5")
        #expect(matchedID("1", ratings) == "r5")
    }

    @Test func shortKeysAreNotFuzzyMatched() {
        let options = [Option(id: "yes", label: "نعم"), Option(id: "no", label: "لا")]
        #expect(matchedID("ل", options) == nil)
        #expect(matchedID("نعم", options) == "yes")
        #expect(matchedID("نعمم", options) == "yes")
    }
}
