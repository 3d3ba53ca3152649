public import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Status changes of submitted requests and their audit trail (the `request_events` table).
///
/// Calls block on disk: run them on the store's executor, never on the cooperative pool.
public protocol RequestLedger: Sendable {
    /// In one transaction: checks that the change is allowed from the request's current status, sets it,
    /// records who, when, from, to and why, and queues the beneficiary's notice in the inbox of their
    /// conversation (so the dialog engine tells them, once, on their own channel).
    func changeStatus(_ change: StatusChange) throws(StatusChangeError) -> RequestEvent

    /// The recorded events of one request, oldest first.
    func requestEvents(reference: String) throws -> [RequestEvent]
}

/// An officer's decision to move a request to another status.
public struct StatusChange: Sendable, Equatable {
    public var reference: String
    public var to: RequestStatus
    /// Who decides: an officer id ("mohammed") or identity ("telegram:123").
    public var actor: String
    /// Shown to the beneficiary with the notice (e.g. which document is missing, why it was refused).
    public var reason: String?
    /// Internal, for officers and the committee only.
    public var note: String?
    /// Where it was decided: "telegram" (the officers' group), "api", "cli"…
    public var via: String
    public var at: Date

    public init(
        reference: String, to: RequestStatus, actor: String, reason: String? = nil, note: String? = nil, via: String,
        at: Date
    ) {
        self.reference = reference
        self.to = to
        self.actor = actor
        self.reason = reason
        self.note = note
        self.via = via
        self.at = at
    }
}

/// One entry of a request's history: a status change, or information the beneficiary added.
public struct RequestEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var reference: String
    public var at: Date
    public var actor: String
    /// The kind of entry: "status" or "information".
    public var kind: String
    public var from: String?
    public var to: String?
    public var reason: String?
    public var note: String?
    public var via: String

    public init(
        id: Int64, reference: String, at: Date, actor: String, kind: String, from: String?, to: String?,
        reason: String?, note: String?, via: String
    ) {
        self.id = id
        self.reference = reference
        self.at = at
        self.actor = actor
        self.kind = kind
        self.from = from
        self.to = to
        self.reason = reason
        self.note = note
        self.via = via
    }
}

/// Why a status change was refused; `message` is a clear English answer for the officer.
public enum StatusChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRequest(String)
    case illegalTransition(reference: String, from: RequestStatus, to: RequestStatus)
    /// The stored status is not one this version knows (a newer or damaged database).
    case unknownStoredStatus(reference: String, status: String)
    /// The store failed (disk, SQL); the change was not made.
    case storeFailed(String)

    public var message: String {
        switch self {
        case .unknownRequest(let reference): "There is no request \(reference)."
        case .illegalTransition(let reference, let from, let to):
            "Request \(reference) is \(from.rawValue); it cannot become \(to.rawValue). "
                + (from.allowedNext.isEmpty
                    ? "A \(from.rawValue) request cannot change any more."
                    : "Allowed next: \(from.allowedNext.map(\.rawValue).joined(separator: ", ")).")
        case .unknownStoredStatus(let reference, let status):
            "Request \(reference) has the status \"\(status)\", which this version does not know."
        case .storeFailed(let why): "The change was not saved: \(why)"
        }
    }

    public var description: String { message }
}
