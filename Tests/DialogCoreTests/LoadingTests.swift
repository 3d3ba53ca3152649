import Foundation
import Testing

@testable import DialogCore

@Suite struct LoadingTests {
    @Test func theValidFixtureLoadsWithoutAnyFinding() throws {
        let result = LoadingFixtures.load()
        #expect(result.findings.map(\.description) == [])
        let bundle = try #require(result.bundle)
        #expect(bundle.flows.keys.sorted() == ["help", "main"])
        #expect(bundle.settings.start == NodeRef(flow: "main", node: "welcome"))
        #expect(bundle.faq.topics.map(\.id) == ["hours", "research"])
        #expect(bundle.node(NodeRef(flow: "help", node: "form"))?.body.typeName == "form")
        #expect(bundle.version.count == 16)
    }
}

extension LoadingTests {
    typealias F = LoadingFixtures

    @Test func aSyntaxErrorIsOneFindingAndTheOtherFilesStillLoad() {
        let help = F.edit("help.json", "\"next\": \"review\"},", "\"next\": \"review\"}")
        let result = F.load(["help.json": help])
        result.expect(
            "expected ',' or ']' after array element, found '{'", file: "help.json", at: "{\"id\": \"review\"", in: help
        )
        // The menu's "help.form" is not reported as unknown: the file is broken, not the reference.
        #expect(result.findings.count == 1, "\(result.findings)")
    }

    @Test func duplicateKeysAreErrors() {
        let main = F.edit(
            "main.json", "\"title\": \"القائمة الرئيسية\",", "\"title\": \"القائمة الرئيسية\", \"title\": \"ثانية\",")
        F.load(["main.json": main]).expect(
            "duplicate key 'title' (first written at 4:3)", file: "main.json", at: "\"title\": \"ثانية\"", in: main)
    }

    @Test func versionIsCheckedFirst() {
        let missing = F.edit("faq.json", "\"version\": 1,\n", "")
        F.load(["faq.json": missing]).expect("missing 'version'", file: "faq.json", at: "{\n", in: missing)
        let future = F.edit("faq.json", "\"version\": 1,", "\"version\": 2,")
        let result = F.load(["faq.json": future])
        result.expect("unsupported version 2; this SafaBot reads version 1", file: "faq.json", at: "2,\n", in: future)
        let text = F.edit("faq.json", "\"version\": 1,", "\"version\": \"1\",")
        F.load(["faq.json": text]).expect("'version' must be a whole number", file: "faq.json", at: "\"1\"", in: text)
    }

    @Test func aNodeMissingAKeyIsReportedAtTheNodeAndTheOthersStillLoad() {
        let help = F.edit(
            "help.json", ", \"editPrompt\": \"أي حقل؟\", \"next\": \"attest\"", ", \"editPrompt\": \"أي حقل؟\"")
        let result = F.load(["help.json": help])
        result.expect(
            "node 'review' (type review) is missing required key 'next'", file: "help.json", at: "{\"id\": \"review\"",
            in: help)
        #expect(result.errors.count == 1, "\(result.findings)")
        // A missing field key is reported at the field, every one of them at once.
        let form = F.edit("help.json", "\"prompt\": \"ما اسمك؟\", ", "").replacingOccurrences(
            of: "\"prompt\": \"رقم الهوية؟\", ", with: "")
        let both = F.load(["help.json": form])
        both.expect(
            "field 'name' of node 'form' is missing required key 'prompt'", file: "help.json", at: "{\"id\": \"name\"",
            in: form)
        both.expect(
            "field 'nid' of node 'form' is missing required key 'prompt'", file: "help.json", at: "{\"id\": \"nid\"",
            in: form)
    }

    @Test func aWrongTypeIsReportedAtTheValue() {
        let help = F.edit("help.json", "\"min\": 1,", "\"min\": \"واحد\",")
        F.load(["help.json": help]).expect(
            "expected a number for 'min' in field 'members' of node 'form', found a string", file: "help.json",
            at: "\"واحد\"", in: help)
        let bot = F.edit("bot.json", "\"maxAttempts\": 3,", "\"maxAttempts\": [3],")
        F.load(["bot.json": bot]).expect(
            "expected a whole number for 'maxAttempts', found an array", file: "bot.json", at: "[3]", in: bot)
        let ref = F.edit("bot.json", "\"officer\": \"main.officer\"", "\"officer\": \"officer\"")
        F.load(["bot.json": ref]).expect(
            "expected flow.node, got officer", file: "bot.json", at: "\"officer\",", in: ref)
    }

