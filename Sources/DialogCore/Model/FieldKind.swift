/// The type of a form field: decides how what the beneficiary types is normalised and validated.
public enum FieldKind: String, Sendable, Codable, CaseIterable {
    case text
    case integer
    case decimal
    /// Saudi national ID (starts with 1) or iqama (starts with 2): 10 digits, Luhn check digit.
    case nationalID = "national_id"
    /// Saudi mobile, stored as +9665XXXXXXXX.
    case mobile
    case email
    /// Saudi IBAN: SA + 22 characters, ISO 7064 mod 97.
    case iban
    /// A Gregorian date (also accepts a Hijri date written with هـ, converted with Umm al-Qura).
    case date
    /// A Hijri (Umm al-Qura) date, stored with its Gregorian equivalent.
    case hijriDate = "hijri_date"
    case choice
    case yesNo = "yes_no"
    case photo
    case document
    case location

    /// Fields answered by sending something other than text.
    public var expectsAttachment: Bool { self == .photo || self == .document }
}
