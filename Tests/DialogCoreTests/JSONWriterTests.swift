import Foundation
import Testing

@testable import DialogCore

@Suite struct JSONWriterTests {
    @Test func everyStringReadsBackExactlyThroughJSONDecoder() throws {
        var every = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }.map(String.init).joined()
        every += "طلب رقم ١٠٤٢ \u{1F600} \u{2066}SF-2026-000042\u{2069} é"
        let samples = [
            "", "abc", "\"", "\\", "a\"b\\c", "سطر\nثانٍ\r\tثالث", "\u{0}\u{1}\u{1F}", "\"قال\"\n\u{01}", every,
            "نص\"بين\"علامتين\\",
        ]
        for sample in samples {
            var writer = JSONWriter()
            writer.string(sample)
            let decoded = try JSONDecoder().decode(String.self, from: writer.data)
            #expect(decoded == sample)
            // Only what JSON requires is escaped: no byte below 0x20 and no bare quote is left inside.
            let inner = writer.bytes.dropFirst().dropLast()
            #expect(!inner.contains { $0 < 0x20 })
        }
    }

    @Test func controlCharactersWithoutAShortFormAreWrittenAsUnicodeEscapes() {
        var writer = JSONWriter()
        writer.string("a\u{1}b\u{1F}")
        #expect(writer.string == #""a\u0001b\u001f""#)
        var plain = JSONWriter()
        plain.string("\"\\\n\r\t\u{8}\u{C}")
        #expect(plain.string == #""\"\\\n\r\t\b\f""#)
    }

    @Test func wholeNumbersAreWrittenWithoutAFractionAsJSONEncoderWritesThem() throws {
        for number in [0.0, 2.0, -3.0, 1_764_000_000.0, 1.5, 1e-5, 1e300] {
            var writer = JSONWriter()
            writer.double(number)
            let encoded = String(decoding: try JSONEncoder().encode(number), as: UTF8.self)
            #expect(writer.string == encoded, "\(number)")
        }
    }
}
