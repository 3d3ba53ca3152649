import Foundation
import Testing

@testable import DialogCore

@Suite struct LinterTests {
    typealias F = LoadingFixtures

    @Test func unknownTargetsAreErrorsAtTheTarget() {
        let main = F.edit("main.json", "\"goto\": \"help.form\"", "\"goto\": \"help.forms\"")
        F.load(["main.json": main]).expect(
            "unknown target 'help.forms': flow 'help' has no node 'forms'", file: "main.json", at: "\"help.forms\"",
            in: main)
        let flow = F.edit("main.json", "\"goto\": \"help.form\"", "\"goto\": \"aid.form\"")
        F.load(["main.json": flow]).expect(
            "unknown target 'aid.form': there is no flow 'aid' (no file aid.json)", file: "main.json",
            at: "\"aid.form\"", in: flow)
        let decline = F.edit("help.json", "\"onDecline\": \"main.menu\"", "\"onDecline\": \"main.menus\"")
        F.load(["help.json": decline]).expect(
            "unknown target 'main.menus'", file: "help.json", at: "\"main.menus\"", in: decline)
        let exhausted = F.edit("help.json", "\"sensitive\": true", "\"sensitive\": true, \"onExhausted\": \"helpdesk\"")
        F.load(["help.json": exhausted]).expect(
            "unknown target 'helpdesk'", file: "help.json", at: "\"helpdesk\"", in: exhausted)
        let noMatch = F.edit(
            "main.json", "\"next\": \"menu\"},\n    {\"id\": \"status\"",
            "\"next\": \"menu\", \"onNoMatch\": \"officr\"},\n    {\"id\": \"status\"")
        F.load(["main.json": noMatch]).expect(
            "unknown target 'officr'", file: "main.json", at: "\"officr\"", in: noMatch)
        let faq = F.edit("faq.json", "\"goto\": \"main.officer\"", "\"goto\": \"main.research\"")
        F.load(["faq.json": faq]).expect(
            "unknown target 'main.research'", file: "faq.json", at: "\"main.research\"", in: faq)
        let start = F.edit("bot.json", "\"start\": \"main.welcome\"", "\"start\": \"main.hello\"")
        F.load(["bot.json": start]).expect(
            "unknown target 'main.hello'", file: "bot.json", at: "\"main.hello\"", in: start)
    }

    @Test func faqTargetsMustBeQualified() {
        let faq = F.edit("faq.json", "\"goto\": \"main.officer\"", "\"goto\": \"officer\"")
        F.load(["faq.json": faq]).expect(
            "target 'officer' must be written flow.node here", file: "faq.json", at: "\"officer\"", in: faq)
    }

    @Test func reviewAttestationAndSubmitMustNameAFormNode() {
        let help = F.edit(
            "help.json", "\"type\": \"review\", \"form\": \"form\"", "\"type\": \"review\", \"form\": \"attest\"")
        F.load(["help.json": help]).expect(
            "'attest' is a attestation node, not a form", file: "help.json", at: "\"attest\", \"text\"", in: help)
    }

    @Test func theOfficerNodeMustBeAHandoff() {
        let bot = F.edit("bot.json", "\"officer\": \"main.officer\"", "\"officer\": \"main.menu\"")
        F.load(["bot.json": bot]).expect(
            "the officer node 'main.menu' must be a handoff node, not menu", file: "bot.json",
            at: "\"main.menu\",\n  \"idle", in: bot)
    }

    @Test func menuOptionsNeedAGoto() {
        let main = F.edit("main.json", ", \"goto\": \"ask\"", "")
        F.load(["main.json": main]).expect(
            "option 2 of menu 'menu' has no 'goto'", file: "main.json", at: "{\"id\": \"ask\", \"label\"", in: main)
    }

    @Test func twoOptionsAnsweringToTheSameWordsAreFlagged() {
        let sameLabel = F.edit("main.json", "\"label\": \"متابعة طلب\"", "\"label\": \"طلب مساعدة\"")
        F.load(["main.json": sameLabel]).expect(
            "options 1 and 3 of node 'menu' both answer to «طلب مساعدة»", file: "main.json",
            at: "\"طلب مساعدة\", \"goto\": \"status\"", in: sameLabel)
        let sameSynonym = F.edit(
            "main.json", "\"label\": \"موظف\"", "\"label\": \"موظف\", \"synonyms\": [\"استفسار\"]")
        F.load(["main.json": sameSynonym]).expect(
            "options 2 and 4 of node 'menu' both answer to «استفسار»", file: "main.json", at: "\"استفسار\"]",
            in: sameSynonym)
    }

