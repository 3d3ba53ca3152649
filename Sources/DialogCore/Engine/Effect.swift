#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A button under a message: `payload` comes back in `EventContent.button`.
public struct Button: Sendable, Equatable, Codable {
    /// Short ASCII, at most 64 bytes (Telegram callback_data).
    public var payload: String
    public var label: String

    public init(payload: String, label: String) {
        self.payload = payload
        self.label = label
    }
}

/// A message for the beneficiary, channel-neutral; renderers fit it to each platform's limits.
public struct OutgoingMessage: Sendable, Equatable, Codable {
    public var text: String
    public var buttons: [Button]

    public init(text: String, buttons: [Button] = []) {
        self.text = text
        self.buttons = buttons
    }
}

/// A submitted request, recorded in the same transaction as the state that submitted it.
public struct SubmittedRequest: Sendable, Equatable, Codable {
    public var reference: String
    public var requestType: String
    public var form: NodeRef
    /// Field id → value, in form order.
    public var fields: [FieldEntry]
    public var submittedAt: Date
    public var attestation: Attestation?

    /// The applicant's national ID or iqama number (the first such field), for finding their open requests
    /// from any chat or channel.
    public var applicantID: String? {
        for entry in fields where entry.id == "national_id" || entry.id == "nid" {
            if case .text(let value) = entry.value { return ArabicText.normalizeInput(value) }
        }
        return nil
    }

    public init(
        reference: String, requestType: String, form: NodeRef, fields: [FieldEntry], submittedAt: Date,
        attestation: Attestation?
    ) {
        self.reference = reference
        self.requestType = requestType
        self.form = form
        self.fields = fields
        self.submittedAt = submittedAt
        self.attestation = attestation
    }
}

/// One field of a submitted form with the label it was asked under.
public struct FieldEntry: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var value: FieldValue
    public var sensitive: Bool

    public init(id: String, label: String, value: FieldValue, sensitive: Bool = false) {
        self.id = id
        self.label = label
        self.value = value
        self.sensitive = sensitive
    }
}

/// The beneficiary's confirmation that the data is true, recorded so that it can be verified later.
///
/// Version 2 records (every attestation since issue 13) keep the statement exactly as it was shown, the
/// answer, the platform's id of the accepting message and the attested data in canonical form
/// (`AttestedData`); the runtime adds the channel and the SHA-256 of the statement and of the data when it
/// records the request. Version 1 records (older) have only `node`, `statement` and `acceptedAt`.
public struct Attestation: Sendable, Equatable, Codable {
    /// The record format this attestation follows.
    public static let currentVersion = 2

    public var node: NodeRef
    /// The statement as the beneficiary saw it (templates filled in), not the dialog file's current wording.
    public var statement: String
    /// Server time of the acceptance.
    public var acceptedAt: Date
    public var version: Int?
    /// What the beneficiary sent to accept: the button's label or the words typed.
    public var answer: String?
    /// The platform's id of the accepting message or button press (`telegram:update:…`, a wamid…).
    public var platformMessageID: String?
    /// `AttestedData.canonicalText` of the form's data at the moment of acceptance.
    public var data: String?
    /// The channel the acceptance came from; set by the runtime.
    public var channel: String?
    /// Lowercase hex SHA-256 of `statement` as UTF-8; set by the runtime.
    public var statementSHA256: String?
    /// Lowercase hex SHA-256 of `data` as UTF-8; set by the runtime.
    public var dataSHA256: String?

    public init(
        node: NodeRef, statement: String, acceptedAt: Date, version: Int? = nil, answer: String? = nil,
        platformMessageID: String? = nil, data: String? = nil, channel: String? = nil,
        statementSHA256: String? = nil, dataSHA256: String? = nil
    ) {
        self.node = node
        self.statement = statement
        self.acceptedAt = acceptedAt
        self.version = version
        self.answer = answer
        self.platformMessageID = platformMessageID
        self.data = data
        self.channel = channel
        self.statementSHA256 = statementSHA256
        self.dataSHA256 = dataSHA256
    }
}

/// A request for a human, with what officers need to see at a glance.
public struct HandoffRequest: Sendable, Equatable, Codable {
    public var queue: String
    public var reason: String
    /// The node the conversation was at, so an officer can hand it back there.
    public var from: NodeRef?
    /// Form data collected so far.
    public var fields: [FieldEntry]

    public init(queue: String, reason: String, from: NodeRef?, fields: [FieldEntry]) {
        self.queue = queue
        self.reason = reason
        self.from = from
        self.fields = fields
    }
}

/// A satisfaction rating.
public struct SurveyAnswer: Sendable, Equatable, Codable {
    public var node: NodeRef
    public var rating: String
    public var answeredAt: Date

    public init(node: NodeRef, rating: String, answeredAt: Date) {
        self.node = node
        self.rating = rating
        self.answeredAt = answeredAt
    }
}

/// What the engine asks the outside world to do; written in the same transaction as the new state.
public enum Effect: Sendable, Equatable, Codable {
    case send(OutgoingMessage)
    case submitRequest(SubmittedRequest)
    case handoff(HandoffRequest)
    /// What the beneficiary sent while a human has the conversation: passed to the officer, not answered by the bot.
    case relayToOfficer(EventContent)
    /// The beneficiary left the officers' queue (e.g. chose the main menu while waiting).
    case leaveQueue(queue: String)
    case recordSurvey(SurveyAnswer)
    /// Something the beneficiary sent for request `reference` after an officer asked for more information.
    case addInformation(reference: String, content: EventContent)
}
