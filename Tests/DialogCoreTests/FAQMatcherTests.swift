import Testing

@testable import DialogCore

@Suite struct FAQMatcherTests {
    static let faq = FAQ(
        synonyms: [
            "ماذا": ["وش", "ايش", "شو"],
            "اريد": ["ابغى", "ابي", "أبغى", "ودي"],
            "متى": ["كم مدة", "امتى"],
            "تطوع": ["متطوع", "تطوعي"],
            "اوراق": ["مستندات", "وثائق"],
        ],
        topics: [
            FAQTopic(
                id: "documents", title: "الأوراق المطلوبة", keywords: ["الأوراق المطلوبة", "مستندات", "أوراق"],
                answer: "صورة الهوية، وصك الإعالة، وتعريف بالراتب."),
            FAQTopic(
                id: "response_time", title: "مدة الرد على الطلب", keywords: ["رد الطلب", "يطلع رد", "الرد"],
                answer: "يُرد على الطلب خلال أسبوعين."),
            FAQTopic(
                id: "volunteering", title: "التطوع", keywords: ["تطوع", "التسجيل في التطوع"],
                answer: "يسعدنا انضمامك.", goto: "volunteer.start"),
            FAQTopic(
                id: "hours", title: "أوقات الدوام", keywords: ["الدوام", "متى تفتحون"],
                answer: "من الأحد إلى الخميس."),
            FAQTopic(
                id: "request_status", title: "حالة الطلب", keywords: ["حالة الطلب", "طلبي وين وصل"],
                answer: "اكتب رقم الطلب."),
        ]
    )

    let matcher = FAQMatcher(faq: Self.faq)

    @Test func gulfQuestionWordWithTatweelAndQuestionMarkMatches() {
        let match = matcher.match("متـــى يطلع رد الطلب؟")
        #expect(match?.topic.id == "response_time")
        #expect(match?.matchedKeywords == ["رد الطلب", "يطلع رد", "الرد"])
        #expect(match?.score == 5)
    }

    @Test func definiteArticleDoesNotMatter() {
        #expect(matcher.match("وش الأوراق المطلوبة")?.topic.id == "documents")
        #expect(matcher.match("اوراق مطلوبه")?.topic.id == "documents")
        #expect(matcher.match("وش الأوراق المطلوبة")?.score == 3)
    }

    @Test func synonymVariantsFoldToTheirCanonicalKeyword() {
        #expect(matcher.match("ايش الوثائق اللي تحتاجونها")?.topic.id == "documents")
        #expect(matcher.match("المستندات")?.topic.id == "documents")
    }

    @Test func verbFormOfAKeywordMatches() {
        let match = matcher.match("ابغى اتطوع")
        #expect(match?.topic.id == "volunteering")
        #expect(match?.matchedKeywords == ["تطوع"])
    }

    @Test func diacriticsAndHamzaAreIgnored() {
        #expect(matcher.match("أَوْقَات الدَّوَام")?.topic.id == "hours")
    }

    @Test func phraseWordsMayComeInAnyOrderAndStopwordsAreOptional() {
        let match = matcher.match("ابي التسجيل بالتطوع")
        #expect(match?.topic.id == "volunteering")
        #expect(match?.matchedKeywords == ["تطوع", "التسجيل في التطوع"])
        #expect(match?.score == 3)
    }

    @Test func questionWordsAloneMatchNothing() {
        for typed in ["متى", "وش", "كيف", "هل", "ماذا؟", "ابغى", "لو سمحت متى"] {
            #expect(matcher.match(typed) == nil, "typed \(typed)")
        }
    }

    @Test func aTopicListingAQuestionWordMatchesIt() {
        let faq = FAQ(topics: [FAQTopic(id: "when", title: "متى", keywords: ["متى"], answer: "قريباً")])
        #expect(FAQMatcher(faq: faq).match("متى؟")?.topic.id == "when")
        #expect(FAQMatcher(faq: faq).match("كيف")?.topic.id == nil)
    }

    @Test func multiWordSynonymVariantIsFolded() {
        // "كم مدة" → "متى"; "متى تفتحون" then matches as a whole phrase.
        let match = matcher.match("كم مدة تفتحون")
        #expect(match?.topic.id == "hours")
        #expect(match?.matchedKeywords == ["متى تفتحون"])
    }

