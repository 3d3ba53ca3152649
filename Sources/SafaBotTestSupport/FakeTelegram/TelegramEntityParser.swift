/// Parses `parse_mode: "HTML"` text the way the Bot API does (after tdlib's `parse_html`): tags must be
/// supported and balanced, a bare `<` is an error, unknown `&…;` stays literal. Returns the visible text.
public enum TelegramEntityParser {
    /// Tags the Bot API accepts in HTML mode.
    public static let supportedTags: Set<String> = [
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji", "span", "pre",
        "code", "blockquote",
    ]

    /// The visible text, or Telegram's error detail (what follows "can't parse entities: ").
    public static func parseHTML(_ html: String) -> Result<String, EntityParseError> {
        // Without `<` or `&` there is nothing to parse: the visible text is the text (most of what bots send).
        if !html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) { return .success(html) }
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var open: [String] = []
        var i = 0
        func offset(_ index: Int) -> Int { String(String.UnicodeScalarView(scalars[0..<index])).utf8.count }
        while i < scalars.count {
            let c = scalars[i]
            if c == "&", let (decoded, next) = entity(scalars, at: i) {
                out.append(decoded)
                i = next
                continue
            }
            guard c == "<" else {
                out.append(c)
                i += 1
                continue
            }
            let start = i
            i += 1
            let closing = i < scalars.count && scalars[i] == "/"
            if closing { i += 1 }
            var name = ""
            while i < scalars.count, isNameScalar(scalars[i]) {
                name.unicodeScalars.append(scalars[i])
                i += 1
            }
            if name.isEmpty {
                return .failure(EntityParseError("Unexpected end of name token at byte offset \(offset(start))"))
            }
            name = name.lowercased()
            if closing {
                while i < scalars.count, scalars[i] == " " { i += 1 }
                guard i < scalars.count, scalars[i] == ">" else {
                    return .failure(EntityParseError("Can't find end tag corresponding to start tag \(name)"))
                }
                i += 1
                guard let last = open.popLast() else {
                    return .failure(EntityParseError("Unexpected end tag at byte offset \(offset(start))"))
                }
                if last != name {
                    return .failure(
                        EntityParseError(
                            "Unmatched end tag at byte offset \(offset(start)), expected \"</\(last)>\", found \"</\(name)>\""
                        ))
                }
                continue
            }
            guard supportedTags.contains(name) else {
                return .failure(EntityParseError("Unsupported start tag \"\(name)\" at byte offset \(offset(start))"))
            }
            // Attributes: skip to the closing '>' honouring quotes; remember class for span.
            var attributes = ""
            var quote: Unicode.Scalar?
            while i < scalars.count {
                let s = scalars[i]
                if let q = quote {
                    if s == q { quote = nil }
                } else if s == "\"" || s == "'" {
                    quote = s
                } else if s == ">" {
                    break
                }
                attributes.unicodeScalars.append(s)
                i += 1
            }
            guard i < scalars.count else {
                return .failure(EntityParseError("Unclosed start tag at byte offset \(offset(start))"))
            }
            i += 1
            if name == "span", !attributes.contains("tg-spoiler") {
                return .failure(
                    EntityParseError("Tag \"span\" must have class \"tg-spoiler\" at byte offset \(offset(start))"))
            }
            open.append(name)
        }
        if let last = open.last {
            return .failure(EntityParseError("Can't find end tag corresponding to start tag \"\(last)\""))
        }
        return .success(String(out))
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-"
    }

    /// A recognised entity at `index` (`&lt;` `&gt;` `&amp;` `&quot;` or numeric) and the index after it.
    private static func entity(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < scalars.count, end - index <= 12, scalars[end] != ";" { end += 1 }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
        let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\""]
        if let scalar = named[body] { return (scalar, end + 1) }
        if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16),
            let scalar = Unicode.Scalar(v)
        {
            return (scalar, end + 1)
        }
        if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(v) {
            return (scalar, end + 1)
        }
        return nil
    }
}

/// Why HTML text was refused; `detail` is what Telegram puts after "can't parse entities: ".
public struct EntityParseError: Error, Sendable, Equatable {
    public var detail: String

    public init(_ detail: String) { self.detail = detail }
}
