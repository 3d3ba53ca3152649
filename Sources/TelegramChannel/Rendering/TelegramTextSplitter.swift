/// Splits long plain text into parts Telegram accepts, counting UTF-16 code units as Telegram does.
public enum TelegramTextSplitter {
    /// Parts of at most `limit` UTF-16 units, cut at the last line break, else the last space, else a
    /// character boundary (never inside a character). Text within the limit comes back unchanged.
    public static func split(_ text: String, limit: Int) -> [String] {
        guard text.utf16.count > limit else { return [text] }
        var parts: [String] = []
        var rest = Substring(text)
        while rest.utf16.count > limit {
            let end = prefixEnd(of: rest, limit: limit)
            // One character past the limit too: a break right there still leaves a full-length part.
            let window = rest[rest.startIndex..<(end == rest.endIndex ? end : rest.index(after: end))]
            let cut: String.Index
            let resume: String.Index
            if let newline = window.lastIndex(where: \.isNewline), newline > window.startIndex {
                (cut, resume) = (newline, rest.index(after: newline))
            } else if let space = window.lastIndex(where: \.isWhitespace), space > window.startIndex {
                (cut, resume) = (space, rest.index(after: space))
            } else {
                (cut, resume) = (end, end)
            }
            appendTrimmed(rest[rest.startIndex..<cut], to: &parts)
            rest = rest[resume...]
        }
        appendTrimmed(rest, to: &parts)
        return parts
    }

    /// The end of the longest run of whole characters within `limit` units (at least one character,
    /// so a pathological limit cannot stall the loop).
    private static func prefixEnd(of text: Substring, limit: Int) -> String.Index {
        var units = 0
        var end = text.startIndex
        for index in text.indices {
            units += text[index].utf16.count
            if units > limit { break }
            end = text.index(after: index)
        }
        return end == text.startIndex ? text.index(after: end) : end
    }

    /// Telegram trims each message, so edge whitespace at a cut is dropped here and blank parts skipped.
    private static func appendTrimmed(_ part: Substring, to parts: inout [String]) {
        let trimmed = part.trimmingWhitespace()
        if !trimmed.isEmpty { parts.append(String(trimmed)) }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return self[endIndex...] }
        return self[first...last]
    }
}
