import DialogCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A conversation script: what the beneficiary sends and what the bot must answer, in a plain-text format.
///
/// ```
/// # comment
/// > text the user types          > [button label]   > /start   > @photo   > @document name.pdf   > @location 24.7,46.7
/// @wait 45m                      (s, m, h, d)
/// < text the next bot message contains
/// <~ regular expression the next bot message matches
/// <buttons label 1 | label 2     the last checked message has exactly these buttons
/// <none                          the bot said nothing this turn
/// ---                            starts the next conversation
/// ```
struct ConversationScript: Equatable {
    struct Step: Equatable {
        var line: Int
        var action: Action
    }

    enum Action: Equatable {
        case send(String)
        case press(String)
        case start
        case photo
        case document(String)
        case location(Double, Double)
        case wait(TimeInterval)
        case expectContains(String)
        case expectMatches(String)
        case expectButtons([String])
        case expectNothing
    }

    struct Conversation: Equatable {
        var line: Int
        var steps: [Step]
    }

    var file: String
    var conversations: [Conversation]
}

/// A line of a script that could not be read.
struct ScriptSyntaxError: Error, CustomStringConvertible {
    var file: String
    var line: Int
    var message: String

    var description: String { "\(file):\(line): error: \(message)" }
}

extension ConversationScript {
    init(file: String, text: String) throws {
        self.file = file
        conversations = []
        var current = Conversation(line: 1, steps: [])
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = String(rawLine.trimmed)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("---") {
                if !current.steps.isEmpty { conversations.append(current) }
                current = Conversation(line: number + 1, steps: [])
                continue
            }
            let action = try Self.action(line, file: file, line: number)
            if current.steps.isEmpty { current.line = number }
            current.steps.append(Step(line: number, action: action))
        }
        if !current.steps.isEmpty { conversations.append(current) }
    }

    private static func action(_ line: String, file: String, line number: Int) throws -> Action {
        func rest(after prefix: String) -> String {
            String(line.dropFirst(prefix.count).trimmed)
        }
        if line.hasPrefix("<buttons") {
            return .expectButtons(
                rest(after: "<buttons").split(separator: "|", omittingEmptySubsequences: false).map {
                    String($0.trimmed)
                }.filter { !$0.isEmpty })
        }
        if line == "<none" { return .expectNothing }
        if line.hasPrefix("<~") {
            let pattern = rest(after: "<~")
            guard (try? Regex(pattern)) != nil else {
                throw ScriptSyntaxError(file: file, line: number, message: "invalid regular expression: \(pattern)")
            }
            return .expectMatches(pattern)
        }
        if line.hasPrefix("<") { return .expectContains(rest(after: "<")) }
        if line.hasPrefix("@wait") { return .wait(try duration(rest(after: "@wait"), file: file, line: number)) }
        if line.hasPrefix(">") {
            let text = rest(after: ">")
            if text == "/start" { return .start }
            if text == "@photo" { return .photo }
            if text.hasPrefix("@document") {
                let name = String(text.dropFirst("@document".count).trimmed)
                return .document(name.isEmpty ? "document.pdf" : name)
            }
            if text.hasPrefix("@location") {
                let parts = text.dropFirst("@location".count).split(separator: ",").compactMap {
                    Double($0.trimmed)
                }
                guard parts.count == 2 else {
                    throw ScriptSyntaxError(file: file, line: number, message: "@location needs 'latitude,longitude'")
                }
                return .location(parts[0], parts[1])
            }
            if text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 {
                return .press(String(text.dropFirst().dropLast().trimmed))
            }
            guard !text.isEmpty else {
                throw ScriptSyntaxError(file: file, line: number, message: "'>' needs a message")
            }
            return .send(text)
        }
        throw ScriptSyntaxError(
            file: file, line: number,
            message: "cannot read this line; it should start with >, <, <~, <buttons, <none, @wait, # or ---")
    }

    private static func duration(_ text: String, file: String, line: Int) throws -> TimeInterval {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        guard let unit = text.last, let seconds = units[unit], let value = Double(text.dropLast()) else {
            throw ScriptSyntaxError(file: file, line: line, message: "@wait needs a duration like 30s, 45m, 2h or 1d")
        }
        return value * seconds
    }
}
