import Testing

@testable import BotRuntime

/// User text in a log value can never start a new line, forge a field, or reorder what a terminal shows.
@Suite struct LoggerEscapingTests {
    @Test func lineBreaksOfEveryKindAreEscaped() {
        #expect(Logger.quoted("a\nb") == #""a\nb""#)
        #expect(Logger.quoted("a\r\nlevel=error event=forged") == #""a\r\nlevel=error event=forged""#)
        #expect(Logger.quoted("a\rb") == #""a\rb""#)
        #expect(Logger.quoted("a\u{2028}b\u{2029}c") == #""a\u{2028}b\u{2029}c""#)
        #expect(Logger.quoted("\u{85}") == #""\u{85}""#)
    }

    @Test func controlAndBidirectionalCharactersAreEscaped() {
        #expect(Logger.quoted("\u{1B}[31mred") == #""\u{1B}[31mred""#)
        #expect(Logger.quoted("tab\there") == #""tab\there""#)
        #expect(Logger.quoted("\u{0}\u{7F}") == #""\u{0}\u{7F}""#)
        #expect(Logger.quoted("abc\u{202E}fed") == #""abc\u{202E}fed""#)
        #expect(Logger.quoted("\u{2066}x\u{2069}") == #""\u{2066}x\u{2069}""#)
    }

    @Test func plainValuesStayAsTheyAreAndOthersAreQuoted() {
        #expect(Logger.quoted("telegram") == "telegram")
        #expect(Logger.quoted("السلام") == "السلام")
        #expect(Logger.quoted("") == #""""#)
        #expect(Logger.quoted("a b") == #""a b""#)
        #expect(Logger.quoted("k=v") == #""k=v""#)
        #expect(Logger.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
    }

    @Test func aLoggedLineIsOneLine() {
        let memory = MemoryLogHandler(level: .info)
        Logger(label: "t", handler: memory).warning("x", ["text": "one\r\ntwo\u{2028}three\nfour"])
        #expect(memory.lines.count == 1)
        #expect(!memory.lines[0].contains { $0.isNewline })
    }
}
