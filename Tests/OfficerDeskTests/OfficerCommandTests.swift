import Testing

@testable import OfficerDesk

@Suite struct OfficerCommandTests {
    @Test func everyCommandParses() {
        #expect(OfficerCommand.parse("/claim").value == .claim)
        #expect(OfficerCommand.parse("/close").value == .close)
        #expect(OfficerCommand.parse("/release").value == .release(node: nil))
        #expect(OfficerCommand.parse("/release help_request.review").value == .release(node: "help_request.review"))
        #expect(
            OfficerCommand.parse("/note اتصلت بالمستفيد وسيرسل الصك غدًا").value
                == .note("اتصلت بالمستفيد وسيرسل الصك غدًا"))
        #expect(OfficerCommand.parse("/transfer research").value == .transfer(queue: "research"))
    }

    @Test func telegramsBotNameSuffixAndSurroundingSpaceAreAccepted() {
        #expect(OfficerCommand.parse("/release@SafaCharityBot").value == .release(node: nil))
        #expect(OfficerCommand.parse("  /release@SafaCharityBot   main.menu \n").value == .release(node: "main.menu"))
        #expect(OfficerCommand.parse("/CLAIM").value == .claim)
        #expect(OfficerCommand.parse("/note  سطر أول\nسطر ثانٍ ").value == .note("سطر أول\nسطر ثانٍ"))
    }

    @Test func mistakesGetClearEnglishAnswers() {
        #expect(OfficerCommand.parse("السلام عليكم").error == .notACommand)
        #expect(OfficerCommand.parse("/relase").error == .unknownCommand("/relase"))
        #expect(OfficerCommand.parse("/note").error == .missingArgument(command: "note"))
        #expect(OfficerCommand.parse("/transfer").error == .missingArgument(command: "transfer"))
        #expect(OfficerCommand.parse("/claim now").error == .unexpectedArgument(command: "claim"))
        #expect(OfficerCommand.parse("/release review").error == .badNode("review"))
        #expect(OfficerCommand.parse("/release a.b.c").error == .badNode("a.b.c"))
        #expect(OfficerCommand.parse("/transfer البحث").error == .badQueue("البحث"))
        #expect(OfficerCommandError.badNode("review").message.contains("help_request.review"))
        #expect(OfficerCommandError.unknownCommand("/relase").message.contains("/release"))
    }

    @Test func commandsBecomeCaseActions() {
        #expect(
            OfficerCommand.release(node: "main.menu").action(caseID: "C1001", officerID: "mohammed")
                == .release(caseID: "C1001", officerID: "mohammed", node: "main.menu", via: .workplace))
        #expect(
            OfficerCommand.note("ملاحظة").action(caseID: "C1001", officerID: "nora", via: .api)
                == .note(caseID: "C1001", officerID: "nora", text: "ملاحظة", via: .api))
    }
}
