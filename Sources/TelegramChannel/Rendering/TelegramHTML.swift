/// Escaping plain text for `parse_mode: "HTML"`.
public enum TelegramHTML {
    /// Replaces `&`, `<` and `>` with their entities so Telegram shows the text verbatim.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
