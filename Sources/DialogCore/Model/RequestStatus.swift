#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where a submitted request stands with the committee, and which changes an officer may make.
///
/// submitted → in_review → needs_info → accepted / rejected → closed. A request needing information goes
/// back to review once it has it; any open request may be closed (withdrawn, duplicate…) with a reason.
public enum RequestStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case submitted
    case inReview = "in_review"
    case needsInfo = "needs_info"
    case accepted
    case rejected
    case closed

    /// The statuses an officer may move a request to from this one.
    public var allowedNext: [RequestStatus] {
        switch self {
        case .submitted: [.inReview, .needsInfo, .rejected, .closed]
        case .inReview: [.needsInfo, .accepted, .rejected, .closed]
        case .needsInfo: [.inReview, .accepted, .rejected, .closed]
        case .accepted, .rejected: [.closed]
        case .closed: []
        }
    }

    /// Whether the committee has not finished with it (a new request by the same applicant is a duplicate).
    public var isOpen: Bool {
        switch self {
        case .submitted, .inReview, .needsInfo: true
        case .accepted, .rejected, .closed: false
        }
    }

    /// Reads an officer's word for a status: the stored id, or a short English or Arabic alias.
    public init?(officerWord: String) {
        let word = String(ArabicText.normalizeInput(officerWord).lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        if let status = RequestStatus(rawValue: word) {
            self = status
            return
        }
        switch word {
        case "review", "reviewing", "under_review", "قيد_الدراسة", "دراسة": self = .inReview
        case "info", "needs_information", "more_info", "نواقص", "استكمال": self = .needsInfo
        case "accept", "approve", "approved", "قبول", "مقبول": self = .accepted
        case "reject", "refuse", "refused", "رفض", "مرفوض": self = .rejected
        case "close", "done", "إغلاق", "اغلاق", "مغلق": self = .closed
        default: return nil
        }
    }
}
