import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Where the officers' desk keeps its cases and audit trail.
///
/// Calls block on disk: call them off the cooperative pool (the runtime's `BlockingExecutor`).
public protocol CaseStore: Sendable {
    /// The open and recently finished cases, with the next case number; nil before the first case.
    func loadCaseBook() throws -> CaseBook?

    /// In one transaction: saves every case of `book`, marks `archived` cases as out of the book, appends
    /// `audit`, and marks the desk events `processed` — so a crash redoes all of it or none.
    func saveCaseBook(
        _ book: CaseBook, archived: [String], audit: [AuditEntry], processedDeskEvents: [Int64], at: Date) throws

    /// Audit entries, oldest first; for one case when `caseID` is given.
    func auditEntries(caseID: String?, limit: Int) throws -> [AuditEntry]
}

/// A `CaseStore` in memory, for tests.
public final class MemoryCaseStore: CaseStore, Sendable {
    private struct Contents {
        var book: CaseBook?
        var audit: [AuditEntry] = []
        var processedDeskEvents: [Int64] = []
    }

    private let contents = Mutex(Contents())

    public var processedDeskEvents: [Int64] { contents.withLock { $0.processedDeskEvents } }

    public init() {}

    public func loadCaseBook() throws -> CaseBook? {
        contents.withLock { $0.book }
    }

    public func saveCaseBook(
        _ book: CaseBook, archived: [String], audit: [AuditEntry], processedDeskEvents: [Int64], at: Date
    ) throws {
        contents.withLock {
            $0.book = book
            $0.audit += audit
            $0.processedDeskEvents += processedDeskEvents
        }
    }

    public func auditEntries(caseID: String?, limit: Int) throws -> [AuditEntry] {
        contents.withLock { Array($0.audit.filter { caseID == nil || $0.caseID == caseID }.prefix(limit)) }
    }
}
