#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// An applicant's request that the committee has not finished with, found from any chat or channel.
public struct OpenRequest: Sendable, Equatable {
    public var reference: String
    public var status: String
    public var submittedAt: Date
    /// The applicant's national ID or iqama number; only the runtime's lookup by reference fills it in (to
    /// check the last four digits a beneficiary types on another phone), and it is never shown.
    public var applicantID: String?

    public init(reference: String, status: String, submittedAt: Date, applicantID: String? = nil) {
        self.applicantID = applicantID
        self.reference = reference
        self.status = status
        self.submittedAt = submittedAt
    }
}

/// Finds the open request of an applicant (national ID or iqama, normalised) of one request type; the
/// runtime answers it from the store. Injected into the engine like the clock: the engine does no I/O itself.
public typealias OpenRequestLookup = @Sendable (_ applicantID: String, _ requestType: String) -> OpenRequest?

/// Finds a request by its reference number (any chat or channel), with its applicant's ID for checking.
public typealias RequestByReference = @Sendable (_ reference: String) -> OpenRequest?
