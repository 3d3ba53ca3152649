import Foundation
import Testing

@testable import DialogCore

@Suite struct JSONLocatorTests {
    func parse(_ text: String) throws -> JSONDocument { try JSONLocator.parse(text).get() }

    func syntaxError(_ text: String) -> JSONSyntaxError? {
        if case .failure(let e) = JSONLocator.parse(text) { return e }
        return nil
    }

    @Test func valuesKnowTheirLineColumnAndPath() throws {
        let text = """
            {
              "nodes": [
                {"id": "ترحيب", "options": [{"goto": "a"}, {"goto": "b"}]}
              ],
              "n": -1.5e3, "t": true, "f": false, "z": null
            }
            """
        let doc = try parse(text)
        let goto = try #require(doc.root["nodes"]?[0]?["options"]?[1]?["goto"])
        #expect(goto.stringValue == "b")
        #expect(goto.pathString == "nodes[0].options[1].goto")
        // Columns count Unicode scalars: "ترحيب" is 5 scalars (10 bytes) yet moves the column by 5.
        #expect(goto.position == SourcePosition(line: 3, column: 57))
        #expect(doc.root["n"]?.kind == .number("-1.5e3"))
        #expect(doc.root["n"]?.position == SourcePosition(line: 5, column: 8))
        #expect(doc.root["t"]?.kind == .bool(true))
        #expect(doc.root["z"]?.kind == .null)
        #expect(doc.root.position == SourcePosition(line: 1, column: 1))
    }

    @Test func escapesIncludingSurrogatePairsAreDecoded() throws {
        let doc = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u0628\u0633\u0645", "\ud83d\ude00", "\u00e9"]"#)
        #expect(doc.root[0]?.stringValue == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(doc.root[1]?.stringValue == "بسم")
        #expect(doc.root[2]?.stringValue == "😀")
        #expect(doc.root[3]?.stringValue == "é")
    }

    @Test func syntaxErrorsCarryLineColumnAndAClearMessage() {
        let missingComma = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(missingComma?.position == SourcePosition(line: 3, column: 3))
        #expect(missingComma?.message.hasPrefix("expected ',' or '}' after object member") == true)

        let array = syntaxError("[1 2]")
        #expect(array?.position == SourcePosition(line: 1, column: 4))
        #expect(array?.message.hasPrefix("expected ',' or ']' after array element") == true)

        let trailing = syntaxError("{\"a\": 1,}")
        #expect(trailing?.message == "trailing comma before '}'")
        #expect(trailing?.position == SourcePosition(line: 1, column: 9))

        #expect(syntaxError("[1,]")?.message == "trailing comma before ']'")
        #expect(syntaxError("{\"a\" 1}")?.message.hasPrefix("expected ':' after object key") == true)
        #expect(syntaxError("{'a': 1}")?.message.contains("expected '\"' to start an object key") == true)
        #expect(syntaxError("['a']")?.message == "strings must use double quotes, not single quotes")
        #expect(syntaxError("")?.message == "the file is empty; expected a JSON value")
        #expect(syntaxError("{} {}")?.message == "unexpected '{' after the end of the JSON value")
        #expect(syntaxError("[01]")?.message == "invalid number: leading zeros are not allowed")
        #expect(syntaxError("[1.]")?.message == "invalid number: expected a digit after '.'")
        #expect(syntaxError("[1e]")?.message == "invalid number: expected a digit in the exponent")
        #expect(syntaxError("[-]")?.message == "invalid number: expected a digit after '-'")
        #expect(syntaxError("[tru]")?.message == "invalid literal, expected 'true'")
        #expect(syntaxError("[nullx]")?.message == "invalid literal, expected 'null'")
        #expect(syntaxError(#"["\q"]"#)?.message == "invalid escape '\\q' in string")
        #expect(syntaxError(#"["\u12G4"]"#)?.message.hasPrefix("invalid \\u escape") == true)
        #expect(syntaxError(#"["\ud83d"]"#)?.message.hasPrefix("unpaired surrogate") == true)
        #expect(syntaxError(#"["\ude00"]"#)?.message.hasPrefix("unpaired low surrogate") == true)
        #expect(syntaxError(#"["\ud83d\u0041"]"#)?.message.hasPrefix("invalid low surrogate") == true)
        #expect(syntaxError("[\"a\nb\"]")?.message.hasPrefix("unterminated string: line break") == true)
        #expect(syntaxError("[\"a\tb\"]")?.message == "control character U+0009 must be escaped in a string")
    }

    @Test func truncatedDocumentsFailAtTheEndInsteadOfCrashing() {
        let full = #"{"nodes": [{"id": "أ", "text": "مرحبا\u0021", "n": 12.5e-1, "ok": true}]}"#
        let bytes = Array(full.utf8)
        for length in 0..<bytes.count {
            let result = JSONLocator.parse(Data(bytes[0..<length]))
            guard case .failure(let error) = result else {
                Issue.record("prefix of length \(length) parsed")
                continue
            }
            #expect(error.position.line == 1)
            #expect(!error.message.isEmpty)
        }
        #expect((try? JSONLocator.parse(full).get()) != nil)
    }

