import Foundation
import SafaBotTestSupport
import Testing

/// `JSONValue` reads and writes JSON by hand for speed; these pin it to what JSONDecoder/JSONEncoder do.
@Suite struct JSONValueTests {
    static let valid = [
        #"{"chat_id":77,"text":"مرحبا","parse_mode":"HTML"}"#,
        #"  { "a" : [ 1 , -2 , 0 , true , false , null , { } , [ ] ] , "b" : "" }  "#,
        #"{"max":9223372036854775807,"min":-9223372036854775808,"zero":-0}"#,
        #"{"big":9223372036854775808,"fraction":1.5,"exp":1e3,"integral":2.0,"neg":-0.25}"#,
        #"{"escapes":"q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u0627 \ud83d\ude00 \u0000"}"#,
        #"{"inline_keyboard":[[{"text":"نعم","callback_data":"y"}],[{"text":"لا","callback_data":"n"}]]}"#,
        #""just a string""#, "42", "true", "null", "[]",
    ]

    static let invalid = [
        "", "{", #"{"a":}"#, #"{"a":1,}"#, "[1,]", "01", "-", "1.", #""\x""#, #""\ud800""#, "{\"a\":\"\u{01}\"}",
        "tru", "[1] [2]", #"{a:1}"#, #"{"a" 1}"#,
    ]

    @Test func parsingAgreesWithJSONDecoder() throws {
        for text in Self.valid {
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(try JSONValue(parsing: Data(text.utf8)) == expected, "\(text)")
        }
        for text in Self.invalid {
            let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            let mine = try? JSONValue(parsing: Data(text.utf8))
            #expect(mine == decoded, "\(text) mine \(String(describing: mine)) decoded \(String(describing: decoded))")
        }
        let invalidUTF8 = Data([0x22, 0xC3, 0x28, 0x22])
        #expect((try? JSONValue(parsing: invalidUTF8)) == nil)
    }

    @Test func encodingIsCompactSortedAndEscapedLikeJSONEncoder() throws {
        let value: JSONValue = [
            "text": "سطر\nآخر \"مقتبس\" a/b \\ \u{01}\t", "ok": true, "id": -5, "none": nil,
            "list": [1.5, 2.0, [:], []],
        ]
        let text = String(decoding: value.encoded(), as: UTF8.self)
        #expect(
            text == #"{"id":-5,"list":[1.5,2,{},[]],"none":null,"ok":true,"text":"سطر\nآخر \"مقتبس\" a/b \\ \u0001\t"}"#
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let foundation = try encoder.encode(value)
        #expect(try JSONValue(parsing: value.encoded()) == JSONValue(parsing: foundation))
        for text in Self.valid {
            let parsed = try JSONValue(parsing: Data(text.utf8))
            #expect(try JSONValue(parsing: parsed.encoded()) == parsed, "\(text)")
        }
    }

    @Test func aNonFiniteNumberEncodesAsNullAsBefore() {
        let value: JSONValue = ["x": .double(.infinity)]
        #expect(value.encoded() == Data("null".utf8))
    }
}