    @Test func inquiriesNameKnownFAQTopics() {
        let main = F.edit(
            "main.json", "\"text\": \"تفضل بكتابة سؤالك\",",
            "\"text\": \"تفضل بكتابة سؤالك\", \"topics\": [\"hours\", \"fees\"],")
        F.load(["main.json": main]).expect("unknown FAQ topic 'fees'", file: "main.json", at: "\"fees\"", in: main)
    }

    @Test func unreachableNodesAreWarnings() {
        let main = F.edit(
            "main.json", "{\"id\": \"officer\", \"label\": \"موظف\", \"goto\": \"officer\"}",
            "{\"id\": \"officer\", \"label\": \"موظف\", \"goto\": \"officer\"}, {\"id\": \"x\", \"label\": \"س\", \"goto\": \"menu\"}"
        )
        // Drop the only way to the status node.
        let cut = main.replacingOccurrences(
            of: "{\"id\": \"status\", \"label\": \"متابعة طلب\", \"goto\": \"status\"},", with: "")
        F.load(["main.json": cut]).expect(
            "node 'status' is never reached", .warning, file: "main.json", at: "\"status\", \"type\"", in: cut)
        #expect(F.load().warnings.isEmpty)
    }

    @Test func aMenuThatCanNeverBeLeftIsADeadEnd() {
        let extra =
            "{\"id\": \"loop\", \"type\": \"menu\", \"text\": \"اختر\", \"options\": [{\"label\": \"مرة أخرى\", \"goto\": \"loop\"}]},\n    {\"id\": \"officer\", \"type\": \"handoff\""
        let main = F.edit("main.json", "{\"id\": \"officer\", \"type\": \"handoff\"", extra)
            .replacingOccurrences(
                of: "\"goto\": \"status\"}",
                with: "\"goto\": \"loop\"}, {\"id\": \"st\", \"label\": \"الحالة\", \"goto\": \"status\"}")
        let result = F.load(["main.json": main])
        result.expect(
            "dead end: no path from node 'loop' leads back to the main menu", .warning, file: "main.json",
            at: "\"loop\", \"type\"", in: main)
    }

    @Test func messageChainsThatNeverWaitAreInfiniteLoops() {
        let main = F.edit(
            "main.json",
            "{\"id\": \"welcome\", \"type\": \"message\", \"text\": \"أهلاً بك في جمعية صفا\", \"next\": \"menu\"}",
            "{\"id\": \"welcome\", \"type\": \"message\", \"text\": \"أهلاً\", \"next\": \"again\"},\n    {\"id\": \"again\", \"type\": \"message\", \"text\": \"مرة أخرى\", \"next\": \"welcome\"}"
        )
        let result = F.load(["main.json": main])
        result.expect(
            "infinite loop: welcome → again → welcome never waits for the beneficiary", file: "main.json",
            at: "\"again\"}", in: main)
    }

    @Test func emptyMenusFormsAndSurveysAreErrors() {
        let menu = F.edit("main.json", "\"options\": [\n", "\"options\": [], \"x\": [\n")
        F.load(["main.json": menu]).expect("menu 'menu' has no options", file: "main.json", at: "[], \"x\"", in: menu)
        let survey = F.edit(
            "help.json", "\"options\": [{\"id\": \"5\", \"label\": \"ممتاز\"}, {\"id\": \"1\", \"label\": \"ضعيف\"}]",
            "\"options\": []")
        F.load(["help.json": survey]).expect("survey 'survey' has no options", file: "help.json", at: "[]", in: survey)
        let form = """
            {"version": 1, "flow": "extra", "nodes": [
              {"id": "f", "type": "form", "fields": [], "next": "main.menu"}
            ]}
            """
        F.load(["extra.json": form]).expect("form 'f' has no fields", file: "extra.json", at: "[]", in: form)
    }

    @Test func duplicateIdsAreErrorsAtTheSecondOne() {
        let node = F.edit(
            "main.json", "{\"id\": \"ask\", \"type\": \"inquiry\"", "{\"id\": \"status\", \"type\": \"inquiry\"")
        F.load(["main.json": node]).expect(
            "duplicate node id 'status' in flow 'main' (first at 13:12)", file: "main.json",
            at: "\"status\", \"type\": \"status\"", in: node)
        let option = F.edit("main.json", "{\"id\": \"ask\", \"label\"", "{\"id\": \"help\", \"label\"")
        F.load(["main.json": option]).expect(
            "duplicate option id 'help' in node 'menu'", file: "main.json", at: "\"help\", \"label\": \"استفسار\"",
            in: option)
        // An explicit id equal to another option's position is a duplicate too.
        let positional = F.edit(
            "help.json", "[{\"label\": \"غذائية\"}, {\"label\": \"مالية\"}]",
            "[{\"label\": \"غذائية\"}, {\"id\": \"1\", \"label\": \"مالية\"}]")
        F.load(["help.json": positional]).expect(
            "duplicate option id '1' in node 'form'", file: "help.json", at: "\"1\", \"label\": \"مالية\"",
            in: positional)
        let field = F.edit("help.json", "{\"id\": \"members\"", "{\"id\": \"name\"")
        F.load(["help.json": field]).expect(
            "duplicate field id 'name' in form 'form'", file: "help.json", at: "\"name\", \"type\": \"integer\"",
            in: field)
        let topic = F.edit("faq.json", "{\"id\": \"research\"", "{\"id\": \"hours\"")
        F.load(["faq.json": topic]).expect(
            "duplicate FAQ topic id 'hours' (first at 5:12)", file: "faq.json", at: "\"hours\", \"title\": \"الباحث",
            in: topic)
    }

