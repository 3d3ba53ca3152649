/// One step of a dialog flow. `id` is stable across versions: conversations in progress move by it.
public struct Node: Sendable, Equatable {
    public var id: String
    public var body: NodeBody

    public init(id: String, body: NodeBody) {
        self.id = id
        self.body = body
    }
}

/// What a node does. Targets (`next`, `goto`, …) are written as `node` or `flow.node`.
public enum NodeBody: Sendable, Equatable {
    /// Says `text`, then continues at `next` without waiting.
    case message(text: String, next: String)
    /// Says `text` with options as buttons; waits for a press, a number, or text close to a label.
    case menu(text: String, options: [Option])
    /// Asks a free-text question and answers it from the FAQ topics (all topics when `topics` is empty).
    case inquiry(InquiryNode)
    /// Asks `fields` one after another, validating each.
    case form(FormNode)
    /// Shows the collected data of `form`, lets the beneficiary edit any field, then continues.
    case review(ReviewNode)
    /// Asks the beneficiary to confirm `statement` exactly as written.
    case attestation(AttestationNode)
    /// Submits the form as a request; `text` may use `{{reference}}`.
    case submit(SubmitNode)
    /// Shows the beneficiary's submitted requests (or `emptyText`), then continues.
    case status(StatusNode)
    /// Hands the conversation to a human in `queue`.
    case handoff(HandoffNode)
    /// Asks a satisfaction question on a scale and thanks the beneficiary.
    case survey(SurveyNode)
    /// Says `text` (if any) and returns to the main menu.
    case end(text: String?)

    /// Whether the node waits for the beneficiary (a question, a choice, a review, an attestation): the only
    /// places an officer may hand a conversation back to. Automatic nodes (a submission, a message, a status,
    /// another handoff) would act on the beneficiary's behalf without asking them.
    public var asksBeneficiary: Bool {
        switch self {
        case .menu, .inquiry, .form, .review, .attestation, .survey: true
        case .message, .submit, .status, .handoff, .end: false
        }
    }

    /// The type name used in the dialog files.
    public var typeName: String {
        switch self {
        case .message: "message"
        case .menu: "menu"
        case .inquiry: "inquiry"
        case .form: "form"
        case .review: "review"
        case .attestation: "attestation"
        case .submit: "submit"
        case .status: "status"
        case .handoff: "handoff"
        case .survey: "survey"
        case .end: "end"
        }
    }
}

public struct InquiryNode: Sendable, Equatable, Codable {
    /// The question asked, e.g. "تفضل بكتابة سؤالك".
    public var text: String
    /// Topic ids this inquiry answers from; empty means every topic.
    public var topics: [String]
    /// Where to continue after an answer (typically a "anything else?" menu).
    public var next: String
    /// Unmatched questions allowed before an officer is offered; nil uses the bot-wide default.
    public var maxAttempts: Int?
    /// The queue an unmatched question is referred to; nil uses the bot-wide officer node.
    public var onNoMatch: String?

    public init(text: String, topics: [String] = [], next: String, maxAttempts: Int? = nil, onNoMatch: String? = nil) {
        self.text = text
        self.topics = topics
        self.next = next
        self.maxAttempts = maxAttempts
        self.onNoMatch = onNoMatch
    }
}

public struct FormNode: Sendable, Equatable, Codable {
    /// Shown once before the first question.
    public var intro: String?
    public var fields: [FormField]
    public var next: String

    public init(intro: String? = nil, fields: [FormField], next: String) {
        self.intro = intro
        self.fields = fields
        self.next = next
    }
}

public struct ReviewNode: Sendable, Equatable, Codable {
    /// Node id of the form whose data is reviewed (`node` or `flow.node`).
    public var form: String
    /// Heading above the data, e.g. "فضلاً راجع بياناتك".
    public var text: String
    public var confirmLabel: String
    public var editLabel: String
    /// Asked when the beneficiary chooses to edit: which field?
    public var editPrompt: String
    public var next: String
}

public struct AttestationNode: Sendable, Equatable, Codable {
    public var form: String
    /// The exact statement the beneficiary attests to; stored with its hash.
    public var statement: String
    public var acceptLabel: String
    public var declineLabel: String
    public var next: String
    /// Where to go when the beneficiary does not attest.
    public var onDecline: String
}

public struct SubmitNode: Sendable, Equatable, Codable {
    public var form: String
    /// Kind of request recorded, e.g. "help_request".
    public var requestType: String
    /// Confirmation with `{{reference}}` and the committee notice.
    public var text: String
    public var next: String
}

public struct StatusNode: Sendable, Equatable, Codable {
    /// Heading before the list of requests.
    public var text: String
    /// One line per request: may use `{{reference}}`, `{{submitted}}`, `{{status}}`.
    public var itemText: String
    /// Said when the beneficiary has no request yet.
    public var emptyText: String
    public var next: String
    /// Arabic text for each status code shown as `{{status}}` (e.g. "submitted" → "قيد الدراسة لدى لجنة البحث").
    public var statusTexts: [String: String]?
}

public struct HandoffNode: Sendable, Equatable, Codable {
    /// Queue name from configuration, e.g. "relations" or "research".
    public var queue: String
    /// Said when the conversation is handed over.
    public var text: String
    /// Said instead of `text` outside working hours (when the runtime knows them).
    public var textOutsideHours: String?
    /// Why officers are called, shown on the case card.
    public var reason: String
}

public struct SurveyNode: Sendable, Equatable, Codable {
    /// Why we ask (the beneficiary's right, for improvement not blame) and the question.
    public var text: String
    /// Scale options, e.g. ids "5"…"1"; their ids are stored as the rating.
    public var options: [Option]
    public var thanks: String
    public var next: String
}
