public import DialogCore
import Synchronization

/// The dialogs in force, swapped atomically on reload; each step uses the engine it read at its start.
public final class DialogHolder: Sendable {
    private let current: Mutex<DialogEngine>

    public init(_ bundle: DialogBundle) {
        current = Mutex(DialogEngine(bundle: bundle))
    }

    public var engine: DialogEngine { current.withLock { $0 } }

    /// Puts a new, already validated bundle in force. Conversations in progress continue by stable node ids;
    /// one whose node disappeared starts over at the main menu.
    public func replace(with bundle: DialogBundle) {
        let engine = DialogEngine(bundle: bundle)
        current.withLock { $0 = engine }
    }
}