    @Test func unknownTemplateFieldsAreErrors() {
        let review = F.edit("help.json", "راجع بياناتك يا {{name}}", "راجع بياناتك يا {{fullname}}")
        F.load(["help.json": review]).expect(
            "unknown template field '{{fullname}}'; allowed here: form.kind", file: "help.json", at: "\"راجع",
            in: review)
        let menu = F.edit("main.json", "كيف نخدمك؟", "كيف نخدمك يا {{name}}؟")
        F.load(["main.json": menu]).expect(
            "unknown template field '{{name}}'; no template fields are allowed here", file: "main.json", at: "\"كيف",
            in: menu)
        let status = F.edit("main.json", "\"طلباتك:\"", "\"طلباتك {{reference}}:\"")
        F.load(["main.json": status]).expect(
            "unknown template field '{{reference}}'", file: "main.json", at: "\"طلباتك", in: status)
        let validation = F.edit("bot.json", "اكتب {{min}} أحرف", "اكتب {{max}} أحرف {{count}}")
        F.load(["bot.json": validation]).expect(
            "unknown template field '{{count}}'; allowed here: max, min", file: "bot.json", at: "\"اكتب", in: validation
        )
        let fieldError = F.edit("help.json", "أقل عدد {{min}}", "أقل عدد {{minimum}}")
        F.load(["help.json": fieldError]).expect(
            "unknown template field '{{minimum}}'", file: "help.json", at: "\"أقل", in: fieldError)
    }

    @Test func unclosedTemplatesAreErrors() {
        let submit = F.edit("help.json", "رقم طلبك {{reference}}", "رقم طلبك {{reference")
        F.load(["help.json": submit]).expect("unclosed '{{' in text", file: "help.json", at: "\"رقم طلبك", in: submit)
    }

    @Test func emptyTextsAreErrors() {
        let main = F.edit("main.json", "\"emptyText\": \"لا توجد طلبات\"", "\"emptyText\": \"  \"")
        F.load(["main.json": main]).expect(
            "'emptyText' of node 'status' is empty", file: "main.json", at: "\"  \"", in: main)
        let label = F.edit("help.json", "\"label\": \"مالية\"", "\"label\": \"\"")
        F.load(["help.json": label]).expect(
            "'label' of node 'form' is empty", file: "help.json", at: "\"\"}", in: label)
        let bot = F.edit("bot.json", "\"skip\": \"تخطي\"", "\"skip\": \"\"")
        F.load(["bot.json": bot]).expect("text 'skip' is empty", file: "bot.json", at: "\"\",", in: bot)
    }

    @Test func validationCodesWithoutTextAreWarnings() {
        let bot = F.edit("bot.json", "\"not_yes_no\": \"الإجابة غير صحيحة\",", "")
        let result = F.load(["bot.json": bot])
        result.expect(
            "no text for validation code 'not_yes_no'", .warning, file: "bot.json", at: "{\n    \"empty\"", in: bot)
        #expect(result.bundle != nil)
        let unknown = F.edit("bot.json", "\"empty\":", "\"blank\": \"فارغ\", \"empty\":")
        F.load(["bot.json": unknown]).expect(
            "unknown validation code 'blank'", .warning, file: "bot.json", at: "\"فارغ\"", in: unknown)
    }

    @Test func fieldLimitsAndChoicesAreChecked() {
        let choice = F.edit("help.json", ", \"options\": [{\"label\": \"غذائية\"}, {\"label\": \"مالية\"}]", "")
        F.load(["help.json": choice]).expect(
            "choice field 'kind' has no options", file: "help.json", at: "\"choice\"", in: choice)
        let range = F.edit("help.json", "\"min\": 1, \"max\": 30", "\"min\": 31, \"max\": 30")
        F.load(["help.json": range]).expect(
            "field 'members': min 31 is greater than max 30", file: "help.json", at: "31", in: range)
        let length = F.edit("help.json", "\"minLength\": 2", "\"minLength\": 61")
        F.load(["help.json": length]).expect(
            "field 'name': minLength 61 is greater than maxLength 60", file: "help.json", at: "61", in: length)
        let ignored = F.edit(
            "help.json", "\"sensitive\": true", "\"sensitive\": true, \"options\": [{\"label\": \"أ\"}]")
        F.load(["help.json": ignored]).expect(
            "field 'nid' of type national_id ignores its options", .warning, file: "help.json",
            at: "[{\"label\": \"أ\"}]", in: ignored)
    }

