import Testing

@testable import DialogCore

@Suite struct FAQMatcherTests {
    static let faq = FAQ(
        synonyms: [
            "اريد": ["ابغى", "ابي", "ودي"],
            "وثائق": ["اوراق", "مستندات"],
            "رد": ["يردون", "ينرد", "الجواب"],
            "اطفال": ["عيال", "بزران"],
            "دوام": ["تداومون"],
        ],
        ignore: ["اخوي"],
        outOfScope: ["كيف الطقس", "درجة الحراره", "نتيجة المباراه", "الدوري", "دواء للصداع", "سعر الذهب"],
        topics: [
            FAQTopic(
                id: "documents", title: "الأوراق المطلوبة", keywords: ["الأوراق المطلوبة", "مستندات"],
                examples: [
                    "وش الاوراق اللي احتاجها", "المستندات اللازمة للتقديم", "هل لازم صك الاعالة", "صورة الهوية",
                ],
                answer: "صورة الهوية، وصك الإعالة، وتعريف بالراتب."),
            FAQTopic(
                id: "decision_time", title: "مدة الرد على الطلب", keywords: ["متى الرد", "مدة الدراسة"],
                examples: ["كم ياخذ الطلب", "متى يطلع الرد", "متى يردون علي", "كم يوم انتظر الرد", "المعاملة كم تاخذ"],
                answer: "يُرد على الطلب خلال مدة لا تقل عن أسبوعين."),
            FAQTopic(
                id: "follow_up", title: "متابعة الطلب", keywords: ["متابعة الطلب", "حالة الطلب"],
                examples: ["وين وصل طلبي", "ابي اتابع طلبي", "كيف اعرف حالة طلبي", "المعاملة وين وصلت"],
                answer: "من «متابعة طلبي»."),
            FAQTopic(
                id: "hours", title: "أوقات الدوام", keywords: ["الدوام", "اوقات العمل"],
                examples: ["متى تفتحون", "متى تقفلون", "الدوام يوم السبت"], answer: "من الأحد إلى الخميس."),
            FAQTopic(
                id: "services", title: "خدمات الجمعية", keywords: ["خدمات", "سلال غذائية"],
                examples: ["وش تقدمون", "عندكم مساعدات للاطفال", "تسددون الايجار"], answer: "سلال وإيجار."),
            FAQTopic(
                id: "volunteering", title: "التطوع", keywords: ["تطوع"], examples: ["ابي اتطوع معكم"],
                answer: "يسعدنا انضمامك.", goto: "volunteer.start"),
            FAQTopic(
                id: "greeting", title: "التحية", keywords: ["السلام عليكم", "مرحبا"], answer: "وعليكم السلام.",
                social: true, greetBack: "وعليكم السلام،"),
            FAQTopic(id: "thanks", title: "الشكر", keywords: ["شكرا", "مشكور"], answer: "العفو.", social: true),
        ]
    )

    let matcher = FAQMatcher(faq: Self.faq)

    @Test func aGulfQuestionWithTatweelAndQuestionMarkIsAnswered() {
        let match = matcher.match("متـــى يطلع الرد؟")
        #expect(match?.topic.id == "decision_time")
        #expect(match?.matchedWords.contains("رد") == true)
    }

    @Test func articlesSuffixesAndSpellingsDoNotMatter() {
        #expect(matcher.match("وش الأوراق المطلوبة")?.topic.id == "documents")
        #expect(matcher.match("اوراق مطلوبه")?.topic.id == "documents")
        #expect(matcher.match("وش الاوراقي المطلوبة")?.topic.id == "documents")
    }

    @Test func lexiconVariantsFoldToTheirCanonicalWord() {
        #expect(matcher.match("ايش المستندات اللي تحتاجونها")?.topic.id == "documents")
        #expect(matcher.match("متى ينرد علي")?.topic.id == "decision_time")
        let explanation = matcher.explain("متى ينرد علي")
        #expect(explanation.tokens.contains { $0.kind == .lexicon && $0.word == "رد" && $0.written == "ينرد" })
    }

    @Test func wordOrderDoesNotMatter() {
        #expect(matcher.match("الطلب كم ياخذ")?.topic.id == "decision_time")
    }

    @Test func aTypoInALongWordIsTolerated() {
        let explanation = matcher.explain("المستنتدات اللازمة")
        #expect(explanation.match?.topic.id == "documents")
        #expect(explanation.words.contains { $0.how.contains("spelling") })
    }

