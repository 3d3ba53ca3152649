/// Reads the number a beneficiary typed to pick from a numbered menu: "2", "٢" (Arabic-Indic), "۲"
/// (Extended Arabic-Indic, as Persian and Urdu keyboards type it), "2." or "2️⃣".
public enum MenuNumber {
    /// The 1-based number in `text`, or nil when the text is anything but a number.
    public static func parse(_ text: String) -> Int? {
        var digits = 0
        var value = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: value = value * 10 + Int(scalar.value - 0x30)
            case 0x660...0x669: value = value * 10 + Int(scalar.value - 0x660)
            case 0x6F0...0x6F9: value = value * 10 + Int(scalar.value - 0x6F0)
            // Spaces, a trailing dot or bracket, and the keycap's variation selector and enclosing keycap.
            case 0x20, 0x2E, 0x29, 0xFE0F, 0x20E3, 0x0A, 0x0D, 0x09, 0xA0, 0x200F, 0x200E: continue
            default: return nil
            }
            digits += 1
            if digits > 3 { return nil }
        }
        return digits > 0 && value > 0 ? value : nil
    }
}
