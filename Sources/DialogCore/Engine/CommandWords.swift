/// The global commands that work at any point of a conversation.
enum GlobalCommand: Sendable, Equatable {
    case mainMenu, back, cancel, officer
}

/// Command words from `bot.json`, normalised once for matching.
struct CommandWords: Sendable {
    let keys: [(key: String, command: GlobalCommand)]

    init(_ commands: GlobalCommands) {
        var keys: [(key: String, command: GlobalCommand)] = []
        let lists: [([String], GlobalCommand)] = [
            (commands.mainMenu, .mainMenu), (commands.back, .back), (commands.cancel, .cancel),
            (commands.officer, .officer),
        ]
        for (words, command) in lists {
            for word in words {
                let key = ArabicText.matchKey(word)
                if !key.isEmpty { keys.append((key, command)) }
            }
        }
        self.keys = keys
    }

    /// The command `text` is, if it is exactly one of the words. Digit-only words are skipped when
    /// `allowDigits` is false, so "0" can still answer a numeric question.
    func command(for text: String, allowDigits: Bool) -> GlobalCommand? {
        let key = ArabicText.matchKey(text)
        guard !key.isEmpty else { return nil }
        for entry in keys where entry.key == key {
            if !allowDigits && entry.key.allSatisfy(\.isNumber) { continue }
            return entry.command
        }
        return nil
    }
}
