/// What the bot tells a beneficiary about their requests after submission (`requests` in `dialogs/bot.json`).
///
/// Templates: `{{reference}}`, `{{status}}`, `{{reason}}`, `{{decision_gregorian}}`, `{{decision_hijri}}`.
public struct RequestTexts: Sendable, Equatable, Codable {
    /// Said on every status change an officer makes: `{{reference}}` and `{{status}}` (from `statuses`).
    public var statusNotice: String
    /// Status id (`RequestStatus` raw value) → how it reads for the beneficiary.
    public var statuses: [String: String]
    /// Added under the notice when the officer gave a reason: `{{reason}}`.
    public var reasonLine: String
    /// "Needs information": how to send it (texts and files), with a button `needsInfoDone` to finish.
    public var needsInfoPrompt: String
    public var needsInfoDone: String
    /// After each text or file received while adding information.
    public var needsInfoReceived: String
    /// After the beneficiary finished adding information.
    public var needsInfoThanks: String
    /// Days after submission before which no decision is given (the policy: no less than two weeks).
    public var decisionDays: Int
    /// Said when the national ID typed in a form already has an open request of that type (from any chat or
    /// channel): `{{reference}}`, `{{submitted}}`, `{{status}}`. The beneficiary may then add information to
    /// that request. Nil: no check.
    public var duplicate: String?
    /// Said instead of `duplicate` when the open request was made from another conversation: this one has
    /// not shown it is the applicant's (anyone can type a national ID), so nothing of that request is shown
    /// and nothing is added to it; the beneficiary is pointed to follow-up by reference number and the last
    /// four digits of the ID, or to an officer. Nil: a built-in text.
    public var duplicateElsewhere: String?
    /// Follow-up by reference number from another phone or channel: asks for the last four digits of the
    /// applicant's national ID; `lookupFound` (`{{reference}}`, `{{submitted}}`, `{{status}}`), `lookupWrong`
    /// (reference unknown or digits wrong, never saying which), `lookupLimit` (too many wrong tries this hour).
    /// Nil `lookupPrompt`: references typed are not looked up.
    public var lookupPrompt: String?
    public var lookupFound: String?
    public var lookupWrong: String?
    public var lookupLimit: String?
    /// Wrong tries allowed per conversation per hour.
    public var lookupAttemptsPerHour: Int?

    public init(
        statusNotice: String, statuses: [String: String], reasonLine: String, needsInfoPrompt: String,
        needsInfoDone: String, needsInfoReceived: String, needsInfoThanks: String, decisionDays: Int = 14,
        duplicate: String? = nil
    ) {
        self.duplicate = duplicate
        self.statusNotice = statusNotice
        self.statuses = statuses
        self.reasonLine = reasonLine
        self.needsInfoPrompt = needsInfoPrompt
        self.needsInfoDone = needsInfoDone
        self.needsInfoReceived = needsInfoReceived
        self.needsInfoThanks = needsInfoThanks
        self.decisionDays = decisionDays
    }
}
