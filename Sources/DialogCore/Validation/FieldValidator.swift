#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns what a beneficiary typed into a field's canonical value, or says why it cannot.
///
/// Input is passed raw, exactly as received; every validator normalises it first (Arabic-Indic
/// digits, invisible marks, spacing) so rules are written once against ASCII digits.
public enum FieldValidator {
    /// Validates a text answer to `field`; photo and document fields always ask for an attachment.
    public static func validate(_ input: String, field: FormField) -> Result<FieldValue, ValidationFailure> {
        if field.type.expectsAttachment { return .failure(.expectedAttachment) }
        let text = ArabicText.normalizeInput(input)
        if text.isEmpty { return .failure(.empty) }
        switch field.type {
        case .text: return validateText(text, minLength: field.minLength, maxLength: field.maxLength)
        case .integer: return validateInteger(text, min: field.min, max: field.max)
        case .decimal: return validateDecimal(text, min: field.min, max: field.max)
        case .nationalID: return validateNationalID(text)
        case .mobile: return validateMobile(text)
        case .email: return validateEmail(text)
        case .iban: return validateIBAN(text)
        case .date: return DateParser.parse(text, expecting: .gregorian)
        case .hijriDate: return DateParser.parse(text, expecting: .hijri)
        case .location: return validateLocation(text)
        case .yesNo:
            return YesNo.parse(text).map { .success(.yesNo($0)) } ?? .failure(.notYesNo)
        case .choice:
            return ChoiceMatcher.match(text, options: field.options)
                .map { .success(.choice(id: $0.id, label: $0.label)) } ?? .failure(.unknownChoice)
        case .photo, .document: return .failure(.expectedAttachment)
        }
    }

    /// Length is counted in user-perceived characters of the normalised text.
    static func validateText(
        _ text: String, minLength: Int?, maxLength: Int?
    ) -> Result<FieldValue, ValidationFailure> {
        if let minLength, text.count < minLength { return .failure(.tooShort(min: minLength)) }
        if let maxLength, text.count > maxLength { return .failure(.tooLong(max: maxLength)) }
        return .success(.text(text))
    }

    /// Drops the spaces and dashes people put between digit groups.
    static func compact(_ text: String) -> String {
        String(text.filter { $0 != " " && $0 != "-" })
    }

    /// True when every character is an ASCII digit (and there is at least one).
    static func isASCIIDigits<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
