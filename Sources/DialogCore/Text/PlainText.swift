/// Small text helpers the whole package shares: FoundationEssentials, which the bot links instead of
/// Foundation to keep its memory down, has no `trimmingCharacters(in:)` or `String(format:)`.
extension StringProtocol {
    /// The text without leading and trailing whitespace, line breaks included.
    package var trimmed: SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isWhitespace }) ?? first
        return self[first...last]
    }
}

extension BinaryInteger {
    /// Decimal digits, left-padded with zeros to `width` counting the sign ("%0Nd").
    package func zeroPadded(_ width: Int) -> String {
        let digits = String(self.magnitude)
        let sign = self < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// Upper-case hexadecimal digits, left-padded with zeros to `width` ("%0NX").
    package func hexadecimal(_ width: Int) -> String {
        let digits = String(self, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Double {
    /// The value rounded to `fractionDigits` decimals, halves away from zero, written with exactly that
    /// many (like "%.Nf", which differs only on exact binary halves such as 1.25).
    package func fixed(_ fractionDigits: Int) -> String {
        guard isFinite else { return "\(self)" }
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = Int64((abs(self) * scale).rounded(.toNearestOrAwayFromZero))
        let whole = scaled / Int64(scale)
        let sign = self < 0 && scaled != 0 ? "-" : ""
        guard fractionDigits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + (scaled % Int64(scale)).zeroPadded(fractionDigits)
    }
}
