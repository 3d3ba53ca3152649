import Testing

@testable import DialogCore

@Suite struct FieldValidatorTests {
    private func field(
        _ type: FieldKind, min: Double? = nil, max: Double? = nil, minLength: Int? = nil,
        maxLength: Int? = nil, options: [Option] = []
    ) -> FormField {
        FormField(
            id: "f", type: type, prompt: "؟", label: "حقل", min: min, max: max, minLength: minLength,
            maxLength: maxLength, options: options)
    }

    private func validate(_ input: String, _ type: FieldKind, min: Double? = nil, max: Double? = nil)
        -> Result<FieldValue, ValidationFailure>
    {
        FieldValidator.validate(input, field: field(type, min: min, max: max))
    }

    /// Appends the Luhn check digit to nine digits, as the civil registry does.
    private func withCheckDigit(_ nine: String) -> String {
        for d in 0...9 where FieldValidator.luhnIsValid(nine + String(d)) { return nine + String(d) }
        return nine
    }

    /// Builds a Saudi IBAN from a bank code and 18 account characters with correct check digits.
    private func saudiIBAN(bank: String, account: String) -> String {
        let remainder = FieldValidator.ibanRemainder("SA00" + bank + account)
        let check = 98 - remainder
        return "SA" + (check < 10 ? "0" : "") + String(check) + bank + account
    }

    // MARK: text

    @Test func textIsStoredNormalisedWithinItsLengthLimits() {
        let f = field(.text, minLength: 3, maxLength: 10)
        #expect(FieldValidator.validate("  نورة\u{00A0} ", field: f) == .success(.text("نورة")))
        #expect(FieldValidator.validate("نو", field: f) == .failure(.tooShort(min: 3)))
        #expect(FieldValidator.validate("نورة بنت سعد العتيبي", field: f) == .failure(.tooLong(max: 10)))
    }

    @Test func emptyOrInvisibleInputIsEmptyForEveryTextKind() {
        for kind in FieldKind.allCases where !kind.expectsAttachment {
            #expect(validate(" \u{200F}\u{00A0}ـ ", kind) == .failure(.empty), "kind \(kind)")
        }
    }

    @Test func photoAndDocumentFieldsExpectAnAttachment() {
        #expect(validate("هذي الصورة", .photo) == .failure(.expectedAttachment))
        #expect(validate("", .document) == .failure(.expectedAttachment))
    }

    // MARK: national ID

    @Test func validCitizenAndResidentIDsAreAccepted() {
        #expect(validate("1023456781", .nationalID) == .success(.text("1023456781")))
        #expect(validate("١٠٢٣٤٥٦٧٨١", .nationalID) == .success(.text("1023456781")))
        #expect(validate("2345678904", .nationalID) == .success(.text("2345678904")))
        #expect(validate("1122-334-459", .nationalID) == .success(.text("1122334459")))
        #expect(validate("۱۱۲۲ ۳۳۴ ۴۵۹", .nationalID) == .success(.text("1122334459")))
    }

    @Test func generatedIDsWithTheirCheckDigitAreAccepted() {
        for nine in ["108765432", "119283746", "200000001", "245810397"] {
            let id = withCheckDigit(nine)
            #expect(validate(id, .nationalID) == .success(.text(id)))
        }
    }

    @Test func wrongCheckDigitIsAChecksumFailure() {
        #expect(validate("١٠٢٣٤٥٦٧٨٩", .nationalID) == .failure(.nationalIDChecksum))
        #expect(validate("2345678905", .nationalID) == .failure(.nationalIDChecksum))
    }

    @Test func wrongFirstDigitIsAPrefixFailure() {
        #expect(validate("3023456781", .nationalID) == .failure(.nationalIDPrefix))
        #expect(validate("0555123456", .nationalID) == .failure(.nationalIDPrefix))
    }

    @Test func wrongLengthOrLettersIsALengthFailure() {
        #expect(validate("102345678", .nationalID) == .failure(.nationalIDLength))
        #expect(validate("10234567812", .nationalID) == .failure(.nationalIDLength))
        #expect(validate("رقمي 1023456781", .nationalID) == .failure(.nationalIDLength))
    }

    // MARK: mobile

    @Test func everyUsualMobileSpellingIsStoredInternationally() {
        let expected: Result<FieldValue, ValidationFailure> = .success(.text("+966551234567"))
        for typed in [
            "0551234567", "٠٥٥ ١٢٣ ٤٥٦٧", "+966 55 123 4567", "551234567", "966551234567", "00966551234567",
            "+966-55-123-4567", "۰۵۵۱۲۳۴۵۶۷", "(055) 123 4567", "+966 0551234567", "\u{200E}+966551234567\u{200E}",
        ] {
            #expect(validate(typed, .mobile) == expected, "typed \(typed)")
        }
    }

    @Test func nonMobileNumbersAreRejected() {
        for typed in ["0112345678", "05512345", "055123456789", "+971551234567", "٠٥٥١٢٣٤٥٦x", "جوالي"] {
            #expect(validate(typed, .mobile) == .failure(.mobileFormat), "typed \(typed)")
        }
    }

    // MARK: numbers

