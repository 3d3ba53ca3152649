#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FieldValidator {
    /// A whole number within the field's range; "3.0" is accepted as 3, "3.5" is not whole.
    static func validateInteger(_ text: String, min: Double?, max: Double?) -> Result<FieldValue, ValidationFailure> {
        guard let value = parseNumber(text) else { return .failure(.notANumber) }
        guard value == value.rounded() else { return .failure(.notAWholeNumber) }
        if let failure = rangeFailure(value, min: min, max: max) { return .failure(failure) }
        // Beyond 2^53 a Double no longer holds every integer; no form asks for such a count.
        guard abs(value) <= 9_007_199_254_740_992 else { return .failure(.notANumber) }
        return .success(.integer(Int(value)))
    }

    /// A decimal number within the field's range.
    static func validateDecimal(_ text: String, min: Double?, max: Double?) -> Result<FieldValue, ValidationFailure> {
        guard let value = parseNumber(text) else { return .failure(.notANumber) }
        if let failure = rangeFailure(value, min: min, max: max) { return .failure(failure) }
        return .success(.decimal(value))
    }

    static func rangeFailure(_ value: Double, min: Double?, max: Double?) -> ValidationFailure? {
        if let min, value < min { return .belowMinimum(min) }
        if let max, value > max { return .aboveMaximum(max) }
        return nil
    }

    /// Parses normalised digits: optional sign, digits optionally grouped by commas in threes
    /// ("12,500"), optional "." fraction. Spaces inside are not allowed ("12 500" is ambiguous).
    static func parseNumber(_ text: String) -> Double? {
        var s = Substring(text)
        var sign = 1.0
        if let first = s.first, first == "-" || first == "+" || first == "\u{2212}" {
            sign = first == "+" ? 1 : -1
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2, !isASCIIDigits(fraction) { return nil }
        var digits: String
        if whole.isEmpty {
            guard parts.count == 2 else { return nil }
            digits = "0"
        } else if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count), isASCIIDigits(head),
                groups.dropFirst().allSatisfy({ $0.count == 3 && isASCIIDigits($0) })
            else { return nil }
            digits = groups.joined()
        } else {
            guard isASCIIDigits(whole) else { return nil }
            digits = String(whole)
        }
        if !fraction.isEmpty { digits += "." + fraction }
        return Double(digits).map { $0 * sign }
    }

    /// "lat,lon" in decimal degrees; an Arabic comma or a space may separate them.
    static func validateLocation(_ text: String) -> Result<FieldValue, ValidationFailure> {
        let pieces = text.split(whereSeparator: { $0 == "," || $0 == "،" || $0 == " " })
        guard pieces.count == 2,
            let latitude = parseNumber(String(pieces[0])), let longitude = parseNumber(String(pieces[1])),
            (-90...90).contains(latitude), (-180...180).contains(longitude)
        else { return .failure(.locationFormat) }
        return .success(.location(latitude: latitude, longitude: longitude))
    }
}
