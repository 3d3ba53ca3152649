import DialogCore
import Foundation
import Testing

/// The reader accepts exactly what JSONDecoder accepts for the shapes it is used for, from Data or String.
@Suite struct JSONNodeParsingTests {
    static let documents = [
        #"{"a":[1,-2.5e3,true,false,null,"x"],"b":{"c":"سلام"},"d":""}"#,
        " \t\r\n[ ] ",
        #""\u0627\ud83d\ude00\/\"\\\b\f\n\r\t""#,
        #"{"before escape \n after":"plain","":0}"#,
        "-0",
        "[0, 0.5, 10, 1E+2, 1e-2]",
    ]

    @Test(arguments: documents)
    func dataAndStringEntryPointsParseTheSame(document: String) throws {
        let fromString = try #require(JSONNode.parse(document))
        #expect(JSONNode.parse(Data(document.utf8)) == fromString)
        let bytes = Array(document.utf8)
        #expect(bytes.withUnsafeBytes { JSONNode.parse(bytes: $0) } == fromString)
    }

    @Test func stringsWithAndWithoutEscapesReadAsJSONDecoderReadsThem() throws {
        let strings = ["", "abc", "طلب رقم ١٠٤٢", "a\"b", "سطر\nثانٍ\t\\ / \u{1F600}", "\u{0}"]
        for string in strings {
            let encoded = try JSONEncoder().encode([string])
            #expect(JSONNode.parse(encoded) == .array([.string(string)]), "\(string)")
        }
        #expect(JSONNode.parse(#"["caf\u00e9 \u0627"]"#) == .array([.string("café ا")]))
    }

    @Test func numbersFollowTheJSONGrammarExactly() {
        for valid in ["0", "-0", "7", "-12", "1.5", "-1.5e-3", "1E+2", "0.0", "123456789012345678901234"] {
            #expect(JSONNode.parse(valid) == .number(valid), "\(valid)")
        }
        for invalid in [
            "+1", "01", "-01", "1.", ".5", "-", "1e", "1e+", "--1", "0x10", "1.e5", "-.5", "1..2", "Infinity", "NaN",
        ] {
            #expect(JSONNode.parse(invalid) == nil, "\(invalid)")
            #expect(JSONNode.parse("[\(invalid)]") == nil, "[\(invalid)]")
        }
    }

    @Test func aRepeatedKeyKeepsItsFirstValueAsJSONDecoderDoes() throws {
        struct A: Decodable { var a: Int }
        let json = #"{"a":1,"b":true,"a":2}"#
        #expect(JSONNode.parse(json)?["a"] == .number("1"))
        #expect(try JSONDecoder().decode(A.self, from: Data(json.utf8)).a == 1)
    }

