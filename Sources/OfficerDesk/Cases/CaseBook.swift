public import BotRuntime
import DialogCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// Every case and the transitions between their states: a value, persisted whole or case by case.
///
/// Pure: time comes in as `now`, configuration as a parameter, and what must happen outside comes back
/// as ``CaseEffect`` values. Finished cases stay until ``removeFinished(before:)`` so a late survey
/// answer still finds its case.
public struct CaseBook: Sendable, Equatable, Codable {
    /// Cases by id.
    public internal(set) var cases: [String: Case]
    /// The number the next case id gets ("C" + number).
    public internal(set) var nextNumber: Int

    /// Beneficiary button payloads sent with the claim-timeout notice.
    public static let keepWaitingPayload = "desk:wait"
    public static let mainMenuPayload = "desk:menu"
    /// Officers' claim button payload prefix: "desk:claim:C1042".
    public static let claimPayloadPrefix = "desk:claim:"
    /// Transcript lines kept per case; older ones are dropped first.
    public static let transcriptLimit = 500

    public init(cases: [Case] = [], nextNumber: Int = 1001) {
        self.cases = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.nextNumber = max(nextNumber, (cases.map(\.number).max() ?? 0) + 1)
    }

    // MARK: - Lookups

    /// The case with `id`.
    public subscript(id: String) -> Case? { cases[id] }

    /// The waiting or claimed case of a conversation.
    public func openCase(for key: ConversationKey) -> Case? {
        cases.values.filter { $0.key == key && $0.isOpen }.max { $0.number < $1.number }
    }

    /// The case whose place is `place`.
    public func caseInPlace(_ place: String) -> Case? {
        cases.values.first { $0.place == place }
    }

    /// Waiting cases, oldest first; only `queue`'s when given.
    public func waiting(queue: String? = nil) -> [Case] {
        cases.values.filter { c in
            guard case .waiting = c.state else { return false }
            return queue == nil || c.queue == queue
        }.sorted(by: Self.queueOrder)
    }

    /// Claimed cases, by id.
    public func active() -> [Case] {
        cases.values.filter { $0.claimant != nil }.sorted { $0.number < $1.number }
    }

    /// 1-based place among the waiting cases of the same queue; nil when not waiting.
    public func position(of id: String) -> Int? {
        guard let c = cases[id], case .waiting = c.state else { return nil }
        return waiting(queue: c.queue).firstIndex { $0.id == id }.map { $0 + 1 }
    }

    /// The earliest stored timer, so the runtime knows when to call ``tick(now:config:)``.
    public var nextTimer: Date? {
        cases.values.flatMap { [$0.claimDeadline, $0.nextReminder].compactMap { $0 } }.min()
    }

    /// The most recent case of a conversation that ended and awaits its survey answer.
    public func caseAwaitingSurvey(for key: ConversationKey) -> Case? {
        cases.values.filter { $0.key == key && !$0.isOpen && $0.survey == nil }.max { $0.number < $1.number }
    }

    /// Drops released or closed cases that ended before `date`, returning them for archiving.
    public mutating func removeFinished(before date: Date) -> [Case] {
        let old = cases.values.filter { $0.endedAt.map { $0 < date } ?? false }.sorted { $0.number < $1.number }
        for c in old { cases[c.id] = nil }
        return old
    }

    static func queueOrder(_ a: Case, _ b: Case) -> Bool {
        guard case .waiting(let x) = a.state, case .waiting(let y) = b.state, x != y else { return a.number < b.number }
        return x < y
    }

    // MARK: - Transitions

    /// Runs one action; on failure nothing changed.
    public mutating func apply(
        _ action: CaseAction, now: Date, config: OfficerConfiguration
    ) -> Result<[CaseEffect], CaseError> {
        var copy = self
        let result: Result<[CaseEffect], CaseError>
        switch action {
        case .open(let key, let request): result = copy.open(key, request, now, config)
        case .beneficiarySent(let key, let content): result = copy.beneficiarySent(key, content, now, config)
        case .beneficiaryLeft(let key): result = copy.beneficiaryLeft(key, now, config, handBack: false)
        case .placeOpened(let id, let place):
            guard copy.cases[id] != nil else { return .failure(.unknownCase) }
            copy.cases[id]?.place = place
            result = .success([])
        case .claim(let id, let officer, let via): result = copy.claim(id, officer, via, now, config)
        case .reply(let id, let officer, let content, let via):
            result = copy.reply(id, officer, content, via, now, config)
        case .release(let id, let officer, let node, let via):
            result = copy.finish(id, officer, release: true, node: node, via, now, config)
        case .close(let id, let officer, let via):
            result = copy.finish(id, officer, release: false, node: nil, via, now, config)
        case .note(let id, let officer, let text, let via): result = copy.note(id, officer, text, via, now, config)
        case .transfer(let id, let officer, let queue, let via):
            result = copy.transfer(id, officer, queue, via, now, config)
        case .view(let id, let officer, let via):
            result = copy.authorize(id, officer, config).map { c, o in
                [.audit(AuditEntry(actor: "officer:\(o.id)", action: "view", caseID: c.id, at: now, via: via.rawValue))]
            }
        case .survey(let key, let answer): result = copy.survey(key, answer, now)
        case .replyWindowClosed(let key): result = copy.replyWindowClosed(key, now, config)
        case .reengage(let id, let officer, let via): result = copy.reengage(id, officer, via, now, config)
        }
        if case .success = result { self = copy }
        return result
    }

    // MARK: - Helpers shared by the transitions

    /// The case and officer, if the officer may act on it.
    func authorize(_ id: String, _ officerID: String, _ config: OfficerConfiguration) -> Result<
        (Case, Officer), CaseError
    > {
        guard let officer = config.resolveOfficer(id: officerID) else { return .failure(.notAnOfficer) }
        guard let c = cases[id] else { return .failure(.unknownCase) }
        guard config.isMember(officer, of: c.queue) else { return .failure(.notInQueue(queue: c.queue)) }
        return .success((c, officer))
    }

    mutating func append(_ entry: TranscriptEntry, to id: String) {
        cases[id]?.transcript.append(entry)
        if let count = cases[id]?.transcript.count, count > Self.transcriptLimit {
            cases[id]?.transcript.removeFirst(count - Self.transcriptLimit)
        }
    }

    /// The moment claim time starts counting: now in working hours, else the next opening.
    static func claimDeadline(from now: Date, queue: QueueConfiguration?, hours: WorkingHours) -> Date? {
        let minutes = Double(queue?.claimTimeoutMinutes ?? 10) * 60
        if hours.isOpen(at: now) { return now.addingTimeInterval(minutes) }
        return hours.nextOpening(after: now)?.addingTimeInterval(minutes)
    }

    func displayName(_ officerID: String?, _ config: OfficerConfiguration) -> String {
        guard let officerID else { return "—" }
        return config.resolveOfficer(id: officerID)?.name ?? officerID
    }
}
