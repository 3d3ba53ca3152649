import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A command an officer types in a case's topic.
public enum OfficerCommand: Sendable, Equatable {
    case claim
    /// Hand back to the bot, optionally at a node ("help_request.review"), keeping collected data.
    case release(node: String?)
    case close
    /// An internal note, never shown to the beneficiary.
    case note(String)
    case transfer(queue: String)
    /// Send the channel's re-engagement template (WhatsApp, after 24 hours without a message from them).
    case reengage

    /// Parses `/claim`, `/release [flow.node]`, `/close`, `/note <text>`, `/transfer <queue>`; Telegram's
    /// `/command@BotName` form is accepted. Text that is not a slash command is `.notACommand`.
    public static func parse(_ text: String) -> Result<OfficerCommand, OfficerCommandError> {
        let trimmed = text.trimmed
        guard trimmed.hasPrefix("/") else { return .failure(.notACommand) }
        let head = trimmed.prefix { !$0.isWhitespace }
        let argument = String(trimmed.dropFirst(head.count).trimmed)
        let name = (head.dropFirst().split(separator: "@", maxSplits: 1).first.map(String.init) ?? "").lowercased()
        switch name {
        case "claim":
            return argument.isEmpty ? .success(.claim) : .failure(.unexpectedArgument(command: "claim"))
        case "close":
            return argument.isEmpty ? .success(.close) : .failure(.unexpectedArgument(command: "close"))
        case "release":
            if argument.isEmpty { return .success(.release(node: nil)) }
            guard isNodeReference(argument) else { return .failure(.badNode(argument)) }
            return .success(.release(node: argument))
        case "reengage":
            return argument.isEmpty ? .success(.reengage) : .failure(.unexpectedArgument(command: "reengage"))
        case "note":
            return argument.isEmpty ? .failure(.missingArgument(command: "note")) : .success(.note(argument))
        case "transfer":
            guard !argument.isEmpty else { return .failure(.missingArgument(command: "transfer")) }
            guard isIdentifier(argument) else { return .failure(.badQueue(argument)) }
            return .success(.transfer(queue: argument))
        default:
            return .failure(.unknownCommand(String(head)))
        }
    }

    /// "flow.node": two identifiers joined by one dot.
    static func isNodeReference(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { isIdentifier(String($0)) }
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64
            && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}

/// Why an officer's command was not understood; ``message`` is a clear English answer for the officer.
public enum OfficerCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Plain text, not a command (in a claimed topic it is a reply to the beneficiary).
    case notACommand
    case unknownCommand(String)
    case missingArgument(command: String)
    case unexpectedArgument(command: String)
    case badNode(String)
    case badQueue(String)

    public static let usage =
        "Commands: /claim, /release [flow.node], /close, /note <text>, /transfer <queue>, /reengage."

    public var message: String {
        switch self {
        case .notACommand: "This is not a command. " + Self.usage
        case .unknownCommand(let name): "Unknown command \(name). " + Self.usage
        case .missingArgument(let command):
            command == "note"
                ? "Write the note after /note, e.g. /note called the beneficiary."
                : "Name the queue after /transfer, e.g. /transfer research."
        case .unexpectedArgument(let command): "/\(command) takes no argument."
        case .badNode(let node): "\"\(node)\" is not a dialog step. Write flow.node, e.g. /release help_request.review."
        case .badQueue(let queue): "\"\(queue)\" is not a queue id, e.g. /transfer research."
        }
    }

    public var description: String { "officer command not understood" }
}
