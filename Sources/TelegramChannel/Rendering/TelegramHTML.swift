/// Escaping plain text for `parse_mode: "HTML"`.
public enum TelegramHTML {
    /// Replaces `&`, `<` and `>` with their entities so Telegram shows the text verbatim.
    ///
    /// Works on UTF-8 bytes (the three characters are ASCII, so no multi-byte sequence is split); most
    /// texts contain none of them and are returned as they are.
    public static func escape(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
