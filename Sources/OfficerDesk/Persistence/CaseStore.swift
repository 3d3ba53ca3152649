public import Foundation

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
public final class MemoryCaseStore: CaseStore, @unchecked Sendable {
    // @unchecked Sendable invariant: every stored property is read and written only while `lock` is held.
    private let lock = NSLock()
    private var book: CaseBook?
    private var audit: [AuditEntry] = []
    public private(set) var processedDeskEvents: [Int64] = []

    public init() {}

    public func loadCaseBook() throws -> CaseBook? {
        lock.lock()
        defer { lock.unlock() }
        return book
    }

    public func saveCaseBook(
        _ book: CaseBook, archived: [String], audit: [AuditEntry], processedDeskEvents: [Int64], at: Date
    ) throws {
        lock.lock()
        defer { lock.unlock() }
        self.book = book
        self.audit += audit
        self.processedDeskEvents += processedDeskEvents
    }

    public func auditEntries(caseID: String?, limit: Int) throws -> [AuditEntry] {
        lock.lock()
        defer { lock.unlock() }
        return Array(audit.filter { caseID == nil || $0.caseID == caseID }.prefix(limit))
    }
}
