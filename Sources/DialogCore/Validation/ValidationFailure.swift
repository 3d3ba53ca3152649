/// Why an answer was refused; `code` keys the Arabic text shown to the beneficiary.
public enum ValidationFailure: Error, Sendable, Equatable {
    case empty
    case tooShort(min: Int)
    case tooLong(max: Int)
    case notANumber
    case notAWholeNumber
    case belowMinimum(Double)
    case aboveMaximum(Double)
    case nationalIDLength
    case nationalIDPrefix
    case nationalIDChecksum
    case mobileFormat
    case emailFormat
    case ibanFormat
    case ibanChecksum
    case dateFormat
    case dateInvalid
    case notYesNo
    case unknownChoice
    case expectedAttachment
    case expectedText
    /// A location typed as text that is not "latitude,longitude" in range.
    case locationFormat

    /// Stable key for texts in `bot.json` "validation" and a field's "errors".
    public var code: String {
        switch self {
        case .empty: "empty"
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .notANumber: "not_a_number"
        case .notAWholeNumber: "not_a_whole_number"
        case .belowMinimum: "below_minimum"
        case .aboveMaximum: "above_maximum"
        case .nationalIDLength: "national_id_length"
        case .nationalIDPrefix: "national_id_prefix"
        case .nationalIDChecksum: "national_id_checksum"
        case .mobileFormat: "mobile_format"
        case .emailFormat: "email_format"
        case .ibanFormat: "iban_format"
        case .ibanChecksum: "iban_checksum"
        case .dateFormat: "date_format"
        case .dateInvalid: "date_invalid"
        case .notYesNo: "not_yes_no"
        case .unknownChoice: "unknown_choice"
        case .expectedAttachment: "expected_attachment"
        case .expectedText: "expected_text"
        case .locationFormat: "location_format"
        }
    }

    /// Every code, for the linter to check that `bot.json` has a text for each.
    public static let allCodes = [
        "empty", "too_short", "too_long", "not_a_number", "not_a_whole_number", "below_minimum", "above_maximum",
        "national_id_length", "national_id_prefix", "national_id_checksum", "mobile_format", "email_format",
        "iban_format", "iban_checksum", "date_format", "date_invalid", "not_yes_no", "unknown_choice",
        "expected_attachment", "expected_text", "location_format",
    ]

    /// Values the text may show as `{{min}}` / `{{max}}`.
    public var templateValues: [String: String] {
        switch self {
        case .tooShort(let min): ["min": String(min)]
        case .tooLong(let max): ["max": String(max)]
        case .belowMinimum(let v): ["min": FieldValue.decimal(v).display]
        case .aboveMaximum(let v): ["max": FieldValue.decimal(v).display]
        default: [:]
        }
    }
}
