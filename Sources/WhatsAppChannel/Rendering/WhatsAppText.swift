/// Text measuring and cutting for WhatsApp's limits.
public enum WhatsAppText {
    /// The length WhatsApp's limits are checked against (UTF-16 units: never fewer than WhatsApp counts).
    public static func length(_ text: some StringProtocol) -> Int { text.utf16.count }

    /// Parts of at most `limit` units, cut after the last sentence end (". ", "؟", "!", "؛" or a line
    /// break) in the window, else at the last space, else at a character boundary. Each part is trimmed and
    /// blank parts are dropped; text within the limit comes back as one part.
    public static func split(_ text: String, limit: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(text)
        while length(rest) > limit {
            let end = prefixEnd(of: rest, limit: limit)
            let window = rest[rest.startIndex..<end]
            let cut: String.Index
            if let sentence = window.lastIndex(where: isSentenceEnd), sentence > window.startIndex {
                cut = rest.index(after: sentence)
            } else if let space = window.lastIndex(where: \.isWhitespace), space > window.startIndex {
                cut = space
            } else {
                cut = end
            }
            append(rest[rest.startIndex..<cut], to: &parts)
            rest = rest[cut...]
        }
        append(rest, to: &parts)
        return parts
    }

    /// `label` shortened to at most `limit` units at a word boundary with "…" appended, so what is left
    /// still reads as the start of the label; a single over-long word is cut inside. Fitting labels come
    /// back unchanged (trimmed).
    public static func shorten(_ label: String, to limit: Int) -> String {
        let label = String(trimmed(Substring(label)))
        guard length(label) > limit else { return label }
        let room = limit - 1  // for "…"
        var words = label.split(whereSeparator: \.isWhitespace)
        while words.count > 1, length(words.joined(separator: " ")) > room { words.removeLast() }
        var kept = words.joined(separator: " ")
        if length(kept) > room { kept = String(kept[kept.startIndex..<prefixEnd(of: Substring(kept), limit: room)]) }
        // A trailing "و" or punctuation left dangling by the cut reads badly before "…".
        while let last = kept.last, last == "،" || last == "," || last == ":" || last == "-" { kept.removeLast() }
        return String(trimmed(Substring(kept))) + "…"
    }

    static func isSentenceEnd(_ c: Character) -> Bool {
        c == "." || c == "؟" || c == "?" || c == "!" || c == "؛" || c.isNewline
    }

    /// The end of the longest run of whole characters within `limit` units (at least one character).
    static func prefixEnd(of text: Substring, limit: Int) -> String.Index {
        var units = 0
        var end = text.startIndex
        for index in text.indices {
            units += text[index].utf16.count
            if units > limit { break }
            end = text.index(after: index)
        }
        return end == text.startIndex && !text.isEmpty ? text.index(after: end) : end
    }

    static func trimmed(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    private static func append(_ part: Substring, to parts: inout [String]) {
        let part = trimmed(part)
        if !part.isEmpty { parts.append(String(part)) }
    }
}
