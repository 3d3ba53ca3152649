public import DialogCore
import Synchronization

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// The dialogs in force, swapped atomically on reload.
///
/// A conversation in progress is never silently reset by a reload: if the node it waits at still
/// exists (node ids are stable), it moves to the new version; otherwise it finishes on the version it
/// started on, which is kept for as long as such conversations may come back.
public final class DialogHolder: Sendable {
    private struct Versions {
        var current: DialogEngine
        /// Earlier versions by `DialogBundle.version`, oldest first.
        var previous: [(version: String, engine: DialogEngine)] = []
    }

    /// Earlier versions kept for conversations still inside a node that later versions removed.
    static let keptVersions = 8

    private let versions: Mutex<Versions>
    private let isWorkingTime: (@Sendable (Date) -> Bool)?
    private let openRequest: OpenRequestLookup?
    private let requestByReference: RequestByReference?

    /// `isWorkingTime` tells the engine when officers are at work (handoff texts differ outside hours);
    /// `openRequest` finds an applicant's open request in the store (duplicate applicants).
    public init(
        _ bundle: DialogBundle, isWorkingTime: (@Sendable (Date) -> Bool)? = nil, openRequest: OpenRequestLookup? = nil,
        requestByReference: RequestByReference? = nil
    ) {
        self.isWorkingTime = isWorkingTime
        self.openRequest = openRequest
        self.requestByReference = requestByReference
        versions = Mutex(
            Versions(
                current: DialogEngine(
                    bundle: bundle, isWorkingTime: isWorkingTime, openRequest: openRequest,
                    requestByReference: requestByReference)))
    }

    /// The current engine.
    public var engine: DialogEngine { versions.withLock { $0.current } }

    /// Puts a new, already validated bundle in force.
    public func replace(with bundle: DialogBundle) {
        let engine = DialogEngine(
            bundle: bundle, isWorkingTime: isWorkingTime, openRequest: openRequest,
            requestByReference: requestByReference)
        versions.withLock { v in
            guard v.current.bundle.version != bundle.version else { return }
            v.previous.append((v.current.bundle.version, v.current))
            if v.previous.count > Self.keptVersions { v.previous.removeFirst(v.previous.count - Self.keptVersions) }
            v.current = engine
        }
    }

    /// The engine to step `state` with, and the state adjusted to it (its recorded version).
    public func engine(for state: ConversationState) -> (DialogEngine, ConversationState) {
        versions.withLock { v in
            let current = v.current
            guard let version = state.dialogVersion, version != current.bundle.version else { return (current, state) }
            if state.node.map({ current.bundle.node($0) != nil }) ?? true {
                var moved = state
                moved.dialogVersion = current.bundle.version
                return (current, moved)
            }
            if let old = v.previous.last(where: { $0.version == version }) { return (old.engine, state) }
            return (current, state)
        }
    }
}
