import Testing

@testable import DialogCore

@Suite struct ArabicTextTests {
    @Test func arabicIndicAndPersianDigitsBecomeASCII() {
        #expect(ArabicText.normalizeInput("١٠٢٣٤٥٦٧٨٩") == "1023456789")
        #expect(ArabicText.normalizeInput("۱۲۳") == "123")
        #expect(ArabicText.normalizeInput("٠٥٥ ١٢٣ ٤٥٦٧") == "055 123 4567")
    }

    @Test func arabicDecimalSeparatorBecomesDotAndThousandsSeparatorIsDropped() {
        #expect(ArabicText.normalizeInput("٣٫٥") == "3.5")
        #expect(ArabicText.normalizeInput("١٢٬٥٠٠") == "12500")
    }

    @Test func arabicCommaIsKept() {
        #expect(ArabicText.normalizeInput("محمد، أحمد") == "محمد، أحمد")
    }

    @Test func tatweelAndDiacriticsAreRemovedButHamzaLettersKept() {
        #expect(ArabicText.normalizeInput("متـــى") == "متى")
        #expect(ArabicText.normalizeInput("مُسَاعَدَة") == "مساعدة")
        #expect(ArabicText.normalizeInput("شكراً") == "شكرا")
        #expect(ArabicText.normalizeInput("أحمد إبراهيم") == "أحمد إبراهيم")
    }

    @Test func decomposedHamzaIsComposedNotStripped() {
        // ا followed by combining hamza above (U+0654) is how some keyboards produce أ.
        #expect(ArabicText.normalizeInput("\u{0627}\u{0654}حمد") == "أحمد")
    }

    @Test func bidiControlsAndZeroWidthCharactersAreRemoved() {
        let typed = "\u{200F}رقم\u{200B} \u{2066}123\u{2069}\u{FEFF}\u{061C}"
        #expect(ArabicText.normalizeInput(typed) == "رقم 123")
    }

    @Test func whitespaceIncludingNoBreakSpaceCollapsesAndTrims() {
        #expect(ArabicText.normalizeInput("  نورة\u{00A0}\u{00A0}بنت\t\nسعد  ") == "نورة بنت سعد")
    }

    @Test func matchKeyFoldsLetterVariants() {
        #expect(ArabicText.matchKey("أإآٱ") == "اااا")
        #expect(ArabicText.matchKey("مستشفى") == "مستشفي")
        #expect(ArabicText.matchKey("مساعدة") == "مساعده")
        #expect(ArabicText.matchKey("مسؤول") == "مسوول")
        #expect(ArabicText.matchKey("رئيس") == "رييس")
        #expect(ArabicText.matchKey("مُسَاعَدَة") == ArabicText.matchKey("مساعده"))
    }

    @Test func matchKeyTurnsPunctuationIntoSingleSpacesAndLowercasesLatin() {
        #expect(ArabicText.matchKey("متـــى يطلع رد الطلب؟") == "متي يطلع رد الطلب")
        #expect(ArabicText.matchKey("نعم،تمام؛ OK!!") == "نعم تمام ok")
        #expect(ArabicText.matchKey("«الخدمات» - (الجمعية)") == "الخدمات الجمعيه")
    }

    @Test func matchKeyReadsKeycapEmojiAsItsDigit() {
        #expect(ArabicText.matchKey("2️⃣") == "2")
    }

    @Test func matchKeyFoldsPresentationFormLigature() {
        #expect(ArabicText.matchKey("ﻻ") == "لا")
    }

    @Test func matchKeyFoldsPresentationFormsAndFullWidthDigitsAsNFKCDoes() {
        // Text pasted from a PDF: isolated and final forms, the ﷲ ligature, a hamza form.
        #expect(ArabicText.matchKey("ﺍﻟﻤﺴﺎﻋﺪﺓ") == ArabicText.matchKey("المساعدة"))
        #expect(ArabicText.matchKey("ﷲ") == "الله")
        #expect(ArabicText.matchKey("ﺃﺣﻤﺪ") == "احمد")
        #expect(ArabicText.matchKey("１٢3") == "123")
        #expect(ArabicText.matchKey("ﬁle") == "file")
    }

    @Test func everyDecomposedHamzaAndMaddaLetterIsComposed() {
        #expect(ArabicText.normalizeInput("\u{0627}\u{0653}\u{0648}\u{0654}\u{064A}\u{0654}\u{0627}\u{0655}") == "آؤئإ")
        // A mark after a space has no letter to join: it is dropped with the other marks.
        #expect(ArabicText.normalizeInput("ب \u{0654}") == "ب")
    }

    @Test func wordsSplitTheMatchKey() {
        #expect(ArabicText.words("وش الأوراق المطلوبة؟") == ["وش", "الاوراق", "المطلوبه"])
        #expect(ArabicText.words("   ") == [])
    }

    @Test func stemStripsTheDefiniteArticleAndItsPrefixedForms() {
        #expect(ArabicText.stem("الخدمات") == "خدمات")
        #expect(ArabicText.stem("والخدمات") == "خدمات")
        #expect(ArabicText.stem("بالجمعيه") == "جمعيه")
        #expect(ArabicText.stem("للمستفيدين") == "مستفيدين")
        #expect(ArabicText.stem("خدمات") == "خدمات")
    }

    @Test func stemStripsConjunctionWawOnlyFromLongerWords() {
        #expect(ArabicText.stem("وخدمات") == "خدمات")
        #expect(ArabicText.stem("ولد") == "ولد")
        #expect(ArabicText.stem("وش") == "وش")
    }

    @Test func stemTreatsAWordWithAndWithoutArticleAlike() {
        for word in ["وثايق", "خدمات", "مساعده", "وظيفه", "وصول"] {
            #expect(ArabicText.stem("ال" + word) == ArabicText.stem(word), "word \(word)")
            #expect(ArabicText.stem("وال" + word) == ArabicText.stem(word), "word \(word)")
        }
    }

    @Test func stemAlwaysLeavesAtLeastTwoLetters() {
        #expect(ArabicText.stem("الي") == "الي")
        #expect(ArabicText.stem("الحد") == "حد")
    }

    @Test func stemsMakeDefiniteAndIndefiniteFormsEqual() {
        #expect(ArabicText.stems("الأوراق المطلوبة") == ArabicText.stems("اوراق مطلوبه"))
    }

    @Test func isolateWrapsInFirstStrongIsolates() {
        #expect(ArabicText.isolate("SA-2025-00042") == "\u{2066}SA-2025-00042\u{2069}")
        #expect(ArabicText.isolate("") == "")
    }

    @Test func isolatedTextSurvivesNormalisationUnchanged() {
        let message = "رقم طلبك \(ArabicText.isolate("12345"))"
        #expect(ArabicText.normalizeInput(message) == "رقم طلبك 12345")
    }

    @Test func editDistanceCountsScalarEdits() {
        #expect(EditDistance.between("مساعده", "مساعده") == 0)
        #expect(EditDistance.between("مساعده", "مسعده") == 1)
        #expect(EditDistance.between("شكوي", "شكاوي") == 1)
        #expect(EditDistance.between("", "abc") == 3)
    }
}
