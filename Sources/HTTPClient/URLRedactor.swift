#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Removes secrets from URLs and messages before they reach an error description or a log.
enum URLRedactor {
    /// Drops user info, query and fragment, and replaces each path segment `bot<something>` with `bot<redacted>`.
    static func redact(_ url: String) -> String {
        var rest = Substring(url)
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        var prefix = ""
        if let schemeEnd = rest.firstRange(of: "://") {
            prefix = String(rest[..<schemeEnd.upperBound])
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            prefix += authority
            rest = rest[authorityEnd...]
        }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.count > 3 && segment.lowercased().hasPrefix("bot") ? "bot<redacted>" : String(segment)
        }
        return prefix + segments.joined(separator: "/")
    }

    /// Replaces every `bot<digits>:<token>` run inside free text (curl messages may quote the URL).
    static func redactText(_ text: String) -> String {
        var output = ""
        var index = text.startIndex
        while index < text.endIndex {
            let tail = text[index...]
            if tail.hasPrefix("bot"), let end = tokenEnd(in: tail) {
                output += "bot<redacted>"
                index = end
            } else {
                output.append(text[index])
                index = text.index(after: index)
            }
        }
        return output
    }

    /// If `text` starts with `bot`, digits, `:` and token characters, the index after the token.
    private static func tokenEnd(in text: Substring) -> String.Index? {
        var index = text.index(text.startIndex, offsetBy: 3)
        var sawDigit = false
        while index < text.endIndex, text[index].isASCII, text[index].isNumber {
            sawDigit = true
            index = text.index(after: index)
        }
        guard sawDigit, index < text.endIndex, text[index] == ":" else { return nil }
        index = text.index(after: index)
        while index < text.endIndex, text[index].isASCII,
            text[index].isLetter || text[index].isNumber || text[index] == "_" || text[index] == "-"
        {
            index = text.index(after: index)
        }
        return index
    }
}
