/// Why a case action was refused. ``officerMessage`` is English for officers; no personal data.
public enum CaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The person acting is not a configured officer.
    case notAnOfficer
    /// The officer does not work this case's queue.
    case notInQueue(queue: String)
    /// Someone else holds the case (their display name).
    case alreadyClaimed(by: String)
    /// The action needs the case claimed by the acting officer first.
    case notClaimed
    case unknownCase
    /// The case was already released or closed.
    case caseClosed
    case unknownQueue(String)
    /// The node to hand back to does not exist (checked by the caller against the loaded dialogs).
    case unknownNode(String)
    /// A transfer to the queue the case is already in.
    case sameQueue

    public var officerMessage: String {
        switch self {
        case .notAnOfficer: "You are not configured as an officer."
        case .notInQueue(let queue): "You are not an officer of the \"\(queue)\" queue."
        case .alreadyClaimed(let name): "This case is already claimed by \(name)."
        case .notClaimed: "Claim this case first (/claim)."
        case .unknownCase: "There is no such case here."
        case .caseClosed: "This case is already released or closed."
        case .unknownQueue(let queue): "There is no queue \"\(queue)\"."
        case .unknownNode(let node):
            "There is no dialog step \"\(node)\" that asks the beneficiary something (a menu, form, question, "
                + "review, attestation or survey); a case cannot be released to a submission or a message. "
                + "Use flow.node, e.g. help_request.review."
        case .sameQueue: "The case is already in that queue."
        }
    }

    /// A stable machine code for the API.
    public var code: String {
        switch self {
        case .notAnOfficer: "not_an_officer"
        case .notInQueue: "not_in_queue"
        case .alreadyClaimed: "already_claimed"
        case .notClaimed: "not_claimed"
        case .unknownCase: "unknown_case"
        case .caseClosed: "case_closed"
        case .unknownQueue: "unknown_queue"
        case .unknownNode: "unknown_node"
        case .sameQueue: "same_queue"
        }
    }

    /// The HTTP status the officer API answers with.
    public var httpStatus: Int {
        switch self {
        case .notAnOfficer: 401
        case .notInQueue: 403
        case .unknownCase: 404
        case .alreadyClaimed, .notClaimed, .caseClosed, .sameQueue: 409
        case .unknownQueue, .unknownNode: 400
        }
    }

    public var description: String { "case action refused: \(code)" }
}
