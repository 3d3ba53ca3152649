/// A configured officer: who they are where officers work and over the API.
public struct Officer: Sendable, Equatable, Hashable, Codable {
    /// Stable id used in audit entries and case records, e.g. "mohammed".
    public var id: String
    /// Display name shown to colleagues (and, as the officer's name, to the beneficiary).
    public var name: String
    /// Who they are on the platforms where officers work, as "<channel>:<user id>" (e.g. "telegram:12345").
    public var identities: [String]
    /// The environment variable holding this officer's API key, e.g. `SAFA_OFFICER_KEY_MOHAMMED`.
    public var apiKeyEnv: String

    public init(id: String, name: String, identities: [String] = [], apiKeyEnv: String? = nil) {
        self.id = id
        self.name = name
        self.identities = identities
        self.apiKeyEnv = apiKeyEnv ?? Officer.defaultKeyVariable(for: id)
    }

    /// `SAFA_OFFICER_KEY_<ID>` with the id upper-cased and anything but letters and digits as "_".
    public static func defaultKeyVariable(for id: String) -> String {
        let body = id.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "_" }.joined()
        return "SAFA_OFFICER_KEY_" + body
    }
}

/// Who may work a queue: a platform identity ("telegram:12345"), or a configured officer's id.
public enum QueueMember: Sendable, Equatable, Hashable {
    case identity(String)
    case officer(String)
}

/// One officers' queue, e.g. "relations" (beneficiary relations) or "research" (social research).
public struct QueueConfiguration: Sendable, Equatable {
    public var id: String
    /// Arabic title shown on case cards and to beneficiaries.
    public var title: String
    public var members: [QueueMember]
    /// Minutes a waiting case may go unclaimed (counted in working hours) before the beneficiary is told.
    public var claimTimeoutMinutes: Int
    /// Minutes between reminders to officers once a case's claim time has passed.
    public var reminderEveryMinutes: Int

    public init(
        id: String, title: String, members: [QueueMember], claimTimeoutMinutes: Int = 10,
        reminderEveryMinutes: Int = 10
    ) {
        self.id = id
        self.title = title
        self.members = members
        self.claimTimeoutMinutes = claimTimeoutMinutes
        self.reminderEveryMinutes = reminderEveryMinutes
    }
}