    @Test func longLabelsAreWarnedPerWhatsAppLimit() {
        let button = F.edit("main.json", "\"label\": \"استفسار\"", "\"label\": \"استفسار عن خدمة الجمعية\"")  // 23 characters
        F.load(["main.json": button]).expect(
            "label is 23 characters, longer than WhatsApp's 20-character button title; it will be shown as a list row (24) or numbered text",
            .warning, file: "main.json", at: "\"استفسار عن", in: button)
        let row = F.edit("main.json", "\"label\": \"استفسار\"", "\"label\": \"استفسار عن خدمات جمعية صفا الخيرية\"")
        F.load(["main.json": row]).expect(
            "too long for a WhatsApp list row (24)", .warning, file: "main.json", at: "\"استفسار عن", in: row)
        let exact = F.edit("main.json", "\"label\": \"استفسار\"", "\"label\": \"\(String(repeating: "س", count: 20))\"")
        #expect(F.load(["main.json": exact]).findings.isEmpty)
    }

    @Test func optionAndFieldIdsAreASCIIAndFitCallbackData() {
        let arabic = F.edit("main.json", "{\"id\": \"ask\", \"label\"", "{\"id\": \"سؤال\", \"label\"")
        F.load(["main.json": arabic]).expect(
            "option id 'سؤال' must use only ASCII letters, digits, '_' and '-'", file: "main.json", at: "\"سؤال\"",
            in: arabic)
        let long = F.edit(
            "main.json", "{\"id\": \"ask\", \"label\"", "{\"id\": \"\(String(repeating: "a", count: 45))\", \"label\"")
        // "999999:main.menu:" is 17 bytes; 45 more make 62, which fits; 48 would not.
        #expect(F.load(["main.json": long]).findings.isEmpty)
        let tooLong = F.edit(
            "main.json", "{\"id\": \"ask\", \"label\"", "{\"id\": \"\(String(repeating: "a", count: 48))\", \"label\"")
        F.load(["main.json": tooLong]).expect(
            "is 65 bytes; Telegram allows 64", file: "main.json", at: "\"aaaa", in: tooLong)
        let field = F.edit("help.json", "{\"id\": \"nid\"", "{\"id\": \"2nd-id\"")
        F.load(["help.json": field]).expect(
            "field id '2nd-id' must be an ASCII identifier", file: "help.json", at: "\"2nd-id\"", in: field)
    }

    @Test func faqTopicsAndSynonymsAreChecked() {
        let noKeywords = F.edit("faq.json", "\"keywords\": [\"باحث\"]", "\"keywords\": []")
        F.load(["faq.json": noKeywords]).expect(
            "topic 'research' has no keywords and no examples", file: "faq.json", at: "[]", in: noKeywords)
        let twice = F.edit("faq.json", "\"keywords\": [\"باحث\"]", "\"keywords\": [\"باحث\"], \"examples\": [\"دوام\"]")
        F.load(["faq.json": twice]).expect(
            "'دوام' of topic 'research' is also listed in topic 'hours'", .warning, file: "faq.json",
            at: "\"دوام\"]", in: twice)
        let emptyWord = F.edit("faq.json", "[\"دوام\", \"أوقات العمل\"]", "[\"دوام\", \"؟ ـ\"]")
        F.load(["faq.json": emptyWord]).expect(
            "keyword 2 of topic 'hours' is empty after normalisation", .warning, file: "faq.json", at: "\"؟ ـ\"",
            in: emptyWord)
        let itself = F.edit("faq.json", "[\"معونة\", \"فزعة\"]", "[\"معونة\", \"مُساعده\"]")
        F.load(["faq.json": itself]).expect(
            "synonym 'مُساعده' of 'مساعدة' is the same word after normalisation", .warning, file: "faq.json",
            at: "\"مُساعده\"", in: itself)
    }

    @Test func lintingABundleBuiltInCodeUsesFlowFileNames() throws {
        var bundle = try #require(F.load().bundle)
        bundle.flows["main"]?.nodes[0].body = .message(text: "أهلاً", next: "nowhere")
        let findings = DialogLinter.lint(bundle, sources: DialogSources())
        let finding = try #require(findings.first { $0.message.contains("unknown target 'nowhere'") })
        #expect(
            finding.description == "main.json:1:1: error: unknown target 'nowhere': flow 'main' has no node 'nowhere'")
        #expect(finding.path == "nodes[0].next")
    }
}
