import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import OfficerDesk
import SQLiteStore
import SafaBotTestSupport
import Testing

@testable import SafaBotCLI

/// The chat page in a real browser (Debian's headless Chromium over the DevTools protocol): a beneficiary
/// completes the help request with a document upload, reloads in the middle and finds the conversation as
/// it was, then reaches an officer in the fake Telegram group and reads the officer's reply.
///
/// Runs when `/usr/bin/chromium` exists (`make test-browser` installs it). With `SAFA_SCREENSHOTS_DIR` set,
/// it leaves `webchat-360.png`, `webchat-360-review.png` and `webchat-1280.png` there.
@Suite(.serialized, .enabled(if: HeadlessChromium.isInstalled, "needs Debian's chromium (make test-browser)"))
struct WebChatBrowserTests {
    @Test func aHelpRequestWithAnUploadSurvivesAReloadAndReachesAnOfficer() async throws {
        let fake = try FakeTelegramServer()
        let http = FakeTelegramHTTPServer(fake: fake)
        try http.start()
        defer { http.stop() }
        let officers = try TestEnvironment.temporaryDirectory().appendingPathComponent("officers.json")
        defer { try? FileManager.default.removeItem(at: officers.deletingLastPathComponent()) }
        try OfficerDeskIntegrationTests.officersJSON.write(to: officers, atomically: true, encoding: .utf8)
        let bot = try WebChatServiceTests.Bot(telegram: fake.token) { configuration in
            configuration.officers = officers.path
            configuration.telegram.apiBaseURL = http.baseURL
            configuration.telegram.globalRate = 0
            configuration.telegram.chatRate = 0
            configuration.telegram.pollTimeoutSeconds = 1
        }
        defer { bot.stop() }
        let group = OfficerDeskIntegrationTests.group
        await fake.addForumGroup(chatID: group)
        let photo = bot.directory.appendingPathComponent("deed.png")

        let browser = try HeadlessChromium()
        let page = try await BrowserPage.open(in: browser, width: 360, height: 740, mobile: true)
        try await page.navigate(bot.base + "/chat")

        // The help request, as TestEnvironment types it, with the supporting document uploaded, not skipped.
        let inputs = TestEnvironment.helpRequestInputs
        var events: [EventContent] = inputs.map { $0 == "/start" ? .start : .text($0) }
        let documentStep = try #require(inputs.firstIndex(of: "تخطي"))
        events[documentStep] = .attachment(Attachment(kind: .photo, fileID: "x", channel: "web"))
        let expected = try Self.expectedReplyCounts(events)
        // The "document" is a real picture: the page itself as it first appears.
        #expect(
            try await TestEnvironment.eventually(limit: 60) {
                try await page.evaluate("document.querySelectorAll('.msg.bot').length") as? Int ?? 0 >= expected[0]
            })
        try await page.screenshot().write(to: photo)
        var shown = 0
        for (index, input) in inputs.enumerated() {
            if index == documentStep {
                try await page.setFile("#file", path: photo.path)
            } else if index > 0 {
                let pressed = try await page.evaluate(Self.press(input)) as? Bool ?? false
                if !pressed { try await page.evaluate(Self.type(input)) }
            }
            shown += expected[index]
            let count = shown
            #expect(
                try await TestEnvironment.eventually(limit: 60) {
                    try await page.evaluate("document.querySelectorAll('.msg.bot').length") as? Int ?? 0 >= count
                }, "after input \(index) (\(input))")
            if index == documentStep, let folder = ProcessInfo.processInfo.environment["SAFA_SCREENSHOTS_DIR"] {
                // The uploaded photo and the review with its buttons, at phone width.
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try await page.screenshot().write(to: URL(fileURLWithPath: folder + "/webchat-360-review.png"))
            }
            if index == 3 {
                // Reload mid-way: the same conversation, every message once, in order.
                let before = try await Self.transcript(page)
                try await page.reload()
                #expect(
                    try await TestEnvironment.eventually(limit: 60) {
                        try await Self.transcript(page).count >= before.count
                    })
                #expect(try await Self.transcript(page) == before)
            }
        }
        let texts = try await Self.transcript(page)
        #expect(
            texts.contains { $0.contains("رقم الطلب") && $0.contains(/[0-9]{3}\u{00A0}[0-9]{3}\u{00A0}[0-9]{3}/) },
            "the reference number is shown")
        #expect(try await page.evaluate("document.querySelectorAll('.msg.me img').length") as? Int == 1)
        #expect(try await page.evaluate("document.querySelectorAll('.msg.failed').length") as? Int == 0)
        let request = try #require(bot.service.store.requests(limit: 1).first)
        #expect(request.fields.contains { $0.id == "documents" })

        // Handoff: the officer sees the case in the group and answers; the page shows the answer.
        try await page.evaluate(Self.type("موظف"))
        let chat = try await Self.conversationID(bot)
        let key = ConversationKey(channel: "web", chat: chat)
        #expect(
            await TestEnvironment.eventually {
                await bot.service.desk?.currentBook.openCase(for: key)?.place != nil
            })
        let c = try #require(await bot.service.desk?.currentBook.openCase(for: key))
        let thread = try #require(c.place.flatMap { Int64($0) })
        await fake.officerPresses(
            chatID: group, userID: OfficerDeskIntegrationTests.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(
            await TestEnvironment.eventually { await bot.service.desk?.currentBook[c.id]?.claimant == "mohammed" })
        let reply = "وصلنا طلبك، وسنتصل بك غدًا إن شاء الله"
        await fake.officerSends(
            chatID: group, userID: OfficerDeskIntegrationTests.officer, text: reply, threadID: thread)
        #expect(
            try await TestEnvironment.eventually(limit: 60) { try await Self.transcript(page).last == reply })

        if let folder = ProcessInfo.processInfo.environment["SAFA_SCREENSHOTS_DIR"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try await page.screenshot().write(to: URL(fileURLWithPath: folder + "/webchat-360.png"))
            try await page.resize(width: 1280, height: 800, mobile: false)
            try await page.screenshot().write(to: URL(fileURLWithPath: folder + "/webchat-1280.png"))
        }
    }

    /// How many bot messages the engine answers to each event of a new conversation.
    static func expectedReplyCounts(_ events: [EventContent]) throws -> [Int] {
        let engine = DialogEngine(bundle: try TestEnvironment.shippedDialogs())
        var state = ConversationState()
        return events.enumerated().map { index, content in
            let result = engine.step(state, Event(content, receivedAt: Date(), sequence: Int64(index + 1)))
            state = result.state
            return result.effects.filter { if case .send = $0 { true } else { false } }.count
        }
    }

    /// Every bot message's text, in page order.
    static func transcript(_ page: BrowserPage) async throws -> [String] {
        try await page.evaluate("[...document.querySelectorAll('.msg.bot')].map((m) => m.textContent)") as? [String]
            ?? []
    }

    /// Presses the newest message's option labelled `label` ("1": its first option); false when there is none.
    static func press(_ label: String) -> String {
        """
        (() => {
          const groups = document.querySelectorAll(".options");
          const group = groups[groups.length - 1];
          if (!group) return false;
          const buttons = [...group.querySelectorAll("button:not(:disabled)")];
          const button = \(json(label)) === "1" ? buttons[0] : buttons.find((b) => b.textContent === \(json(label)));
          if (!button) return false;
          button.focus();
          button.click();
          return true;
        })()
        """
    }

    /// Types `text` in the message box and sends it with the form (as Enter does).
    static func type(_ text: String) -> String {
        """
        (() => {
          const input = document.getElementById("text");
          input.focus();
          input.value = \(json(text));
          document.getElementById("composer").requestSubmit();
          return true;
        })()
        """
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast()
            .description
    }

    /// The page's conversation id: the only web conversation in the store.
    static func conversationID(_ bot: WebChatServiceTests.Bot) async throws -> String {
        var found: String?
        _ = await TestEnvironment.eventually {
            found = await bot.service.desk?.currentBook.cases.values.first { $0.key.channel == "web" }?.key.chat
            return found != nil
        }
        return try #require(found)
    }
}