    @Test func garbageIsRejectedWithoutCrashing() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]:,\"\\ tfn0123456789.-eE\nابت".unicodeScalars)
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<40, using: &generator)
            var s = String.UnicodeScalarView()
            for _ in 0..<length { s.append(alphabet.randomElement(using: &generator)!) }
            _ = JSONLocator.parse(String(s))
        }
        let invalid = Data([0x5B, 0x22, 0xFF, 0xFE, 0x22, 0x5D])
        guard case .failure(let e) = JSONLocator.parse(invalid) else {
            Issue.record("invalid UTF-8 accepted")
            return
        }
        #expect(e.message.hasPrefix("invalid UTF-8 byte 0xFF"))
        // An overlong encoding of '/' is not valid UTF-8 either.
        #expect((try? JSONLocator.parse(Data([0x22, 0xC0, 0xAF, 0x22])).get()) == nil)
    }

    @Test func nestingBeyondTheLimitIsRefused() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect((try? parse(ok)) != nil)
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(syntaxError(deep))
        #expect(error.message == "nesting deeper than 64 levels is not supported")
        #expect(error.position == SourcePosition(line: 1, column: 65))
    }

    @Test func hugeStringsAndLongLinesParse() throws {
        let big = String(repeating: "ب", count: 1_000_000)
        let doc = try parse("[\"\(big)\", 1]")
        #expect(doc.root[0]?.stringValue?.count == 1_000_000)
        #expect(doc.root[1]?.position == SourcePosition(line: 1, column: 1_000_006))
    }

    @Test func duplicateKeysAreReportedWithBothPositions() throws {
        let doc = try parse("{\n \"a\": {\"x\": 1,\n  \"x\": 2}, \"b\": 3\n}")
        #expect(doc.duplicateKeys.count == 1)
        let dup = try #require(doc.duplicateKeys.first)
        #expect(dup.key == "x")
        #expect(jsonPathString(dup.objectPath) == "a")
        #expect(dup.position == SourcePosition(line: 3, column: 3))
        #expect(dup.firstPosition == SourcePosition(line: 2, column: 8))
        #expect(try parse("{\"a\": 1, \"b\": 1}").duplicateKeys.isEmpty)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let doc = try #require(try? JSONLocator.parse(Data([0xEF, 0xBB, 0xBF]) + Data("{\"a\": 1}".utf8)).get())
        #expect(doc.root["a"]?.position == SourcePosition(line: 1, column: 7))
    }

    @Test func serialisationRoundTripsThroughFoundation() throws {
        let doc = try parse(#"{"s": "\"قال\"\n\u0001", "a": [1, 2.5, -3e2, true, null], "o": {}}"#)
        let again = try parse(String(decoding: doc.root.jsonData, as: UTF8.self))
        #expect(again.root["s"]?.stringValue == "\"قال\"\n\u{01}")
        let object = try JSONSerialization.jsonObject(with: doc.root.jsonData) as? [String: Any]
        #expect(object?["s"] as? String == "\"قال\"\n\u{01}")
    }

    @Test func pathsQuoteKeysThatAreNotIdentifiers() {
        #expect(jsonPathString([.key("validation"), .key("too_short")]) == "validation.too_short")
        #expect(jsonPathString([.key("synonyms"), .key("مساعدة"), .index(0)]) == "synonyms[\"مساعدة\"][0]")
        #expect(jsonPathString([]) == "")
    }
}

/// JSON from the network (the officer API, the webhook fallbacks) goes through this parser: its cost must be
/// linear in the body, whatever the shape.
@Suite struct JSONLocatorBombTests {
    @Test func theIssuesBombIsRefusedByItsDepthAtOnce() {
        // 500 arrays deep around 500,000 zeros: 6.7 GB and 20 s of CPU when every value copied its path.
        let bomb = String(repeating: "[", count: 500) + Array(repeating: "0", count: 500_000).joined(separator: ",")
            + String(repeating: "]", count: 500)
        guard case .failure(let error) = JSONLocator.parse(bomb) else {
            Issue.record("a 500-deep document was accepted")
            return
        }
        #expect(error.message == "nesting deeper than 64 levels is not supported")
    }

    @Test func valuesShareTheirAncestorsLocationAndSpellPathsOnlyWhenAsked() throws {
        // 64 deep (the limit) around 100,000 elements: each value holds one link, not a copy of 64 components.
        let wide =
            String(repeating: "[", count: 62) + "{\"k\":[" + Array(repeating: "0", count: 100_000).joined(separator: ",")
            + "]}" + String(repeating: "]", count: 62)
        let document = try JSONLocator.parse(wide).get()
        var innermost = document.root
        while case .array(let items) = innermost.kind { innermost = items[0] }
        let list = try #require(innermost["k"])
        let first = list.elements[0]
        let last = list.elements[99_999]
        #expect(first.location.parent === last.location.parent)
        #expect(first.location.parent === list.location)
        #expect(last.path == Array(repeating: .index(0), count: 62) + [.key("k"), .index(99_999)])
        #expect(last.pathString.hasSuffix("[0].k[99999]"))
    }
}
