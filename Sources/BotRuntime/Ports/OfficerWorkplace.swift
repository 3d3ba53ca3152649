public import DialogCore

/// The place where officers work, as the desk needs it: one place per case, where the desk posts the card
/// and what happens, relays the beneficiary's files, renames and closes it.
///
/// The Telegram officers' forum group is one adapter (`TelegramWorkplace` in TelegramChannel: a topic per
/// case, or replies to the case's first message in a group without topics). Place ids are the adapter's own
/// strings; the desk stores them with the case and hands them back, never reading them.
public protocol OfficerWorkplace: Sendable {
    /// Opens a place for case `caseID`, titled `title`; returns its id.
    func openPlace(caseID: String, title: String) async throws -> String

    /// Posts text (and buttons under it) in `place`, or in the workplace's main room when `place` is nil.
    func post(_ message: OutgoingMessage, in place: String?) async throws

    /// Copies a file into `place` with a caption. A file from another channel (`file.channel`) is downloaded
    /// through that channel's `MediaSource` and uploaded, never passed on by a foreign file id.
    func relay(_ file: Attachment, caption: String?, to place: String) async throws

    /// Renames a place (a case moved to another queue); a workplace without titles does nothing.
    func rename(_ place: String, to title: String) async throws

    /// Closes a place (the case ended); a workplace that cannot close places does nothing.
    func close(_ place: String) async throws
}

/// What an `OfficerWorkplace` may throw that the desk acts on; any other error is logged.
public enum OfficerWorkplaceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The place no longer exists (a deleted topic): the desk opens a new one for the case and goes on there.
    case placeGone(String)

    public var description: String {
        switch self {
        case .placeGone(let place): "place \(place) is gone"
        }
    }
}
