#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Everything the engine remembers about one conversation; stored as JSON between events.
public struct ConversationState: Sendable, Equatable, Codable {
    /// What the conversation is waiting for at `node`.
    public enum Phase: Sendable, Equatable, Codable {
        /// Nothing asked yet (a new conversation).
        case fresh
        /// A menu or survey is shown; waiting for one of its options.
        case choosing
        /// A form field is asked; `editing` returns to the review after it.
        case field(index: Int, editing: Bool)
        /// The review is shown: confirm or edit.
        case reviewing
        /// The beneficiary chose to edit: which field?
        case pickingFieldToEdit
        case attesting
        case inquiring
        /// After too many failures: "talk to an officer?" — on "yes" go to `target`, on "no" back to `suspended`.
        case offeringOfficer(target: NodeRef)
        /// After a long pause with an unfinished form: continue it or start over?
        case offeringResume
        /// Handed to a human; the bot stays quiet until handed back.
        case withOfficer(queue: String)
        /// An officer asked for more information on request `reference`: texts and files sent now are
        /// attached to it until the beneficiary presses "done".
        case addingInformation(reference: String)
        /// A reference number was typed (another phone or channel): waiting for the last four digits of the
        /// applicant's national ID before its status is shown.
        case confirmingApplicant(reference: String)
    }

    public var node: NodeRef?
    public var phase: Phase
    /// Failed answers at the current question.
    public var attempts: Int
    /// Increases with every question asked; buttons carry it so presses on old messages are recognised.
    public var promptSequence: Int
    /// Collected answers: form node (`flow.node`) → field id → value.
    public var forms: [String: [String: FieldValue]]
    /// Questions visited, most recent last, for "back".
    public var trail: [NodeRef]
    public var lastActivity: Date?
    /// Requests this beneficiary submitted, for "follow up on my request".
    public var requests: [RequestSummary]
    /// The dialog version this conversation runs on.
    public var dialogVersion: String?
    /// The question put aside while the bot offers an officer or a resumption; asked again afterwards.
    public var suspended: SuspendedQuestion?
    /// Attestations accepted for forms not yet submitted: form (`flow.node`) → attestation.
    public var attestations: [String: Attestation]
    /// Where to continue once the satisfaction survey asked after an officer's hand-back is answered.
    public var afterSurvey: NodeRef?
    /// FAQ topics (ids) just offered with «هل تقصد:»; a press on one, or its title typed, answers it.
    public var clarifying: [String]?
    /// When wrong last-four-digits were typed for a reference lately (the attempt limit against guessing).
    public var lookupFailures: [Date]?

    public init() {
        node = nil
        phase = .fresh
        attempts = 0
        promptSequence = 0
        forms = [:]
        trail = []
        lastActivity = nil
        requests = []
        dialogVersion = nil
        suspended = nil
        attestations = [:]
        afterSurvey = nil
        clarifying = nil
    }

    /// Whether the conversation is in the middle of filling in a form (worth offering to resume).
    public var isInForm: Bool {
        switch phase {
        case .field, .reviewing, .pickingFieldToEdit, .attesting: true
        case .offeringResume, .offeringOfficer: suspended.map { Self.isFormPhase($0.phase) } ?? false
        default: false
        }
    }

    static func isFormPhase(_ phase: Phase) -> Bool {
        switch phase {
        case .field, .reviewing, .pickingFieldToEdit, .attesting: true
        default: false
        }
    }
}

/// A question put aside, to be asked again.
public struct SuspendedQuestion: Sendable, Equatable, Codable {
    public var node: NodeRef
    public var phase: ConversationState.Phase

    public init(node: NodeRef, phase: ConversationState.Phase) {
        self.node = node
        self.phase = phase
    }
}

/// A submitted request as the beneficiary can look it up.
public struct RequestSummary: Sendable, Equatable, Codable {
    public var reference: String
    public var requestType: String
    public var submittedAt: Date
    /// Status code ("submitted" until an officer changes it); status nodes turn it into Arabic text.
    public var status: String

    public init(reference: String, requestType: String, submittedAt: Date, status: String) {
        self.reference = reference
        self.requestType = requestType
        self.submittedAt = submittedAt
        self.status = status
    }
}

/// The result of one engine step.
public struct StepResult: Sendable, Equatable {
    public var state: ConversationState
    public var effects: [Effect]

    public init(state: ConversationState, effects: [Effect]) {
        self.state = state
        self.effects = effects
    }
}
