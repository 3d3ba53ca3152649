public import BotRuntime
public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// One beneficiary's request for a human, from the handoff until it is released or closed.
public struct Case: Sendable, Equatable, Codable, Identifiable {
    /// Short and readable, e.g. "C1042".
    public var id: String
    public var key: ConversationKey
    /// The queue id ("relations", "research").
    public var queue: String
    public var reason: String
    /// The node the beneficiary was at when they asked for a human.
    public var from: NodeRef?
    /// Form data collected so far, as the engine handed it over.
    public var fields: [FieldEntry]
    public var state: CaseState
    public var openedAt: Date
    public var transcript: [TranscriptEntry]
    /// Where officers work this case (the workplace's id for it, e.g. a forum topic), once opened.
    public var place: String?
    /// When the beneficiary is told nobody has claimed yet; nil once passed or claimed.
    public var claimDeadline: Date?
    /// When officers are next reminded of this waiting case.
    public var nextReminder: Date?
    /// The officer who last held the case (kept after release for the survey record).
    public var officerID: String?
    /// The beneficiary's satisfaction answer after the case ended.
    public var survey: SurveyAnswer?

    public init(
        id: String, key: ConversationKey, queue: String, reason: String, from: NodeRef?,
        fields: [FieldEntry], state: CaseState, openedAt: Date
    ) {
        self.id = id
        self.key = key
        self.queue = queue
        self.reason = reason
        self.from = from
        self.fields = fields
        self.state = state
        self.openedAt = openedAt
        self.transcript = []
    }

    /// Waiting or claimed: the beneficiary is with the officers' side.
    public var isOpen: Bool {
        switch state {
        case .waiting, .claimed: true
        case .released, .closed: false
        }
    }

    /// The officer holding the case now, if claimed.
    public var claimant: String? {
        if case .claimed(let officer, _) = state { return officer }
        return nil
    }

    /// When the case was released or closed.
    public var endedAt: Date? {
        switch state {
        case .released(let at, _), .closed(let at): at
        case .waiting, .claimed: nil
        }
    }

    /// Case ids are "C" and a number; the number orders cases.
    var number: Int { Int(id.dropFirst()) ?? 0 }
}

/// Where a case stands. Associated values hold only what is valid in that state.
public enum CaseState: Sendable, Equatable, Codable {
    case waiting(since: Date)
    case claimed(officer: String, at: Date)
    /// Handed back to the bot, optionally at a named node.
    case released(at: Date, toNode: String?)
    case closed(at: Date)

    /// "waiting", "claimed", "released" or "closed" (stable: used in the API and storage).
    public var name: String {
        switch self {
        case .waiting: "waiting"
        case .claimed: "claimed"
        case .released: "released"
        case .closed: "closed"
        }
    }
}

/// Who wrote a transcript line.
public enum Speaker: Sendable, Equatable, Codable {
    case beneficiary
    case officer(id: String)
    case bot
    /// An internal note by an officer: never shown to the beneficiary.
    case note(officer: String)
}

/// One line of a case's transcript.
public struct TranscriptEntry: Sendable, Equatable, Codable {
    public var who: Speaker
    /// The text, or a description of an attachment ("[صورة]", "[ملف: name.pdf]").
    public var text: String
    public var at: Date

    public init(who: Speaker, text: String, at: Date) {
        self.who = who
        self.text = text
        self.at = at
    }
}
