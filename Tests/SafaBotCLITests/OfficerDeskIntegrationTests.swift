import Dispatch
import BotRuntime
import DialogCore
import Foundation
import HTTPClient
import OfficerDesk
import SQLiteStore
import SafaBotTestSupport
import Synchronization
import Testing

@testable import SafaBotCLI

/// The officers' side end to end: the bot, the fake Bot API over HTTP, a forum group of officers.
@Suite(.serialized) struct OfficerDeskIntegrationTests {
    static let group: Int64 = -1_005_000
    static let officer: Int64 = 111
    static let stranger: Int64 = 999
    static let apiKey = "test-officer-key-7f3a"
    static let officersJSON = """
        {
          "version": 1,
          "groupChatID": -1005000,
          "queues": [
            {"id": "relations", "title": "علاقات المستفيدين", "officers": [111], "claimTimeoutMinutes": 10},
            {"id": "research", "title": "البحث الاجتماعي", "officers": [222]}
          ],
          "officers": [
            {"id": "mohammed", "name": "محمد عبدالله", "telegramUserID": 111, "apiKeyEnv": "SAFA_TEST_OFFICER_KEY"},
            {"id": "fatimah", "name": "فاطمة الزهراني", "telegramUserID": 222}
          ],
          "workingHours": {
            "timeZone": "Asia/Riyadh",
            "days": ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
            "open": "00:00", "close": "23:59"
          }
        }
        """

    /// A running bot over one database; `restart()` replaces the process-level parts, keeping the file.
    final class Bot: @unchecked Sendable {
        // @unchecked Sendable invariant: used from one test at a time; `service` is replaced only by restart().
        let fake: FakeTelegramServer
        let http: FakeTelegramHTTPServer
        let directory: URL
        var configuration = BotConfiguration()
        var service: BotService
        var store: SQLiteRuntimeStore
        /// The desk's clock, which tests can move ahead of the wall clock.
        let clock = TestClock()

        init(httpPort: Bool = false) throws {
            setenv("SAFA_TEST_OFFICER_KEY", OfficerDeskIntegrationTests.apiKey, 1)
            fake = try FakeTelegramServer()
            http = FakeTelegramHTTPServer(fake: fake)
            try http.start()
            directory = try TestEnvironment.temporaryDirectory()
            let officers = directory.appendingPathComponent("officers.json")
            try OfficerDeskIntegrationTests.officersJSON.write(to: officers, atomically: true, encoding: .utf8)
            configuration.dialogs = TestEnvironment.dialogs
            configuration.officers = officers.path
            configuration.database = directory.appendingPathComponent("bot.sqlite").path
            configuration.telegram.apiBaseURL = http.baseURL
            configuration.telegram.globalRate = 0
            configuration.telegram.chatRate = 0
            configuration.telegram.pollTimeoutSeconds = 1
            configuration.http.enabled = httpPort
            configuration.http.port = 0
            (service, store) = try Self.make(configuration, fake.token, clock)
            try service.start()
        }

        static func make(_ configuration: BotConfiguration, _ token: String, _ clock: TestClock) throws
            -> (BotService, SQLiteRuntimeStore)
        {
            let store = try SQLiteRuntimeStore(path: configuration.database)
            let service = try BotService(
                configuration: configuration, token: token, bundle: TestEnvironment.shippedDialogs(), store: store,
                logger: Logger(label: "test", handler: MemoryLogHandler(level: .warning)),
                deskClock: { clock.now() })
            return (service, store)
        }

        func restart() throws {
            service.stop()
            (service, store) = try Self.make(configuration, fake.token, clock)
            try service.start()
        }

        /// Lets `seconds` pass for the desk and wakes it.
        func advanceDeskClock(_ seconds: TimeInterval) {
            clock.advance(seconds)
            service.desk?.wake.signal()
        }

        func stop() {
            service.stop()
            http.stop()
            try? FileManager.default.removeItem(at: directory)
        }

        var book: CaseBook {
            get async { await service.desk?.currentBook ?? CaseBook() }
        }