    @Test func integersAcceptArabicDigitsAndThousandsSeparators() {
        #expect(validate("٥", .integer) == .success(.integer(5)))
        #expect(validate("12,500", .integer) == .success(.integer(12500)))
        #expect(validate("١٢٬٥٠٠", .integer) == .success(.integer(12500)))
        #expect(validate("-3", .integer) == .success(.integer(-3)))
        #expect(validate("7.0", .integer) == .success(.integer(7)))
    }

    @Test func fractionsAreNotWholeNumbers() {
        #expect(validate("3.5", .integer) == .failure(.notAWholeNumber))
        #expect(validate("٣٫٥", .integer) == .failure(.notAWholeNumber))
    }

    @Test func garbageIsNotANumber() {
        for typed in ["خمسة", "5 آلاف", "1,2", "12,50,0", "1.2.3", "", "3,5", "٥ريال", "."] where !typed.isEmpty {
            #expect(validate(typed, .integer) == .failure(.notANumber), "typed \(typed)")
            #expect(validate(typed, .decimal) == .failure(.notANumber), "typed \(typed)")
        }
    }

    @Test func numbersOutsideTheRangeNameTheLimit() {
        #expect(validate("0", .integer, min: 1, max: 20) == .failure(.belowMinimum(1)))
        #expect(validate("٢١", .integer, min: 1, max: 20) == .failure(.aboveMaximum(20)))
        #expect(validate("20", .integer, min: 1, max: 20) == .success(.integer(20)))
        #expect(validate("99999.5", .decimal, max: 50000) == .failure(.aboveMaximum(50000)))
    }

    @Test func decimalsAcceptTheArabicDecimalSeparator() {
        #expect(validate("٣٫٥", .decimal) == .success(.decimal(3.5)))
        #expect(validate("1,250.75", .decimal) == .success(.decimal(1250.75)))
        #expect(validate(".5", .decimal) == .success(.decimal(0.5)))
        #expect(validate("4200", .decimal) == .success(.decimal(4200)))
    }

    // MARK: email

    @Test func emailsAreLowercased() {
        #expect(validate(" Noura.S@Example.COM ", .email) == .success(.text("noura.s@example.com")))
    }

    @Test func malformedEmailsAreRejected() {
        for typed in [
            "noura", "noura@", "@example.com", "noura@example", "a b@example.com", "a@@example.com",
            "noura@example.c", "noura@.com", "نورة@مثال",
        ] {
            #expect(validate(typed, .email) == .failure(.emailFormat), "typed \(typed)")
        }
    }

    // MARK: IBAN

    @Test func validSaudiIBANIsAcceptedWithSpacesAndLowercase() {
        let expected: Result<FieldValue, ValidationFailure> = .success(.text("SA0380000000608010167519"))
        #expect(validate("SA03 8000 0000 6080 1016 7519", .iban) == expected)
        #expect(validate("sa0380000000608010167519", .iban) == expected)
    }

    @Test func computedIBANsPassTheirChecksum() {
        let iban = saudiIBAN(bank: "10", account: "000012345678901234")
        #expect(validate(iban, .iban) == .success(.text(iban)))
        let alphanumeric = saudiIBAN(bank: "45", account: "0000000A1B2C3D4E5F")
        #expect(validate(alphanumeric, .iban) == .success(.text(alphanumeric)))
    }

    @Test func alteredIBANFailsItsChecksum() {
        #expect(validate("SA0380000000608010167518", .iban) == .failure(.ibanChecksum))
        #expect(validate("SA1380000000608010167519", .iban) == .failure(.ibanChecksum))
    }

    @Test func nonSaudiOrMisshapenIBANIsAFormatFailure() {
        for typed in [
            "GB82WEST12345698765432", "SA038000000060801016751", "SA03800000006080101675199",
            "SAXX80000000608010167519", "SA03AB000000608010167519", "حسابي",
        ] {
            #expect(validate(typed, .iban) == .failure(.ibanFormat), "typed \(typed)")
        }
    }

    // MARK: location, yes/no, choice

    @Test func locationAcceptsLatitudeCommaLongitude() {
        #expect(validate("24.7136,46.6753", .location) == .success(.location(latitude: 24.7136, longitude: 46.6753)))
        #expect(validate("٢٤٫٧١٣٦، ٤٦٫٦٧٥٣", .location) == .success(.location(latitude: 24.7136, longitude: 46.6753)))
        #expect(validate("حي النرجس", .location) == .failure(.locationFormat))
        #expect(validate("95,46", .location) == .failure(.locationFormat))
    }

    @Test func yesNoFieldsGiveABool() {
        #expect(validate("أيوه", .yesNo) == .success(.yesNo(true)))
        #expect(validate("لا شكراً", .yesNo) == .success(.yesNo(false)))
        #expect(validate("1", .yesNo) == .failure(.notYesNo))
    }

    @Test func choiceFieldsGiveTheOptionIDAndLabel() {
        let f = field(.choice, options: [Option(id: "", label: "أعزب"), Option(id: "married", label: "متزوج")])
        #expect(FieldValidator.validate("٢", field: f) == .success(.choice(id: "married", label: "متزوج")))
        #expect(FieldValidator.validate("اعزب", field: f) == .success(.choice(id: "1", label: "أعزب")))
        #expect(FieldValidator.validate("مطلق", field: f) == .failure(.unknownChoice))
    }

    @Test func locationFormatHasAStableCode() {
        #expect(ValidationFailure.locationFormat.code == "location_format")
        #expect(ValidationFailure.allCodes.contains("location_format"))
    }
}
