#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FieldValidator {
    /// Saudi national ID (1…) or iqama (2…): ten digits whose last is a Luhn check digit.
    static func validateNationalID(_ text: String) -> Result<FieldValue, ValidationFailure> {
        let digits = compact(text)
        guard digits.count == 10, isASCIIDigits(digits) else { return .failure(.nationalIDLength) }
        guard digits.first == "1" || digits.first == "2" else { return .failure(.nationalIDPrefix) }
        guard luhnIsValid(digits) else { return .failure(.nationalIDChecksum) }
        return .success(.text(digits))
    }

    /// The Luhn check over ASCII digits: from the right, every second digit doubled.
    public static func luhnIsValid(_ digits: String) -> Bool {
        var sum = 0
        for (index, byte) in digits.utf8.reversed().enumerated() {
            var d = Int(byte) - 0x30
            if index % 2 == 1 {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
        }
        return sum % 10 == 0
    }

    /// A Saudi mobile in any usual spelling (05…, 5…, 9665…, +9665…, 009665…), stored as +9665XXXXXXXX.
    static func validateMobile(_ text: String) -> Result<FieldValue, ValidationFailure> {
        var s = Substring(compact(text).filter { $0 != "(" && $0 != ")" && $0 != "." })
        if s.hasPrefix("+966") {
            s = s.dropFirst(4)
        } else if s.hasPrefix("00966") {
            s = s.dropFirst(5)
        } else if s.hasPrefix("966"), s.count == 12 || s.count == 13 {
            s = s.dropFirst(3)
        }
        // "05…" locally, and "+966 05…" which people write when they add the code to a local number.
        if s.hasPrefix("0") { s = s.dropFirst() }
        guard s.count == 9, s.first == "5", isASCIIDigits(s) else { return .failure(.mobileFormat) }
        return .success(.text("+966" + s))
    }

    /// A pragmatic address check: one "@", a dotted domain, no spaces; stored lowercased.
    static func validateEmail(_ text: String) -> Result<FieldValue, ValidationFailure> {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !text.contains(" ") else { return .failure(.emailFormat) }
        let local = parts[0]
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard !local.isEmpty, local.count <= 64, labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
        else { return .failure(.emailFormat) }
        return .success(.text(text.lowercased()))
    }

    /// A Saudi IBAN: "SA", two check digits, a two-digit bank code, 18 account characters; mod 97 == 1.
    static func validateIBAN(_ text: String) -> Result<FieldValue, ValidationFailure> {
        let iban = compact(text).uppercased()
        let chars = Array(iban.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        guard chars.count == 24, iban.hasPrefix("SA"),
            chars[2..<6].allSatisfy(isDigit), chars[6...].allSatisfy({ isDigit($0) || isUpper($0) })
        else { return .failure(.ibanFormat) }
        guard ibanRemainder(iban) == 1 else { return .failure(.ibanChecksum) }
        return .success(.text(iban))
    }

    /// ISO 7064 mod 97-10 over an uppercase alphanumeric IBAN: first four characters moved to the end,
    /// letters read as 10…35, remainder taken digit by digit so no big integers are needed.
    static func ibanRemainder(_ iban: String) -> Int {
        let bytes = Array(iban.utf8)
        var remainder = 0
        for c in bytes[4...] + bytes[..<4] {
            if c >= 0x30 && c <= 0x39 {
                remainder = (remainder * 10 + Int(c - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(c - 0x41 + 10)) % 97
            }
        }
        return remainder
    }
}