    @Test func aGreetingAloneGetsTheGreetingAndWithAQuestionTheQuestionIsAnswered() {
        let alone = matcher.decide("السلام عليكم")
        #expect(alone.match?.topic.id == "greeting")
        let both = matcher.decide("السلام عليكم اخوي متى تفتحون")
        #expect(both.match?.topic.id == "hours")
        #expect(both.greeting?.id == "greeting")
        #expect(matcher.decide("مشكور").match?.topic.id == "thanks")
    }

    @Test func greetingsAndFillerNeverDecideATopic() {
        let explanation = matcher.explain("مرحبا ابي اخوي")
        #expect(explanation.match?.topic.id == "greeting")
        #expect(explanation.tokens.filter { $0.kind == .filler }.map(\.written) == ["ابي", "اخوي"])
    }

    @Test func outOfScopeQuestionsAreDeclinedNeverAnswered() {
        #expect(matcher.decide("كيف الطقس اليوم").outcome == .outOfScope)
        #expect(matcher.decide("وش نتيجة المباراه").outcome == .outOfScope)
        #expect(matcher.match("سعر الذهب اليوم") == nil)
    }

    @Test func nothingRecognisedIsNotUnderstood() {
        #expect(matcher.decide("بطاطس").outcome == .notUnderstood)
        #expect(matcher.decide("").outcome == .notUnderstood)
        #expect(matcher.decide("؟؟ 🙏").outcome == .notUnderstood)
    }

    @Test func closeTopicsAreOfferedNotGuessed() {
        // "معامله" is used once by the decision time and once by the follow-up examples; nothing else decides.
        let decision = matcher.decide("المعامله")
        guard case .clarify(let topics) = decision.outcome else {
            Issue.record("expected a clarification, got \(decision.outcome)")
            return
        }
        #expect(Set(topics.map(\.id)) == ["decision_time", "follow_up"])
    }

    @Test func arabicIndicDigitsAndEmojiDoNotDisturb() {
        #expect(matcher.match("كم يوم انتظر الرد ٢ اسبوع؟ 🙏")?.topic.id == "decision_time")
    }

    @Test func onlyTheGivenTopicsAreConsidered() {
        #expect(matcher.match("وش الأوراق المطلوبة", topics: ["documents"])?.topic.id == "documents")
        #expect(matcher.match("وش الأوراق المطلوبة", topics: ["hours"]) == nil)
    }

    @Test func aTopicWithGotoIsMatchedLikeAnyOther() {
        let match = matcher.match("ابغى اتطوع")
        #expect(match?.topic.id == "volunteering")
        #expect(match?.topic.goto == "volunteer.start")
    }

    @Test func theExplanationShowsWordsScoresAndTheClosestExample() {
        let text = matcher.explain("عندكم مساعدات للعيال؟").description
        #expect(text.contains("decision: answer services"))
        #expect(text.contains("اطفال (lexicon: \"للعيال\")"))
        #expect(text.contains("closest example: عندكم مساعدات للاطفال"))
    }

    @Test func aMissSaysHowToFixIt() {
        #expect(matcher.explain("بطاطس").description.contains("add this question"))
    }

    @Test func theIndexBelongsToTheMatcherNotToConversations() {
        // Matching twice gives the same answer: nothing is learnt or cached per message.
        #expect(matcher.decide("متى الدوام") == matcher.decide("متى الدوام"))
    }
}

@Suite struct LightStemTests {
    @Test(arguments: [
        ("الخدمات", "خدم"), ("خدمه", "خدم"), ("وبالطلب", "طلب"), ("طلبي", "طلب"), ("طلباتكم", "طلب"),
        ("للجمعيه", "جمع"), ("الجمعيه", "جمع"), ("طلببببي", "طلب"), ("بحث", "بحث"), ("ولدي", "ولد"), ("يردون", "يرد"),
        ("مساعدتي", "مساعد"), ("جمعيتكم", "جمع"), ("طلباتي", "طلب"), ("للاسر", "اسر"), ("وللجنه", "جنه"),
        ("غذائيه", "غذا"), ("sf2024", "sf2024"), ("1000", "1000"),
    ])
    func stems(_ pair: (String, String)) {
        #expect(ArabicText.lightStem(ArabicText.matchKey(pair.0)) == pair.1)
    }

    @Test func aShortWordIsLeftAlone() {
        #expect(ArabicText.lightStem("بنك") == "بنك")
        #expect(ArabicText.lightStem("كم") == "كم")
    }
}
