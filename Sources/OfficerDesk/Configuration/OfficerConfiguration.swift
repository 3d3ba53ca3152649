import Hashing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The officers' side as configured in `config/officers.json` (version 1). Secrets are never in the file:
/// each officer's API key is read from the environment variable the file names.
public struct OfficerConfiguration: Sendable, Equatable {
    /// The officers' Telegram forum supergroup (read by the Telegram workplace adapter); nil when officers
    /// have no shared place and work over the API only.
    public var groupChatID: Int64?
    public var queues: [QueueConfiguration]
    public var officers: [Officer]
    public var workingHours: WorkingHours
    public var texts: OfficerTexts

    /// Queues the shipped dialogs hand off to.
    public static let requiredQueues = ["relations", "research"]

    public init(
        groupChatID: Int64?, queues: [QueueConfiguration], officers: [Officer],
        workingHours: WorkingHours = WorkingHours(), texts: OfficerTexts = OfficerTexts()
    ) {
        self.groupChatID = groupChatID
        self.queues = queues
        self.officers = officers
        self.workingHours = workingHours
        self.texts = texts
    }

    /// The queue with `id`.
    public func queue(_ id: String) -> QueueConfiguration? { queues.first { $0.id == id } }

    /// The configured officer with `id`.
    public func officer(id: String) -> Officer? { officers.first { $0.id == id } }

    /// Whether cases get a place where officers work (a topic in the officers' group); otherwise officers
    /// work over the API only.
    public var hasWorkplace: Bool { groupChatID != nil }

    /// The officer behind a platform identity ("telegram:12345"): the configured one, or, for an identity
    /// listed only in a queue, an officer whose id is the identity, so that audit entries still say who acted.
    public func officer(identity: String) -> Officer? {
        if let officer = officers.first(where: { $0.identities.contains(identity) }) { return officer }
        let listed = queues.contains { $0.members.contains(.identity(identity)) }
        guard listed else { return nil }
        return Officer(id: identity, name: identity, identities: [identity], apiKeyEnv: "")
    }

    /// Resolves an officer id as stored in a case or audit entry: a configured id, an identity, or the
    /// "tg:<user id>" written for queue-listed Telegram users before identities named their channel.
    public func resolveOfficer(id: String) -> Officer? {
        if let officer = officer(id: id) { return officer }
        if id.hasPrefix("tg:") { return officer(identity: "telegram:" + id.dropFirst(3)) }
        return id.contains(":") ? officer(identity: id) : nil
    }

    /// Whether `officer` may work cases of `queue`.
    public func isMember(_ officer: Officer, of queue: String) -> Bool {
        guard let queue = self.queue(queue) else { return false }
        return queue.members.contains { member in
            switch member {
            case .officer(let id): id == officer.id
            case .identity(let identity): officer.identities.contains(identity)
            }
        }
    }

    /// Officer id → SHA-256 of their API key, for officers whose key variable is set and not empty.
    /// Only these hashes are kept; the keys themselves are not.
    public func apiKeyHashes(environment: [String: String]) -> [String: [UInt8]] {
        var hashes: [String: [UInt8]] = [:]
        for officer in officers where !officer.apiKeyEnv.isEmpty {
            guard let key = environment[officer.apiKeyEnv], !key.isEmpty else { continue }
            hashes[officer.id] = Hashing.sha256(Data(key.utf8))
        }
        return hashes
    }

    /// The officer whose key hash matches `key`'s, comparing every stored hash in constant time.
    public func officer(authenticatedBy key: String, hashes: [String: [UInt8]]) -> Officer? {
        guard !key.isEmpty else { return nil }
        let presented = Hashing.sha256(Data(key.utf8))
        var found: String?
        // Compare against every hash (no early exit), so timing does not tell which officer matched.
        for (id, hash) in hashes.sorted(by: { $0.key < $1.key }) where Hashing.constantTimeEquals(presented, hash) {
            found = id
        }
        return found.flatMap { officer(id: $0) }
    }
}