        /// Group messages the bot sent into the case's topic.
        func topicTexts(_ thread: Int64?) async -> [String] {
            await fake.requests(method: "sendMessage").filter {
                $0.parameters["chat_id"]?.intValue == OfficerDeskIntegrationTests.group
                    && (thread == nil || $0.parameters["message_thread_id"]?.intValue == thread)
            }.compactMap { $0.parameters["text"]?.stringValue }
        }
    }

    /// The beneficiary starts a help request, gives two fields, and asks for an officer.
    func beneficiaryAsksForAnOfficer(_ bot: Bot, chat: Int64) async throws -> Case {
        await bot.fake.addForumGroup(chatID: Self.group)
        for text in ["/start", "1", "سارة علي محمد", "١٠٢٣٤٥٦٧٨١", "موظف"] {
            await bot.fake.userSends(chatID: chat, text: text)
        }
        #expect(await TestEnvironment.eventually { await bot.book.openCase(for: key(chat))?.place != nil })
        let c = try #require(await bot.book.openCase(for: key(chat)))
        // The card follows the topic's creation.
        #expect(await TestEnvironment.eventually { !(await bot.topicTexts(c.place.flatMap { Int64($0) })).isEmpty })
        return c
    }

    func key(_ chat: Int64) -> ConversationKey { ConversationKey(channel: "telegram", chat: String(chat)) }

    @Test func anOfficerClaimsExchangesTextAndAPhotoAndReleasesToTheFormWithTheSurvey() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 4242
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        #expect(c.queue == "relations")
        #expect(c.fields.map(\.id).contains("national_id") || c.fields.count == 2)
        let thread = try #require(c.place.flatMap { Int64($0) })
        let cardText = await bot.topicTexts(thread).first ?? ""
        #expect(cardText.contains(c.id))
        #expect(!cardText.contains("1023456781"), "the national ID is masked on the card")
        #expect(cardText.contains("6781"))

