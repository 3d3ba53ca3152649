import Foundation
import Testing

@testable import DialogCore

/// The helpers that stand in for Foundation APIs FoundationEssentials lacks, checked against Foundation.
@Suite struct PlainTextTests {
    @Test func trimmedDropsSurroundingWhitespaceAndLineBreaksOnly() {
        #expect(" \t نورة بنت سعد\r\n".trimmed == "نورة بنت سعد")
        #expect("   ".trimmed == "")
        #expect("".trimmed == "")
        #expect("a".trimmed == "a")
        #expect("\u{00A0}x y\u{2003}".trimmed == "x y")
    }

    @Test func zeroPaddedAndHexadecimalMatchStringFormat() {
        for value in [0, 7, 42, 999, 2026, 123_456, -5] {
            #expect(value.zeroPadded(4) == String(format: "%04d", value))
            #expect(value.zeroPadded(2) == String(format: "%02d", value))
        }
        for value in [0, 0x1F, 0x7F, 0xD800, 0xFFFF] {
            #expect(value.hexadecimal(4) == String(format: "%04X", value))
            #expect(value.hexadecimal(2) == String(format: "%02X", value))
        }
    }

    @Test func fixedMatchesStringFormatAwayFromExactHalves() {
        for value in [0.0, 0.04, 0.05, 3.14159, 12.0, 60.96, -1.4, 1234.5678, 0.999, 1e-9] {
            #expect(value.fixed(1) == String(format: "%.1f", value), "\(value)")
            #expect(value.fixed(2) == String(format: "%.2f", value), "\(value)")
            #expect(value.fixed(0) == String(format: "%.0f", value), "\(value)")
        }
        // Exact halves go away from zero (printf would round 1.25 to even).
        #expect(1.25.fixed(1) == "1.3")
        #expect(2.5.fixed(0) == "3")
        #expect((-1.5).fixed(0) == "-2")
    }

    @Test func untypedJSONKeepsIntegersFractionsBooleansAndNullApart() throws {
        let text =
            #"{"i": 12, "big": -1001234567890, "f": 1.5, "e": 1e3, "t": true, "n": null, "s": "نص", "a": [1, "x"], "i": 99}"#
        let object = try #require(JSONValue.untyped(parsing: Data(text.utf8)) as? [String: Any])
        #expect(object["i"] as? Int == 12)  // the first of a duplicated key
        #expect(object["big"] as? Int == -1_001_234_567_890)
        #expect(object["f"] as? Double == 1.5)
        #expect(object["f"] as? Int == nil)
        #expect(object["e"] as? Double == 1000)
        #expect(object["t"] as? Bool == true)
        #expect(object["t"] as? Int == nil)
        #expect(object["n"] is JSONNull)
        #expect(object["s"] as? String == "نص")
        let array = try #require(object["a"] as? [Any])
        #expect(array.count == 2 && array[0] as? Int == 1 && array[1] as? String == "x")
        #expect(JSONValue.untyped(parsing: Data("{".utf8)) == nil)
    }
}
