import Testing

@testable import DialogCore

@Suite struct YesNoTests {
    @Test(arguments: [
        "نعم", "ايه", "إيه", "اي", "أي", "أيوه", "ايوا", "ايوه", "اكيد", "أكيد", "تمام", "موافق", "صح", "yes", "Yes",
        "OK", "ok", "y", "نَعَم", "نعم.", "نعم!", "  أيوة  ", "نعممم", "نعم تمام", "أكيد ابي", "ايه ابغى اسجل", "👍",
        "\u{200F}نعم", "ابي", "أبغى",
    ])
    func yesAnswersReadAsYes(_ typed: String) {
        #expect(YesNo.parse(typed) == true)
    }

    @Test(arguments: [
        "لا", "لأ", "لاء", "لا شكرا", "لا شكراً", "مو", "ما أبي", "ما ابغى", "no", "No", "n", "لااا", "لا، شكراً لك",
        "مو موافق", "غير موافق", "👎", "كلا",
    ])
    func noAnswersReadAsNo(_ typed: String) {
        #expect(YesNo.parse(typed) == false)
    }

    @Test(arguments: ["1", "2", "٠", "١", "نعم لا", "لا تمام", "ابي اسأل سؤال", "", "   ", "؟", "مرحبا", "yesterday"])
    func digitsContradictionsAndOtherTextAreNeither(_ typed: String) {
        #expect(YesNo.parse(typed) == nil)
    }
}