    @Test func invalidUTF8AndRawControlCharactersAreRefused() {
        let bad: [[UInt8]] = [
            [0x22, 0xFF, 0x22],  // a byte that never starts UTF-8
            [0x22, 0xD8, 0x22],  // a cut two-byte sequence
            [0x22, 0x5C, 0x6E, 0xC0, 0xAF, 0x22],  // an overlong slash after an escape
            [0x5B, 0x22, 0x61, 0x0A, 0x22, 0x5D],  // a raw newline inside a string
            [0xEF, 0xBB, 0xBF, 0x7B, 0x7D],  // a byte-order mark
        ]
        for bytes in bad { #expect(JSONNode.parse(Data(bytes)) == nil, "\(bytes)") }
        #expect(JSONNode.parse(Data([0x22, 0xD8, 0xA7, 0x22])) == .string("ا"))
    }

    /// Exactly the byte sequences the standard library accepts as UTF-8 are accepted inside strings.
    @Test func utf8IsValidatedExactlyAsTheStandardLibraryDoes() {
        func agrees(_ content: [UInt8]) -> Bool {
            let expected = String(validating: content, as: UTF8.self)
            let plain = JSONNode.parse(Data([0x22] + content + [0x22]))
            let escaped = JSONNode.parse(Data([0x22, 0x5C, 0x6E] + content + [0x22]))
            return plain == expected.map(JSONNode.string) && escaped == expected.map { .string("\n" + $0) }
        }
        let plainBytes = (0x20...0xFF).map(UInt8.init).filter { $0 != 0x22 && $0 != 0x5C }
        var disagreements: [[UInt8]] = []
        for a in plainBytes where a >= 0x80 {
            for b in plainBytes where !agrees([a, b]) { disagreements.append([a, b]) }
            for b: UInt8 in [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                for c: UInt8 in [0x41, 0x80, 0xBF, 0xC0] {
                    if !agrees([a, b, c]) { disagreements.append([a, b, c]) }
                    for d: UInt8 in [0x41, 0x80, 0xBF, 0xC0] where !agrees([a, b, c, d]) {
                        disagreements.append([a, b, c, d])
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func nestingIsLimitedTo64Levels() {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(JSONNode.parse(Data(deepest.utf8)) != nil)
        let tooDeep = "[" + deepest + "]"
        #expect(JSONNode.parse(Data(tooDeep.utf8)) == nil)
        #expect(JSONNode.parse(tooDeep) == nil)
    }

    @Test func truncatedOrTrailingInputIsRefused() {
        for text in [
            "", " ", "{", #"{"a""#, #"{"a":"#, #"{"a":1"#, "[1,", #""abc"#, #""a\"#, #""\u12"#, "tru", "[1] [2]",
            #"{"a":1}}"#, #"{1:2}"#, #""\ud83d""#, #""\udc00""#,
        ] {
            #expect(JSONNode.parse(Data(text.utf8)) == nil, "\(text)")
        }
        #expect(JSONNode.parse(Data()) == nil)
    }

    @Test func keepingOnlySomeKeysBuildsThemAndChecksTheRest() throws {
        let answer =
            #"{"ok":true,"result":{"message_id":42,"from":{"id":1,"is_bot":true},"text":"مرحبًا \"بك\"\n","entities":[{"offset":0,"length":6}],"reply_markup":{"inline_keyboard":[[{"text":"١","callback_data":"c:1"}]]}}}"#
        let kept = JSONNode.parse(Data(answer.utf8), keepingOnly: ["ok", "result", "message_id"])
        #expect(kept == .object(["ok": .bool(true), "result": .object(["message_id": .number("42")])]))
        // What is kept reads exactly as in the full parse.
        let full = try #require(JSONNode.parse(answer))
        #expect(kept?["result"]?["message_id"] == full["result"]?["message_id"])
    }

    /// Skipping a member checks it as strictly as building it: the same documents are refused.
    @Test func skippedMembersAreRefusedWhenTheyAreNotJSON() {
        let bad = [
            "+1", "01", "1.", "-", "tru", "nul", #""\u12""#, #""\ud83d""#, "[1,]", #"{"a"}"#, #"{"a":1,}"#, "[1 2]",
            #"{1:2}"#, "\"\u{01}\"",
        ]
        for member in bad {
            let document = #"{"keep":1,"skip":"# + member + "}"
            #expect(JSONNode.parse(document) == nil, "\(member)")
            #expect(JSONNode.parse(Data(document.utf8), keepingOnly: ["keep"]) == nil, "\(member)")
        }
        for member in Self.documents + ["1e+2", "-0.5", #""a\"b\u0627""#, "[[[]]]", #"{"x":{"y":[null]}}"#] {
            let document = #"{"keep":1,"skip":"# + member + "}"
            #expect(JSONNode.parse(Data(document.utf8), keepingOnly: ["keep"]) == .object(["keep": .number("1")]))
        }
        let invalidUTF8 = Data([0x7B, 0x22, 0x73, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D])  // {"s":"<overlong>"}
        #expect(JSONNode.parse(invalidUTF8, keepingOnly: []) == nil)
        let deep = #"{"skip":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        #expect(JSONNode.parse(Data(deep.utf8), keepingOnly: []) == nil)
        #expect(JSONNode.parse(deep) == nil)
    }
}
