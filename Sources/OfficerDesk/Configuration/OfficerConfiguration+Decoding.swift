import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

extension OfficerConfiguration {
    /// Reads `config/officers.json` (version 1), reporting every problem at once.
    ///
    /// Shape: `{"version": 1, "groupChatID": -100…?, "queues": [{"id", "title", "officers": [user id | officer id],
    /// "claimTimeoutMinutes"?, "reminderEveryMinutes"?}], "officers": [{"id", "name", "telegramUserID"?, "identities"?: ["<channel>:<user id>"], "apiKeyEnv"?}],
    /// "workingHours"?: {"timeZone"?, "days"?, "open"?, "close"?, "holidays"?: ["2026-09-23" | "hijri:1447-10-01" |
    /// {"from", "to", "name"?}]}, "texts"?: {key: Arabic text}}`.
    public static func decode(_ data: Data) throws(OfficerConfigurationErrors) -> OfficerConfiguration {
        guard let root = JSONValue.untyped(parsing: data) as? [String: Any] else {
            throw OfficerConfigurationErrors([.notJSON])
        }
        let version = root["version"].flatMap(ConfigReader.exactInteger)
        guard version == 1 else {
            throw OfficerConfigurationErrors([.unsupportedVersion(found: version.map { Int($0) })])
        }
        var reader = ConfigReader()
        let groupChatID = reader.integer(root["groupChatID"], at: "groupChatID", required: false)
        let officers = decodeOfficers(root["officers"], &reader)
        let queues = decodeQueues(root["queues"], officers: officers, &reader)
        let hours = decodeHours(root["workingHours"], &reader)
        let texts = decodeTexts(root["texts"], &reader)
        guard reader.errors.isEmpty else { throw OfficerConfigurationErrors(reader.errors) }
        return OfficerConfiguration(
            groupChatID: groupChatID, queues: queues, officers: officers, workingHours: hours, texts: texts)
    }

    static func decodeOfficers(_ value: Any?, _ reader: inout ConfigReader) -> [Officer] {
        guard let list = reader.array(value ?? [Any](), at: "officers") else { return [] }
        var officers: [Officer] = []
        var seenUsers: Set<Int64> = []
        for (index, item) in list.enumerated() {
            let path = "officers[\(index)]"
            guard let object = reader.object(item, at: path) else { continue }
            let id = reader.string(object["id"], at: path + ".id")
            let name = reader.string(object["name"], at: path + ".name")
            let user = reader.integer(object["telegramUserID"], at: path + ".telegramUserID", required: false)
            let keyEnv = reader.string(object["apiKeyEnv"], at: path + ".apiKeyEnv", required: false)
            var identities = user.map { ["telegram:\($0)"] } ?? []
            for (i, item) in (reader.array(object["identities"], at: path + ".identities", required: false) ?? [])
                .enumerated()
            {
                guard let identity = item as? String, identity.split(separator: ":").count == 2 else {
                    reader.errors.append(
                        .invalidValue(key: "\(path).identities[\(i)]", reason: "use \"<channel>:<user id>\""))
                    continue
                }
                if !identities.contains(identity) { identities.append(identity) }
            }
            if let keyEnv, !isEnvironmentName(keyEnv) {
                reader.errors.append(
                    .invalidValue(key: path + ".apiKeyEnv", reason: "not an environment variable name"))
            }
            if let id,
                id.hasPrefix("tg:")
                    || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            {
                reader.errors.append(.invalidValue(key: path + ".id", reason: "use ASCII letters, digits, '_' or '-'"))
            }
            if let id, officers.contains(where: { $0.id == id }) {
                reader.errors.append(.duplicateID(key: path + ".id", id: id))
            }
            if let user, !seenUsers.insert(user).inserted {
                reader.errors.append(.duplicateID(key: path + ".telegramUserID", id: String(user)))
            }
            if let id, let name {
                officers.append(Officer(id: id, name: name, identities: identities, apiKeyEnv: keyEnv))
            }
        }
        return officers
    }

    static func decodeQueues(_ value: Any?, officers: [Officer], _ reader: inout ConfigReader) -> [QueueConfiguration] {
        guard let list = reader.array(value, at: "queues") else { return [] }
        var queues: [QueueConfiguration] = []
        for (index, item) in list.enumerated() {
            let path = "queues[\(index)]"
            guard let object = reader.object(item, at: path) else { continue }
            let id = reader.string(object["id"], at: path + ".id")
            let title = reader.string(object["title"], at: path + ".title")
            var members: [QueueMember] = []
            for (m, member) in (reader.array(object["officers"], at: path + ".officers") ?? []).enumerated() {
                let memberPath = "\(path).officers[\(m)]"
                if let user = ConfigReader.exactInteger(member) {
                    members.append(.identity("telegram:\(user)"))
                } else if let officerID = member as? String {
                    if officers.contains(where: { $0.id == officerID }) {
                        members.append(.officer(officerID))
                    } else {
                        reader.errors.append(
                            .invalidValue(key: memberPath, reason: "no officer with id \"\(officerID)\""))
                    }
                } else {
                    reader.errors.append(.wrongType(key: memberPath, expected: "a Telegram user id or an officer id"))
                }
            }
            let timeout = minutes(object["claimTimeoutMinutes"], at: path + ".claimTimeoutMinutes", &reader)
            let reminder = minutes(object["reminderEveryMinutes"], at: path + ".reminderEveryMinutes", &reader)
            if let id, queues.contains(where: { $0.id == id }) {
                reader.errors.append(.duplicateID(key: path + ".id", id: id))
            }
            if let id, let title {
                queues.append(
                    QueueConfiguration(
                        id: id, title: title, members: members, claimTimeoutMinutes: timeout ?? 10,
                        reminderEveryMinutes: reminder ?? 10))
            }
        }
        if reader.errors.isEmpty {
            for required in requiredQueues where !queues.contains(where: { $0.id == required }) {
                reader.errors.append(.missingQueue(required))
            }
        }
        return queues
    }

    static func minutes(_ value: Any?, at path: String, _ reader: inout ConfigReader) -> Int? {
        guard let minutes = reader.integer(value, at: path, required: false) else { return nil }
        guard (1...10_080).contains(minutes) else {
            reader.errors.append(.invalidValue(key: path, reason: "must be between 1 and 10080 minutes"))
            return nil
        }
        return Int(minutes)
    }

    static func isEnvironmentName(_ s: String) -> Bool {
        guard let first = s.first, !first.isNumber else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
