import Foundation
import Testing

@testable import DialogCore

@Suite struct LoadingFuzzTests {
    typealias F = LoadingFixtures

    @Test func everyProblemIsReportedInOneRun() {
        let main = F.edit("main.json", "\"goto\": \"ask\"", "\"goto\": \"asking\"")
        let help = F.edit("help.json", "\"type\": \"national_id\"", "\"type\": \"nid\"")
        let faq = F.edit("faq.json", "\"keywords\": [\"باحث\"]", "\"keywords\": []")
        let bot = F.edit("bot.json", "\"skip\": \"تخطي\"", "\"skip\": \"\"")
        let result = F.load(["main.json": main, "help.json": help, "faq.json": faq, "bot.json": bot])
        #expect(result.bundle == nil)
        #expect(Set(result.errors.map(\.file)) == ["main.json", "help.json", "faq.json", "bot.json"])
        #expect(result.errors.count == 4, "\(result.findings.map(\.description))")
        // Sorted by file, then line and column.
        #expect(result.findings.map(\.file) == result.findings.map(\.file).sorted())
    }

    @Test func truncatedDialogFilesNeverCrashTheLoader() {
        for name in ["main.json", "help.json", "bot.json", "faq.json"] {
            let bytes = Array(F.files[name]!.utf8)
            for length in stride(from: 0, to: bytes.count, by: 7) {
                let cut = String(decoding: bytes[0..<length], as: UTF8.self)
                let result = F.load([name: cut])
                #expect(result.bundle == nil)
                #expect(result.errors.contains { $0.file == name }, "\(name) cut at \(length)")
            }
        }
    }

    @Test func valuesOfTheWrongKindNeverCrashTheLoader() throws {
        let replacements = ["null", "[]", "{}", "0", "-1", "1e999", "\"\"", "true", "\"a.b.c\""]
        // Replace each string value of the flow in turn with values of other kinds.
        let text = F.help
        let doc = try JSONLocator.parse(text).get()
        var strings: [JSONValue] = []
        func collect(_ v: JSONValue) {
            switch v.kind {
            case .object(let m): m.forEach { collect($0.value) }
            case .array(let a): a.forEach(collect)
            case .string: strings.append(v)
            default: break
            }
        }
        collect(doc.root)
        var generator = SystemRandomNumberGenerator()
        for value in strings.shuffled(using: &generator).prefix(30) {
            let lines = text.components(separatedBy: "\n")
            var line = Array(lines[value.position.line - 1].unicodeScalars)
            let start = value.position.column - 1
            var end = start + 1
            while line[end] != "\"" || line[end - 1] == "\\" { end += 1 }
            let replacement = replacements.randomElement(using: &generator)!
            line.replaceSubrange(start...end, with: replacement.unicodeScalars)
            var edited = lines
            edited[value.position.line - 1] = String(String.UnicodeScalarView(line))
            let result = F.load(["help.json": edited.joined(separator: "\n")])
            // Whatever happens, it is a finding with a position inside the file, never a crash.
            for finding in result.findings {
                #expect(finding.line >= 1 && finding.line <= lines.count)
                #expect(finding.column >= 1)
            }
        }
    }
}