    @Test func unknownNodeAndFieldTypesNameTheAllowedOnes() {
        let main = F.edit("main.json", "\"type\": \"inquiry\"", "\"type\": \"question\"")
        F.load(["main.json": main]).expect(
            "unknown node type 'question' for node 'ask'; expected one of message, menu", file: "main.json",
            at: "\"question\"", in: main)
        let help = F.edit("help.json", "\"type\": \"national_id\"", "\"type\": \"id_number\"")
        F.load(["help.json": help]).expect(
            "unknown field type 'id_number'; expected one of text, integer", file: "help.json", at: "\"id_number\"",
            in: help)
    }

    @Test func unknownKeysAreWarningsWithASuggestion() {
        let main = F.edit("main.json", "\"emptyText\"", "\"emptytext\"")
        let result = F.load(["main.json": main])
        result.expect(
            "node 'status' (type status) is missing required key 'emptyText'", file: "main.json",
            at: "{\"id\": \"status\", \"type\"", in: main)
        result.expect(
            "unknown key 'emptytext' in node 'status' (type status); it is ignored (did you mean 'emptyText'?)",
            .warning, file: "main.json", at: "\"emptytext\"", in: main)
        let schema = F.edit("main.json", "\"version\": 1,", "\"$schema\": \"schema/flow.schema.json\", \"version\": 1,")
        #expect(F.load(["main.json": schema]).findings == [])
    }

    @Test func bundleSettingsReportEveryMissingText() {
        let bot = F.edit("bot.json", "\"skip\": \"تخطي\",\n", "").replacingOccurrences(
            of: "\"cancelled\": \"تم الإلغاء\",\n", with: "")
        let result = F.load(["bot.json": bot])
        result.expect("'texts' is missing required key 'skip'", file: "bot.json", at: "{\n    \"noMatch\"", in: bot)
        result.expect(
            "'texts' is missing required key 'cancelled'", file: "bot.json", at: "{\n    \"noMatch\"", in: bot)
    }

    @Test func aMissingBotFileIsAnError() {
        let result = F.load(["bot.json": String?.none])
        let finding = result.single("bot.json is missing")
        #expect(finding?.file == "bot.json")
        #expect(finding?.line == 1)
        #expect(result.bundle == nil)
    }

    @Test func flowNameMustMatchTheFileName() {
        let main = F.edit("main.json", "\"flow\": \"main\"", "\"flow\": \"home\"")
        F.load(["main.json": main]).expect(
            "flow name 'home' does not match the file name; expected 'main'", file: "main.json", at: "\"home\"",
            in: main)
    }

    @Test func theVersionHashIsStableAndFollowsContent() throws {
        let a = try #require(F.load().bundle?.version)
        #expect(F.load().bundle?.version == a)
        let edited = F.edit("main.json", "أهلاً بك", "مرحباً بك")
        #expect(F.load(["main.json": edited]).bundle?.version != a)
    }

    @Test func loadingADirectoryReadsTopLevelJSONOnlyAndKeepsPathsAsGiven() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("safa-loader-\(UUID().uuidString)")
        let dialogs = root.appendingPathComponent("dialogs")
        try FileManager.default.createDirectory(
            at: dialogs.appendingPathComponent("tests"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dialogs.appendingPathComponent("schema"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for (name, text) in F.files { try Data(text.utf8).write(to: dialogs.appendingPathComponent(name)) }
        try Data("not json".utf8).write(to: dialogs.appendingPathComponent("tests/broken.json"))
        try Data("{}".utf8).write(to: dialogs.appendingPathComponent("schema/flow.schema.json"))
        try Data("ملاحظات".utf8).write(to: dialogs.appendingPathComponent("README.md"))
        let clean = DialogLoader.load(directory: dialogs)
        #expect(clean.findings == [])
        #expect(clean.bundle?.version == F.load().bundle?.version)

        let broken = F.edit("main.json", "صفا\", \"next\": \"menu\"", "صفا\", \"next\": \"nowhere\"")
        try Data(broken.utf8).write(to: dialogs.appendingPathComponent("main.json"))
        let result = DialogLoader.load(directory: dialogs)
        result.expect("unknown target 'nowhere'", file: dialogs.path + "/main.json", at: "\"nowhere\"", in: broken)
        #expect(result.findings.first?.description.hasPrefix(dialogs.path + "/main.json:6:") == true)
    }
}
