import Foundation
import Testing

@testable import DialogCore

@Suite struct AssociationFactsTests {
    let answer = "تواصل معنا:\nالهاتف: {{contact.phone}}\nالموقع الإلكتروني: {{contact.website}}\nونرحب بك."

    @Test func aSetFactIsFilledInAndALeftToRightValueIsIsolated() {
        let facts = AssociationFacts(["contact.phone": "0112345678", "contact.website": "https://safa.org.sa"])
        let (text, unset) = facts.fill(answer)
        #expect(unset.isEmpty)
        #expect(text.contains("الهاتف: \u{2066}0112345678\u{2069}"))
        #expect(text.contains("\u{2066}https://safa.org.sa\u{2069}"))
        #expect(!text.contains("{{"))
    }

    @Test func aLineNamingAnUnsetFactIsLeftOutAndReported() {
        let facts = AssociationFacts(["contact.website": "https://safa.org.sa", "contact.phone": ""])
        let (text, unset) = facts.fill(answer)
        #expect(text.split(separator: "\n").count == 3)
        #expect(!text.contains("الهاتف"))
        #expect(unset.map(\.name) == ["contact.phone"])
        #expect(unset.first?.line == "الهاتف: {{contact.phone}}")
    }

    @Test func anArabicValueIsNotWrappedInALeftToRightIsolate() {
        let facts = AssociationFacts(["hours": "من الأحد إلى الخميس، من الساعة 8:00 صباحًا", "contact.address": "حي النخيل 12"])
        let (text, _) = facts.fill("الدوام: {{hours}}\nالعنوان: {{contact.address}}")
        #expect(text == "الدوام: من الأحد إلى الخميس، من الساعة 8:00 صباحًا\nالعنوان: حي النخيل 12")
    }

    @Test func theShippedAnswersTakeTheirFactsFromConfigurationAndNeverShowAPlaceholder() throws {
        let result = DialogLoader.load(directory: FAQEvaluationTests.root.appendingPathComponent("dialogs"))
        let bundle = try #require(result.bundle)
        let (filled, omissions) = bundle.filling(AssociationFacts(["contact.phone": "0112345678", "hours": "من الأحد إلى الخميس"]))
        let contact = try #require(filled.faq.topics.first { $0.id == "contact" })
        #expect(contact.answer.contains("الهاتف: \u{2066}0112345678\u{2069}"))
        #expect(!contact.answer.contains("واتساب"))
        #expect(filled.faq.topics.allSatisfy { !$0.answer.contains("{{") })
        #expect(omissions.contains(AssociationFacts.Omission(topicID: "contact", name: "contact.whatsapp", line: "واتساب: {{contact.whatsapp}}")))
        #expect(!omissions.contains { $0.name == "hours" || $0.name == "contact.phone" })
    }

    @Test func anUnknownFactInAnAnswerIsAnErrorNamingTheAllowedOnes() {
        let faq = LoadingFixtures.edit("faq.json", "\"من الأحد إلى الخميس\"", "\"الفاكس: {{contact.fax}}\"")
        let result = LoadingFixtures.load(["faq.json": faq])
        #expect(result.findings.contains { $0.message.contains("'{{contact.fax}}'") && $0.message.contains("contact.phone") })
    }
}
