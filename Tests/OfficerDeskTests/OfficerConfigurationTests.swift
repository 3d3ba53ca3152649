import Foundation
import Hashing
import Testing

@testable import OfficerDesk

@Suite struct OfficerConfigurationTests {
    static let shipped: Data = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/officers.json")
        return (try? Data(contentsOf: url)) ?? Data()
    }()

    func decode(_ json: String) -> Result<OfficerConfiguration, OfficerConfigurationErrors> {
        Result { () throws(OfficerConfigurationErrors) in try OfficerConfiguration.decode(Data(json.utf8)) }
    }

    @Test func shippedExampleDecodesWithBothQueuesAndEid() throws {
        let config = try OfficerConfiguration.decode(Self.shipped)
        #expect(config.groupChatID == nil, "the shipped example has no group until an admin adds theirs")
        #expect(config.queue("relations")?.title == "علاقات المستفيدين")
        #expect(config.queue("research")?.claimTimeoutMinutes == 15)
        #expect(config.officer(id: "mohammed")?.name == "محمد عبدالله")
        #expect(config.officer(identity: "telegram:111111111")?.id == "mohammed")
        #expect(!config.workingHours.isOpen(at: Fixtures.riyadh(2026, 3, 22, 10)))
        #expect(!config.workingHours.isOpen(at: Fixtures.riyadh(2026, 9, 23, 10)))
        #expect(config.workingHours.isOpen(at: Fixtures.sundayMorning))
    }

    @Test func defaultsFillWhatIsLeftOut() throws {
        let config = try decode(
            """
            {"version": 1, "queues": [{"id": "relations", "title": "علاقات المستفيدين", "officers": [1]},
            {"id": "research", "title": "البحث الاجتماعي", "officers": [2]}]}
            """
        ).get()
        #expect(config.groupChatID == nil)
        #expect(config.officers.isEmpty)
        #expect(config.queue("relations")?.claimTimeoutMinutes == 10)
        #expect(config.queue("relations")?.reminderEveryMinutes == 10)
        #expect(config.workingHours.openDays == Weekday.saudiWorkWeek)
        #expect(config.workingHours.opens == TimeOfDay(hour: 8))
        #expect(config.workingHours.closes == TimeOfDay(hour: 15))
        #expect(config.workingHours.timeZone.secondsFromGMT(for: Date()) == 3 * 3600)
        #expect(config.texts == OfficerTexts())
    }

    @Test func everyProblemIsReportedWithItsKey() {
        let errors =
            decode(
                """
                {"version": 1, "groupChatID": "chat",
                 "queues": [{"id": "relations", "officers": [1, "ghost", true], "claimTimeoutMinutes": 0}],
                 "officers": [{"id": "a", "name": "أ", "apiKeyEnv": "bad-name"}, {"id": "a", "name": "ب"}],
                 "workingHours": {"open": "9", "holidays": ["2026-02-30x", {"from": "hijri:1447-10-01", "to": "2026-03-25"}]},
                 "texts": {"waiting": "تفضل", "unknownText": "x"}}
                """
            ).error?.errors ?? []
        #expect(errors.contains(.wrongType(key: "groupChatID", expected: "an integer")))
        #expect(errors.contains(.missingKey("queues[0].title")))
        #expect(errors.contains(.invalidValue(key: "queues[0].officers[1]", reason: "no officer with id \"ghost\"")))
        #expect(
            errors.contains(.wrongType(key: "queues[0].officers[2]", expected: "a Telegram user id or an officer id")))
        #expect(
            errors.contains(
                .invalidValue(key: "queues[0].claimTimeoutMinutes", reason: "must be between 1 and 10080 minutes")))
        #expect(
            errors.contains(.invalidValue(key: "officers[0].apiKeyEnv", reason: "not an environment variable name")))
        #expect(errors.contains(.duplicateID(key: "officers[1].id", id: "a")))
        #expect(errors.contains(.invalidValue(key: "workingHours.open", reason: "expected HH:mm")))
        #expect(errors.contains { if case .invalidValue("workingHours.holidays[0]", _) = $0 { true } else { false } })
        #expect(
            errors.contains { if case .invalidValue("workingHours.holidays[1].to", _) = $0 { true } else { false } })
        #expect(errors.contains(.invalidValue(key: "texts.unknownText", reason: "unknown text")))
        #expect(errors.count == 11)
    }

    @Test func missingRequiredQueuesAreNamed() {
        let errors = decode(#"{"version": 1, "queues": [{"id": "relations", "title": "علاقات", "officers": []}]}"#)
        #expect(errors.error?.errors == [.missingQueue("research")])
        #expect(errors.error?.description.contains("research") == true)
    }

    @Test func versionAndShapeAreCheckedFirst() {
        #expect(decode(#"{"version": 2}"#).error?.errors == [.unsupportedVersion(found: 2)])
        #expect(decode(#"{"queues": []}"#).error?.errors == [.unsupportedVersion(found: nil)])
        #expect(decode("[1, 2]").error?.errors == [.notJSON])
        #expect(decode("{").error?.errors == [.notJSON])
    }

    @Test func textsCanBeReplacedInConfiguration() throws {
        let config = try decode(
            """
            {"version": 1, "queues": [{"id": "relations", "title": "ع", "officers": []}, {"id": "research", "title": "ب", "officers": []}],
             "texts": {"waiting": "ترتيبك {position}"}}
            """
        ).get()
        #expect(config.texts.waiting == "ترتيبك {position}")
        #expect(config.texts.claimTimeout == OfficerTexts().claimTimeout)
    }

    @Test func apiKeysAreKeptOnlyAsHashesAndOnlyForOfficersWithAKey() {
        let config = Fixtures.config()
        let hashes = config.apiKeyHashes(environment: [
            "SAFA_OFFICER_KEY_MOHAMMED": "s3cret-mohammed", "SAFA_OFFICER_KEY_NORA": "", "OTHER": "x",
        ])
        #expect(Set(hashes.keys) == ["mohammed"])
        #expect(hashes["mohammed"] == Hashing.sha256(Data("s3cret-mohammed".utf8)))
        #expect(config.officer(authenticatedBy: "s3cret-mohammed", hashes: hashes)?.id == "mohammed")
        #expect(config.officer(authenticatedBy: "s3cret-mohammeD", hashes: hashes) == nil)
        #expect(config.officer(authenticatedBy: "", hashes: hashes) == nil)
    }

    @Test func queueMembershipIsByTelegramUserOrOfficerID() {
        let config = Fixtures.config()
        #expect(config.isMember(Fixtures.mohammed, of: "relations"))
        #expect(!config.isMember(Fixtures.mohammed, of: "research"))
        #expect(config.isMember(Fixtures.nora, of: "relations"))
        #expect(config.isMember(Fixtures.khalid, of: "research"))
        #expect(!config.isMember(Fixtures.khalid, of: "nowhere"))
    }

    @Test func officersMayNameIdentitiesOnOtherPlatforms() throws {
        let json = """
            {"version": 1, "queues": [{"id": "relations", "title": "علاقات المستفيدين", "officers": ["amal"]},
              {"id": "research", "title": "البحث الاجتماعي", "officers": ["amal"]}],
             "officers": [{"id": "amal", "name": "أمل", "telegramUserID": 444,
               "identities": ["web:amal", "telegram:444"]}]}
            """
        let config = try decode(json).get()
        #expect(config.officer(id: "amal")?.identities == ["telegram:444", "web:amal"])
        #expect(config.officer(identity: "web:amal")?.id == "amal")
        let broken =
            #"{"version": 1, "queues": [], "officers": [{"id": "x", "name": "س", "identities": [5, "nocolon"]}]}"#
        guard case .failure(let errors) = decode(broken) else {
            Issue.record("identities without a channel were accepted")
            return
        }
        #expect(errors.description.contains("officers[0].identities[0]"))
        #expect(errors.description.contains("officers[0].identities[1]"))
    }

    @Test func telegramUsersListedOnlyInAQueueAreStillOfficers() {
        var config = Fixtures.config()
        config.queues[1].members.append(.identity("telegram:999"))
        #expect(config.officer(identity: "telegram:999")?.id == "telegram:999")
        #expect(config.resolveOfficer(id: "tg:999").map { config.isMember($0, of: "research") } == true)
        #expect(config.officer(identity: "telegram:12345") == nil)
    }

    @Test func defaultKeyVariableFollowsTheNamingRule() {
        #expect(Officer.defaultKeyVariable(for: "nora-q") == "SAFA_OFFICER_KEY_NORA_Q")
        #expect(Officer(id: "ali", name: "علي").apiKeyEnv == "SAFA_OFFICER_KEY_ALI")
    }
}