    @Test func longerPhrasesOutweighSingleWords() {
        let faq = FAQ(topics: [
            FAQTopic(id: "any_request", title: "الطلبات", keywords: ["الطلب"], answer: "أ"),
            FAQTopic(id: "status", title: "حالة الطلب", keywords: ["حالة الطلب"], answer: "ب"),
        ])
        #expect(FAQMatcher(faq: faq).match("وش حالة الطلب")?.topic.id == "status")
        #expect(FAQMatcher(faq: faq).match("عندي سؤال عن الطلب")?.topic.id == "any_request")
        #expect(matcher.match("طلبي وين وصل؟")?.topic.id == "request_status")
    }

    @Test func keywordsWrittenWithDiacriticsAndHamzaMatchPlainInput() {
        let faq = FAQ(topics: [FAQTopic(id: "aid", title: "المساعدة", keywords: ["مُسَاعَدَة مالِيّة"], answer: "أ")])
        #expect(FAQMatcher(faq: faq).match("ابي مساعده ماليه")?.topic.id == "aid")
        #expect(FAQMatcher(faq: faq).match("ابي مساعده")?.topic.id == nil)
    }

    @Test func tiesGoToTheTopicListedFirst() {
        let faq = FAQ(topics: [
            FAQTopic(id: "first", title: "أ", keywords: ["خدمة"], answer: "أ"),
            FAQTopic(id: "second", title: "ب", keywords: ["الخدمات", "خدمة"], answer: "ب"),
        ])
        #expect(FAQMatcher(faq: faq).match("خدمة")?.topic.id == "first")
    }

    @Test func topicRestrictionLimitsTheCandidates() {
        #expect(matcher.match("وش الأوراق المطلوبة", topics: ["hours", "volunteering"]) == nil)
        #expect(matcher.match("وش الأوراق المطلوبة", topics: ["documents"])?.topic.id == "documents")
    }

    @Test func unrelatedTextMatchesNothing() {
        #expect(matcher.match("السلام عليكم") == nil)
        #expect(matcher.match("") == nil)
        #expect(matcher.match("١٢٣٤") == nil)
    }

    @Test func explanationShowsTokensSynonymsAndEvidence() {
        let explanation = matcher.explain("ابغى اتطوع")
        #expect(explanation.tokens.map(\.word) == ["اريد", "اتطوع"])
        #expect(explanation.tokens[0].viaSynonym)
        #expect(explanation.tokens[0].written == "ابغي")
        #expect(explanation.topics.first?.topicID == "volunteering")
        let hit = explanation.topics.first?.hits.first
        #expect(hit?.keyword == "تطوع")
        #expect(hit?.words.first?.viaVerbPrefix == true)
        #expect(explanation.match?.topic.id == "volunteering")
    }

    @Test func explanationDescriptionIsReadableEnglish() {
        let text = matcher.explain("وش الوثائق").description
        #expect(text.contains("input: وش الوثائق"))
        #expect(text.contains("ماذا (synonym of \"وش\")"))
        #expect(text.contains("match: documents (score 1"))
        // Evidence quotes the beneficiary's word as matched (its match key), not the stem.
        #expect(text.contains("via synonym \"الوثايق\""))
        #expect(matcher.explain("مرحبا").description.contains("match: none"))
    }

    @Test func explanationListsEveryTopicWithItsScore() {
        let explanation = matcher.explain("متى يطلع رد الطلب")
        #expect(explanation.topics.count == Self.faq.topics.count)
        #expect(explanation.topics.map(\.score) == explanation.topics.map(\.score).sorted(by: >))
    }

    @Test func suggestionsOfferTopicsWithPartialMatches() {
        // "حالة" alone is half of "حالة الطلب": no match, but a suggestion.
        #expect(matcher.match("وش الحالة") == nil)
        #expect(matcher.suggestions("وش الحالة", limit: 3).map(\.id) == ["request_status"])
        #expect(matcher.suggestions("مرحبا", limit: 3).isEmpty)
        #expect(matcher.suggestions("الرد على حالة الطلب", limit: 1).map(\.id) == ["response_time"])
    }

    @Test func synonymListedUnderTwoCanonicalWordsMapsDeterministically() {
        let faq = FAQ(
            synonyms: ["ب": ["س"], "أ": ["س"]],
            topics: [
                FAQTopic(id: "a", title: "أ", keywords: ["أ"], answer: "أ"),
                FAQTopic(id: "b", title: "ب", keywords: ["ب"], answer: "ب"),
            ])
        #expect(FAQMatcher(faq: faq).match("س")?.topic.id == "a")
    }
}
