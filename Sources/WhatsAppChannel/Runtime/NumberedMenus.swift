import Synchronization

/// The numbered text menu last sent to each user, so a typed "2" (or "٢") becomes a press on option 2.
///
/// Kept in memory: after a restart a typed number reaches the engine as text, which matches the number
/// against the node's options in the same order, so only menus whose options differ from the node's
/// (extra navigation buttons) lose their number mapping across a restart.
public final class NumberedMenus: Sendable {
    private let menus = Mutex<[String: [String]]>([:])

    public init() {}

    /// Records the menu sent to `chat` (payloads in the order shown), or forgets it when `payloads` is nil
    /// (a later message without a numbered menu).
    public func set(_ payloads: [String]?, for chat: String) {
        menus.withLock { menus in
            if let payloads {
                menus[chat] = payloads
            } else if menus[chat] != nil {
                menus[chat] = nil
            }
        }
    }

    /// The payload of option `number` (1-based) of the menu last sent to `chat`.
    public func payload(for number: Int, chat: String) -> String? {
        menus.withLock { menus in
            guard let payloads = menus[chat], (1...payloads.count).contains(number) else { return nil }
            return payloads[number - 1]
        }
    }
}
