public import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `/status <reference> <status> [reason]` typed in the officers' group: changes a request's status.
///
/// `reason` is sent to the beneficiary with the notice; a part after `//` is an internal note
/// (`/status 123456789 rejected income above the limit // checked with the bank statement`).
public struct StatusCommand: Sendable, Equatable {
    public var reference: String
    /// The status as the officer wrote it; `status` is nil when it is not one we know.
    public var word: String
    public var status: RequestStatus?
    public var reason: String?
    public var note: String?

    public static let usage =
        "Usage: /status <reference> <status> [reason for the beneficiary] [// internal note]. Statuses: "
        + RequestStatus.allCases.map(\.rawValue).joined(separator: ", ") + "."

    /// The command in `text`, or nil when `text` is not a `/status` command. A `/status` with missing parts
    /// is returned with an empty reference or word, so the officer is answered with the usage.
    public static func parse(_ text: String) -> StatusCommand? {
        let trimmed = String(text.trimmed)
        let head = trimmed.prefix { !$0.isWhitespace }
        let name = head.dropFirst().split(separator: "@", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard head.hasPrefix("/"), name == "status" else { return nil }
        var rest = Substring(trimmed.dropFirst(head.count))
        var note: String?
        if let slashes = rest.indices.first(where: { rest[$0...].hasPrefix("//") }) {
            note = String(rest[rest.index(slashes, offsetBy: 2)...].trimmed)
            rest = rest[..<slashes]
        }
        var words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        // A reference may be typed in its three groups ("123 456 789").
        var reference = ""
        while let first = words.first, ReferenceNumber.parse(reference) == nil,
            first.uppercased().hasPrefix("SF-") || !first.unicodeScalars.contains(where: \.properties.isAlphabetic)
        {
            reference += words.removeFirst()
        }
        let word = words.isEmpty ? "" : words.removeFirst()
        let reason = words.joined(separator: " ")
        return StatusCommand(
            reference: ReferenceNumber.parse(reference) ?? reference, word: word,
            status: RequestStatus(officerWord: word), reason: reason.isEmpty ? nil : reason,
            note: note?.isEmpty == false ? note : nil)
    }
}