        // Someone who is not an officer cannot claim.
        let cardID = try #require(
            await bot.fake.requests(method: "sendMessage").last {
                $0.parameters["chat_id"]?.intValue == Self.group && $0.parameters["reply_markup"] != nil
            }
        ).parameters["message_thread_id"]?.intValue
        #expect(cardID == thread)
        let cards = await bot.fake.requests(method: "sendMessage").count
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.stranger, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(await TestEnvironment.eventually { await bot.fake.requests(method: "sendMessage").count > cards })
        #expect(await bot.book[c.id]?.claimant == nil)

        // A configured officer claims; the beneficiary is told.
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.claimant == "mohammed" })
        #expect(await TestEnvironment.eventually { await bot.fake.requests(method: "answerCallbackQuery").count >= 2 })

        // Text both ways, then a photo from the officer and one from the beneficiary.
        await bot.fake.userSends(chatID: chat, text: "هل أرسل صورة الصك؟")
        #expect(
            await TestEnvironment.eventually {
                await bot.topicTexts(thread).contains { $0.contains("هل أرسل صورة الصك؟") }
            })
        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, text: "نعم، أرسليها هنا من فضلك", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).contains("نعم، أرسليها هنا من فضلك")
            })
        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, photoFileID: "officer-form-photo", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.requests(method: "sendPhoto").contains {
                    $0.parameters["chat_id"]?.intValue == chat
                        && $0.parameters["photo"]?.stringValue == "officer-form-photo"
                }
            })
        await bot.fake.userSendsPhoto(chatID: chat, fileID: "beneficiary-deed-photo")
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.requests(method: "sendPhoto").contains {
                    $0.parameters["chat_id"]?.intValue == Self.group
                        && $0.parameters["photo"]?.stringValue == "beneficiary-deed-photo"
                        && $0.parameters["message_thread_id"]?.intValue == thread
                }
            })

        // An internal note never reaches the beneficiary.
        let before = await bot.fake.sentTexts(chatID: chat).count
        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, text: "/note الأسرة معروفة لدى الجمعية", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.book[c.id]?.transcript.contains { $0.text.contains("معروفة") } == true
            })
        #expect(await bot.fake.sentTexts(chatID: chat).count == before)

        // Release to the form: the survey first, then the form continues with its data.
        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, text: "/release help_request.form", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).last?.contains("كيف تقيّم") == true
            })
        await bot.fake.userSends(chatID: chat, text: "ممتاز")
        #expect(
            await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).last?.contains("جوال") == true })
        let state = try #require(try bot.store.conversation(key(chat)))
        #expect(state.forms["help_request.form"]?["national_id"] == .text("1023456781"))
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.survey?.rating == "5" })
        let audit = try bot.store.auditEntries(caseID: c.id, limit: 100).map(\.action)
        for action in ["open", "claim", "message", "note", "release", "survey"] {
            #expect(audit.contains(action), "audit has \(action): \(audit)")
        }
    }

    @Test func everyStepSurvivesARestart() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 5151
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let thread = try #require(c.place.flatMap { Int64($0) })
        try bot.restart()
        #expect(await bot.book[c.id]?.place == String(thread), "the case and its topic are remembered")
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.claimant == "mohammed" })
        try bot.restart()
        await bot.fake.userSends(chatID: chat, text: "ما زلت هنا")
        #expect(
            await TestEnvironment.eventually { await bot.topicTexts(thread).contains { $0.contains("ما زلت هنا") } })
        try bot.restart()
        await bot.fake.officerSends(chatID: Self.group, userID: Self.officer, text: "/release", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).last?.contains("كيف تقيّم") == true
            })
        try bot.restart()
        await bot.fake.userSends(chatID: chat, text: "جيد")
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.survey?.rating == "3" })
    }

    @Test func aDeletedTopicIsRecreatedAndTheCaseRemapped() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 6161
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let old = try #require(c.place.flatMap { Int64($0) })
        await bot.fake.deleteTopic(chatID: Self.group, threadID: old)
        await bot.fake.userSends(chatID: chat, text: "هل من جديد؟")
        #expect(
            await TestEnvironment.eventually {
                let now = await bot.book[c.id]?.place.flatMap { Int64($0) }
                return now != nil && now != old
            })
        let fresh = try #require(await bot.book[c.id]?.place.flatMap { Int64($0) })
        #expect(
            await TestEnvironment.eventually { await bot.topicTexts(fresh).contains { $0.contains("هل من جديد؟") } })
    }

    @Test func theOfficerAPICanListClaimWriteAndRelease() async throws {
        let bot = try Bot(httpPort: true)
        defer { bot.stop() }
        let chat: Int64 = 7171
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let port = try #require(bot.service.httpPort)
        let client = try HTTPClient()
        defer { client.shutdown() }
        func call(_ method: String, _ path: String, _ body: String? = nil, key: String = Self.apiKey) async throws
            -> (Int, [String: Any])
        {
            let response = try await client.send(
                HTTPClientRequest(
                    method: method, url: "http://127.0.0.1:\(port)\(path)",
                    headers: [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json")],
                    body: body.map { Data($0.utf8) }))
            return (response.status, (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:])
        }
        #expect(try await call("GET", "/officer/cases", key: "wrong").0 == 401)
        let (status, list) = try await call("GET", "/officer/cases?state=waiting")
        #expect(status == 200)
        #expect(((list["cases"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == c.id })
        #expect(try await call("POST", "/officer/cases/\(c.id)/claim").0 == 200)
        #expect(
            try await call("POST", "/officer/cases/\(c.id)/messages", #"{"text":"مرحبًا، معك محمد من الجمعية"}"#).0
                == 200)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).contains("مرحبًا، معك محمد من الجمعية")
            })
        let (_, detail) = try await call("GET", "/officer/cases/\(c.id)")
        let transcript = ((detail["case"] as? [String: Any])?["transcript"] as? [[String: Any]]) ?? []
        #expect(transcript.contains { ($0["text"] as? String)?.contains("مرحبًا") == true })
        #expect(try await call("POST", "/officer/cases/\(c.id)/release", #"{"node":"help_request.form"}"#).0 == 200)
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).last?.contains("كيف تقيّم") == true
            })
        #expect(try await call("POST", "/officer/cases/\(c.id)/claim").0 == 409)
        let audit = try bot.store.auditEntries(caseID: c.id, limit: 100)
        #expect(audit.contains { $0.action == "claim" && $0.via == "api" })
    }
}

