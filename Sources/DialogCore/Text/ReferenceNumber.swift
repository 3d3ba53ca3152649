/// Reference numbers people can read aloud over the phone: nine digits, the last a Damm check digit.
///
/// Digits only (no look-alike letters such as O/0 or I/1, and the same in Arabic-Indic digits), shown in
/// groups of three ("123 456 789", joined by no-break spaces so a line never breaks inside one) and always
/// inside a Unicode isolate when placed in Arabic text. The Damm check digit catches every single wrong
/// digit and every swap of two neighbouring digits, so a misheard number is refused, not someone else's.
///
/// The first eight digits are the inbox sequence scrambled by a bijection of 0..<10^8 (multiplying by a
/// number prime to 10, then adding an offset): unique while the sequence is, yet not counting upwards, so
/// a reference does not reveal how many requests came before it or invite guessing its neighbours.
public enum ReferenceNumber {
    /// Sequences below this give unique references.
    public static let capacity: Int64 = 100_000_000
    static let multiplier: Int64 = 48_271
    static let offset: Int64 = 31_415_926

    /// The reference (nine ASCII digits) for an inbox sequence number.
    public static func make(sequence: Int64) -> String {
        let scrambled = (((sequence % capacity) * multiplier) % capacity + offset) % capacity
        let body = zeroPadded(scrambled, width: 8)
        return body + String(checkDigit(body))
    }

    /// The Damm check digit of a string of ASCII digits.
    public static func checkDigit(_ digits: String) -> Int {
        var interim = 0
        for byte in digits.utf8 where (0x30...0x39).contains(byte) {
            interim = table[interim][Int(byte - 0x30)]
        }
        return interim
    }

    /// True for nine ASCII digits whose Damm check passes.
    public static func isValid(_ reference: String) -> Bool {
        reference.utf8.count == 9 && reference.utf8.allSatisfy { (0x30...0x39).contains($0) }
            && checkDigit(reference) == 0
    }

    /// A reference as typed or pasted ("١٢٣ ٤٥٦ ٧٨٩", "123-456-789", with isolates): nine valid digits,
    /// else nil. Older references (`SF-2026-000123`) are returned as typed, trimmed, for lookup.
    public static func parse(_ typed: String) -> String? {
        let normalized = ArabicText.normalizeInput(typed)
        if normalized.uppercased().hasPrefix("SF-") { return normalized.uppercased() }
        let digits = String(normalized.unicodeScalars.filter { (0x30...0x39).contains($0.value) }.map(Character.init))
        let onlySeparators = normalized.unicodeScalars.allSatisfy {
            (0x30...0x39).contains($0.value) || [" ", "-", "\u{00A0}", "_", "."].contains($0)
        }
        return onlySeparators && isValid(digits) ? digits : nil
    }

    /// How a reference is shown: groups of three joined by no-break spaces; other shapes unchanged.
    public static func display(_ reference: String) -> String {
        guard isValid(reference) else { return reference }
        let digits = Array(reference)
        return [0, 3, 6].map { String(digits[$0..<$0 + 3]) }.joined(separator: "\u{00A0}")
    }

    private static func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Damm's totally anti-symmetric quasigroup of order 10.
    private static let table: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]
}