extension OfficerDeskIntegrationTests {
    /// Issue 16: `/release help_request.submit` filed a request with fields missing and no attestation.
    /// Refused from the group and over the API; the case stays with the officer and nothing is filed.
    @Test func anOfficerCannotReleaseACaseToTheSubmission() async throws {
        let bot = try await offPool { try Bot(httpPort: true) }
        defer { DispatchQueue.global().async { bot.stop() } }
        let chat: Int64 = 6161
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let thread = try #require(c.place.flatMap { Int64($0) })
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.claimant == "mohammed" })

        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, text: "/release help_request.submit", threadID: thread)
        #expect(
            await TestEnvironment.eventually {
                await bot.topicTexts(thread).contains { $0.contains("cannot be released to a submission") }
            })

        let port = try #require(bot.service.httpPort)
        let client = try HTTPClient()
        defer { client.shutdown() }
        let response = try await client.send(
            HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(port)/officer/cases/\(c.id)/release",
                headers: [("Authorization", "Bearer \(Self.apiKey)"), ("Content-Type", "application/json")],
                body: Data(#"{"node":"help_request.submit"}"#.utf8)))
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains("unknown_node"))

        #expect(await bot.book[c.id]?.claimant == "mohammed")
        #expect(try bot.store.requests(limit: 10).isEmpty)
    }

    /// The officer API authenticates on the headers: a wrong key is answered before any body is read, a
    /// client that keeps guessing is answered 429, and a body bigger than an officer ever sends is refused.
    @Test func theOfficerAPIRefusesOnTheHeadersAndBoundsGuessing() async throws {
        // Started and stopped off the cooperative pool: both wait on semaphores.
        let bot = try await offPool { try Bot(httpPort: true) }
        defer { DispatchQueue.global().async { bot.stop() } }
        let port = try #require(bot.service.httpPort)
        let key = Self.apiKey
        let (guesses, large, right) = try await offPool {
            func status(_ head: String, from source: String = "127.0.0.1") throws -> String {
                let connection = try RawConnection(port: port, source: source)
                connection.send(head)
                return String(connection.receive(until: "\r\n").dropFirst(9).prefix(3))
            }
            let guesses = try (0..<22).map { n in
                try status(
                    "POST /officer/cases/x/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer guess\(n)\r\n"
                        + "Content-Length: 1000000\r\n\r\n", from: "127.0.0.3")
            }
            let large = try status(
                "POST /officer/cases/x/notes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\n"
                    + "Content-Length: 1000000\r\n\r\n")
            let right = try status(
                "GET /officer/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(key)\r\n\r\n", from: "127.0.0.3")
            return (guesses, large, right)
        }
        #expect(guesses == Array(repeating: "401", count: 20) + ["429", "429"])
        #expect(large == "413")
        // The budget is spent per client address; that address is refused until its minute is over.
        #expect(right == "429")
    }

    @Test func aGroupWithoutTopicsWorksByRepliesToTheCaseCard() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        await bot.fake.addPlainGroup(chatID: Self.group)
        let chat: Int64 = 8181
        for text in ["/start", "موظف"] { await bot.fake.userSends(chatID: chat, text: text) }
        #expect(await TestEnvironment.eventually { await bot.book.openCase(for: key(chat))?.place != nil })
        let c = try #require(await bot.book.openCase(for: key(chat)))
        let anchor = try #require(c.place.flatMap { Int64($0) })
        // The card replies to the case's anchor message; the officer claims on it and replies to it.
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.requests(method: "sendMessage").contains {
                    $0.parameters["reply_parameters"]?["message_id"]?.intValue == anchor
                }
            })
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.officer, data: "desk:claim:\(c.id)", messageID: anchor)
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.claimant == "mohammed" })
        await bot.fake.officerSends(
            chatID: Self.group, userID: Self.officer, text: "أهلًا بك، كيف أساعدك؟", replyTo: anchor)
        #expect(
            await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).contains("أهلًا بك، كيف أساعدك؟") }
        )
        // Only the first attempt to open a topic is refused ("not a forum"); the bot then remembers.
        let rejections = await bot.fake.rejections
        #expect(rejections.map(\.method) == ["createForumTopic"])
    }

    @Test func anOfficerWritingToABeneficiaryWhoBlockedTheBotIsToldSo() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 9191
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let thread = try #require(c.place.flatMap { Int64($0) })
        await bot.fake.officerPresses(
            chatID: Self.group, userID: Self.officer, data: "desk:claim:\(c.id)", messageID: thread)
        #expect(await TestEnvironment.eventually { await bot.book[c.id]?.claimant == "mohammed" })
        await bot.fake.userBlocksBot(chatID: chat)
        #expect(await TestEnvironment.eventually { (try? bot.store.isBlocked(key(chat))) == true })
        await bot.fake.officerSends(chatID: Self.group, userID: Self.officer, text: "هل ما زلت معنا؟", threadID: thread)
        #expect(await TestEnvironment.eventually { await bot.topicTexts(thread).contains { $0.contains("حظر البوت") } })
    }

    @Test func aCommandInTheGeneralTopicGetsAnAnswerAndChangesNothing() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 9292
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        await bot.fake.officerSends(chatID: Self.group, userID: Self.officer, text: "/claim")
        #expect(
            await TestEnvironment.eventually {
                await bot.topicTexts(nil).contains { $0.contains("inside a case") }
            })
        #expect(await bot.book[c.id]?.claimant == nil)
    }

    @Test func nobodyClaimingInTimeTellsTheBeneficiaryAndRemindsOfficers() async throws {
        let bot = try Bot()
        defer { bot.stop() }
        let chat: Int64 = 9393
        let c = try await beneficiaryAsksForAnOfficer(bot, chat: chat)
        let thread = try #require(c.place.flatMap { Int64($0) })
        let sent = await bot.fake.sentTexts(chatID: chat).count
        bot.advanceDeskClock(11 * 60)
        // The beneficiary may keep waiting or go back to the menu; officers are reminded in the topic.
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.requests(method: "sendMessage").contains {
                    $0.parameters["chat_id"]?.intValue == chat
                        && $0.parameters["reply_markup"]?["inline_keyboard"]?.arrayValue?.flatMap {
                            $0.arrayValue ?? []
                        }
                        .contains { $0["callback_data"]?.stringValue == "desk:wait" } == true
                }
            })
        #expect(await TestEnvironment.eventually { await bot.topicTexts(thread).contains { $0.contains("⏰") } })
        await bot.fake.userPresses(chatID: chat, data: "desk:wait")
        #expect(await TestEnvironment.eventually { await bot.fake.sentTexts(chatID: chat).count >= sent + 2 })
        #expect(await bot.book[c.id]?.isOpen == true)
        await bot.fake.userPresses(chatID: chat, data: "desk:menu")
        #expect(
            await TestEnvironment.eventually {
                await bot.fake.sentTexts(chatID: chat).last?.contains("كيف يمكننا خدمتك") == true
            })
        #expect(await bot.book[c.id]?.isOpen == false)
        let audit = try bot.store.auditEntries(caseID: c.id, limit: 50).map(\.action)
        #expect(audit.contains("timeout"), "audit: \(audit)")
    }
}

/// A clock that runs ahead of the wall clock by as much as a test says.
final class TestClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }
    func advance(_ seconds: TimeInterval) { offset.withLock { $0 += seconds } }
}
